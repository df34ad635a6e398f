#pragma once
// The quick log form as plain data: turns what was typed into a db::ManualLog and the people to
// create, with errors that say which field is wrong. No wxWidgets, so it is tested headless.

#include <chrono>
#include <string>
#include <vector>

#include "core/channel.h"
#include "core/result.h"
#include "db/manual_log.h"

namespace kith::db {
class Database;
}

namespace kith::app {

/// The channels the form offers, in order; in person first (the default).
inline constexpr core::Channel kQuickLogChannels[] = {
    core::Channel::in_person, core::Channel::call, core::Channel::email, core::Channel::twitter,
    core::Channel::mastodon,  core::Channel::blog, core::Channel::other};

struct QuickLogForm {
    std::string people;  ///< "Ana Ruiz, bob@example.org"
    core::Channel channel = core::Channel::in_person;
    std::string when = "now";
    std::string where, notes, followup, due;
};

/// What saving the form will do.
struct QuickLogPlan {
    db::ManualLog log;                   ///< person_ids holds the people found so far
    std::vector<std::string> to_create;  ///< names that will become new people
};

/// Checks the form and resolves the people (reads only). Errors name the field: no people, an
/// ambiguous name (with candidates), a date that cannot be read, a follow-up without a due date.
core::Result<QuickLogPlan> plan_quick_log(db::Database& db, const QuickLogForm& form,
                                          core::TimePoint now, std::chrono::seconds utc_offset);

/// Plans, creates the new people and logs the interaction (and follow-up). Returns the log's
/// result and everyone's ids.
core::Result<db::ManualLogResult> save_quick_log(db::Database& db, const QuickLogForm& form,
                                                 core::TimePoint now,
                                                 std::chrono::seconds utc_offset);

/// "New: Bob Stone, Cleo" or "" — what the form shows under the people field. Pure.
std::string new_people_note(const std::vector<std::string>& to_create);

}  // namespace kith::app
