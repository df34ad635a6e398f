#include "app/gui/person_presenter.h"

#include <algorithm>

#include "app/gui/today_presenter.h"
#include "db/circle_repo.h"
#include "db/followup_repo.h"
#include "db/identity_repo.h"
#include "db/people_repo.h"
#include "db/person_activity.h"

namespace kith::app {

namespace {

int month_index(core::TimePoint t) {
    const auto ymd = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(t)};
    return static_cast<int>(ymd.year()) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month()));
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

std::string local_minute(core::TimePoint t, std::chrono::seconds utc_offset) {
    // "2026-11-20T14:30:00Z" shifted to local time → "2026-11-20 14:30".
    std::string iso = core::format_iso(t + utc_offset);
    if (iso.size() >= 16) iso = iso.substr(0, 10) + " " + iso.substr(11, 5);
    return iso;
}

}  // namespace

std::vector<int> monthly_activity(const std::vector<core::StrengthInput>& activity,
                                  core::TimePoint now) {
    std::vector<int> months(kSparklineMonths, 0);
    const int last = month_index(now);
    for (const auto& a : activity) {
        if (a.bulk || !core::is_meaningful(a.kind)) continue;
        const int back = last - month_index(a.at);
        if (back >= 0 && back < kSparklineMonths) ++months[kSparklineMonths - 1 - back];
    }
    return months;
}

std::string cadence_text(const core::Cadence& cadence) {
    const std::string every = "every " + std::to_string(cadence.days.count()) + " d";
    switch (cadence.source) {
        case core::CadenceSource::explicit_:
            return every + " (set for this person)";
        case core::CadenceSource::circle:
            return every + " (from a circle)";
        case core::CadenceSource::inferred:
            return every + " (inferred from your rhythm)";
        case core::CadenceSource::none:
            break;
    }
    return "no cadence yet";
}

TimelineRow present_timeline_entry(const db::TimelineEntry& e, std::chrono::seconds utc_offset) {
    TimelineRow row;
    row.when = local_minute(e.at, utc_offset);
    row.channel = std::string(channel_label(e.channel));
    switch (e.direction) {
        case core::Direction::in:
            row.direction = "← in";
            break;
        case core::Direction::out:
            row.direction = "→ out";
            break;
        case core::Direction::mutual:
            row.direction = "↔ both";
            break;
    }
    std::vector<std::string> parts;
    if (!e.subject.empty()) parts.push_back(e.subject);
    if (!e.excerpt.empty() && e.excerpt != e.subject) parts.push_back(e.excerpt);
    if (!e.place.empty()) parts.push_back("at " + e.place);
    std::string text = join(parts, " — ");
    if (text.empty()) text = std::string(core::to_string(e.kind));
    row.text = one_line(text, 200);
    return row;
}

core::Result<PersonPage> load_person_page(db::Database& db, std::int64_t person_id,
                                          core::TimePoint now, std::chrono::seconds utc_offset) {
    auto person = db::PeopleRepo(db).get(person_id);
    if (!person) return person.error();
    auto activity = db::load_person_activity(db, person_id);
    if (!activity) return activity.error();
    auto identities = db::IdentityRepo(db).for_person(person_id);
    if (!identities) return identities.error();
    auto circles = db::CircleRepo(db).names_for_person(person_id);
    if (!circles) return circles.error();
    auto followups = db::FollowUpRepo(db).for_person(person_id);
    if (!followups) return followups.error();

    PersonPage page;
    page.id = person->id;
    page.name = person->name;
    page.archived = person->archived;
    const auto why = core::explain_strength(*activity, now);
    page.strength = why.score;
    page.strength_why = why.why;
    page.monthly = monthly_activity(*activity, now);
    page.cadence = cadence_text(person->cadence());
    page.last_contact =
        person->last_contact
            ? "last contact " + age_text(*person->last_contact, now) +
                  (person->last_channel.empty()
                       ? ""
                       : " · " + std::string(channel_label(core::parse_channel(person->last_channel)
                                                               .value_or(core::Channel::other))))
            : "no contact yet";
    page.circles = circles->empty() ? "no circles" : join(*circles, ", ");
    page.notes = person->notes;
    for (const auto& row : *identities) {
        IdentityLine line;
        line.identity = row.identity;
        line.text = std::string(core::to_string(row.identity.kind)) + "  " + row.identity.value;
        if (!row.names_seen.empty()) line.text += "  (seen as " + join(row.names_seen, ", ") + ")";
        page.identities.push_back(std::move(line));
    }
    for (const auto& f : *followups) {
        FollowUpLine line;
        line.id = f.id;
        line.text = f.text;
        line.done = f.done_at.has_value();
        line.due = line.done ? "done " + core::format_date(*f.done_at + utc_offset)
                             : due_text(f.due, now, utc_offset);
        page.followups.push_back(std::move(line));
    }
    std::stable_sort(
        page.followups.begin(), page.followups.end(),
        [](const FollowUpLine& a, const FollowUpLine& b) { return !a.done && b.done; });
    return page;
}

}  // namespace kith::app
