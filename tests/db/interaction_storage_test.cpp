// The compact storage of interactions (migration 9, db/interaction_storage.h) on real files:
// dedupe by the digest of the external id stays exact when two ids share a digest, and URLs
// that repeat the Message-ID are stored once yet read back whole.
#include "db/interaction_storage.h"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "db/timeline_repo.h"
#include "tests/db/test_db.h"

using namespace kith;
using namespace kith::test;

namespace {

/// The url column as stored ("NULL" for NULL) and as the timeline reads it, for `ext_id`.
std::pair<std::string, std::string> url_of(db::Database& db, const std::string& ext_id) {
    SQLite::Statement q(db.sql(),
                        "SELECT coalesce(url, 'NULL') FROM interactions WHERE ext_id = ?");
    q.bind(1, ext_id);
    REQUIRE(q.executeStep());
    const auto stored = q.getColumn(0).getString();
    auto timeline = db::TimelineRepo(db).for_person(person_with_email(db, "ana@example.org"),
                                                    std::nullopt, 100, std::nullopt);
    REQUIRE(timeline.ok());
    for (const auto& e : *timeline)
        if (e.external_id == ext_id) return {stored, e.url};
    FAIL("not on the timeline: " << ext_id);
    return {};
}

}  // namespace

TEST_CASE("the external id digest is stable FNV-1a over namespace, separator and id") {
    // Files carry the digest, so it must never change between builds.
    CHECK(db::ext_hash("", "") == static_cast<std::int64_t>(0xaf63d24c8601db8eULL));  // "\x1f"
    CHECK(db::ext_hash("email", "<a@b>") == db::ext_hash("email", "<a@b>"));
    CHECK(db::ext_hash("email", "<a@b>") != db::ext_hash("email", "<a@c>"));
    CHECK(db::ext_hash("ab", "c") != db::ext_hash("a", "bc"));  // the separator counts
}

TEST_CASE("ids sharing a digest stay two interactions and each is found again") {
    TempDir dir;
    auto db = new_db(dir);
    // A row whose digest is that of "<real@x>" but whose id is another: what a collision of
    // two Message-IDs would leave in the file.
    const auto digest = db::ext_hash("test", "<real@x>");
    SQLite::Statement collider(db->sql(),
                               "INSERT INTO interactions(channel, kind, direction, at, ext_ns, "
                               "ext_id, subject, ext_hash) VALUES ('email', 'message', 'in', 0, "
                               "'test', '<other@x>', 'the other one', ?)");
    collider.bind(1, digest);
    collider.exec();

    const auto mail = email("<real@x>", core::Direction::in, days_ago(2), "t", kAna);
    auto first = write_one(*db, mail);
    CHECK(first.added == 1);  // not taken for the row with the same digest
    auto again = write_one(*db, mail);
    CHECK(again.added == 0);
    CHECK(again.skipped == 1);  // found by digest and text, unchanged
    auto changed = mail;
    changed.subject = "new subject";
    CHECK(write_one(*db, changed).updated == 1);
    CHECK(count_rows(*db, "interactions") == 2);
    CHECK(db->sql()
              .execAndGet("SELECT subject FROM interactions WHERE ext_id = '<other@x>'")
              .getString() == "the other one");  // the collider is untouched
    CHECK(db->sql()
              .execAndGet("SELECT count(*) FROM interactions WHERE ext_hash = " +
                          std::to_string(digest))
              .getInt() == 2);
}

TEST_CASE("a URL that only repeats the Message-ID is stored once and read back whole") {
    struct Row {
        const char* ext_id;
        const char* url;
        const char* stored;  ///< what the url column holds
    };
    const Row rows[] = {
        {"<a1@example.org>", "mid:a1@example.org", "NULL"},  // every email's URL
        {"<a2@example.org>", "", ""},                        // none: stays empty, not mid:
        {"<a3@example.org>", "mid:other@example.org", "mid:other@example.org"},  // another id
        {"<a%2F4@example.org>", "mid:a%252F4@example.org", "mid:a%252F4@example.org"},  // escaped
        {"a5@example.org", "mid:a5@example.org", "mid:a5@example.org"},  // no angle brackets
        {"<>", "mid:", "NULL"},                                          // degenerate but exact
        {"<a7@example.org>", "https://example.org/a7", "https://example.org/a7"},
    };
    TempDir dir;
    auto db = new_db(dir);
    std::vector<core::InteractionRecord> records;
    for (const auto& row : rows) {
        records.push_back(email(row.ext_id, core::Direction::in, days_ago(2), row.ext_id, kAna));
        records.back().url = row.url;
    }
    write_all(*db, records);
    for (const auto& row : rows) {
        CAPTURE(std::string(row.ext_id));
        const auto [stored, read] = url_of(*db, row.ext_id);
        CHECK(stored == row.stored);
        CHECK(read == row.url);
    }
    // Writing the same records again finds every one unchanged, URLs included.
    const auto again = write_all(*db, records);
    CHECK(again.added == 0);
    CHECK(again.updated == 0);
}
