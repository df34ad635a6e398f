#include "import/vcard_reader.h"

#include "core/utf8_text.h"

#include <iconv.h>

#include <algorithm>
#include <cctype>

#include "import/csv_reader.h"

namespace kith::import {

namespace {

std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool iequals_prefix(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

bool contains_upper(std::string_view s, std::string_view needle) {
    return upper(s).find(needle) != std::string::npos;
}

/// The part of a content line before its value (name and parameters), honouring quotes.
std::size_t value_colon(std::string_view line) {
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '"') quoted = !quoted;
        if (line[i] == ':' && !quoted) return i;
    }
    return std::string_view::npos;
}

bool is_quoted_printable(std::string_view line) {
    const auto colon = value_colon(line);
    return colon != std::string_view::npos &&
           contains_upper(line.substr(0, colon), "QUOTED-PRINTABLE");
}

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::string decode_qp(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '=' && i + 2 < s.size() + 0 && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else if (s[i] == '=' && i + 1 == s.size()) {
            // a soft break left at the very end
        } else {
            out += s[i];
        }
    }
    return out;
}

/// Windows-1252 (a superset of Latin-1 in practice) to UTF-8: what old Outlook and phone exports
/// mean when they write bytes that are not UTF-8.
std::string from_cp1252(std::string_view s) {
    static const char16_t k80[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    std::string out;
    out.reserve(s.size() + s.size() / 4);
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        const char32_t cp = c >= 0x80 && c < 0xA0 ? k80[c - 0x80] : c;
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

/// Converts `s` from `charset` to UTF-8 with iconv; false when the charset is unknown or the
/// bytes do not fit it.
bool convert_charset(std::string_view s, const std::string& charset, std::string& out) {
    iconv_t cd = iconv_open("UTF-8", charset.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    out.assign(s.size() * 4 + 4, '\0');
    char* in_p = const_cast<char*>(s.data());
    std::size_t in_left = s.size();
    char* out_p = out.data();
    std::size_t out_left = out.size();
    const auto r = iconv(cd, &in_p, &in_left, &out_p, &out_left);
    iconv_close(cd);
    if (r == static_cast<std::size_t>(-1)) return false;
    out.resize(out.size() - out_left);
    return true;
}

/// The value as UTF-8, whatever CHARSET says (or the bytes suggest when it says nothing).
std::string to_utf8(std::string value, const std::string& charset) {
    const auto cs = upper(charset);
    if (!cs.empty() && cs != "UTF-8" && cs != "UTF8" && cs != "US-ASCII") {
        std::string out;
        if (cs == "ISO-8859-1" || cs == "WINDOWS-1252" || cs == "CP1252" || cs == "LATIN1")
            return from_cp1252(value);
        if (convert_charset(value, cs, out)) return out;
    }
    if (core::is_clean_text(value)) return value;
    return from_cp1252(value);
}

/// RFC 6868 parameter value escapes: ^n newline, ^^ caret, ^' double quote.
std::string caret_unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '^' && i + 1 < s.size()) {
            const char n = s[i + 1];
            if (n == 'n' || n == 'N') {
                out += '\n';
                ++i;
                continue;
            }
            if (n == '^' || n == '\'') {
                out += n == '^' ? '^' : '"';
                ++i;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

/// Splits at `sep` outside double quotes.
std::vector<std::string_view> split_outside_quotes(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    bool quoted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '"') quoted = !quoted;
        if (s[i] == sep && !quoted) {
            out.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    out.push_back(s.substr(start));
    return out;
}

void add_param(VcardProperty& p, std::string name, std::string_view raw) {
    for (const auto part : split_outside_quotes(raw, ',')) {
        std::string v(part);
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
        v = caret_unescape(v);
        if (name == "TYPE") v = lower(v);
        p.params.emplace_back(name, std::move(v));
        if (name != "TYPE") break;  // only TYPE lists are split; other values keep their commas
    }
}

}  // namespace

std::string VcardProperty::param(std::string_view key) const {
    for (const auto& [k, v] : params)
        if (k == key) return v;
    return {};
}

bool VcardProperty::has_type(std::string_view type) const {
    for (const auto& [k, v] : params)
        if (k == "TYPE" && v == type) return true;
    return false;
}

bool parse_vcard_property(std::string_view line, VcardProperty& out) {
    const auto colon = value_colon(line);
    if (colon == std::string_view::npos) return false;
    out.params.clear();
    const auto head = line.substr(0, colon);
    const auto parts = split_outside_quotes(head, ';');
    std::string name(parts.front());
    name.erase(
        std::remove_if(name.begin(), name.end(), [](char c) { return c == ' ' || c == '\t'; }),
        name.end());
    if (const auto dot = name.find('.'); dot != std::string::npos) {
        out.group = lower(name.substr(0, dot));
        name = name.substr(dot + 1);
    } else {
        out.group.clear();
    }
    out.name = upper(name);
    if (out.name.empty()) return false;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const auto p = parts[i];
        const auto eq = p.find('=');
        if (eq == std::string_view::npos) {  // 2.1 bare parameter
            const auto u = upper(trim_space(p));
            if (u == "QUOTED-PRINTABLE" || u == "BASE64" || u == "B" || u == "8BIT" || u == "7BIT")
                add_param(out, "ENCODING", u);
            else if (!u.empty())
                add_param(out, "TYPE", u);
            continue;
        }
        add_param(out, upper(p.substr(0, eq)), p.substr(eq + 1));
    }
    std::string value(line.substr(colon + 1));
    const auto encoding = upper(out.param("ENCODING"));
    if (encoding == "QUOTED-PRINTABLE") value = decode_qp(value);
    if (encoding != "B" && encoding != "BASE64")
        value = to_utf8(std::move(value), out.param("CHARSET"));
    out.value = std::move(value);
    return true;
}

std::string vcard_unescape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char n = s[++i];
            out += (n == 'n' || n == 'N') ? '\n' : n;
            continue;
        }
        out += s[i];
    }
    return out;
}

