#include "import/mbox_envelope.h"

#include <array>
#include <cctype>
#include <chrono>
#include <vector>

namespace kith::import {

namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

int number(std::string_view s) {
    int n = 0;
    for (const char c : s) n = n * 10 + (c - '0');
    return n;
}

/// 1–12 for "Jan".."Dec" (any case, longer names accepted), else 0.
unsigned month_of(std::string_view s) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (s.size() < 3 || s.size() > 9) return 0;
    char low[3];
    for (int i = 0; i < 3; ++i)
        low[i] = static_cast<char>(
            std::tolower(static_cast<unsigned char>(s[static_cast<std::size_t>(i)])));
    for (unsigned i = 0; i < kMonths.size(); ++i)
        if (kMonths[i] == std::string_view(low, 3)) return i + 1;
    return 0;
}

/// "14:31:02" or "14:31" as seconds of the day.
std::optional<int> time_of(std::string_view s) {
    int parts[3] = {0, 0, 0};
    int count = 0;
    for (;;) {
        const auto colon = s.find(':');
        const auto p = s.substr(0, colon);
        if (count == 3 || p.empty() || p.size() > 2 || !all_digits(p)) return std::nullopt;
        parts[count++] = number(p);
        if (colon == std::string_view::npos) break;
        s.remove_prefix(colon + 1);
    }
    if (count < 2 || parts[0] > 23 || parts[1] > 59 || parts[2] > 60) return std::nullopt;
    return parts[0] * 3600 + parts[1] * 60 + parts[2];
}

/// "+0100" / "-0500" as seconds east of UTC.
std::optional<int> offset_of(std::string_view s) {
    if (s.size() != 5 || (s[0] != '+' && s[0] != '-') || !all_digits(s.substr(1)))
        return std::nullopt;
    const int v = number(s.substr(1, 2)) * 3600 + number(s.substr(3, 2)) * 60;
    return s[0] == '-' ? -v : v;
}

}  // namespace

std::optional<core::TimePoint> parse_envelope_date(std::string_view line) {
    if (line.substr(0, 5) != "From ") return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() > 512) return std::nullopt;  // real envelope lines are short
    std::vector<std::string_view> tokens;
    std::size_t i = 5;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        auto end = i;
        while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
        if (end > i) {
            auto t = line.substr(i, end - i);
            if (t.back() == ',') t.remove_suffix(1);
            tokens.push_back(t);
        }
        i = end;
    }
    if (tokens.size() < 5) return std::nullopt;  // sender + month, day, time, year at least
    unsigned month = 0;
    int day = 0, year = 0, offset = 0;
    std::optional<int> seconds;
    for (std::size_t k = 1; k < tokens.size(); ++k) {  // tokens[0] is the sender
        const auto t = tokens[k];
        if (!month && (month = month_of(t)) != 0) continue;
        if (!seconds && (seconds = time_of(t))) continue;
        if (const auto off = offset_of(t)) {
            offset = *off;
            continue;
        }
        if (all_digits(t) && t.size() == 4 && !year) {
            year = number(t);
            continue;
        }
        if (all_digits(t) && t.size() <= 2 && !day) day = number(t);
    }
    if (!month || !day || !seconds || year < 1900 || year > 2200) return std::nullopt;
    using namespace std::chrono;
    const year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                             std::chrono::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return std::nullopt;
    return core::TimePoint{sys_days{ymd}} + std::chrono::seconds{*seconds - offset};
}

}  // namespace kith::import
