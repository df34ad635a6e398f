// merge suggestions|accept|reject|log, merge KEEP OTHER and unmerge on the real kith-cli.
#include <doctest/doctest.h>

#include <string>

#include "tests/app/cli/subprocess.h"

using namespace kith::test;

namespace {

/// Robert Miller by email, "Bob Miller" on X, and Ana Ruiz whose blog comment links her email and
/// her X profile (a certain link: merged by the import itself).
fs::path write_people(const TempDir& dir) {
    const auto path = dir / "people.jsonl";
    write_file(
        path,
        R"({"type":"interaction","id":"m1","channel":"email","at":"2026-11-20",)"
        R"("participants":[{"identity":"robert.miller@acme.example","name":"Robert Miller"}]})"
        "\n"
        R"({"type":"interaction","id":"t1","channel":"twitter","at":"2026-11-21",)"
        R"("participants":[{"identity":"@bobm","name":"Bob Miller"}]})"
        "\n"
        R"({"type":"interaction","id":"m2","channel":"email","at":"2026-11-20",)"
        R"("participants":[{"identity":"ana@example.org","name":"Ana Ruiz"}]})"
        "\n"
        R"({"type":"interaction","id":"t2","channel":"twitter","at":"2026-11-21",)"
        R"("participants":[{"identity":"@anar","name":"ana"}]})"
        "\n"
        R"({"type":"contact","id":"c1","name":"Ana Ruiz",)"
        R"("identities":["ana@example.org","https://twitter.com/anar"]})"
        "\n");
    return path;
}

}  // namespace

TEST_CASE("merge review from the command line") {
    TempDir dir;
    KithCli cli(dir);
    cli.json({"import", "jsonl", write_people(dir).string()});
    CHECK(cli.json({"stats"})["people"] == 3);  // Ana merged; the Millers wait for review

    auto log = cli.json({"merge", "log"});
    REQUIRE(log.size() == 1);
    CHECK(log[0]["reason"] == "auto");
    CHECK(log[0]["evidence"][0]["kind"] == "linked");

    auto pending = cli.json({"merge", "suggestions"});
    REQUIRE(pending.size() == 1);
    CHECK(pending[0]["evidence"][0]["kind"] == "similar_name");
    const auto id = std::to_string(pending[0]["id"].get<int>());
    cli.json({"merge", "reject", id});
    CHECK(cli.json({"merge", "suggestions"}).empty());
    expect_clean_failure(cli.run({"merge", "accept", id}), 1, "already rejected", "");

    // The user knows better: a manual merge, then undone.
    const auto merged = cli.json({"merge", "Robert Miller", "@bobm"});
    CHECK(cli.json({"stats"})["people"] == 2);
    cli.json({"unmerge", std::to_string(merged["merge_id"].get<int>())});
    CHECK(cli.json({"stats"})["people"] == 3);
    CHECK(cli.json({"merge", "log"})[0]["undone_at"].is_string());

    expect_clean_failure(cli.run({"unmerge", "99"}), 3, "no merge #99", "merge log");
    expect_clean_failure(cli.run({"merge", "accept", "99"}), 3, "no merge suggestion #99",
                         "merge suggestions");
    expect_clean_failure(cli.run({"merge"}), 2, "merge what?", "merge KEEP OTHER");
}
