#include "bench/gen/gen_text.h"

#include <array>
#include <cctype>
#include <stdexcept>
#include <vector>

#include <nlohmann/json.hpp>

namespace kith::bench {

TextOut::TextOut(const std::filesystem::path& path)
    : m_path(path), m_out(path, std::ios::binary | std::ios::trunc) {
    if (!m_out) throw std::runtime_error("cannot write " + path.string());
    m_buf.reserve(1 << 20);
}

TextOut::~TextOut() {
    if (m_out.is_open()) {
        try {
            close();
        } catch (...) {  // already reported by an explicit close() where it matters
        }
    }
}

void TextOut::put(std::string_view s) {
    m_buf.append(s);
    if (m_buf.size() >= (1 << 20)) flush();
}

void TextOut::flush() {
    m_out.write(m_buf.data(), static_cast<std::streamsize>(m_buf.size()));
    m_buf.clear();
    if (!m_out) throw std::runtime_error("write error on " + m_path.string());
}

void TextOut::close() {
    flush();
    m_out.close();
    if (!m_out) throw std::runtime_error("write error on " + m_path.string());
}

std::string format_time(std::time_t t, const char* fmt, int offset_minutes) {
    const std::time_t local = t + offset_minutes * 60;
    std::tm tm{};
    gmtime_r(&local, &tm);
    char buf[64];
    const auto n = std::strftime(buf, sizeof buf, fmt, &tm);
    return std::string(buf, n);
}

std::string rfc5322_date(std::time_t t, int offset_minutes) {
    const int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    char zone[16];
    std::snprintf(zone, sizeof zone, "%c%02d%02d", offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
    return format_time(t, "%a, %d %b %Y %H:%M:%S ", offset_minutes) + zone;
}

std::string iso_millis(std::time_t t) {
    return format_time(t, "%Y-%m-%dT%H:%M:%S.000Z");
}

std::string base64(std::string_view data, bool wrap) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve(data.size() * 4 / 3 + data.size() / 57 + 4);
    std::size_t line = 0;
    for (std::size_t i = 0; i < data.size(); i += 3) {
        const auto b = [&](std::size_t k) {
            return k < data.size() ? static_cast<unsigned char>(data[k]) : 0u;
        };
        const unsigned v = (b(i) << 16) | (b(i + 1) << 8) | b(i + 2);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += i + 1 < data.size() ? kAlphabet[(v >> 6) & 63] : '=';
        out += i + 2 < data.size() ? kAlphabet[v & 63] : '=';
        if (wrap && (line += 4) >= 76) {
            out += '\n';
            line = 0;
        }
    }
    if (wrap && line) out += '\n';
    return out;
}

namespace {

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

}  // namespace

std::string encoded_word(std::string_view s, bool q) {
    if (is_ascii(s)) return std::string(s);
    if (!q) return "=?UTF-8?B?" + base64(s, false) + "?=";
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out = "=?UTF-8?Q?";
    for (unsigned char c : s) {
        if (std::isalnum(c) && c < 0x80)
            out += static_cast<char>(c);
        else if (c == ' ')
            out += '_';
        else
            out += {'=', kHex[c >> 4], kHex[c & 15]};
    }
    return out + "?=";
}

std::string quoted_printable(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    std::size_t col = 0;
    for (unsigned char c : s) {
        if (c == '\n') {
            out += '\n';
            col = 0;
            continue;
        }
        std::string piece;
        if ((c >= 33 && c <= 126 && c != '=') || c == ' ')
            piece = static_cast<char>(c);
        else
            piece = {'=', kHex[c >> 4], kHex[c & 15]};
        if (col + piece.size() > 75) {
            out += "=\n";
            col = 0;
        }
        out += piece;
        col += piece.size();
    }
    return out;
}

std::string json_string(std::string_view s) {
    return nlohmann::json(std::string(s)).dump();
}

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string prose(GenRandom& rng, std::size_t words) {
    static const std::vector<std::string> kWords = {
        "the",     "report",  "grant",  "meeting",     "lunch",      "draft",    "budget",
        "review",  "call",    "friday", "thanks",      "attached",   "and",      "we",
        "could",   "maybe",   "next",   "week",        "conference", "talk",     "slides",
        "café",    "naïve",   "über",   "coöperate",   "résumé",     "workshop", "volunteer",
        "podcast", "invoice", "board",  "open",        "source",     "garden",   "trip",
        "Kraków",  "Zürich",  "São",    "Paulo",       "deadline",   "—",        "🙂",
        "library", "release", "sync",   "local-first", "coffee",     "book",     "Łódź"};
    std::string out;
    for (std::size_t i = 0; i < words; ++i) {
        if (i) out += (i % 13 == 0) ? ". " : " ";
        out += rng.pick(kWords);
    }
    return out + ".";
}

}  // namespace kith::bench
