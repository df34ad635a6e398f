#include "app/gui/quick_log_presenter.h"

#include "app/shared/people_plan.h"
#include "core/when_parser.h"

namespace kith::app {

using core::ErrorCode;
using core::make_error;

core::Result<QuickLogPlan> plan_quick_log(db::Database& db, const QuickLogForm& form,
                                          core::TimePoint now, std::chrono::seconds utc_offset) {
    const auto names = split_people(form.people);
    if (names.empty())
        return make_error(ErrorCode::invalid_input, "who was it with?",
                          "Type one or more names, emails or handles, separated by commas.");
    QuickLogPlan plan;
    auto& log = plan.log;
    log.channel = form.channel;
    log.kind = core::default_kind(form.channel);
    const bool together =
        log.kind == core::InteractionKind::meeting || log.kind == core::InteractionKind::call;
    log.direction = together ? core::Direction::mutual : core::Direction::out;
    auto at = core::parse_when(form.when.empty() ? "now" : form.when, now, utc_offset,
                               core::WhenBias::past);
    if (!at) return at.error();
    log.at = *at;
    log.place = form.where;
    log.notes = form.notes;
    if (!form.followup.empty()) {
        auto due = core::parse_when(form.due.empty() ? "tomorrow" : form.due, now, utc_offset,
                                    core::WhenBias::future);
        if (!due) return due.error();
        log.followup_text = form.followup;
        log.followup_due = *due;
    }
    auto people = plan_people(db, names);
    if (!people) return people.error();
    log.person_ids = people->ids;
    plan.to_create = people->to_create;
    return plan;
}

core::Result<db::ManualLogResult> save_quick_log(db::Database& db, const QuickLogForm& form,
                                                 core::TimePoint now,
                                                 std::chrono::seconds utc_offset) {
    auto plan = plan_quick_log(db, form, now, utc_offset);
    if (!plan) return plan.error();
    auto created = create_people(db, plan->to_create, now);
    if (!created) return created.error();
    plan->log.person_ids.insert(plan->log.person_ids.end(), created->begin(), created->end());
    return db::log_interaction(db, plan->log, now);
}

std::string new_people_note(const std::vector<std::string>& to_create) {
    if (to_create.empty()) return {};
    std::string s = "New: ";
    for (std::size_t i = 0; i < to_create.size(); ++i) s += (i ? ", " : "") + to_create[i];
    return s + " (added when you save)";
}

}  // namespace kith::app
