#pragma once
// HTML reduced to plain text, one way for every importer: blog comments, HTML mail and Mastodon
// posts. Only the string is looked at: nothing it links to is ever fetched.

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>

namespace kith::import {

/// How html_to_text shapes its output.
struct HtmlTextOptions {
    /// Line breaks ('\n') where the HTML breaks lines: <br>, paragraphs, list items, table
    /// rows, headings. Otherwise they are spaces, for one-line excerpts.
    bool line_breaks = false;
    /// Leaves out what is inside <blockquote>: in a mail reply it is the quoted older message.
    bool drop_quotes = false;
    /// Longer text is cut on a UTF-8 boundary and ends in "…".
    std::size_t max_bytes = std::numeric_limits<std::size_t>::max();
};

/// Plain text of `html`: tags removed (script, style, head and title with their content; a
/// cut-off tag ends the text; "a < b" stays text), character references decoded (unknown ones
/// kept as written, &nbsp; a space), runs of white space collapsed to one space, never a space
/// or break at either end. Inline tags (<b>, <a>, <span>…) join words; the others separate
/// them. Text without tags passes through decoded. Pure and thread-safe.
std::string html_to_text(std::string_view html, const HtmlTextOptions& options = {});

/// A blog comment's excerpt: html_to_text on one line, at most `max_bytes`.
inline std::string comment_html_to_text(std::string_view html, std::size_t max_bytes = 500) {
    return html_to_text(html, {.line_breaks = false, .drop_quotes = false, .max_bytes = max_bytes});
}

/// `s` cut to at most `max_bytes` without splitting a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

/// `s` if it fits in `max_bytes`, else its longest UTF-8 prefix that does, without trailing
/// spaces, and "…".
std::string cut_text(std::string_view s, std::size_t max_bytes);

}  // namespace kith::import
