// The search shortcut for long prefixes (db/fts_recent_matches.h) against the plain FTS5 query
// it replaces, on a real database: the same rows in the same order with the same snippets, and
// the plain query whenever the shortcut does not apply or gives up.
#include <doctest/doctest.h>

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "db/fts_query.h"
#include "db/fts_recent_matches.h"
#include "db/timeline_repo.h"
#include "tests/db/test_db.h"

using namespace kith;
using namespace kith::test;

namespace {

/// 700 emails, oldest first: one mentions Wojciech, 600 later ones a workshop (so the shortcut
/// for "wojciech" reads its budget of "wo…" candidates in vain), the rest mix case, diacritics,
/// punctuation and places.
void write_fixture(db::Database& db) {
    std::vector<core::InteractionRecord> records;
    const auto add = [&](const std::string& subject, const std::string& text,
                         const std::string& place = "") {
        const auto n = records.size();
        auto r = email("m" + std::to_string(n), core::Direction::in,
                       days_ago(800) + std::chrono::hours(static_cast<int>(n)),
                       "t" + std::to_string(n), kAna);
        r.subject = subject;
        r.text = text;
        r.place = place;
        records.push_back(std::move(r));
    };
    add("Hello", "Wojciech sent the slides from Łódź and thanks everyone");
    for (int i = 0; i < 600; ++i)
        add("Workshop " + std::to_string(i),
            "notes from the workshop: they said then the report is due, thanks " +
                std::to_string(i));
    for (int i = 0; i < 99; ++i) {
        switch (i % 5) {
            case 0:  // diacritics: unicode61 folds "Théo" to "theo", a match for "the"*
                add("Dinner", "Théo and Zoë cooked; conference budget " + std::to_string(i));
                break;
            case 1:  // upper case, and the word only in the subject
                add("THE REPORT " + std::to_string(i), "attached as promised");
                break;
            case 2:  // punctuation splits words: "the-end" is "the" and "end"
                add("Re: plan", "that was the-end of it, conf call next " + std::to_string(i));
                break;
            case 3:  // the word only in the place
                add("Lunch", "see you " + std::to_string(i), "Theatre Café");
                break;
            default:  // no "the…" anywhere: plain ASCII the shortcut skips without FTS5
                add("Thanks", "cheers mate " + std::to_string(i));
                break;
        }
    }
    write_all(db, records);
}

/// What the plain FTS5 query finds: (id, snippet), newest first.
std::vector<std::pair<std::int64_t, std::string>> plain_matches(db::Database& db,
                                                                const std::string& text,
                                                                int limit) {
    SQLite::Statement q(db.sql(), std::string("SELECT rowid, snippet(interactions_fts, ") +
                                      db::kSearchSnippetArgs +
                                      ") FROM interactions_fts WHERE interactions_fts MATCH ? "
                                      "ORDER BY rowid DESC LIMIT ?");
    q.bind(1, db::fts_prefix_query(text));
    q.bind(2, limit);
    std::vector<std::pair<std::int64_t, std::string>> out;
    while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    return out;
}

/// One query of the table: a quirky shape, and whether the shortcut answers it.
struct ShortcutRow {
    const char* query;
    int limit;
    bool shortcut;  ///< whether the shortcut answers (else the plain query must)
};

}  // namespace

TEST_CASE("the search shortcut finds what the plain FTS5 query finds, or leaves it to it") {
    TempDir dir;
    auto db = new_db(dir);
    write_fixture(*db);
    const ShortcutRow rows[] = {
        {"the", 20, true},      // common: a few candidates suffice
        {"the", 150, true},     // more than the first batches
        {"THE rep", 20, true},  // every word, any case, subject and text
        {"conf", 20, true},     // "conference" and "conf"
        {"end the", 5, true},   // split by punctuation
        {"theatre", 20, true},  // the place column
        {"thanks cheers", 20, true},
        {"xyzzy", 20, true},      // nothing starts with "xy": an empty answer, exhausted
        {"wojciech", 20, false},  // rare beside 600 newer "wo…" words: gives up
        {"théo", 20, false},      // not plain ASCII: unicode61 decides how it folds
        {"zo", 20, false},        // two letters: the prefix index already answers lazily
        {"j", 20, false},         // one letter: a whole word
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.query));
        CAPTURE(row.limit);
        const auto expected = plain_matches(*db, row.query, row.limit);
        const auto found = db::recent_fts_matches(*db, row.query, row.limit);
        REQUIRE(found.has_value() == row.shortcut);
        if (found) {
            std::vector<std::pair<std::int64_t, std::string>> got;
            for (const auto& m : *found) got.emplace_back(m.id, m.snippet);
            CHECK(got == expected);
        }
        // Through the repository either way: the same interactions, with the same snippets.
        auto hits = db::TimelineRepo(*db).search(row.query, row.limit);
        REQUIRE(hits.ok());
        REQUIRE(hits->size() == expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            CHECK(hits->at(i).id == expected[i].first);
            CHECK(hits->at(i).excerpt == expected[i].second);
        }
    }
    // The probe table is left empty, and nothing was written to the database itself.
    CHECK(db->sql().execAndGet("SELECT count(*) FROM temp.search_probe").getInt() == 0);
    CHECK(count_rows(*db, "interactions") == 700);
}

TEST_CASE("the search shortcut works inside the caller's transaction and leaves it open") {
    TempDir dir;
    auto db = new_db(dir);
    write_fixture(*db);
    db->sql().exec("BEGIN");
    const auto found = db::recent_fts_matches(*db, "report", 10);
    REQUIRE(found.has_value());
    CHECK(found->size() == 10);
    CHECK_FALSE(db->sql().getHandle() == nullptr);
    CHECK(sqlite3_get_autocommit(db->sql().getHandle()) == 0);  // still in the transaction
    db->sql().exec("COMMIT");
}
