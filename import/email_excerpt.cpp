#include "import/email_excerpt.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace kith::import {

namespace {

bool ieq_prefix(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

/// Decodes the reference starting at html[i] == '&'; returns the bytes consumed (0 = not one).
std::size_t decode_entity(std::string_view html, std::size_t i, std::string& out) {
    const auto semi = html.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) return 0;
    const auto name = html.substr(i + 1, semi - i - 1);
    if (name.size() >= 2 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        const std::string digits(name.substr(hex ? 2 : 1));
        if (digits.empty()) return 0;
        char* end = nullptr;
        const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
        if (*end != '\0') return 0;
        append_utf8(out, static_cast<std::uint32_t>(std::min(cp, 0x110000UL)));
        return semi - i + 1;
    }
    struct Named {
        std::string_view name, text;
    };
    static constexpr std::array kNamed = {
        Named{"amp", "&"},        Named{"lt", "<"},         Named{"gt", ">"},
        Named{"quot", "\""},      Named{"apos", "'"},       Named{"nbsp", " "},
        Named{"mdash", "\u2014"}, Named{"ndash", "\u2013"}, Named{"hellip", "\u2026"},
        Named{"rsquo", "\u2019"}, Named{"lsquo", "\u2018"}, Named{"rdquo", "\u201D"},
        Named{"ldquo", "\u201C"}, Named{"euro", "\u20AC"},  Named{"copy", "\u00A9"},
    };
    for (const auto& n : kNamed) {
        if (n.name == name) {
            out.append(n.text);
            return semi - i + 1;
        }
    }
    return 0;
}

std::string lower_tag_name(std::string_view tag) {
    std::string name;
    for (const char c : tag) {
        if (std::isalnum(static_cast<unsigned char>(c)) || (c == '/' && name.empty()))
            name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        else if (!name.empty() || !std::isspace(static_cast<unsigned char>(c)))
            break;
    }
    return name;
}

/// Where an attribution line of a quote ends the new text: "On …, Ana wrote:",
/// "Am … schrieb Ana Ruiz <ana@x>:", "Le … a écrit :", "El … escribió:".
bool is_attribution(std::string_view line) {
    const auto t = trim(line);
    if (t.empty() || t.back() != ':') return false;
    for (const std::string_view word : {"wrote", "schrieb",
                                        "a \xC3\xA9"
                                        "crit",
                                        "escribi\xC3\xB3"}) {
        if (t.find(word) != std::string_view::npos) return true;
    }
    return false;
}

/// Where everything after is an older message or a signature.
bool starts_tail(std::string_view line) {
    const auto t = trim(line);
    return line == "-- " || line == "--" || ieq_prefix(t, "-----original message-----") ||
           ieq_prefix(t, "----- original message -----") ||
           ieq_prefix(t, "---------- forwarded message") || t.substr(0, 16) == "________________";
}

/// Cuts at a UTF-8 boundary at most `max_bytes` long, with "…" when something was cut.
void cut(std::string& s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return;
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    s.erase(end);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    s.append("\u2026");
}

}  // namespace

std::string html_to_text(std::string_view html) {
    std::string out;
    out.reserve(html.size() / 2);
    std::string skip_until;  // closing tag that ends a dropped element
    int quote_depth = 0;
    std::size_t i = 0;
    while (i < html.size()) {
        const char c = html[i];
        if (c == '<') {
            if (html.substr(i, 4) == "<!--") {
                const auto end = html.find("-->", i + 4);
                i = end == std::string_view::npos ? html.size() : end + 3;
                continue;
            }
            const auto end = html.find('>', i + 1);
            if (end == std::string_view::npos) break;  // a cut-off tag at the end
            const auto name = lower_tag_name(html.substr(i + 1, end - i - 1));
            i = end + 1;
            if (!skip_until.empty()) {
                if (name == skip_until) skip_until.clear();
                continue;
            }
            if (name == "script" || name == "style" || name == "head" || name == "title") {
                skip_until = "/" + name;
            } else if (name == "blockquote") {
                ++quote_depth;
            } else if (name == "/blockquote") {
                if (quote_depth > 0) --quote_depth;
            } else if (name == "br" || name == "p" || name == "/p" || name == "div" ||
                       name == "/div" || name == "tr" || name == "li" || name == "h1" ||
                       name == "h2" || name == "h3") {
                if (quote_depth == 0) out.push_back('\n');
            }
            continue;
        }
        if (!skip_until.empty() || quote_depth > 0) {
            ++i;
            continue;
        }
        if (c == '&') {
            if (const auto n = decode_entity(html, i, out); n > 0) {
                i += n;
                continue;
            }
        }
        out.push_back(c == '\r' || c == '\n' || c == '\t' ? ' ' : c);
        ++i;
    }
    return out;
}

std::string plain_excerpt(std::string_view text, std::size_t max_bytes) {
    std::vector<std::string_view> kept;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(start, nl - start);
        start = nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (starts_tail(line)) break;
        const auto t = trim(line);
        if (!t.empty() && t.front() == '>') continue;
        if (is_attribution(line)) {
            // A long attribution wraps: "On Tue, 3 Mar 2026 at 10:00, Ana Ruiz <ana@…>" + "wrote:".
            // Skipped, not a stop: bottom-posters answer below the quote.
            if (trim(line) == "wrote:" && !kept.empty()) kept.pop_back();
            continue;
        }
        kept.push_back(line);
    }
    std::string out;
    for (const auto line : kept) {
        for (const char c : line) {
            const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
            if (space) {
                if (!out.empty() && out.back() != ' ') out.push_back(' ');
            } else {
                out.push_back(c);
            }
        }
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
        if (out.size() > max_bytes + 8) break;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    cut(out, max_bytes);
    return out;
}

}  // namespace kith::import
