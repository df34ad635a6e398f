#pragma once
// Databases as older Kith builds left them: the schema of version k (through the real
// migrations) filled with representative rows written with raw SQL, as that build would have;
// and a way to damage one table of a database file.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "db/migrations.h"
#include "tests/db/temp_dir.h"

namespace kith::test {

/// Times used in the seed rows (Unix seconds, September 2026).
inline constexpr std::int64_t kSeedCreated = 1790000000;  // 2026-09-21T14:13:20Z
inline constexpr std::int64_t kSeedMailOut = 1790086400;  // my email to José
inline constexpr std::int64_t kSeedMailIn = 1790172800;   // José's reply: the thread's tail
inline constexpr std::int64_t kSeedMeeting = 1790259200;  // coffee with José and Ana

/// Rows valid from schema version `since` on; a database at version k holds every seed with
/// since <= k. Ids are fixed so tests can name them: people 1 me, 2 José Álvarez, 3 Ana Ruiz;
/// interactions 1 (out), 2 (in, the tail of thread "grant-2026"), 3 (meeting at Café Central).
struct Seed {
    int since;
    std::string_view sql;
};

inline constexpr std::array kSeeds = {
    // Version 1: every table of the model.
    Seed{1, R"sql(
INSERT INTO settings(key, value) VALUES ('waiting_days', '10');
INSERT INTO people(id, name, notes, is_me, created_at, updated_at) VALUES
  (1, 'Me', '', 1, 1790000000, 1790000000),
  (2, 'José Álvarez', 'Met at DevConf, bakes sourdough', 0, 1790000000, 1790000000),
  (3, 'Ana Ruiz', '', 0, 1790000000, 1790000000);
INSERT INTO identities(id, person_id, kind, value, display, created_at) VALUES
  (1, 1, 'email', 'me@example.org', 'me@example.org', 1790000000),
  (2, 2, 'email', 'jose@example.org', 'Jose@Example.org', 1790000000),
  (3, 3, 'mastodon', 'ana@mastodon.social', '@ana@mastodon.social', 1790000000);
INSERT INTO sources(id, kind, location, cursor, created_at) VALUES
  (1, 'jsonl', '/data/old.jsonl', 'line:3', 1790000000);
INSERT INTO identity_names(identity_id, name, source_id, first_seen) VALUES
  (2, 'José Álvarez', 1, 1790000000);
INSERT INTO import_runs(id, source_id, started_at, finished_at, status, added) VALUES
  (1, 1, 1790000000, 1790000000, 'completed', 2);
INSERT INTO threads(id, channel, key, tail_interaction_id, tail_person_id, tail_at, tail_state)
  VALUES (1, 'email', 'grant-2026', 2, 2, 1790172800, 1);
INSERT INTO interactions(id, channel, kind, direction, at, thread_id, source_id, run_id, ext_ns,
                         ext_id, subject, text, url, place, personal, bulk) VALUES
  (1, 'email', 'message', 'out', 1790086400, 1, 1, 1, 'email', '<m1@example.org>',
   'Grant report', 'Draft attached for review', '', '', 1, 0),
  (2, 'email', 'reply', 'in', 1790172800, 1, 1, 1, 'email', '<m2@example.org>',
   'Re: Grant report', 'Thanks, comments inline', 'mid:m2@example.org', '', 1, 0),
  (3, 'in_person', 'meeting', 'mutual', 1790259200, NULL, NULL, NULL, 'manual', 'c0ffee',
   '', 'Talked about sourdough starters', '', 'Café Central', 0, 0);
INSERT INTO participants(interaction_id, person_id, identity_id, role, at) VALUES
  (1, 2, 2, 'to', 1790086400),
  (2, 2, 2, 'from', 1790172800),
  (3, 2, NULL, 'attendee', 1790259200),
  (3, 3, NULL, 'attendee', 1790259200);
INSERT INTO follow_edges(id, network, identity_id, direction, first_seen, last_seen) VALUES
  (1, 'mastodon', 3, 'follows_me', 1790000000, 1790000000);
INSERT INTO circles(id, name, cadence_days, created_at) VALUES (1, 'Bloggers', 30, 1790000000);
INSERT INTO person_circles(person_id, circle_id) VALUES (3, 1);
INSERT INTO followups(id, text, due_at, created_at, interaction_id) VALUES
  (1, 'Send José the budget', 1790864000, 1790259200, 3);
INSERT INTO followup_people(followup_id, person_id) VALUES (1, 2);
INSERT INTO reminder_states(subject, state, until, updated_at) VALUES
  ('going_cold:p3@1790259200', 'dismissed', NULL, 1790259200);
INSERT INTO consents(person_id, list, status, at, evidence) VALUES
  (2, 'newsletter', 'opted_in', 1790000000, 'signup form');
)sql"},
    // Version 2 added per-person caches; that build kept them current.
    Seed{2, R"sql(
UPDATE people SET last_contact_at = 1790259200, last_channel = 'in_person', interaction_count = 3,
                  stats_dirty = 0 WHERE id = 2;
UPDATE people SET last_contact_at = 1790259200, last_channel = 'in_person', interaction_count = 1,
                  stats_dirty = 0 WHERE id = 3;
)sql"},
    // Version 3 added full-text search; that build indexed new interactions as it wrote them.
    Seed{3, R"sql(
INSERT INTO interactions_fts(interactions_fts) VALUES ('rebuild');
)sql"},
};

/// Row counts of every table after the seeds (the same at every version).
struct TableRows {
    const char* table;
    std::int64_t rows;
};
inline constexpr std::array kSeedRows = {
    TableRows{"settings", 1},        TableRows{"people", 3},
    TableRows{"identities", 3},      TableRows{"identity_names", 1},
    TableRows{"sources", 1},         TableRows{"import_runs", 1},
    TableRows{"threads", 1},         TableRows{"interactions", 3},
    TableRows{"participants", 4},    TableRows{"follow_edges", 1},
    TableRows{"circles", 1},         TableRows{"person_circles", 1},
    TableRows{"followups", 1},       TableRows{"followup_people", 1},
    TableRows{"reminder_states", 1}, TableRows{"consents", 1},
};

/// Writes a database file at schema `version` holding the seeds valid at that version, as the
/// Kith build of that version would have left it (WAL mode, stamped).
inline void write_database_at_version(const fs::path& path, int version) {
    SQLite::Database sql(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    sql.exec("PRAGMA journal_mode = WAL");
    db::apply_migrations(sql, 0, version);
    for (const auto& seed : kSeeds)
        if (seed.since <= version) sql.exec(std::string(seed.sql));
    // From version 3 on, Kith indexes every interaction it writes (InteractionWriter::flush);
    // seeds written with plain SQL get the same index here.
    if (version >= 3) sql.exec("INSERT INTO interactions_fts(interactions_fts) VALUES ('rebuild')");
}

/// PRAGMA `name` (user_version, application_id…) of a file, read without Kith's code.
inline int pragma_of(const fs::path& path, const std::string& name) {
    SQLite::Database sql(path, SQLite::OPEN_READONLY);
    return sql.execAndGet("PRAGMA " + name).getInt();
}

/// Overwrites the root page of `table` with garbage, leaving every other page intact: damage
/// that only a read of that table (or an integrity check) notices. The file must hold everything
/// (no WAL content), as it does after the last connection closed.
inline void damage_root_page_of(const fs::path& path, const std::string& table) {
    std::int64_t root = 0, page_size = 0;
    {
        // Read-write, so that closing removes the WAL files a read-only connection would leave.
        SQLite::Database sql(path, SQLite::OPEN_READWRITE);
        SQLite::Statement q(sql, "SELECT rootpage FROM sqlite_master WHERE name = ?");
        q.bind(1, table);
        if (!q.executeStep()) throw std::runtime_error("no table " + table);
        root = q.getColumn(0).getInt64();
        page_size = sql.execAndGet("PRAGMA page_size").getInt64();
    }
    auto bytes = read_file(path);
    const auto from = static_cast<std::size_t>((root - 1) * page_size);
    for (std::size_t i = from; i < from + static_cast<std::size_t>(page_size); ++i)
        bytes.at(i) = static_cast<char>((i * 131 + 7) & 0xff);
    write_file(path, bytes);
}

}  // namespace kith::test
