#include "db/manual_log.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include <cstdio>
#include <random>

#include "db/database.h"
#include "db/followup_repo.h"
#include "db/interaction_writer.h"
#include "db/person_stats.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

// Manual entries have no source id of their own; a random 128-bit id keeps them unique.
std::string random_id() {
    std::random_device rd;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x%08x%08x%08x", rd(), rd(), rd(), rd());
    return buf;
}

}  // namespace

Result<ManualLogResult> log_interaction(Database& db, const ManualLog& log, core::TimePoint now) {
    if (log.person_ids.empty())
        return make_error(ErrorCode::invalid_input, "a log entry needs at least one person",
                          "Example: kith-cli log \"Ana Ruiz\" --notes \"talked about grants\"");
    if (!log.followup_text.empty() && !log.followup_due)
        return make_error(ErrorCode::invalid_input, "a follow-up needs a due date",
                          "Add --due, e.g. --due fri or --due 2026-12-01");
    auto r = guarded("log", db.path().string(), [&]() -> Result<ManualLogResult> {
        SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        core::InteractionRecord rec;
        rec.channel = log.channel;
        rec.kind = log.kind;
        rec.direction = log.direction;
        rec.at = log.at;
        rec.ext_ns = "manual";
        rec.ext_id = random_id();
        rec.subject = log.subject;
        rec.text = log.notes;
        rec.place = log.place;
        // A message logged by hand was addressed to a person, so it can be owed or awaited.
        rec.personal = log.direction != core::Direction::mutual;
        std::vector<ResolvedParticipant> people;
        for (auto id : log.person_ids)
            people.push_back({id, std::nullopt,
                              log.direction == core::Direction::in
                                  ? core::ParticipantRole::from
                                  : core::ParticipantRole::attendee});
        InteractionWriter writer(db);
        ManualLogResult out;
        out.interaction_id = writer.write(rec, people, std::nullopt, std::nullopt).second;
        if (!log.followup_text.empty()) {
            NewFollowUp f;
            f.text = log.followup_text;
            f.due = *log.followup_due;
            f.person_ids = log.person_ids;
            f.interaction_id = out.interaction_id;
            auto added = FollowUpRepo(db).add(f, now);
            if (!added) return added.error();
            out.followup_id = added->first;
        }
        writer.flush();
        tx.commit();
        return out;
    });
    if (!r) return r;
    // The entry is committed; should the refresh fail, the people stay marked and are refreshed
    // on the next read. Reporting an error here would invite a duplicate retry.
    (void)refresh_person_stats(db);
    return r;
}

}  // namespace kith::db
