#include "db/stats_repo.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/channel.h"
#include "db/database.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::Result;

Result<Overview> load_overview(Database& db) {
    return guarded("stats", db.path().string(), [&]() -> Result<Overview> {
        auto& s = db.sql();
        auto count = [&](const char* sql) { return s.execAndGet(sql).getInt64(); };
        Overview o;
        // All people less me (is_me is 0 or 1, and the one 1 has its own index): counted off the
        // narrow name index instead of scanning the whole table, a tenth of the work at 50,000
        // people, on the app's UI thread at every start.
        o.people = count(
            "SELECT (SELECT count(*) FROM people) - (SELECT count(*) FROM people WHERE is_me = 1)");
        // Interactions are never deleted one by one (a cancelled import rolls back, and its ids
        // are reused), so the highest id is the count — read from the end of the table instead
        // of counting two million rows on every refresh.
        o.interactions = count("SELECT coalesce(max(id), 0) FROM interactions");
        o.circles = count("SELECT count(*) FROM circles");
        o.sources = count("SELECT count(*) FROM sources WHERE kind <> 'demo'");
        return o;
    });
}

Result<DatabaseStats> load_stats(Database& db) {
    return guarded("stats", db.path().string(), [&]() -> Result<DatabaseStats> {
        auto& s = db.sql();
        DatabaseStats st;
        auto count = [&](const char* sql) { return s.execAndGet(sql).getInt64(); };
        st.people = count("SELECT count(*) FROM people WHERE is_me = 0");
        st.identities = count("SELECT count(*) FROM identities");
        st.interactions = count("SELECT count(*) FROM interactions");
        st.follow_edges = count("SELECT count(*) FROM follow_edges WHERE ended_at IS NULL");
        st.followups = count("SELECT count(*) FROM followups");
        st.open_followups = count("SELECT count(*) FROM followups WHERE done_at IS NULL");
        st.circles = count("SELECT count(*) FROM circles");
        st.sources = count("SELECT count(*) FROM sources");
        st.threads = count("SELECT count(*) FROM threads");
        for (auto c : core::kAllChannels) st.by_channel[std::string(core::to_string(c))] = 0;
        for (auto k : core::kAllKinds) st.by_kind[std::string(core::to_string(k))] = 0;
        SQLite::Statement q(s, "SELECT channel, kind, count(*) FROM interactions GROUP BY 1, 2");
        while (q.executeStep()) {
            st.by_channel[q.getColumn(0).getString()] += q.getColumn(2).getInt64();
            st.by_kind[q.getColumn(1).getString()] += q.getColumn(2).getInt64();
        }
        return st;
    });
}

}  // namespace kith::db
