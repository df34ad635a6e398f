// The hostile input corpus for the file importers: huge lines, NUL bytes, invalid UTF-8, dates at
// the ends of the calendar, ids above 2^64 and deeply nested JSON. Each import runs in a child
// process (hostile_support.h) so a crash is a failed check, not a dead test runner, and memory,
// time and stray files are measured. XXE, DTDs and billion laughs: blog_import_db_test.cpp and
// blog_web_test.cpp; zip/tar-slip: the archive importers' tests; bombs: hostile_archive_test.cpp.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <fstream>
#include <string>
#include <vector>

#include "core/utf8_text.h"
#include "import/mbox_envelope.h"
#include "import/rfc822_date.h"
#include "tests/import/archive_writer.h"
#include "tests/import/hostile_support.h"

using namespace kith;
using import::test::import_in_child;
using import::test::kUnderAsan;
using import::test::Scene;
using kith::test::TempDir;
using kith::test::write_file;

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kHugeLine = std::size_t{100} << 20;  // 100 MiB

/// `head`, then `n` copies of `fill`, then `tail`, written in chunks (never all in memory).
void write_huge(const fs::path& path, const std::string& head, char fill, std::size_t n,
                const std::string& tail) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << head;
    const std::string chunk(1 << 20, fill);
    for (std::size_t left = n; left > 0;) {
        const auto k = std::min(left, chunk.size());
        out.write(chunk.data(), static_cast<std::streamsize>(k));
        left -= k;
    }
    out << tail;
}

/// Every text column Kith shows that an import can fill: all valid UTF-8 without NUL.
void check_stored_text_clean(const fs::path& db_path) {
    SQLite::Database db(db_path.string(), SQLite::OPEN_READONLY);
    const std::vector<std::pair<const char*, const char*>> columns = {
        {"interactions", "subject"}, {"interactions", "text"},   {"interactions", "ext_id"},
        {"interactions", "url"},     {"people", "name"},         {"identities", "value"},
        {"identities", "display"},   {"identity_names", "name"}, {"threads", "key"},
        {"import_runs", "messages"},
    };
    for (const auto& [table, column] : columns) {
        SQLite::Statement q(db, std::string("SELECT ") + column + " FROM " + table);
        while (q.executeStep()) {
            const auto& c = q.getColumn(0);
            const std::string v(static_cast<const char*>(c.getBlob()),
                                static_cast<std::size_t>(c.getBytes()));
            CAPTURE(table);
            CAPTURE(column);
            CHECK_MESSAGE(core::is_clean_text(v), "stored text is not clean UTF-8: ", v);
        }
    }
}

std::int64_t rows(const fs::path& db_path, const std::string& table) {
    SQLite::Database db(db_path.string(), SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

const std::string kMessage =
    "From: Ana Ruiz <ana@example.org>\nTo: me@example.org\nSubject: after the long one\n"
    "Date: Fri, 01 Mar 2024 08:00:00 +0000\nMessage-ID: <after@example.org>\n\nhello\n";

}  // namespace

TEST_CASE("hostile: 100 MB lines are read past in bounded memory and time") {
    struct Row {
        const char* quirk;  ///< where such a line comes from
        std::string kind, file, head, tail;
    };
    const std::vector<Row> table = {
        {// A message with a huge base64 attachment written without line breaks (broken mailers).
         "mbox: a 100 MB body line", "mbox", "in.mbox",
         "From ana@example.org Fri Mar  1 08:00:00 2024\nFrom: Ana <ana@example.org>\n"
         "Subject: big\nDate: Fri, 01 Mar 2024 08:00:00 +0000\nMessage-ID: <big@example.org>\n\n",
         "\n\nFrom ana@example.org Fri Mar  1 09:00:00 2024\n" + kMessage},
        {// A CSV cell holding a pasted blob, or a file that is not a CSV at all.
         "mastodon-csv: a 100 MB line", "mastodon-csv", "following_accounts.csv",
         "Account address,Show boosts\n", "\nana@mastodon.social,true\n"},
        {// A JSON Lines record with a huge string field.
         "jsonl: a 100 MB record", "jsonl", "in.jsonl", R"({"type":"interaction","text":")",
         "\"}\n"
         R"({"type":"interaction","id":"m1","channel":"email","at":"2026-11-20T09:30:00Z",)"
         R"("subject":"after","participants":["ana@example.org"]})"
         "\n"},
    };
    for (const auto& row : table) {
        const std::string quirk = row.quirk;
        CAPTURE(quirk);
        Scene s;
        const auto input = s.dir / row.file;
        write_huge(input, row.head, 'A', kHugeLine, row.tail);
        const auto run = import_in_child(row.kind, input, s.db, s.work);
        CAPTURE(run.report);
        REQUIRE(run.exited);
        CHECK(run.exit_code == 0);
        // The record after the long line is there: the line was skipped, not the rest.
        CHECK(rows(s.db, "interactions") + rows(s.db, "follow_edges") >= 1);
        CHECK(run.seconds < (kUnderAsan ? 120 : 30));
        // The whole line is never held: far less than its 100 MiB (the child starts ~10 MiB).
        CHECK(run.peak_memory_kib() < 80 * 1024);
        MESSAGE(quirk << ": " << run.seconds << " s, " << run.memory_report());
    }
}

