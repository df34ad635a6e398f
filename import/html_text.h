#pragma once
// Comment HTML reduced to a plain-text excerpt.

#include <cstddef>
#include <string>
#include <string_view>

namespace kith::import {

/// Plain text of a comment's HTML for an excerpt: tags removed (script and style with their
/// content), character references decoded (&amp;, &#8217;, &nbsp;…; unknown ones kept as
/// written), runs of white space collapsed to one space, cut at `max_bytes` on a UTF-8
/// boundary with "…". Text without tags passes through decoded. Nothing is fetched: the
/// function only looks at the string. Pure and thread-safe.
std::string comment_html_to_text(std::string_view html, std::size_t max_bytes = 500);

/// `s` cut to at most `max_bytes` without splitting a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

}  // namespace kith::import
