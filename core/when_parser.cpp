#include "core/when_parser.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace kith::core {

using namespace std::chrono;

namespace {

constexpr std::string_view kHint =
    "Try: 2026-12-01, 2026-12-01 14:30, today, tomorrow 2pm, fri, next week, +3d, in 2 weeks, "
    "3 days ago";

// A day without a time: a due date should be on the list when the working day starts, a thing
// that happened "yesterday" is placed mid-day so it sorts sensibly against timed events.
constexpr minutes kFutureDefault = hours{9};
constexpr minutes kPastDefault = hours{12};
constexpr minutes kTonight = hours{20};

// Large enough for any real date, small enough that no chrono arithmetic can overflow.
constexpr int kMaxAmount = 99999;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::vector<std::string> tokenize(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text) {
        // Commas are tolerated as separators: "fri, 14:00".
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',') {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += lower(c);
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

std::optional<weekday> parse_weekday(std::string_view w) {
    struct Name {
        std::string_view full;
        std::string_view abbr;
        std::string_view alt1;
        std::string_view alt2;
        unsigned index;  // std::chrono::weekday encoding: Sunday = 0
    };
    static constexpr std::array<Name, 7> kNames = {{
        {"sunday", "sun", "sun", "sun", 0},
        {"monday", "mon", "mon", "mon", 1},
        {"tuesday", "tue", "tues", "tue", 2},
        {"wednesday", "wed", "weds", "wed", 3},
        {"thursday", "thu", "thur", "thurs", 4},
        {"friday", "fri", "fri", "fri", 5},
        {"saturday", "sat", "sat", "sat", 6},
    }};
    for (const auto& n : kNames)
        if (w == n.full || w == n.abbr || w == n.alt1 || w == n.alt2) return weekday{n.index};
    return std::nullopt;
}

enum class Unit { minute, hour, day, week, month, year };

std::optional<Unit> parse_unit(std::string_view u) {
    struct Name {
        std::string_view name;
        Unit unit;
    };
    // "m" is a month, as in "+1m": minutes are rare in reminders and are spelled "min".
    static constexpr std::array<Name, 24> kUnits = {{
        {"min", Unit::minute},     {"mins", Unit::minute},  {"minute", Unit::minute},
        {"minutes", Unit::minute}, {"h", Unit::hour},       {"hr", Unit::hour},
        {"hrs", Unit::hour},       {"hour", Unit::hour},    {"hours", Unit::hour},
        {"d", Unit::day},          {"day", Unit::day},      {"days", Unit::day},
        {"w", Unit::week},         {"wk", Unit::week},      {"week", Unit::week},
        {"weeks", Unit::week},     {"m", Unit::month},      {"mo", Unit::month},
        {"month", Unit::month},    {"months", Unit::month}, {"y", Unit::year},
        {"yr", Unit::year},        {"year", Unit::year},    {"years", Unit::year},
    }};
    for (const auto& n : kUnits)
        if (u == n.name) return n.unit;
    return std::nullopt;
}

bool in_supported_range(local_days d) {
    const year_month_day ymd{d};
    return ymd.year() >= year{1} && ymd.year() <= year{9999};
}

// Calendar months: Jan 31 + 1 month is the last day of February, not March 3rd — someone who
// says "in a month" on the 31st means the end of next month.
std::optional<local_days> add_months(local_days d, long n) {
    const year_month_day ymd{d};
    const long total = static_cast<long>(static_cast<int>(ymd.year())) * 12 +
                       static_cast<long>(static_cast<unsigned>(ymd.month())) - 1 + n;
    if (total < 12 || total >= 10000L * 12) return std::nullopt;
    const year_month ym{year{static_cast<int>(total / 12)},
                        month{static_cast<unsigned>(total % 12) + 1}};
    const day last_day = (ym / last).day();
    return local_days{ym / (ymd.day() < last_day ? ymd.day() : last_day)};
}

// What the text resolved to: an exact instant ("now", "+4h") or a local calendar day that still
// needs its time of day.
struct Resolved {
    std::optional<TimePoint> exact;
    local_days day{};
    std::optional<minutes> time;            // given explicitly
    minutes default_time = kFutureDefault;  // used when no time was given
};

class Parser {
  public:
    Parser(std::string_view text, TimePoint now, seconds utc_offset, WhenBias bias)
        : m_tokens(tokenize(text)),
          m_now(now),
          m_today(floor<days>(local_seconds{(now + utc_offset).time_since_epoch()})),
          m_bias(bias) {}

    std::optional<Resolved> parse() {
        Resolved r;
        r.default_time = m_bias == WhenBias::future ? kFutureDefault : kPastDefault;
        if (m_tokens.empty()) return fail("it is empty");
        if (!day_form(r)) return std::nullopt;
        if (!r.exact && !at_end()) {
            if (peek() == "at") ++m_pos;
            const auto t = time_of_day();
            if (!t) return std::nullopt;
            r.time = *t;
        }
        if (!at_end()) return fail("did not expect \"" + peek() + "\"");
        if (!r.exact && !in_supported_range(r.day)) return fail("the date is out of range");
        return r;
    }

    const std::string& error() const { return m_error; }

  private:
    bool at_end() const { return m_pos >= m_tokens.size(); }
    const std::string& peek() const { return m_tokens[m_pos]; }

    // Converts to `false` or an empty optional, so every step can `return fail(...)`.
    struct Failed {
        operator bool() const { return false; }  // NOLINT: implicit by design
        template <class T>
        operator std::optional<T>() const {  // NOLINT
            return std::nullopt;
        }
    };

    // Keeps the first reason: it names the token where reading went wrong.
    Failed fail(std::string why) {
        if (m_error.empty()) m_error = std::move(why);
        return {};
    }

    weekday today_weekday() const { return weekday{m_today}; }

    bool day_form(Resolved& r) {
        const std::string tok = m_tokens[m_pos++];
        if (tok == "now") {
            r.exact = m_now;
        } else if (tok == "today") {
            r.day = m_today;
        } else if (tok == "tonight") {
            r.day = m_today;
            r.default_time = kTonight;
        } else if (tok == "tomorrow") {
            r.day = m_today + days{1};
        } else if (tok == "yesterday") {
            r.day = m_today - days{1};
        } else if (const auto wd = parse_weekday(tok)) {
            // Today's weekday is today either way; otherwise the bias picks the direction.
            r.day = m_bias == WhenBias::future ? m_today + (*wd - today_weekday())
                                               : m_today - (today_weekday() - *wd);
        } else if (tok == "next" || tok == "last") {
            return relative_named(tok == "next" ? 1 : -1, r);
        } else if (tok == "in") {
            return amount(+1, "", r);
        } else if (tok.size() > 1 && (tok.front() == '+' || tok.front() == '-')) {
            return amount(tok.front() == '+' ? 1 : -1, tok.substr(1), r);
        } else if (looks_like_amount(tok) || tok == "a" || tok == "an") {
            // "3 days ago", "2w ago", "a week ago"
            --m_pos;
            if (!amount(-1, "", r)) return false;
            if (at_end() || peek() != "ago") return fail("expected \"ago\" after the amount");
            ++m_pos;
        } else if (looks_like_iso_date(tok)) {
            const auto d = parse_iso(tok);
            if (!d) return fail(tok + " is not a calendar date");
            r.day = local_days{floor<days>(*d).time_since_epoch()};
        } else if (is_time_token(tok) || tok == "noon" || tok == "midnight") {
            // A time alone ("14:30", "2pm") is that time today.
            --m_pos;
            r.day = m_today;
        } else {
            return fail("unknown word \"" + tok + "\"");
        }
        return true;
    }

    // "next fri" / "last fri": the nearest such weekday strictly after / before today, whatever
    // the bias. "next week" is the coming Monday, "last week" the Monday of the previous week;
    // "next month" / "last month" the 1st, "next year" / "last year" January 1st.
    bool relative_named(int dir, Resolved& r) {
        if (at_end()) return fail("expected a weekday, week, month or year after next/last");
        const std::string tok = m_tokens[m_pos++];
        const weekday wd = today_weekday();
        if (const auto target = parse_weekday(tok)) {
            if (dir > 0) {
                const days ahead = *target - wd;
                r.day = m_today + (ahead == days{0} ? days{7} : ahead);
            } else {
                const days back = wd - *target;
                r.day = m_today - (back == days{0} ? days{7} : back);
            }
        } else if (tok == "week") {
            if (dir > 0) {
                const days ahead = Monday - wd;
                r.day = m_today + (ahead == days{0} ? days{7} : ahead);
            } else {
                r.day = m_today - (wd - Monday) - days{7};
            }
        } else if (tok == "month") {
            const year_month_day ymd{m_today};
            const year_month ym = ymd.year() / ymd.month() + months{dir};
            r.day = local_days{ym / 1};
        } else if (tok == "year") {
            const year_month_day ymd{m_today};
            r.day = local_days{(ymd.year() + years{dir}) / January / 1};
        } else {
            return fail("expected a weekday, week, month or year after next/last, not \"" + tok +
                        "\"");
        }
        return true;
    }

    // Reads "<n> <unit>" or "<n><unit>" (n may be "a"/"an"); `inline_rest` is what followed the
    // sign of "+3d". Applies it in direction `dir` from now (hours, minutes) or today (the rest).
    bool amount(int dir, std::string_view inline_rest, Resolved& r) {
        std::string_view tok = inline_rest;
        if (tok.empty()) {
            if (at_end()) return fail("expected an amount such as 3 days");
            tok = m_tokens[m_pos++];
        }
        long n = 0;
        std::string_view unit_text;
        if (tok == "a" || tok == "an") {
            n = 1;
        } else {
            std::size_t i = 0;
            while (i < tok.size() && is_digit(tok[i])) {
                n = n * 10 + (tok[i] - '0');
                if (n > kMaxAmount) return fail("the amount " + std::string(tok) + " is too large");
                ++i;
            }
            if (i == 0) return fail("expected a number, not \"" + std::string(tok) + "\"");
            unit_text = tok.substr(i);
        }
        if (unit_text.empty()) {
            if (at_end()) return fail("expected a unit (days, weeks, months…) after the number");
            unit_text = m_tokens[m_pos++];
        }
        const auto unit = parse_unit(unit_text);
        if (!unit) return fail("unknown unit \"" + std::string(unit_text) + "\"");
        const long signed_n = dir * n;
        switch (*unit) {
            case Unit::minute:
                r.exact = m_now + minutes{signed_n};
                break;
            case Unit::hour:
                r.exact = m_now + hours{signed_n};
                break;
            case Unit::day:
                r.day = m_today + days{signed_n};
                break;
            case Unit::week:
                r.day = m_today + weeks{signed_n};
                break;
            case Unit::month:
            case Unit::year: {
                const auto d = add_months(m_today, *unit == Unit::month ? signed_n : signed_n * 12);
                if (!d) return fail("the date is out of range");
                r.day = *d;
                break;
            }
        }
        return true;
    }

    // "3", "3d", "12days" — but not "2pm", which is a time.
    static bool looks_like_amount(std::string_view t) {
        std::size_t i = 0;
        while (i < t.size() && is_digit(t[i])) ++i;
        if (i == 0 || is_time_token(t)) return false;
        for (; i < t.size(); ++i)
            if (t[i] < 'a' || t[i] > 'z') return false;
        return true;
    }

    static bool looks_like_iso_date(std::string_view t) {
        if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
        for (std::size_t i = 0; i < t.size(); ++i)
            if (i != 4 && i != 7 && !is_digit(t[i])) return false;
        return true;
    }

    // "14:30", "9:05", "2pm", "2:30pm" (a separate "pm" token is checked by time_of_day).
    static bool is_time_token(std::string_view t) {
        std::size_t i = 0;
        while (i < t.size() && is_digit(t[i])) ++i;
        if (i == 0 || i > 2) return false;
        const auto rest = t.substr(i);
        if (rest.empty() || rest == "am" || rest == "pm") return rest.size() == 2;
        if (rest.front() != ':' || rest.size() < 3) return false;
        if (!is_digit(rest[1]) || !is_digit(rest[2])) return false;
        const auto suffix = rest.substr(3);
        return suffix.empty() || suffix == "am" || suffix == "pm";
    }

    std::optional<minutes> time_of_day() {
        if (at_end()) return fail("expected a time after \"at\"");
        const std::string tok = m_tokens[m_pos++];
        if (tok == "noon") return minutes{hours{12}};
        if (tok == "midnight") return minutes{0};
        std::string t = tok;
        // "2 pm" written with a space.
        if (!at_end() && (peek() == "am" || peek() == "pm") &&
            t.find_first_not_of("0123456789:") == std::string::npos)
            t += m_tokens[m_pos++];
        if (!is_time_token(t)) return fail("\"" + tok + "\" is not a time such as 14:30 or 2pm");
        int h = 0;
        std::size_t i = 0;
        while (i < t.size() && is_digit(t[i])) h = h * 10 + (t[i++] - '0');
        int m = 0;
        if (i < t.size() && t[i] == ':') {
            m = (t[i + 1] - '0') * 10 + (t[i + 2] - '0');
            i += 3;
        }
        const std::string_view suffix = std::string_view(t).substr(i);
        if (!suffix.empty()) {
            if (h < 1 || h > 12) return fail("\"" + t + "\" is not a time: the hour must be 1–12");
            h %= 12;  // 12am is midnight, 12pm noon
            if (suffix == "pm") h += 12;
        } else if (h > 23) {
            return fail("\"" + t + "\" is not a time: the hour must be 0–23");
        }
        if (m > 59) return fail("\"" + t + "\" is not a time: the minutes must be 0–59");
        return minutes{hours{h}} + minutes{m};
    }

    std::vector<std::string> m_tokens;
    std::size_t m_pos = 0;
    TimePoint m_now;
    local_days m_today;
    WhenBias m_bias;
    std::string m_error;
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

}  // namespace

Result<TimePoint> parse_when(std::string_view text, TimePoint now, seconds utc_offset,
                             WhenBias bias) {
    const std::string_view s = trim(text);
    Parser parser(s, now, utc_offset, bias);
    if (const auto r = parser.parse()) {
        if (r->exact) return *r->exact;
        const minutes tod = r->time ? *r->time : r->default_time;
        return TimePoint{duration_cast<seconds>((r->day + tod).time_since_epoch()) - utc_offset};
    }
    // Full ISO date-times with seconds, fractions or offsets are left to the one ISO parser.
    if (const auto iso = parse_iso(s, utc_offset)) return *iso;
    return make_error(ErrorCode::invalid_input,
                      "Cannot read \"" + std::string(text) + "\" as a date: " + parser.error(),
                      std::string(kHint));
}

TimePoint end_of_local_day(TimePoint now, seconds utc_offset) {
    const auto local_midnight = floor<days>(now + utc_offset);
    return TimePoint{local_midnight + hours{23} + minutes{59} + seconds{59} - utc_offset};
}

}  // namespace kith::core