TEST_CASE("hostile: NUL bytes and invalid UTF-8 are stored as clean text") {
    const std::string bad = std::string("caf\xE9 \xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80 nul") +
                            std::string(1, '\0') + "after \xF0\x9F\x98";
    const std::string no_nul = "caf\xE9 \xC0\xAF \xF0\x9F\x98";
    struct Row {
        const char* quirk;
        std::string kind, file, content;
    };
    const std::vector<Row> table = {
        {// Latin-1 headers and bodies sent without a charset; NUL from binary junk in a spool.
         "mbox: raw 8-bit and NUL in headers and body", "mbox", "in.mbox",
         "From ana@example.org Fri Mar  1 08:00:00 2024\nFrom: Ana <ana@example.org>\nSubject: " +
             bad +
             "\nDate: Fri, 01 Mar 2024 08:00:00 +0000\nMessage-ID: <nul@example.org>\n"
             "Content-Type: text/plain; charset=utf-8\n\n" +
             bad + "\n"},
        {// JSON escapes may spell NUL; raw invalid bytes make the line invalid JSON. (A raw NUL
         // byte makes the whole file "not a text file": jsonl_importer_test.)
         "jsonl: \\u0000 in strings, and a line of raw invalid bytes", "jsonl", "in.jsonl",
         R"({"type":"interaction","id":"n1","channel":"email","at":"2026-11-20T09:30:00Z",)"
         R"("subject":"a\u0000b","text":"x\u0000y","participants":["ana@example.org"]})"
         "\n"
         R"({"type":"interaction","id":"n2","subject":")" +
             no_nul + "\"}\n"},
        {// A WordPress export with a commenter name in Windows-1252 inside a UTF-8 document.
         "wxr: invalid UTF-8 and NUL in a comment", "wxr", "export.xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss "
         "xmlns:wp=\"http://wordpress.org/export/1.2/\">"
         "<channel><item><title>T</title><link>https://blog.example/p/</link><wp:comment>"
         "<wp:comment_id>1</wp:comment_id><wp:comment_author>" +
             bad +
             "</wp:comment_author><wp:comment_author_email>ben@example.org"
             "</wp:comment_author_email><wp:comment_date_gmt>2024-03-01 09:00:00"
             "</wp:comment_date_gmt><wp:comment_content>" +
             bad +
             "</wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
             "</wp:comment></item></channel></rss>\n"},
        {// A CSV row of binary junk.
         "mastodon-csv: NUL and invalid bytes in an address", "mastodon-csv", "followers.csv",
         "Account address\n" + bad + "@mastodon.social\nana@mastodon.social\n"},
    };
    for (const auto& row : table) {
        const std::string quirk = row.quirk;
        CAPTURE(quirk);
        Scene s;
        const auto input = s.dir / row.file;
        write_file(input, row.content);
        const auto run = import_in_child(row.kind, input, s.db, s.work);
        CAPTURE(run.report);
        REQUIRE(run.exited);
        CHECK(run.exit_code == 0);
        CHECK(rows(s.db, "interactions") + rows(s.db, "follow_edges") >= 1);
        check_stored_text_clean(s.db);
    }
}

TEST_CASE("hostile: clean_text repairs ill-formed UTF-8 as the Unicode standard recommends") {
    struct Row {
        const char* quirk;
        std::string in, out;
    };
    const std::string r = "\xEF\xBF\xBD";  // U+FFFD
    const std::vector<Row> table = {
        {"valid text is untouched", "caf\xC3\xA9 \xF0\x9F\x98\x80", "caf\xC3\xA9 \xF0\x9F\x98\x80"},
        {"Latin-1 byte (mislabelled charset)", "caf\xE9!", "caf" + r + "!"},
        {"overlong '/' (a classic filter bypass)", "\xC0\xAF", r + r},
        {"UTF-16 surrogate encoded as UTF-8 (CESU-8)", "\xED\xA0\x80x", r + r + r + "x"},
        {"above U+10FFFF", "\xF4\x90\x80\x80", r + r + r + r},
        {"a sequence cut off at the end (a field truncated by bytes)", "ab\xF0\x9F\x98", "ab" + r},
        {"a cut sequence then ASCII: one U+FFFD for the maximal subpart", "\xE2\x82x", r + "x"},
        {"NUL bytes are dropped", std::string("a\0b", 3), "ab"},
    };
    for (const auto& row : table) {
        const std::string quirk = row.quirk;
        CAPTURE(quirk);
        auto s = row.in;
        CHECK(core::clean_text(s) == (row.in != row.out));
        CHECK(s == row.out);
        CHECK(core::is_clean_text(s));
    }
}

