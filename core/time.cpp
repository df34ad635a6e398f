#include "core/time.h"

#include <cctype>
#include <cstdio>

#include "core/calendar_range.h"

namespace kith::core {

using namespace std::chrono;

namespace {

std::string two(unsigned v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02u", v % 100);
    return buf;
}

// Reads exactly `n` digits at `pos`; advances pos.
std::optional<int> digits(std::string_view s, std::size_t& pos, std::size_t n) {
    if (pos + n > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = s[pos + i];
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        v = v * 10 + (c - '0');
    }
    pos += n;
    return v;
}

}  // namespace

std::string format_date(TimePoint t) {
    const year_month_day ymd{floor<days>(t)};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::string format_iso(TimePoint t) {
    const auto day = floor<days>(t);
    const hh_mm_ss hms{t - day};
    return format_date(t) + "T" + two(static_cast<unsigned>(hms.hours().count())) + ":" +
           two(static_cast<unsigned>(hms.minutes().count())) + ":" +
           two(static_cast<unsigned>(hms.seconds().count())) + "Z";
}

std::optional<TimePoint> parse_iso(std::string_view s, seconds utc_offset) {
    std::size_t p = 0;
    const auto y = digits(s, p, 4);
    if (!y || p >= s.size() || s[p++] != '-') return std::nullopt;
    const auto mo = digits(s, p, 2);
    if (!mo || p >= s.size() || s[p++] != '-') return std::nullopt;
    const auto d = digits(s, p, 2);
    if (!d || *y < 1) return std::nullopt;
    const year_month_day ymd{year{*y}, month{static_cast<unsigned>(*mo)},
                             day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    int h = 0, mi = 0, se = 0;
    seconds offset = utc_offset;
    if (p < s.size() && (s[p] == 'T' || s[p] == 't' || s[p] == ' ')) {
        ++p;
        const auto hh = digits(s, p, 2);
        if (!hh || p >= s.size() || s[p++] != ':') return std::nullopt;
        const auto mm = digits(s, p, 2);
        if (!mm) return std::nullopt;
        h = *hh;
        mi = *mm;
        if (p < s.size() && s[p] == ':') {
            ++p;
            const auto ss = digits(s, p, 2);
            if (!ss) return std::nullopt;
            se = *ss;
            if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
                ++p;
                const std::size_t start = p;
                while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p]))) ++p;
                if (p == start) return std::nullopt;
            }
        }
        if (h > 23 || mi > 59 || se > 60) return std::nullopt;
        if (p < s.size() && (s[p] == 'Z' || s[p] == 'z')) {
            ++p;
            offset = seconds{0};
        } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
            const int sign = s[p++] == '-' ? -1 : 1;
            const auto oh = digits(s, p, 2);
            if (!oh) return std::nullopt;
            if (p < s.size() && s[p] == ':') ++p;
            const auto om = digits(s, p, 2);
            if (!om || *oh > 23 || *om > 59) return std::nullopt;
            offset = seconds{sign * (*oh * 3600 + *om * 60)};
        }
    }
    if (p != s.size()) return std::nullopt;
    const auto local = sys_days{ymd} + hours{h} + minutes{mi} + seconds{se};
    const TimePoint t{local - offset};
    if (!in_calendar_range(t)) return std::nullopt;
    return t;
}

std::string format_age(TimePoint then, TimePoint now) {
    const auto d = now - then;
    const auto secs = d.count() < 0 ? -d.count() : d.count();
    const std::string suffix = d.count() < 0 ? " ahead" : "";
    if (secs < 60) return "just now";
    if (secs < 3600) return std::to_string(secs / 60) + " min" + suffix;
    if (secs < 86400) return std::to_string(secs / 3600) + " h" + suffix;
    const auto days_ = secs / 86400;
    if (days_ < 14) return std::to_string(days_) + " d" + suffix;
    if (days_ < 60) return std::to_string(days_ / 7) + " wk" + suffix;
    if (days_ < 730) return std::to_string(days_ / 30) + " mo" + suffix;
    return std::to_string(days_ / 365) + " yr" + suffix;
}

std::string format_relative(TimePoint then, TimePoint now) {
    std::string age = format_age(then, now);
    if (age == "just now") return age;
    if (then > now) return "in " + age.substr(0, age.size() - std::string_view(" ahead").size());
    return age + " ago";
}

}  // namespace kith::core
