#pragma once
// The short plain-text excerpt of an email shown in timelines: the new words only.

#include <cstddef>
#include <string>
#include <string_view>

namespace kith::import {

/// Longest excerpt in bytes (cut at a UTF-8 character boundary, "…" appended).
inline constexpr std::size_t kExcerptBytes = 280;

/// Text of an HTML body: tags removed, <script>/<style>/<head> and <blockquote> (quoted mail)
/// dropped, block elements and <br> as line breaks, character references decoded (named ones
/// for the common entities, numeric ones always). Pure and thread-safe.
std::string html_to_text(std::string_view html);

/// The first `max_bytes` of what the sender wrote: quoted lines ("> …"), the attribution line
/// before them ("On Tue, Ana wrote:", "Am … schrieb …:", "Le … a écrit :"), forwarded or
/// Outlook-quoted originals ("-----Original Message-----", "________________") and the
/// signature (after "-- ") are dropped; white space is collapsed to single spaces. Invalid UTF-8
/// is not repaired here (the caller's text is already valid). Pure and thread-safe.
std::string plain_excerpt(std::string_view text, std::size_t max_bytes = kExcerptBytes);

}  // namespace kith::import