TEST_CASE("hostile: dates in year 0, 9999 and beyond are refused or kept exact, never wrapped") {
    using namespace std::chrono;
    const auto last = sys_days{year{9999} / 12 / 31} + hours{23} + minutes{59} + seconds{59};
    struct Row {
        const char* quirk;
        std::optional<core::TimePoint> got, want;
    };
    const std::vector<Row> table = {
        {"RFC 822 year 0", import::parse_rfc822("Sat, 01 Jan 0000 00:00:00 +0000"), std::nullopt},
        {"RFC 822 last second of 9999", import::parse_rfc822("Fri, 31 Dec 9999 23:59:59 +0000"),
         last},
        {"RFC 822 9999 pushed into 10000 by its zone",
         import::parse_rfc822("Fri, 31 Dec 9999 23:59:59 -0100"), std::nullopt},
        {"ISO year 0 (the RFC 822 parser's fallback)", import::parse_rfc822("0000-01-01T00:00:00Z"),
         std::nullopt},
        {"ISO 9999 pushed into 10000 by its offset", core::parse_iso("9999-12-31T23:59:59-01:00"),
         std::nullopt},
        {"ISO year 1 pulled into year 0 by its offset",
         core::parse_iso("0001-01-01T00:00:00+01:00"), std::nullopt},
        {"mbox envelope year 0", import::parse_envelope_date("From a@b Sat Jan  1 00:00:00 0000"),
         std::nullopt},
        {"mbox envelope year 9999: not an envelope (they are 1900-2200), not a crash",
         import::parse_envelope_date("From a@b Fri Dec 31 23:59:59 9999"), std::nullopt},
    };
    for (const auto& row : table) {
        const std::string quirk = row.quirk;
        CAPTURE(quirk);
        CHECK(row.got.has_value() == row.want.has_value());
        if (row.got && row.want) CHECK(core::format_iso(*row.got) == core::format_iso(*row.want));
    }

    // Through whole imports: the year-0 record is a warning, the 9999 one is imported exactly.
    Scene s;
    const auto input = s.dir / "dates.jsonl";
    write_file(
        input,
        R"({"type":"interaction","id":"y0","channel":"email","at":"0000-01-01T00:00:00Z",)"
        R"("participants":["ana@example.org"]})"
        "\n"
        R"({"type":"interaction","id":"y9999","channel":"email","at":"9999-12-31T23:59:59Z",)"
        R"("participants":["ana@example.org"]})"
        "\n");
    const auto run = import_in_child("jsonl", input, s.db, s.work);
    CAPTURE(run.report);
    REQUIRE(run.exited);
    CHECK(run.exit_code == 0);
    CHECK(rows(s.db, "interactions") == 1);
    CHECK(run.report.find("warnings=1") != std::string::npos);
}