std::vector<std::string> vcard_split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
            continue;
        }
        if (s[i] == sep) {
            out.push_back(vcard_unescape(s.substr(start, i - start)));
            start = i + 1;
        }
    }
    out.push_back(vcard_unescape(s.substr(start)));
    return out;
}

VcardReader::VcardReader(std::istream& in, std::size_t max_line, std::size_t max_properties)
    : m_in(in), m_max_line(max_line), m_max_properties(max_properties) {}

bool VcardReader::physical_line(std::string& out, bool& too_long) {
    out.clear();
    int c = m_in.get();
    if (c == std::char_traits<char>::eof()) return false;
    ++m_line;
    for (; c != std::char_traits<char>::eof(); c = m_in.get()) {
        ++m_offset;
        if (c == '\n') break;
        if (out.size() >= m_max_line)
            too_long = true;
        else
            out += static_cast<char>(c);
    }
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return true;
}

bool VcardReader::logical_line(std::string& out, std::uint64_t& line,
                               std::vector<VcardProblem>& problems) {
    bool too_long = false;
    if (!physical_line(out, too_long)) return false;
    line = m_line;
    const bool qp = is_quoted_printable(out);
    std::string more;
    for (;;) {
        const int next = m_in.peek();
        if (next == ' ' || next == '\t') {
            if (!physical_line(more, too_long)) break;
            if (out.size() + more.size() > m_max_line)
                too_long = true;
            else
                out.append(more, 1);
            continue;
        }
        // 2.1 quoted-printable soft break: the value goes on on the next line, unindented.
        if (qp && !out.empty() && out.back() == '=' && next != std::char_traits<char>::eof()) {
            out.pop_back();
            if (!physical_line(more, too_long)) break;
            if (out.size() + more.size() > m_max_line)
                too_long = true;
            else
                out += more;
            continue;
        }
        break;
    }
    if (too_long) {
        problems.push_back(
            {line, "line longer than " + std::to_string(m_max_line >> 20) + " MiB skipped"});
        out.clear();
    }
    return true;
}

bool VcardReader::next(VcardCard& card, std::vector<VcardProblem>& problems) {
    card = VcardCard{};
    std::string text;
    std::uint64_t line = 0;
    bool in_card = false;
    int nested = 0;
    bool dropped = false;
    std::size_t card_bytes = 0;
    while (logical_line(text, line, problems)) {
        if (text.empty()) continue;
        if (iequals_prefix(text, "BEGIN:VCARD")) {
            if (in_card) {  // a 2.1 AGENT card inside this one: skip it whole
                ++nested;
                continue;
            }
            in_card = true;
            card.line = line;
            continue;
        }
        if (!in_card) continue;
        if (iequals_prefix(text, "END:VCARD")) {
            if (nested > 0) {
                --nested;
                continue;
            }
            return true;
        }
        if (nested > 0) continue;
        VcardProperty p;
        if (!parse_vcard_property(text, p)) {
            problems.push_back({line, "line without ':' ignored"});
            continue;
        }
        p.line = line;
        if (p.name == "VERSION") card.version = trim_space(p.value);
        card_bytes += p.value.size();
        if (card.properties.size() >= m_max_properties || card_bytes > kMaxCardBytes) {
            if (!dropped)
                problems.push_back(
                    {line, "card larger than " + std::to_string(kMaxCardBytes >> 20) +
                               " MiB or with more than " + std::to_string(m_max_properties) +
                               " properties; the rest is ignored"});
            dropped = true;
            continue;
        }
        card.properties.push_back(std::move(p));
    }
    if (in_card) {
        problems.push_back({card.line, "card not closed with END:VCARD (file truncated?)"});
        return true;
    }
    return false;
}

}  // namespace kith::import
