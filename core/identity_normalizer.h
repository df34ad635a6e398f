#pragma once
// Turning what people type or what sources contain into normalized identities (see identity.h).

#include <string>
#include <string_view>

#include "core/identity.h"
#include "core/result.h"

namespace kith::core {

/// Normalizes `raw` as an identity of `kind`. Surrounding white space is ignored. Accepts the
/// real-world forms of each kind:
///  - email: "Ana@Example.ORG", " mailto:ana@example.org ", "<ana@example.org>",
///    "Ana Ruiz <ana@example.org>"; the whole address is lower-cased (display keeps its case).
///    Rejected: no @, several @, nothing before the @, an empty or dots-only domain, spaces or
///    list separators (an address list is not one address).
///  - twitter: "12345" (id, kept as digits), "@Jack", "jack", "https://twitter.com/jack",
///    "x.com/jack/", "https://mobile.twitter.com/jack?lang=en", "twitter.com/#!/jack",
///    "twitter.com/i/user/12345", intent links with screen_name=/user_id=. Handles become
///    "@jack" (display "@Jack"); 1–15 letters, digits or _. Site pages ("/home", "/search") are
///    rejected.
///  - mastodon: "@user@host", "user@host", "https://host/@user", "https://host/@user/123",
///    "https://host/users/user", "https://host/@user@other" (→ user@other), "acct:user@host";
///    value "user@host" lower-cased, display "@User@host".
///  - website: an http(s) or scheme-less URL, see canonical_url; display is the value.
///  - phone: "+49 151 1234 5678", "(415) 555-0100", "tel:+1-415-555-0100;ext=2",
///    "00 44 20 7946 0958", "+44 (0)20 7946 0958" (the bracketed trunk 0 is dropped). Spaces
///    (including no-break spaces), dots, dashes, slashes and brackets are ignored. "+…" and
///    "00…" numbers become "+digits". A national number with `default_country_code` ("49", "+49",
///    "1") becomes "+<cc><number>" without its trunk 0 (Italy, "39", keeps its 0; for "1", a
///    leading trunk 1 of an 11-digit number is dropped and "011" is the international prefix).
///    Without a default country code a national number keeps its digits as given. 5–15 digits;
///    letters are rejected. Display is the input without "tel:".
///  - linkedin: "https://www.linkedin.com/in/ana-ruiz/", "linkedin.com/in/Ana-Ruiz",
///    "de.linkedin.com/in/ana?trk=x", a bare "ana-ruiz"; value "linkedin.com/in/<slug>" with the
///    slug percent-decoded and lower-cased (display keeps its case).
/// Only ASCII is case-folded: IDN hosts and non-ASCII names are kept as given.
/// Errors (ErrorCode::invalid_input) quote the input, say what is wrong with it and give an
/// accepted example in the hint. Pure and thread-safe.
Result<Identity> normalize_identity(IdentityKind kind, std::string_view raw,
                                    std::string_view default_country_code = "");

/// Guesses the kind from the form and normalizes: "ana@x.org" or "Ana <ana@x.org>" → email,
/// "@u@host" → mastodon, "https://host/@u" → mastodon, "@jack" or a twitter.com/x.com URL →
/// twitter, "+49…", "tel:" or any text of only digits and phone punctuation → phone, a
/// linkedin.com/in/ URL → linkedin, any other URL or "host.tld/path" → website. Text it cannot
/// place ("jack", "Ana Ruiz") is an invalid_input error. Pure and thread-safe.
Result<Identity> parse_identity(std::string_view raw, std::string_view default_country_code = "");

/// Canonical URL form used for website identities: scheme-less, host lower-cased, no "www.", no
/// default port, no query/fragment, no trailing slash, percent-encoding of unreserved characters
/// decoded (other escapes get upper-case hex). Accepts http, https and scheme-less input; empty
/// when `raw` is not such a URL with a host (a scheme-less host needs a dot, so "localhost" and
/// "ana@example.org" are not URLs). Pure and thread-safe.
std::string canonical_url(std::string_view raw);

}  // namespace kith::core
