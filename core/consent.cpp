#include "core/consent.h"

#include <array>
#include <utility>

namespace kith::core {

std::string_view to_string(ConsentStatus s) {
    switch (s) {
        case ConsentStatus::asked:
            return "asked";
        case ConsentStatus::opted_in:
            return "opted_in";
        case ConsentStatus::opted_out:
            return "opted_out";
        case ConsentStatus::unknown:
            break;
    }
    return "unknown";
}

std::optional<ConsentStatus> parse_consent_status(std::string_view s) {
    static constexpr std::array<std::pair<std::string_view, ConsentStatus>, 13> kNames{{
        {"unknown", ConsentStatus::unknown},
        {"asked", ConsentStatus::asked},
        {"opted_in", ConsentStatus::opted_in},
        {"opted-in", ConsentStatus::opted_in},
        {"optin", ConsentStatus::opted_in},
        {"opt-in", ConsentStatus::opted_in},
        {"yes", ConsentStatus::opted_in},
        {"opted_out", ConsentStatus::opted_out},
        {"opted-out", ConsentStatus::opted_out},
        {"optout", ConsentStatus::opted_out},
        {"opt-out", ConsentStatus::opted_out},
        {"no", ConsentStatus::opted_out},
        {"reset", ConsentStatus::unknown},
    }};
    for (const auto& [name, status] : kNames)
        if (name == s) return status;
    return std::nullopt;
}

}  // namespace kith::core
