#include "db/evidence_json.h"

#include <nlohmann/json.hpp>

namespace kith::db {

std::string evidence_to_json(std::span<const core::Evidence> evidence) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : evidence)
        out.push_back({{"kind", std::string(core::to_string(e.kind))},
                       {"detail", e.detail},
                       {"weight", e.weight}});
    // Details quote names from imported data, which may not be valid UTF-8.
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<core::Evidence> evidence_from_json(const std::string& text) {
    std::vector<core::Evidence> out;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& e : j) {
        if (!e.is_object()) continue;
        const auto kind = core::parse_evidence_kind(e.value("kind", ""));
        if (!kind) continue;
        out.push_back({*kind, e.value("detail", ""), e.value("weight", 0.0)});
    }
    return out;
}

}  // namespace kith::db
