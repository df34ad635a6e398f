#include "app/shared/reminder_calendar.h"

#include <chrono>

#include "db/followup_repo.h"
#include "db/today_queries.h"

namespace kith::app {

namespace {

std::string names(const db::FollowUpRow& f) {
    std::string out;
    for (const auto& [id, name] : f.people) out += (out.empty() ? "" : ", ") + name;
    return out;
}

std::string reminder_summary(const core::ReminderItem& r) {
    switch (r.rule) {
        case core::ReminderRule::owe_reply:
            return "Reply to " + r.person_name + (r.subject.empty() ? "" : ": " + r.subject);
        case core::ReminderRule::waiting:
            return "Waiting on " + r.person_name + (r.subject.empty() ? "" : ": " + r.subject);
        case core::ReminderRule::going_cold:
            return "Get in touch with " + r.person_name;
        case core::ReminderRule::followup:
            break;
    }
    return r.subject;
}

}  // namespace

core::Result<std::string> reminder_calendar(db::Database& db, const ReminderCalendarOptions& o) {
    std::vector<core::CalendarEntry> entries;
    auto open = db::FollowUpRepo(db).open(std::nullopt, std::nullopt);
    if (!open) return open.error();
    for (const auto& f : *open) {
        core::CalendarEntry e;
        e.uid = "followup-" + std::to_string(f.id) + "@kith";
        const auto who = names(f);
        e.summary = "Follow up: " + f.text + (who.empty() ? "" : " — " + who);
        e.start = f.due;
        entries.push_back(std::move(e));
    }
    db::TodayOptions today;
    today.now = o.now;
    today.due_by = o.due_by;
    auto digest = db::load_today(db, today);
    if (!digest) return digest.error();
    for (const auto* list : {&digest->owe_reply, &digest->waiting, &digest->going_cold}) {
        for (const auto& r : *list) {
            core::CalendarEntry e;
            e.uid = r.subject_key + "@kith";
            e.summary = reminder_summary(r);
            e.description = r.excerpt;
            e.start = o.now;  // due now: shown on today's date
            entries.push_back(std::move(e));
        }
    }
    return core::format_calendar(entries, o.kind, o.now, "Kith reminders");
}

}  // namespace kith::app
