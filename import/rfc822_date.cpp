#include "import/rfc822_date.h"

#include <array>
#include <cctype>
#include <chrono>
#include <string>
#include <vector>

#include "core/calendar_range.h"

namespace kith::import {

namespace {

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (const char c : s) {
        if (c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n') {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

std::optional<int> number(const std::string& s) {
    if (s.empty() || s.size() > 4) return std::nullopt;
    int v = 0;
    for (const char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<int> zone_minutes(std::string z) {
    for (auto& c : z) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (z == "GMT" || z == "UT" || z == "UTC" || z == "Z") return 0;
    static constexpr std::array<std::pair<std::string_view, int>, 8> kNamed = {{
        {"EST", -5},
        {"EDT", -4},
        {"CST", -6},
        {"CDT", -5},
        {"MST", -7},
        {"MDT", -6},
        {"PST", -8},
        {"PDT", -7},
    }};
    for (const auto& [name, hours] : kNamed)
        if (z == name) return hours * 60;
    if (z.size() == 5 && (z[0] == '+' || z[0] == '-')) {
        const auto hh = number(z.substr(1, 2)), mm = number(z.substr(3, 2));
        if (!hh || !mm) return std::nullopt;
        return (z[0] == '-' ? -1 : 1) * (*hh * 60 + *mm);
    }
    return std::nullopt;
}

}  // namespace

std::optional<core::TimePoint> parse_rfc822(std::string_view text) {
    auto w = words(text);
    if (!w.empty() && !w[0].empty() && std::isalpha(static_cast<unsigned char>(w[0][0])))
        w.erase(w.begin());  // the weekday
    if (w.size() < 4) return core::parse_iso(text);
    static constexpr std::array<std::string_view, 12> kMonths = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    std::string mon = w[1].substr(0, 3);
    for (auto& c : mon) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    unsigned month = 0;
    for (unsigned i = 0; i < kMonths.size(); ++i)
        if (mon == kMonths[i]) month = i + 1;
    const auto day = number(w[0]);
    auto year = number(w[2]);
    if (!month || !day || !year) return core::parse_iso(text);
    if (w[2].size() == 2) *year += *year < 50 ? 2000 : 1900;
    const auto& t = w[3];
    const auto h = number(t.substr(0, t.find(':')));
    const auto rest = t.find(':') == std::string::npos ? std::string() : t.substr(t.find(':') + 1);
    const auto m = number(rest.substr(0, rest.find(':')));
    const auto s = rest.find(':') == std::string::npos ? std::optional<int>(0)
                                                       : number(rest.substr(rest.find(':') + 1));
    if (!h || !m || !s || *h > 23 || *m > 59 || *s > 60) return std::nullopt;
    const auto zone = w.size() > 4 ? zone_minutes(w[4]) : std::optional<int>(0);
    if (!zone) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{*year}, std::chrono::month{month},
                                          std::chrono::day{static_cast<unsigned>(*day)}};
    if (!ymd.ok()) return std::nullopt;
    const auto at = core::TimePoint{std::chrono::sys_days{ymd}} + std::chrono::hours{*h} +
                    std::chrono::minutes{*m} + std::chrono::seconds{std::min(*s, 59)} -
                    std::chrono::minutes{*zone};
    if (!core::in_calendar_range(at)) return std::nullopt;  // year 0, or 9999 pushed into 10000
    return at;
}

}  // namespace kith::import
