#include "db/person_stats.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <vector>

#include "core/cadence.h"
#include "core/channel.h"
#include "core/strength.h"
#include "db/database.h"
#include "db/person_activity.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::Result;

namespace {

// Inference looks at the recent rhythm only; old history should not set today's cadence.
constexpr std::size_t kInferenceWindow = 200;

std::optional<core::Days> opt_days(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : std::optional(core::Days{c.getInt()});
}

}  // namespace

Result<std::int64_t> refresh_person_stats(Database& db) {
    return guarded("refresh people", db.path().string(), [&]() -> Result<std::int64_t> {
        auto& s = db.sql();
        // Readers call this on every digest: when nothing is dirty, take no write lock at all, so
        // Today works while another program imports.
        if (!s.execAndGet("SELECT EXISTS (SELECT 1 FROM people WHERE stats_dirty = 1)").getInt())
            return std::int64_t{0};
        SQLite::Transaction tx(s, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement dirty(s,
                                "SELECT p.id, p.created_at, p.cadence_days, "
                                "(SELECT min(c.cadence_days) FROM person_circles pc JOIN circles c "
                                " ON c.id = pc.circle_id WHERE pc.person_id = p.id) "
                                "FROM people p WHERE p.stats_dirty = 1");
        SQLite::Statement rows(s, kPersonActivitySql);
        SQLite::Statement update(
            s,
            "UPDATE people SET last_contact_at = ?, last_channel = ?, inferred_cadence_days = ?, "
            "cold_due_at = ?, strength_ref = ?, strength_in = ?, strength_out = ?, "
            "strength_mutual = ?, interaction_count = ?, cadence_source = ?, "
            "cadence_eff_days = ?, stats_dirty = 0 WHERE id = ?");
        // Collected first: updating rows under a running scan of the same index is undefined.
        struct Dirty {
            std::int64_t id;
            core::TimePoint created;
            std::optional<core::Days> explicit_days, circle_days;
        };
        std::vector<Dirty> todo;
        while (dirty.executeStep())
            todo.push_back({dirty.getColumn(0).getInt64(),
                            core::from_unix(dirty.getColumn(1).getInt64()),
                            opt_days(dirty.getColumn(2)), opt_days(dirty.getColumn(3))});
        std::int64_t refreshed = 0;
        std::vector<core::TimePoint> meaningful;
        for (const auto& [id, created, explicit_days, circle_days] : todo) {
            meaningful.clear();
            core::StrengthSums sums;
            std::optional<core::TimePoint> last;
            std::string last_channel;
            int count = 0;
            rows.reset();
            rows.bind(1, id);
            while (rows.executeStep()) {
                const core::StrengthInput in = read_activity_row(rows);
                ++count;
                sums = core::add_to_sums(sums, in);
                if (in.bulk || !core::is_meaningful(in.kind)) continue;
                meaningful.push_back(in.at);
                if (!last || in.at >= *last) {
                    last = in.at;
                    last_channel = std::string(core::to_string(in.channel));
                }
            }
            if (meaningful.size() > kInferenceWindow)
                meaningful.erase(meaningful.begin(), meaningful.end() - kInferenceWindow);
            const auto inferred = core::infer_cadence(meaningful);
            const auto cadence = core::effective_cadence(explicit_days, circle_days, inferred);

            update.reset();
            if (last)
                update.bind(1, core::to_unix(*last));
            else
                update.bind(1);
            if (last)
                update.bind(2, last_channel);
            else
                update.bind(2);
            if (inferred)
                update.bind(3, static_cast<int>(inferred->count()));
            else
                update.bind(3);
            if (cadence.source != core::CadenceSource::none)
                update.bind(4, core::to_unix(last.value_or(created) + cadence.days));
            else
                update.bind(4);
            update.bind(5, core::to_unix(sums.ref));
            update.bind(6, sums.in);
            update.bind(7, sums.out);
            update.bind(8, sums.mutual);
            update.bind(9, count);
            update.bind(10, std::string(core::to_string(cadence.source)));
            if (cadence.source != core::CadenceSource::none)
                update.bind(11, static_cast<int>(cadence.days.count()));
            else
                update.bind(11);
            update.bind(12, id);
            update.exec();
            ++refreshed;
        }
        tx.commit();
        return refreshed;
    });
}

Result<void> mark_circle_dirty(Database& db, std::int64_t circle_id) {
    return guarded("update circle", db.path().string(), [&]() -> Result<void> {
        SQLite::Statement q(db.sql(),
                            "UPDATE people SET stats_dirty = 1 WHERE id IN "
                            "(SELECT person_id FROM person_circles WHERE circle_id = ?)");
        q.bind(1, circle_id);
        q.exec();
        return {};
    });
}

}  // namespace kith::db
