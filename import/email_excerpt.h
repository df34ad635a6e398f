#pragma once
// The short plain-text excerpt of an email shown in timelines: the new words only.

#include <cstddef>
#include <string>
#include <string_view>

namespace kith::import {

/// Longest excerpt in bytes (cut at a UTF-8 character boundary, "…" appended).
inline constexpr std::size_t kExcerptBytes = 280;

/// The first `max_bytes` of what the sender wrote: quoted lines ("> …"), the attribution line
/// before them ("On Tue, Ana wrote:", "Am … schrieb …:", "Le … a écrit :"), forwarded or
/// Outlook-quoted originals ("-----Original Message-----", "________________") and the
/// signature (after "-- ") are dropped; white space is collapsed to single spaces. Invalid UTF-8
/// is not repaired here (the caller's text is already valid). Pure and thread-safe.
std::string plain_excerpt(std::string_view text, std::size_t max_bytes = kExcerptBytes);

/// plain_excerpt of an HTML body: its text with line breaks kept and <blockquote> (the quoted
/// older message) left out (html_to_text in import/html_text.h).
std::string html_excerpt(std::string_view html, std::size_t max_bytes = kExcerptBytes);

}  // namespace kith::import
