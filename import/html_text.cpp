#include "import/html_text.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "import/html_entities.h"

namespace kith::import {

namespace {

bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_run_end(unsigned char c) {
    return c == '<' || c == '&' || c == 0xC2 || is_space(c);
}

/// Lower-case tag name at `p` (after '<' and an optional '/').
std::string tag_name(std::string_view s, std::size_t p) {
    std::string name;
    while (p < s.size() && name.size() < 16 && std::isalnum(static_cast<unsigned char>(s[p])))
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(s[p++])));
    return name;
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Inline tags join words ("<b>bo</b>ld"); tags that break lines become a line break (or a space
// on one line); any other tag separates words with a space.
bool is_inline(std::string_view name) {
    return one_of(name,
                  {"a",   "b",   "i",    "em",   "strong", "span", "code", "u",    "s",    "small",
                   "sub", "sup", "abbr", "cite", "q",      "del",  "ins",  "font", "mark", "tt"});
}

bool breaks_line(std::string_view name) {
    return one_of(name, {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul",
                         "ol", "table", "blockquote", "pre", "hr"});
}

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

/// The text being written: separators are held back until more text follows, so the result
/// never starts or ends with one and never has two in a row.
class TextOut {
  public:
    explicit TextOut(std::string& out) : m_out(out) {}
    void space() { m_space = true; }
    void line_break() { m_break = true; }
    void text(std::string_view piece) {
        if (!m_out.empty()) {
            if (m_break) {
                while (!m_out.empty() && m_out.back() == ' ') m_out.pop_back();
                if (!m_out.empty() && m_out.back() != '\n') m_out += '\n';
            } else if (m_space && m_out.back() != ' ' && m_out.back() != '\n') {
                m_out += ' ';
            }
        }
        m_space = m_break = false;
        m_out += piece;
    }

  private:
    std::string& m_out;
    bool m_space = false;
    bool m_break = false;
};

/// Where the element opened by the tag ending at `tag_end` ends, content included: just past
/// its closing tag (or the end of the input).
std::size_t skip_element(std::string_view html, std::size_t tag_end, const std::string& name) {
    for (std::size_t at = tag_end; (at = html.find("</", at)) != std::string_view::npos; at += 2) {
        if (tag_name(html, at + 2) != name) continue;
        const auto end = html.find('>', at);
        return end == std::string_view::npos ? html.size() : end + 1;
    }
    return html.size();
}

}  // namespace

std::string html_to_text(std::string_view html, const HtmlTextOptions& options) {
    std::string out;
    out.reserve(std::min(html.size(), options.max_bytes == std::numeric_limits<std::size_t>::max()
                                          ? html.size()
                                          : options.max_bytes + 8));
    TextOut text(out);
    int quote_depth = 0;
    std::string piece;
    std::size_t i = 0;
    // Decode a little past the limit so the cut knows whether anything was left out.
    while (i < html.size() && out.size() <= options.max_bytes) {
        const auto c = static_cast<unsigned char>(html[i]);
        if (c == '<') {
            if (html.substr(i, 4) == "<!--") {
                const auto end = html.find("-->", i + 4);
                i = end == std::string_view::npos ? html.size() : end + 3;
                continue;
            }
            const bool closing = i + 1 < html.size() && html[i + 1] == '/';
            const auto name = tag_name(html, i + (closing ? 2 : 1));
            const bool declaration = i + 1 < html.size() && html[i + 1] == '!';
            if (!name.empty() || closing || declaration) {
                const auto end = html.find('>', i);
                if (end == std::string_view::npos) break;  // a cut-off tag ends the text
                i = end + 1;
                if (!closing && one_of(name, {"script", "style", "head", "title"})) {
                    i = skip_element(html, i, name);
                    continue;
                }
                if (options.drop_quotes && name == "blockquote")
                    quote_depth = closing ? std::max(0, quote_depth - 1) : quote_depth + 1;
                if (breaks_line(name) && options.line_breaks)
                    text.line_break();
                else if (!is_inline(name))
                    text.space();
                continue;
            }
            // "a < b": not a tag, text.
        }
        if (quote_depth > 0) {
            ++i;
            continue;
        }
        if (is_space(c)) {
            text.space();
            ++i;
            continue;
        }
        if (html.substr(i, 2) == kNoBreakSpace) {
            text.space();  // a no-break space is a space in an excerpt
            i += 2;
            continue;
        }
        if (c != '&') {
            // A run of plain bytes at once: up to the next tag, reference, possible no-break
            // space (0xC2 0xA0) or white space other than one ' ' between two words (which
            // TextOut would write as it is).
            std::size_t end = i + 1;
            while (end < html.size()) {
                const auto b = static_cast<unsigned char>(html[end]);
                if (b == ' ' && end + 1 < html.size() &&
                    !is_run_end(static_cast<unsigned char>(html[end + 1]))) {
                    end += 2;
                } else if (!is_run_end(b)) {
                    ++end;
                } else {
                    break;
                }
            }
            text.text(html.substr(i, end - i));
            i = end;
            continue;
        }
        piece.clear();
        std::size_t took = decode_html_reference(html, i, piece);
        if (took == 0) {
            piece.assign(1, static_cast<char>(c));
            took = 1;
        }
        if (piece == kNoBreakSpace)
            text.space();  // &nbsp; too
        else
            text.text(piece);
        i += took;
    }
    if (out.size() > options.max_bytes) out = cut_text(out, options.max_bytes);
    return out;
}

std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

std::string cut_text(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    std::string out(utf8_prefix(s, max_bytes));
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
    return out + "…";
}

}  // namespace kith::import
