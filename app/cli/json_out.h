#pragma once
// JSON shapes of the command-line contract (DESIGN.md "Command-line contract").

#include <nlohmann/json.hpp>

#include "core/reminders.h"
#include "db/followup_repo.h"
#include "db/people_repo.h"
#include "db/reciprocity_repo.h"
#include "db/stats_repo.h"
#include "db/timeline_repo.h"

namespace kith::app {

nlohmann::json to_json(const core::ReminderItem& item);
nlohmann::json to_json(const core::TodayDigest& d);
nlohmann::json to_json(const db::PersonRow& p, core::TimePoint now);
nlohmann::json to_json(const db::TimelineEntry& e);
nlohmann::json to_json(const db::FollowUpRow& f);
nlohmann::json to_json(const db::DatabaseStats& s);
nlohmann::json to_json(const db::Reciprocity& r);

}  // namespace kith::app
