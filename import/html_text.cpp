#include "import/html_text.h"

#include <cctype>
#include <cstdint>

#include "import/html_entities.h"

namespace kith::import {

namespace {

bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// Lower-case tag name at `p` (after '<' and an optional '/').
std::string tag_name(std::string_view s, std::size_t p) {
    std::string name;
    while (p < s.size() && name.size() < 16 && std::isalnum(static_cast<unsigned char>(s[p])))
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(s[p++])));
    return name;
}

/// Decodes the reference at s[i] == '&' into `out`; returns the bytes consumed.
std::size_t decode_reference(std::string_view s, std::size_t i, std::string& out) {
    const auto semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 33) {
        out += '&';
        return 1;
    }
    const auto body = s.substr(i + 1, semi - i - 1);
    std::uint32_t cp = 0;
    bool ok = false;
    if (body.size() > 1 && body[0] == '#') {
        const bool hex = body[1] == 'x' || body[1] == 'X';
        const auto digits = body.substr(hex ? 2 : 1);
        ok = !digits.empty();
        for (const char d : digits) {
            const auto u = static_cast<unsigned char>(d);
            if (!(hex ? std::isxdigit(u) : std::isdigit(u))) ok = false;
            if (!ok || cp > 0x10FFFF) break;
            cp = cp * (hex ? 16 : 10) +
                 static_cast<std::uint32_t>(std::isdigit(u) ? u - '0' : std::tolower(u) - 'a' + 10);
        }
        ok = ok && is_xml_char(cp);
    } else if (const auto named = html_entity(body)) {
        cp = *named;
        ok = true;
    }
    if (!ok) {
        out += '&';
        return 1;
    }
    append_utf8(out, cp == 0xA0 ? ' ' : cp);  // a no-break space is a space in an excerpt
    return semi - i + 1;
}

}  // namespace

std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

std::string comment_html_to_text(std::string_view html, std::size_t max_bytes) {
    std::string out;
    out.reserve(std::min(html.size(), max_bytes + 8));
    bool space = false;  // a space is pending (collapsed)
    const auto emit_space = [&] { space = !out.empty(); };
    std::size_t i = 0;
    // Decode a little past the limit so the cut knows whether anything was left out.
    while (i < html.size() && out.size() <= max_bytes) {
        const auto c = static_cast<unsigned char>(html[i]);
        if (c == '<') {
            const bool closing = i + 1 < html.size() && html[i + 1] == '/';
            const auto name = tag_name(html, i + (closing ? 2 : 1));
            if (name.empty() && !closing && html.substr(i, 4) != "<!--") {
                // "a < b": not a tag.
            } else {
                if (html.substr(i, 4) == "<!--") {
                    const auto end = html.find("-->", i + 4);
                    i = end == std::string_view::npos ? html.size() : end + 3;
                    continue;
                }
                auto end = html.find('>', i);
                if (end == std::string_view::npos) break;  // a cut-off tag ends the text
                if (!closing && (name == "script" || name == "style")) {
                    const auto close = html.find("</" + name, end);
                    end = close == std::string_view::npos ? html.size() - 1 : html.find('>', close);
                    if (end == std::string_view::npos) end = html.size() - 1;
                }
                i = end + 1;
                // Inline tags join words ("<b>bo</b>ld"); block tags and <br> separate them.
                static constexpr std::string_view kInline[] = {
                    "a",     "b",   "i",   "em",   "strong", "span", "code", "u",  "s",
                    "small", "sub", "sup", "abbr", "cite",   "q",    "del",  "ins"};
                bool is_inline = false;
                for (const auto t : kInline) is_inline = is_inline || name == t;
                if (!is_inline) emit_space();
                continue;
            }
        }
        if (is_space(c)) {
            emit_space();
            ++i;
            continue;
        }
        if (c == 0xC2 && i + 1 < html.size() && static_cast<unsigned char>(html[i + 1]) == 0xA0) {
            emit_space();  // a no-break space, as &nbsp; decoded by the XML parser
            i += 2;
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        if (c == '&') {
            const std::size_t before = out.size();
            i += decode_reference(html, i, out);
            if (out.size() == before + 1 && out.back() == ' ') {  // &nbsp; collapses too
                out.pop_back();
                emit_space();
            }
            continue;
        }
        out += static_cast<char>(c);
        ++i;
    }
    const bool more = i < html.size() || out.size() > max_bytes;
    if (more && out.size() > max_bytes) {
        out = std::string(utf8_prefix(out, max_bytes));
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += "…";
    }
    return out;
}

}  // namespace kith::import
