#include "import/ics_event.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

#include "core/identity_normalizer.h"

namespace kith::import {

namespace {

std::string text_of(const char* s) {
    return s ? std::string(s) : std::string();
}

std::string tzid_of(icalproperty* p) {
    icalparameter* tz = p ? icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : nullptr;
    return tz ? text_of(icalparameter_get_tzid(tz)) : std::string();
}

/// "MAILTO:Ana@Example.org" → "Ana@Example.org"; the scheme's case varies between producers.
std::string_view strip_mailto(std::string_view v) {
    constexpr std::string_view kScheme = "mailto:";
    if (v.size() >= kScheme.size() &&
        std::equal(kScheme.begin(), kScheme.end(), v.begin(),
                   [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); }))
        v.remove_prefix(kScheme.size());
    return v;
}

bool is_room_or_resource(icalproperty* p) {
    icalparameter* cu = icalproperty_get_first_parameter(p, ICAL_CUTYPE_PARAMETER);
    if (!cu) return false;
    const auto t = icalparameter_get_cutype(cu);
    return t == ICAL_CUTYPE_ROOM || t == ICAL_CUTYPE_RESOURCE;
}

bool declined(icalproperty* p) {
    icalparameter* ps = icalproperty_get_first_parameter(p, ICAL_PARTSTAT_PARAMETER);
    return ps && icalparameter_get_partstat(ps) == ICAL_PARTSTAT_DECLINED;
}

/// Adds the person behind an ATTENDEE or ORGANIZER property to `e.people` (once per address).
void add_person(IcsEvent& e, std::string_view address, icalproperty* p,
                const std::function<bool(const core::Identity&)>& is_me,
                std::set<std::string>& seen) {
    const auto raw = strip_mailto(address);
    auto id = core::normalize_identity(core::IdentityKind::email, raw);
    if (!id) {
        e.unusable.emplace_back(address);
        return;
    }
    if (is_me(*id) || !seen.insert(id->value).second) return;
    core::Participant person{*id, {}, core::ParticipantRole::attendee};
    if (icalparameter* cn = icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER)) {
        person.display_name = text_of(icalparameter_get_cn(cn));
        // Outlook writes the address as the CN when it knows no name.
        if (core::normalize_identity(core::IdentityKind::email, person.display_name))
            person.display_name.clear();
    }
    e.people.push_back(std::move(person));
}

}  // namespace

core::Result<IcsEvent> read_ics_event(icalcomponent* c, const IcsTimeZones& zones,
                                      const std::function<bool(const core::Identity&)>& is_me) {
    IcsEvent e;
    e.uid = text_of(icalcomponent_get_uid(c));
    e.summary = text_of(icalcomponent_get_summary(c));
    e.description = text_of(icalcomponent_get_description(c));
    e.location = text_of(icalcomponent_get_location(c));
    if (icalproperty* url = icalcomponent_get_first_property(c, ICAL_URL_PROPERTY))
        e.url = text_of(icalproperty_get_url(url));
    e.cancelled = icalcomponent_get_status(c) == ICAL_STATUS_CANCELLED;
    e.recurring = icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY) != nullptr;

    icalproperty* dtstart = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY);
    if (!dtstart)
        return core::make_error(core::ErrorCode::invalid_input,
                                "event without a readable DTSTART skipped");
    e.start = icalproperty_get_dtstart(dtstart);
    e.start_tzid = tzid_of(dtstart);
    const auto start = zones.to_utc(e.start, e.start_tzid);
    if (!start)
        return core::make_error(core::ErrorCode::invalid_input,
                                "event with an invalid DTSTART skipped");
    e.start_utc = start->at;
    e.zone_known = start->zone_known;

    if (icalproperty* rid = icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY)) {
        if (const auto t = zones.to_utc(icalproperty_get_recurrenceid(rid), tzid_of(rid)))
            e.recurrence_id = t->at;
    }

    std::set<std::string> seen;
    for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_ORGANIZER_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_ORGANIZER_PROPERTY))
        add_person(e, text_of(icalproperty_get_organizer(p)), p, is_me, seen);
    for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_ATTENDEE_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_ATTENDEE_PROPERTY)) {
        if (is_room_or_resource(p) || declined(p)) continue;
        add_person(e, text_of(icalproperty_get_attendee(p)), p, is_me, seen);
    }
    return e;
}

void for_each_occurrence(icalcomponent* c, const IcsEvent& e, const IcsTimeZones& zones,
                         std::size_t max_occurrences,
                         const std::function<bool(core::TimePoint)>& visit) {
    icalproperty* rrule = icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY);
    if (!rrule) return;
    std::set<core::TimePoint> excluded;
    for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_EXDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_EXDATE_PROPERTY)) {
        if (const auto t = zones.to_utc(icalproperty_get_exdate(p), tzid_of(p)))
            excluded.insert(t->at);
    }
    const icalrecurrencetype rule = icalproperty_get_rrule(rrule);
    icalrecur_iterator* it = icalrecur_iterator_new(rule, e.start);
    if (!it) return;
    std::size_t produced = 0;
    // Iterations are capped too: a rule whose dates are all excluded must still end.
    for (std::size_t steps = 0; produced < max_occurrences && steps < 4 * max_occurrences;
         ++steps) {
        const icaltimetype local = icalrecur_iterator_next(it);
        if (icaltime_is_null_time(local)) break;
        const auto t = zones.to_utc(local, e.start_tzid);
        if (!t || excluded.count(t->at)) continue;
        ++produced;
        if (!visit(t->at)) break;
    }
    icalrecur_iterator_free(it);
}

}  // namespace kith::import
