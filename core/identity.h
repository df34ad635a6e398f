#pragma once
// Identities: how a person is reachable or recognisable on one channel.

#include <optional>
#include <string>
#include <string_view>

namespace kith::core {

enum class IdentityKind { email, twitter, mastodon, website, phone, linkedin };

/// A normalized identity; unique by (kind, value) across the database.
///  - email:    "ana@example.org" (lower-cased, trimmed, no "mailto:")
///  - twitter:  "12345" (the numeric account id) or "@jack" (lower-cased handle when no id is
///  known)
///  - mastodon: "user@instance.social" (lower-cased)
///  - website:  "example.org/blog" (scheme-less, no "www.", no trailing slash, host lower-cased)
///  - phone:    "+4915112345678" (E.164 where possible, else digits as given)
///  - linkedin: "linkedin.com/in/ana-ruiz"
struct Identity {
    IdentityKind kind = IdentityKind::email;
    std::string value;    ///< normalized, the unique key
    std::string display;  ///< how to show it ("@Jack", "Ana@Example.org")

    friend bool operator==(const Identity& a, const Identity& b) {
        return a.kind == b.kind && a.value == b.value;
    }
};

std::string_view to_string(IdentityKind k);
std::optional<IdentityKind> parse_identity_kind(std::string_view s);

}  // namespace kith::core
