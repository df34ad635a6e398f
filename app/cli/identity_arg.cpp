#include "app/cli/identity_arg.h"

#include "core/identity_normalizer.h"

namespace kith::app {

core::Result<core::Identity> identity_arg(const std::string& value, const std::string& kind) {
    if (kind.empty()) return core::parse_identity(value);
    const auto k = core::parse_identity_kind(kind);
    if (!k)
        return core::make_error(core::ErrorCode::invalid_input,
                                "unknown identity kind '" + kind + "'",
                                "Kinds: email, twitter, mastodon, website, phone, linkedin.");
    return core::normalize_identity(*k, value);
}

}  // namespace kith::app
