#include "db/timeline_repo.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "db/database.h"
#include "db/fts_query.h"
#include "db/fts_recent_matches.h"
#include "db/interaction_storage.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::Result;

namespace {

// Columns 0–10 shared by both queries; column 6 is the excerpt (or a search snippet).
TimelineEntry read_entry(SQLite::Statement& q) {
    TimelineEntry e;
    e.id = q.getColumn(0).getInt64();
    e.channel = core::parse_channel(q.getColumn(1).getString()).value_or(core::Channel::other);
    e.kind = core::parse_kind(q.getColumn(2).getString()).value_or(core::InteractionKind::message);
    e.direction = core::parse_direction(q.getColumn(3).getString()).value_or(core::Direction::in);
    e.at = core::from_unix(q.getColumn(4).getInt64());
    e.subject = q.getColumn(5).getString();
    e.excerpt = q.getColumn(6).getString();
    e.url = q.getColumn(7).getString();
    e.place = q.getColumn(8).getString();
    e.external_id = q.getColumn(9).getString();
    e.thread_key = q.getColumn(10).getString();
    return e;
}

}  // namespace

Result<std::vector<TimelineEntry>> TimelineRepo::for_person(std::int64_t person_id,
                                                            std::optional<core::Channel> channel,
                                                            int limit,
                                                            std::optional<core::TimePoint> before) {
    return guarded("timeline", "", [&]() -> Result<std::vector<TimelineEntry>> {
        std::string sql = std::string(
                              "SELECT i.id, i.channel, i.kind, i.direction, i.at, i.subject, "
                              "substr(i.text, 1, 240), ") +
                          kUrlColumn +
                          ", i.place, i.ext_id, coalesce(t.key, '') "
                          "FROM participants pa JOIN interactions i ON i.id = pa.interaction_id "
                          "LEFT JOIN threads t ON t.id = i.thread_id WHERE pa.person_id = ?1";
        if (channel) sql += " AND i.channel = ?2";
        if (before) sql += " AND pa.at < ?3";
        sql += " ORDER BY pa.at DESC, i.id DESC LIMIT ?4";
        SQLite::Statement q(m_db.sql(), sql);
        q.bind(1, person_id);
        if (channel) q.bind(2, std::string(core::to_string(*channel)));
        if (before) q.bind(3, core::to_unix(*before));
        q.bind(4, limit);
        std::vector<TimelineEntry> out;
        while (q.executeStep()) out.push_back(read_entry(q));
        return out;
    });
}

namespace {

// Columns 0–10 of read_entry plus the first participant's name; `excerpt` is column 6.
std::string search_columns(const std::string& excerpt) {
    return "SELECT i.id, i.channel, i.kind, i.direction, i.at, i.subject, " + excerpt + ", " +
           kUrlColumn +
           ", i.place, i.ext_id, "
           "coalesce((SELECT t.key FROM threads t WHERE t.id = i.thread_id), ''), "
           "coalesce((SELECT p.name FROM participants pa JOIN people p ON p.id = pa.person_id "
           "          WHERE pa.interaction_id = i.id LIMIT 1), '') ";
}

TimelineEntry read_search_entry(SQLite::Statement& q) {
    auto e = read_entry(q);
    e.person_name = q.getColumn(11).getString();
    return e;
}

}  // namespace

Result<std::vector<TimelineEntry>> TimelineRepo::search(const std::string& query, int limit) {
    const auto match = fts_prefix_query(query);
    if (match.empty()) return std::vector<TimelineEntry>{};
    return guarded("search", "", [&]() -> Result<std::vector<TimelineEntry>> {
        std::vector<TimelineEntry> out;
        if (const auto found = recent_fts_matches(m_db, query, limit)) {
            // The same rows and snippets the query below gives, found without FTS5 merging
            // whole posting lists for long prefixes first (see fts_recent_matches.h).
            SQLite::Statement q(m_db.sql(),
                                search_columns("?2") + "FROM interactions i WHERE i.id = ?1");
            for (const auto& m : *found) {
                q.reset();
                q.bind(1, m.id);
                q.bind(2, m.snippet);
                if (q.executeStep()) out.push_back(read_search_entry(q));
            }
        } else {
            SQLite::Statement q(
                m_db.sql(),
                search_columns(std::string("snippet(interactions_fts, ") + kSearchSnippetArgs +
                               ")") +
                    "FROM interactions_fts JOIN interactions i ON i.id = interactions_fts.rowid "
                    // Newest rows first straight from the index: ranking every match by bm25
                    // costs seconds on common words in millions of messages.
                    "WHERE interactions_fts MATCH ? ORDER BY interactions_fts.rowid DESC "
                    "LIMIT ?");
            q.bind(1, match);
            q.bind(2, limit);
            while (q.executeStep()) out.push_back(read_search_entry(q));
        }
        std::stable_sort(
            out.begin(), out.end(),
            [](const TimelineEntry& a, const TimelineEntry& b) { return a.at > b.at; });
        return out;
    });
}

}  // namespace kith::db
