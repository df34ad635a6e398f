#include "import/ics_time_zones.h"

#include <array>
#include <chrono>
#include <utility>

namespace kith::import {

namespace {

// Windows zone names (as Outlook/Exchange write them in TZID, often without a VTIMEZONE) to
// IANA names, after CLDR's windowsZones.xml (territory 001). The common ones; others are
// reported as unknown and taken as UTC.
constexpr std::array<std::pair<std::string_view, std::string_view>, 32> kWindowsZones{{
    {"UTC", "UTC"},
    {"GMT Standard Time", "Europe/London"},
    {"Greenwich Standard Time", "Atlantic/Reykjavik"},
    {"W. Europe Standard Time", "Europe/Berlin"},
    {"Central Europe Standard Time", "Europe/Budapest"},
    {"Central European Standard Time", "Europe/Warsaw"},
    {"Romance Standard Time", "Europe/Paris"},
    {"E. Europe Standard Time", "Europe/Chisinau"},
    {"FLE Standard Time", "Europe/Kiev"},
    {"GTB Standard Time", "Europe/Bucharest"},
    {"Russian Standard Time", "Europe/Moscow"},
    {"Turkey Standard Time", "Europe/Istanbul"},
    {"Israel Standard Time", "Asia/Jerusalem"},
    {"South Africa Standard Time", "Africa/Johannesburg"},
    {"Arabian Standard Time", "Asia/Dubai"},
    {"India Standard Time", "Asia/Kolkata"},
    {"China Standard Time", "Asia/Shanghai"},
    {"Singapore Standard Time", "Asia/Singapore"},
    {"Tokyo Standard Time", "Asia/Tokyo"},
    {"Korea Standard Time", "Asia/Seoul"},
    {"AUS Eastern Standard Time", "Australia/Sydney"},
    {"New Zealand Standard Time", "Pacific/Auckland"},
    {"Eastern Standard Time", "America/New_York"},
    {"Central Standard Time", "America/Chicago"},
    {"Mountain Standard Time", "America/Denver"},
    {"US Mountain Standard Time", "America/Phoenix"},
    {"Pacific Standard Time", "America/Los_Angeles"},
    {"Alaskan Standard Time", "America/Anchorage"},
    {"Hawaiian Standard Time", "Pacific/Honolulu"},
    {"Atlantic Standard Time", "America/Halifax"},
    {"E. South America Standard Time", "America/Sao_Paulo"},
    {"SA Pacific Standard Time", "America/Bogota"},
}};

icaltimezone* system_zone(std::string_view name) {
    if (name == "UTC" || name == "Etc/UTC" || name == "GMT" || name == "Z")
        return icaltimezone_get_utc_timezone();
    const std::string s(name);
    return icaltimezone_get_builtin_timezone(s.c_str());
}

}  // namespace

IcsTimeZones::IcsTimeZones() = default;

IcsTimeZones::~IcsTimeZones() {
    for (auto& [tzid, zone] : m_own) icaltimezone_free(zone, 1);
}

bool IcsTimeZones::add(const std::string& vtimezone_text) {
    icalcomponent* c = icalparser_parse_string(vtimezone_text.c_str());
    if (!c) return false;
    if (icalcomponent_isa(c) != ICAL_VTIMEZONE_COMPONENT) {
        icalcomponent_free(c);
        return false;
    }
    icaltimezone* zone = icaltimezone_new();
    if (!icaltimezone_set_component(zone, c)) {  // takes `c` on success
        icalcomponent_free(c);
        icaltimezone_free(zone, 1);
        return false;
    }
    const char* tzid = icaltimezone_get_tzid(zone);
    if (!tzid || m_own.count(std::string_view(tzid))) {
        icaltimezone_free(zone, 1);  // nameless, or a repeat: the first definition wins
        return tzid != nullptr;
    }
    m_own.emplace(tzid, zone);
    return true;
}

void IcsTimeZones::set_floating_zone(std::string_view tzid) {
    m_floating = tzid.empty() ? nullptr : find(tzid);
}

icaltimezone* IcsTimeZones::find(std::string_view tzid) const {
    if (const auto it = m_own.find(tzid); it != m_own.end()) return it->second;
    if (auto* z = system_zone(tzid)) return z;
    for (const auto& [windows, iana] : kWindowsZones)
        if (windows == tzid) return system_zone(iana);
    // Prefixed names ("/mozilla.org/20050126_1/Europe/Berlin", "/citadel.org/…/Europe/Rome"):
    // try each tail after a '/'.
    for (auto slash = tzid.find('/'); slash != std::string_view::npos;
         slash = tzid.find('/', slash + 1)) {
        const auto tail = tzid.substr(slash + 1);
        if (tail.find('/') == std::string_view::npos) break;  // "Berlin" alone is no zone
        if (auto* z = system_zone(tail)) return z;
    }
    return nullptr;
}

std::optional<IcsTimeZones::Converted> IcsTimeZones::to_utc(icaltimetype t,
                                                            std::string_view tzid) const {
    if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t)) return std::nullopt;
    if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12 || t.day < 1) return {};
    Converted out;
    if (!t.is_date && !icaltime_is_utc(t)) {
        icaltimezone* zone = tzid.empty() ? m_floating : find(tzid);
        if (!tzid.empty() && !zone) out.zone_known = false;
        if (zone) icaltimezone_convert_time(&t, zone, icaltimezone_get_utc_timezone());
    }
    using namespace std::chrono;
    const year_month_day ymd{year{t.year}, month{static_cast<unsigned>(t.month)},
                             day{static_cast<unsigned>(t.day)}};
    if (!ymd.ok()) return std::nullopt;
    const auto time_of_day =
        t.is_date ? hours{12} : hours{t.hour} + minutes{t.minute} + seconds{t.second};
    out.at = core::TimePoint{sys_days{ymd}} + time_of_day;
    return out;
}

}  // namespace kith::import
