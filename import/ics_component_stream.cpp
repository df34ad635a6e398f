#include "import/ics_component_stream.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace kith::import {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

std::string upper(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

/// "BEGIN:VEVENT" → "VEVENT" (for `keyword` "BEGIN:"); empty when the line is something else.
std::string delimiter(std::string_view line, std::string_view keyword) {
    if (!starts_with_nocase(line, keyword)) return {};
    auto name = line.substr(keyword.size());
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    return upper(name);
}

bool blank(std::string_view s) {
    return s.find_first_not_of(" \t") == std::string_view::npos;
}

}  // namespace

IcsComponentStream::IcsComponentStream(std::FILE* file, std::size_t max_component_bytes)
    // A single line may be as long as a whole component (a base64 attachment, unfolded).
    : m_lines(file, max_component_bytes), m_max_bytes(max_component_bytes) {}

IcsComponentStream::Status IcsComponentStream::next(IcsComponent& out) {
    out = {};
    int depth = 0;  // nesting inside the current top-level component
    bool too_big = false;
    for (;;) {
        const auto status = m_lines.next(m_line);
        if (status == LineReader::Status::error) return Status::error;
        if (status == LineReader::Status::end) return depth > 0 ? Status::truncated : Status::end;
        ++m_line_no;
        if (status == LineReader::Status::too_long) {
            if (depth > 0) too_big = true;
            continue;
        }
        std::string_view line = m_line;
        if (m_line_no == 1 && line.substr(0, kBom.size()) == kBom) line.remove_prefix(kBom.size());
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

        if (!m_in_calendar) {
            if (delimiter(line, "BEGIN:") == "VCALENDAR") {
                m_in_calendar = m_saw_calendar = true;
            } else if (!blank(line)) {
                out.line = m_line_no;
                return Status::not_calendar;
            }
            continue;
        }
        if (depth == 0) {
            if (const auto begin = delimiter(line, "BEGIN:"); !begin.empty()) {
                out.name = begin;
                out.line = m_line_no;
                depth = 1;
            } else if (delimiter(line, "END:") == "VCALENDAR") {
                m_in_calendar = false;
                continue;
            } else if (starts_with_nocase(line, "X-WR-TIMEZONE:")) {
                m_calendar_tz = std::string(line.substr(14));
                continue;
            } else {
                continue;  // other calendar properties (PRODID, VERSION, X-WR-CALNAME…)
            }
        } else if (!delimiter(line, "BEGIN:").empty()) {
            ++depth;
        } else if (!delimiter(line, "END:").empty()) {
            --depth;
        }
        if (!too_big && out.text.size() + line.size() + 2 > m_max_bytes) {
            too_big = true;
            out.text.clear();
            out.text.shrink_to_fit();
        }
        if (!too_big) {
            out.text.append(line);
            out.text.append("\r\n");
        }
        if (depth == 0) return too_big ? Status::too_big : Status::component;
    }
}

}  // namespace kith::import
