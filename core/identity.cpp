#include "core/identity.h"

#include <array>

namespace kith::core {

namespace {
constexpr std::array<std::pair<IdentityKind, std::string_view>, 6> kNames = {{
    {IdentityKind::email, "email"},
    {IdentityKind::twitter, "twitter"},
    {IdentityKind::mastodon, "mastodon"},
    {IdentityKind::website, "website"},
    {IdentityKind::phone, "phone"},
    {IdentityKind::linkedin, "linkedin"},
}};
}  // namespace

std::string_view to_string(IdentityKind k) {
    for (const auto& [kind, name] : kNames)
        if (kind == k) return name;
    return "email";
}

std::optional<IdentityKind> parse_identity_kind(std::string_view s) {
    for (const auto& [kind, name] : kNames)
        if (name == s) return kind;
    if (s == "x") return IdentityKind::twitter;
    if (s == "url" || s == "blog" || s == "web") return IdentityKind::website;
    if (s == "tel" || s == "mobile") return IdentityKind::phone;
    if (s == "mail") return IdentityKind::email;
    return std::nullopt;
}

}  // namespace kith::core
