// Claiming my address after an import that did not know it: the database ends up exactly as if
// Kith had known before the import (the email rules of import/email_message_parser.cpp).

#include <doctest/doctest.h>

#include <SQLiteCpp/Statement.h>

#include <string>
#include <vector>

#include "core/identity_normalizer.h"
#include "db/identity_repo.h"
#include "db/import_runner.h"
#include "db/me_claim.h"
#include "db/people_repo.h"
#include "import/mbox_importer.h"
#include "tests/db/test_db.h"

using namespace kith;
using kith::test::TempDir;
using kith::test::write_file;

namespace {

std::string msg(const std::string& id, const std::string& from, const std::string& to,
                const std::string& date, const std::string& extra = "") {
    return "From x@y Thu Nov 19 10:00:00 2026\nFrom: " + from + "\nTo: " + to + "\nSubject: s " +
           id + "\nDate: " + date + "\nMessage-ID: <" + id + "@t>\n" + extra + "\nbody " + id +
           "\n\n";
}

// One situation a message: each is something the rules decide differently once the address is
// known to be mine.
std::string mailbox() {
    return msg("a1", "Ana <ana@example.org>", "Mira <mira@example.org>",
               "Thu, 19 Nov 2026 10:00:00 +0000") +  // to me: personal, in
           msg("a2", "Mira <mira@example.org>", "ana@example.org",
               "Fri, 20 Nov 2026 10:00:00 +0000", "In-Reply-To: <a1@t>\n") +  // my reply: out
           msg("b1", "Ben <ben@example.org>", "mira@example.org",
               "Sat, 21 Nov 2026 10:00:00 +0000") +  // unanswered: I owe Ben a reply
           msg("c1", "mira@example.org", "Cara <cara@example.org>",
               "Sun, 22 Nov 2026 10:00:00 +0000") +  // mine last: waiting on Cara
           msg("n1", "News <news@lists.example>", "mira@example.org",
               "Mon, 23 Nov 2026 10:00:00 +0000", "List-Id: <news.lists.example>\n") +  // bulk
           msg("m1", "mira@example.org", "mira@example.org",
               "Mon, 23 Nov 2026 11:00:00 +0000") +  // a note to myself: not an interaction
           msg("d1", "Dan <dan@example.org>", "ana@example.org", "Tue, 24 Nov 2026 10:00:00 +0000",
               "Cc: mira@example.org\n");  // cc to me
}

core::Identity mine() {
    return *core::normalize_identity(core::IdentityKind::email, "mira@example.org");
}

std::vector<std::string> column_rows(db::Database& db, const std::string& sql) {
    SQLite::Statement q(db.sql(), sql);
    std::vector<std::string> out;
    while (q.executeStep()) {
        std::string row;
        for (int c = 0; c < q.getColumnCount(); ++c)
            row += (c ? "|" : "") + q.getColumn(c).getString();
        out.push_back(row);
    }
    return out;
}

// Everything the claim may change, keyed by what is stable across two databases (ext ids and
// identity values, not row ids).
std::vector<std::string> dump(db::Database& db) {
    std::vector<std::string> out;
    for (const auto& sql : {
             std::string("SELECT ext_id, direction, personal, bulk FROM interactions ORDER BY 1"),
             std::string("SELECT i.ext_id, d.value, p.role FROM participants p "
                         "JOIN interactions i ON i.id = p.interaction_id "
                         "JOIN identities d ON d.id = p.identity_id ORDER BY 1, 2"),
             std::string("SELECT t.key, i.ext_id, t.tail_state, "
                         "(SELECT min(value) FROM identities WHERE person_id = t.tail_person_id) "
                         "FROM threads t LEFT JOIN interactions i ON i.id = t.tail_interaction_id "
                         "ORDER BY 1"),
             std::string("SELECT p.name, d.value, p.archived, p.is_me FROM people p "
                         "JOIN identities d ON d.person_id = p.id ORDER BY 2"),
         })
        for (auto& row : column_rows(db, sql)) out.push_back(std::move(row));
    return out;
}

void import_mbox(db::Database& db, const std::filesystem::path& file) {
    import::MboxImporter importer;
    core::NullProgress progress;
    auto r = db::run_import(db, importer, {"mbox", file.string(), {}}, progress, test::kNow,
                            {10000, false});
    REQUIRE_MESSAGE(r.ok(), test::error_text(r));
}

}  // namespace

TEST_CASE("me add-identity after an import: redone exactly as if Kith had known the address") {
    TempDir dir;
    write_file(dir / "mail.mbox", mailbox());

    auto known = test::open_db(dir / "known.db");
    auto me = db::PeopleRepo(*known).me(test::kNow);
    REQUIRE(me.ok());
    REQUIRE(db::IdentityRepo(*known).add(*me, mine(), test::kNow).ok());
    import_mbox(*known, dir / "mail.mbox");

    auto late = test::open_db(dir / "late.db");
    import_mbox(*late, dir / "mail.mbox");
    const auto before = dump(*late);
    REQUIRE(before != dump(*known));  // the import without me really did decide differently

    auto claim = db::claim_identity_as_mine(*late, mine(), test::kNow);
    REQUIRE_MESSAGE(claim.ok(), test::error_text(claim));
    CHECK(claim->previous_person_id != 0);
    CHECK(claim->previous_person_name == "Mira");
    CHECK(claim->previous_person_archived);
    CHECK_FALSE(claim->already_mine);
    CHECK(claim->interactions_removed == 1);  // the note to myself
    CHECK(claim->interactions_changed == 6);

    CHECK(dump(*late) == dump(*known));
    // The known database never had a "Mira" person; the claimed one keeps her, archived and empty.
    CHECK(column_rows(*late,
                      "SELECT count(*) FROM people WHERE name = 'Mira' AND archived = 1 "
                      "AND NOT EXISTS (SELECT 1 FROM identities WHERE person_id = people.id)") ==
          std::vector<std::string>{"1"});

    // The Today digest agrees too (ten days on, so that waiting on Cara is due as well).
    const auto later = test::kNow + core::Days{10};
    const auto want = test::today_at(*known, later);
    const auto got = test::today_at(*late, later);
    CHECK(!want.owe_reply.empty());
    CHECK(!want.waiting.empty());
    CHECK(got.owe_reply.size() == want.owe_reply.size());
    CHECK(got.waiting.size() == want.waiting.size());

    // Claiming again changes nothing.
    auto again = db::claim_identity_as_mine(*late, mine(), test::kNow);
    REQUIRE(again.ok());
    CHECK(again->previous_person_id == 0);
    CHECK(again->already_mine);
    CHECK(dump(*late) == dump(*known));
}
