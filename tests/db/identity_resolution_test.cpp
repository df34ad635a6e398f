// Identity resolution on real database files: deterministic links merge, probable ones become
// suggestions, the review rule holds, merges undo exactly, and the generated multi-channel
// dataset meets the precision and recall targets.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>

#include "core/identity_normalizer.h"
#include "core/progress.h"
#include "db/circle_repo.h"
#include "db/identity_resolver.h"
#include "db/import_runner.h"
#include "db/merge_repo.h"
#include "db/person_stats.h"
#include "db/suggestion_repo.h"
#include "import/jsonl_importer.h"
#include "tests/db/resolution_dataset.h"
#include "tests/db/test_db.h"

using namespace kith;
using namespace kith::test;

namespace {

/// Every row of every table (FTS contents included, FTS shadow tables and the merge log not),
/// sorted, as text: two equal dumps are two equal databases.
std::vector<std::string> dump(db::Database& db) {
    std::vector<std::string> out;
    SQLite::Statement tables(db.sql(),
                             "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                             "LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' AND name != 'merges'");
    std::vector<std::string> names;
    while (tables.executeStep()) names.push_back(tables.getColumn(0).getString());
    for (const auto& t : names) {
        const bool fts = t.size() > 4 && t.compare(t.size() - 4, 4, "_fts") == 0;
        SQLite::Statement q(db.sql(),
                            "SELECT " + std::string(fts ? "rowid, " : "") + "* FROM " + t);
        while (q.executeStep()) {
            std::string row = t + ":";
            for (int i = 0; i < q.getColumnCount(); ++i)
                row += "|" +
                       (q.getColumn(i).isNull() ? std::string("NULL") : q.getColumn(i).getString());
            out.push_back(row);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

core::Participant on(core::IdentityKind kind, const std::string& value, const std::string& name) {
    auto id = core::normalize_identity(kind, value);
    REQUIRE(id.ok());
    return {*id, name, core::ParticipantRole::from};
}

core::InteractionRecord message(const std::string& id, core::Channel channel, core::Participant p,
                                const std::string& thread = "") {
    auto r =
        email(id, core::Direction::in, days_ago(3), thread.empty() ? id : thread, std::move(p));
    r.channel = channel;
    return r;
}

void contact(db::Database& db, const std::string& id, const std::string& name,
             std::vector<core::Identity> ids) {
    db::ImportSink sink(db, std::nullopt, std::nullopt, std::nullopt, kNow);
    core::ContactRecord c;
    c.ext_ns = "test-card";
    c.ext_id = id;
    c.display_name = name;
    c.identities = std::move(ids);
    REQUIRE(sink.contact(c).ok());
    REQUIRE(sink.commit().ok());
}

core::Identity ident(core::IdentityKind kind, const std::string& v) {
    auto id = core::normalize_identity(kind, v);
    REQUIRE(id.ok());
    return *id;
}

db::ResolutionCounts resolve(db::Database& db) {
    auto r = db::IdentityResolver(db, kNow).resolve_new();
    REQUIRE_MESSAGE(r.ok(), error_text(r));
    return *r;
}

std::int64_t owner(db::Database& db, const core::Identity& id) {
    auto p = db::PeopleRepo(db).find_by_identity(id);
    REQUIRE(p.ok());
    REQUIRE(p->has_value());
    return **p;
}

}  // namespace

TEST_CASE("a card naming two people's identities merges them — the log shows why") {
    TempDir dir;
    auto db = new_db(dir);
    write_all(*db, std::vector{message("m1", core::Channel::email, kAna),
                               message("t1", core::Channel::twitter,
                                       on(core::IdentityKind::twitter, "@anaruiz", "Ana R."))});
    resolve(*db);
    const auto ana = person_with_email(*db, "ana@example.org");
    const auto x = owner(*db, ident(core::IdentityKind::twitter, "@anaruiz"));
    REQUIRE(ana != x);

    // A blog commenter gives her email and her X profile URL: the sink links the two.
    contact(*db, "c1", "Ana Ruiz",
            {ident(core::IdentityKind::email, "ana@example.org"),
             ident(core::IdentityKind::twitter, "https://twitter.com/anaruiz")});
    const auto counts = resolve(*db);
    CHECK(counts.merged == 1);
    CHECK(owner(*db, ident(core::IdentityKind::twitter, "@anaruiz")) == ana);
    CHECK(count_rows(*db, "participants WHERE person_id = " + std::to_string(ana)) == 2);
    auto log = db::MergeRepo(*db).log();
    REQUIRE(log.ok());
    REQUIRE(log->size() == 1);
    CHECK(log->front().reason == db::MergeReason::automatic);
    REQUIRE(!log->front().evidence.empty());
    CHECK(log->front().evidence.front().kind == core::EvidenceKind::linked);
}

TEST_CASE("sub-addresses and Gmail dots are one mailbox") {
    TempDir dir;
    auto db = new_db(dir);
    write_all(
        *db,
        std::vector{message("m1", core::Channel::email, someone("ana.ruiz@gmail.com", "Ana Ruiz")),
                    message("b1", core::Channel::blog, someone("anaruiz+blog@gmail.com", "ana"))});
    CHECK(resolve(*db).merged == 1);
    CHECK(owner(*db, ident(core::IdentityKind::email, "ana.ruiz@gmail.com")) ==
          owner(*db, ident(core::IdentityKind::email, "anaruiz+blog@gmail.com")));
}

TEST_CASE("two correspondents on the same channel are never merged unreviewed") {
    TempDir dir;
    auto db = new_db(dir);
    write_all(*db, std::vector{message("m1", core::Channel::email, kAna),
                               message("m2", core::Channel::email,
                                       someone("ana@work.example", "Ana Ruiz"))});
    resolve(*db);
    // Her vCard lists both addresses: certain evidence, but both addresses wrote to me.
    contact(*db, "c1", "Ana Ruiz",
            {ident(core::IdentityKind::email, "ana@example.org"),
             ident(core::IdentityKind::email, "ana@work.example")});
    const auto counts = resolve(*db);
    CHECK(counts.merged == 0);
    auto pending = db::SuggestionRepo(*db).pending();
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().score >= 0.99);
    CHECK(count_rows(*db, "people WHERE is_me = 0") == 2);
}

TEST_CASE("probable matches are suggested — accepting merges, rejecting is final") {
    TempDir dir;
    auto db = new_db(dir);
    write_all(*db,
              std::vector{
                  message("m1", core::Channel::email,
                          someone("robert.miller@acme.example", "Robert Miller")),
                  message("t1", core::Channel::twitter,
                          on(core::IdentityKind::twitter, "@bobm", "Bob Miller 🚀")),
                  message("m2", core::Channel::email, someone("j.smith@b.example", "J. Smith")),
                  message("d1", core::Channel::mastodon,
                          on(core::IdentityKind::mastodon, "@john@mastodon.social",
                             "John Smith (he/him)")),
                  message("m3", core::Channel::email, someone("anna@berg.example", "Anna Berg")),
                  message("m4", core::Channel::email, someone("axel@berg.example", "Axel Berg")),
              });
    const auto counts = resolve(*db);
    CHECK(counts.merged == 0);
    db::SuggestionRepo repo(*db);
    auto pending = repo.pending();
    REQUIRE(pending.ok());
    // Bob/Robert Miller and J./John Smith; not the Bergs, who share only a surname and a domain.
    REQUIRE(pending->size() == 2);
    std::set<std::string> names;
    for (const auto& s : *pending) names.insert(s.name_a + " ~ " + s.name_b);
    CHECK(names.count("Robert Miller ~ Bob Miller 🚀") == 1);

    const auto bob = std::find_if(pending->begin(), pending->end(),
                                  [](const auto& s) { return s.name_a == "Robert Miller"; });
    const auto other = bob == pending->begin() ? pending->back() : pending->front();
    auto merged = repo.accept(bob->id, kNow);
    REQUIRE_MESSAGE(merged.ok(), error_text(merged));
    CHECK(owner(*db, ident(core::IdentityKind::twitter, "@bobm")) ==
          person_with_email(*db, "robert.miller@acme.example"));
    CHECK(repo.accept(bob->id, kNow).error().code == core::ErrorCode::not_found);

    REQUIRE(repo.reject(other.id, kNow).ok());
    CHECK(repo.reject(other.id, kNow).error().code == core::ErrorCode::conflict);
    // Re-checking everyone never brings a rejected pair back.
    auto again = db::IdentityResolver(*db, kNow).resolve_all();
    REQUIRE(again.ok());
    auto left = repo.pending();
    REQUIRE(left.ok());
    CHECK(left->empty());
}

TEST_CASE("merge then unmerge returns the database to the same state") {
    TempDir dir;
    auto db = new_db(dir);
    write_all(*db, std::vector{message("m1", core::Channel::email, kAna, "t"),
                               message("m2", core::Channel::email, kBen, "t"),
                               message("m3", core::Channel::email, kChloe, "u"),
                               message("x1", core::Channel::twitter,
                                       on(core::IdentityKind::twitter, "@anar", "Ana R"), "v")});
    const auto ana = person_with_email(*db, "ana@example.org");
    const auto ben = person_with_email(*db, "ben@example.org");
    const auto x = owner(*db, ident(core::IdentityKind::twitter, "@anar"));
    // Everything that hangs off a person: notes, a circle both share and one only one has,
    // a follow-up for both, consents, a follow edge, a suggestion naming a third person.
    db::PeopleRepo people(*db);
    REQUIRE(people.set_notes(ana, "Met at DevConf", kNow).ok());
    REQUIRE(people.set_notes(x, "Posts about grants", kNow).ok());
    REQUIRE(people.set_cadence(x, 30, kNow).ok());
    db::CircleRepo circles(*db);
    const auto friends = *circles.get_or_create("Friends", kNow);
    const auto work = *circles.get_or_create("Work", kNow);
    REQUIRE(circles.assign(ana, friends).ok());
    REQUIRE(circles.assign(x, friends).ok());
    REQUIRE(circles.assign(x, work).ok());
    db->sql().exec("INSERT INTO followups(text, due_at, created_at) VALUES ('Send report', 1, 1)");
    db->sql().exec("INSERT INTO followup_people VALUES (1, " + std::to_string(ana) + "), (1, " +
                   std::to_string(x) + ")");
    db->sql().exec("INSERT INTO consents VALUES (" + std::to_string(x) +
                   ", 'news', 'opted_in', 5, 'form'), (" + std::to_string(ana) +
                   ", 'news', 'asked', 4, '')");
    db->sql().exec(
        "INSERT INTO follow_edges(network, identity_id, direction, first_seen, "
        "last_seen) SELECT 'twitter', id, 'follows_me', 1, 2 FROM identities WHERE "
        "value = '@anar'");
    db->sql().exec("INSERT INTO merge_suggestions(person_a, person_b, score, created_at) VALUES (" +
                   std::to_string(ben) + ", " + std::to_string(x) + ", 0.6, 1), (" +
                   std::to_string(ana) + ", " + std::to_string(x) + ", 0.7, 1)");
    resolve(*db);
    REQUIRE(db::refresh_person_stats(*db).ok());
    const auto before = dump(*db);

    db::MergeRepo merges(*db);
    auto id = merges.merge(ana, x, db::MergeReason::manual, {}, kNow + std::chrono::hours(1));
    REQUIRE_MESSAGE(id.ok(), error_text(id));
    CHECK(count_rows(*db, "people WHERE id = " + std::to_string(x)) == 0);
    CHECK(owner(*db, ident(core::IdentityKind::twitter, "@anar")) == ana);
    CHECK(people.get(ana)->notes == "Met at DevConf\n\nPosts about grants");
    CHECK(people.get(ana)->cadence_days == 30);
    CHECK(count_rows(*db, "person_circles WHERE person_id = " + std::to_string(ana)) == 2);
    CHECK(dump(*db) != before);

    auto back = merges.unmerge(*id, kNow + std::chrono::hours(2));
    REQUIRE_MESSAGE(back.ok(), error_text(back));
    CHECK(*back == x);
    CHECK(dump(*db) == before);
    CHECK(merges.unmerge(*id, kNow).error().code == core::ErrorCode::conflict);
    CHECK(merges.unmerge(999, kNow).error().code == core::ErrorCode::not_found);
    auto log = merges.log();
    REQUIRE(log.ok());
    CHECK(log->front().undone_at.has_value());
}

TEST_CASE("nobody is merged into me, and a person cannot merge with itself") {
    TempDir dir;
    auto db = new_db(dir);
    write_one(*db, message("m1", core::Channel::email, kAna));
    const auto ana = person_with_email(*db, "ana@example.org");
    const auto me = *db::PeopleRepo(*db).me(kNow);
    db::MergeRepo merges(*db);
    CHECK(merges.merge(ana, me, db::MergeReason::manual, {}, kNow).error().code ==
          core::ErrorCode::conflict);
    CHECK(merges.merge(ana, ana, db::MergeReason::manual, {}, kNow).error().code ==
          core::ErrorCode::invalid_input);
    CHECK(merges.merge(ana, 9999, db::MergeReason::manual, {}, kNow).error().code ==
          core::ErrorCode::not_found);
}

TEST_CASE("resolution after an import looks only at what the import added") {
    TempDir dir;
    auto db = new_db(dir);
    std::vector<core::InteractionRecord> many;
    for (int i = 0; i < 200; ++i)
        many.push_back(message(
            "m" + std::to_string(i), core::Channel::email,
            someone("p" + std::to_string(i) + "@x.example", "Person Number" + std::to_string(i))));
    write_all(*db, many);
    CHECK(resolve(*db).people_checked == 200);
    write_one(*db, message("n1", core::Channel::email, kAna));
    CHECK(resolve(*db).people_checked == 1);
    CHECK(resolve(*db).people_checked == 0);
}

TEST_CASE("generated multi-channel dataset: auto-merge precision and pairs surfaced") {
    TempDir dir;
    const auto file = (dir / "people.jsonl").string();
    ResolutionDataset gen(11);
    const auto truth = gen.write(file, 0, 1000, "a");
    auto db = new_db(dir);
    import::JsonlImporter importer;
    core::NullProgress progress;
    const auto started = std::chrono::steady_clock::now();
    auto run = db::run_import(*db, importer, {"jsonl", file, {}}, progress, kNow);
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    REQUIRE_MESSAGE(run.ok(), error_text(run));
    CHECK(run->counts.warnings == 0);

    // Where each written identity ended up.
    std::map<std::int64_t, std::map<int, std::int64_t>> by_person;  // person → true → count
    std::map<int, std::map<std::int64_t, std::int64_t>> by_truth;   // true → person → count
    for (const auto& [written, who] : truth.owner) {
        INFO(written);
        auto id = core::parse_identity(written);
        REQUIRE(id.ok());
        const auto person = owner(*db, *id);
        ++by_person[person][who];
        ++by_truth[who][person];
    }
    std::set<std::pair<std::int64_t, std::int64_t>> suggested;
    auto pending = db::SuggestionRepo(*db).pending();
    REQUIRE(pending.ok());
    for (const auto& s : *pending) {
        suggested.insert({s.person_a, s.person_b});
        suggested.insert({s.person_b, s.person_a});
    }
    const auto pairs = [](std::int64_t n) { return n * (n - 1) / 2; };
    std::int64_t merged_pairs = 0, merged_right = 0;
    for (const auto& [person, truths] : by_person) {
        std::int64_t n = 0;
        for (const auto& [_, c] : truths) {
            n += c;
            merged_right += pairs(c);
        }
        merged_pairs += pairs(n);
    }
    std::int64_t true_pairs = 0, surfaced = 0;
    for (const auto& [who, persons] : by_truth) {
        std::int64_t n = 0;
        for (const auto& [p, c] : persons) {
            n += c;
            surfaced += pairs(c);
            for (const auto& [q, d] : persons)
                if (p < q && suggested.count({p, q})) surfaced += c * d;
        }
        true_pairs += pairs(n);
    }
    const double precision = merged_pairs ? double(merged_right) / double(merged_pairs) : 1.0;
    const double recall = double(surfaced) / double(true_pairs);
    MESSAGE("identities " << truth.owner.size() << ", records " << truth.lines << ", import + "
                          << "resolution " << seconds << " s; merged " << run->resolution.merged
                          << ", suggested " << pending->size() << "; auto-merge precision "
                          << precision << " (" << merged_right << "/" << merged_pairs
                          << " pairs), surfaced " << recall << " (" << surfaced << "/" << true_pairs
                          << " true pairs)");
    CHECK(run->resolution.merged > 0);
    CHECK(precision >= 0.995);
    CHECK(recall >= 0.90);
}
