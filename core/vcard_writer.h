#pragma once
// Contacts out: people as vCard 4.0 (RFC 6350) text, read back by the "vcard" importer.

#include <string>

#include "core/records.h"

namespace kith::core {

/// One card for `c`: FN and a derived N, every identity (EMAIL, TEL, URL for websites,
/// X-SOCIALPROFILE with TYPE twitter/mastodon/linkedin; the identity's display, when it differs
/// from its value, in an X-KITH-DISPLAY parameter), CATEGORIES from circles, NOTE, ORG, TITLE,
/// BDAY (19800322 or --0322), PHOTO as a data: URI, X-KITH-CADENCE, UID from `c.ext_id`. Lines
/// end in CRLF and are folded at 75 octets without splitting a UTF-8 sequence. Text is escaped;
/// CR and LF in one-line fields (names, organization, circles) become spaces so nothing harvested
/// can start a line of its own. Pure and thread-safe.
std::string format_vcard(const ContactRecord& c);

/// Standard base64 with padding.
std::string encode_base64(std::string_view bytes);

}  // namespace kith::core
