#pragma once
// Turning what people type or what sources contain into normalized identities (see identity.h).

#include <string_view>

#include "core/identity.h"
#include "core/result.h"

namespace kith::core {

/// Normalizes `raw` as an identity of `kind`. Accepts the real-world forms of each kind:
///  - email: "Ana@Example.ORG", " mailto:ana@example.org ", "<ana@example.org>",
///    "Ana Ruiz <ana@example.org>"
///  - twitter: "12345" (id), "@Jack", "jack", "https://twitter.com/jack", "x.com/jack/",
///    "https://mobile.twitter.com/jack?lang=en"
///  - mastodon: "@user@host", "user@host", "https://host/@user", "https://host/users/user",
///    "acct:user@host"
///  - website: any URL ("HTTPS://www.Example.org/blog/?utm_source=x#top" → "example.org/blog")
///  - phone: "+49 151 1234 5678", "(415) 555-0100" (+1 assumed for 10-digit NANP numbers only when
///    `default_country_code` says so), "tel:+1-415-555-0100", "00 44 20 7946 0958"
///  - linkedin: "https://www.linkedin.com/in/ana-ruiz/", "linkedin.com/in/Ana-Ruiz"
/// Errors (ErrorCode::invalid_input) say what is wrong with the value and give an example.
/// Pure and thread-safe.
Result<Identity> normalize_identity(IdentityKind kind, std::string_view raw,
                                    std::string_view default_country_code = "");

/// Guesses the kind from the form and normalizes: "ana@x.org" → email, "@u@host" → mastodon,
/// "https://host/@u" → mastodon, "@jack" or a twitter.com/x.com URL → twitter, "+49…" or
/// "tel:" → phone, a linkedin.com/in/ URL → linkedin, any other URL or "host.tld/path" → website.
Result<Identity> parse_identity(std::string_view raw, std::string_view default_country_code = "");

/// Canonical URL form used for website identities: scheme-less, host lower-cased, no "www.", no
/// default port, no query/fragment, no trailing slash, percent-encoding of unreserved characters
/// decoded. Empty when `raw` is not a URL with a host.
std::string canonical_url(std::string_view raw);

}  // namespace kith::core