TEST_CASE("hostile: ids above 2^64 and deeply nested JSON are warnings or clear errors") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const std::string account =
        R"(window.YTD.account.part0 = [ { "account" : { "username" : "MeHandle", )"
        R"("accountId" : "12", "accountDisplayName" : "Me" } } ])";
    const std::string good_tweet =
        R"({ "tweet" : { "id_str" : "501", "full_text" : "hi @ben", )"
        R"("created_at" : "Sat Mar 07 08:00:00 +0000 2026", "entities" : { "user_mentions" : )"
        R"([ { "id_str" : "77", "screen_name" : "Ben", "name" : "Ben Okafor" } ] } } })";
    struct Row {
        const char* quirk;
        std::string kind, file;
        std::vector<import::test::FixtureFile> archive;  ///< empty: `content` is the file
        std::string content;
        bool completes;        ///< else a format error
        std::string expected;  ///< part of the warning or error
    };
    const std::vector<Row> table = {
        {// Grailbird-era archives wrote ids as JSON numbers; 2^64 does not fit any integer.
         "twitter: a numeric tweet id above 2^64",
         "twitter",
         "twitter.zip",
         {{"data/account.js", account},
          {"data/tweets.js",
           "window.YTD.tweets.part0 = [ { \"tweet\" : { \"id\" : "
           "18446744073709551616, \"full_text\" : \"hi @ben\", \"created_at\" : "
           "\"Sat Mar 07 08:00:00 +0000 2026\", \"entities\" : { \"user_mentions\""
           " : [ { \"id_str\" : \"77\", \"screen_name\" : \"Ben\" } ] } } }, " +
               good_tweet + " ]"}},
         "",
         true,
         "tweets.js#1: tweet without a valid id (id_str missing or above 2^64)"},
        {"twitter: a mention's account id above 2^64",
         "twitter",
         "twitter.zip",
         {{"data/account.js", account},
          {"data/tweets.js",
           R"(window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "9", "full_text" : "hi @z", )"
           R"("created_at" : "Sat Mar 07 08:00:00 +0000 2026", "entities" : { "user_mentions" : )"
           R"([ { "id" : 99999999999999999999999, "screen_name" : "z" } ] } } }, )" +
               good_tweet + " ]"}},
         "",
         true,
         ""},
        {// A hostile archive: 100000 nested arrays as one tweet (a recursive parser overflows).
         "twitter: deeply nested arrays in tweets.js",
         "twitter",
         "twitter.zip",
         {{"data/account.js", account},
          {"data/tweets.js", "window.YTD.tweets.part0 = [ " + deep + " ]"}},
         "",
         true,
         "tweets.js#1: a tweet element that is not an object"},
        {"mastodon-archive: deeply nested objects in outbox.json",
         "mastodon-archive",
         "archive.tar.gz",
         {{"actor.json",
           R"({"id":"https://social.example/users/me","type":"Person","preferredUsername":"me"})"},
          {"outbox.json",
           R"({"orderedItems":[)" + std::string(100000, '[') + std::string(100000, ']') + "]}"}},
         "",
         true,  // an item that is no activity is passed over, like a Like
         ""},
        {"jsonl: a deeply nested line between good ones",
         "jsonl",
         "in.jsonl",
         {},
         "{\"a\":" + deep + "}\n" +
             R"({"type":"interaction","id":"m1","channel":"email","at":"2026-11-20T09:30:00Z",)"
             R"("participants":["ana@example.org"]})"
             "\n",
         true,
         ""},
        {"jsonl: an id above 2^64 as a number",
         "jsonl",
         "in.jsonl",
         {},
         R"({"type":"interaction","id":18446744073709551616,"channel":"email",)"
         R"("at":"2026-11-20T09:30:00Z","participants":["ana@example.org"]})"
         "\n",
         true,
         "id"},
    };
    for (const auto& row : table) {
        const std::string quirk = row.quirk;
        CAPTURE(quirk);
        Scene s;
        const auto input = s.dir / row.file;
        if (row.archive.empty()) {
            write_file(input, row.content);
        } else {
            import::test::write_archive(input, row.archive,
                                        row.file.ends_with(".zip")
                                            ? import::test::FixtureFormat::zip
                                            : import::test::FixtureFormat::tar_gz);
        }
        const auto run = import_in_child(row.kind, input, s.db, s.work);
        CAPTURE(run.report);
        REQUIRE(run.exited);  // no stack overflow, no abort
        CHECK(run.exit_code == (row.completes ? 0 : 1));
        CHECK(run.report.find(row.expected) != std::string::npos);
        if (!row.completes) CHECK(rows(s.db, "interactions") == 0);  // nothing half-written
    }
}

TEST_CASE("hostile: the memory measure of the bounds above sees a buffer held whole") {
    // The bounds are only worth something if their measure can exceed them: peak RSS normally,
    // the peak live heap under ASan (hostile_support.h). A child holds 32 MiB at once.
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        const auto peak_heap_kib = import::test::track_heap_peak();
        char last = 0;
        {
            std::string held(std::size_t{32} << 20, 'x');  // every page written
            last = held[held.size() - 1];
        }
        const std::string report = std::to_string(peak_heap_kib()) + " " + last;
        (void)!::write(fds[1], report.data(), report.size());
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string report;
    char buf[256];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
        report.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    struct rusage usage {};
    REQUIRE(::wait4(pid, &status, 0, &usage) == pid);
    REQUIRE(WIFEXITED(status));
    CAPTURE(report);
    REQUIRE(report.size() > 2);
    CHECK(report.back() == 'x');
    const long heap_kib = std::stol(report);
    if (kUnderAsan) {
        CHECK(heap_kib >= 32 * 1024);
    } else {
        CHECK(heap_kib == -1);  // not tracked: RSS is the measure
        CHECK(usage.ru_maxrss >= 32 * 1024);
    }
}
