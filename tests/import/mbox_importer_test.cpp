// The mbox importer on real files: every separator variant of FORMATS.md, hostile input,
// progress and cancel.
#include "import/mbox_importer.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/identity_normalizer.h"
#include "core/utf8_text.h"
#include "tests/db/temp_dir.h"
#include "tests/import/collecting_sink.h"
#include "tests/import/email_test_support.h"

using namespace kith;
using kith::import::MboxImporter;
using kith::import::test::CollectingSink;
using kith::import::test::RecordingProgress;
using kith::test::TempDir;
using kith::test::write_file;

namespace {

/// A message with id `<ID@x>`, from Ana to me, with `body`.
std::string message(const std::string& id, const std::string& body = "Hello\n") {
    return "From: Ana <ana@example.org>\nTo: me@example.org\nSubject: s " + id +
           "\nDate: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <" + id + "@x>\n\n" + body;
}

const std::string kEnvelope = "From ana@example.org Tue Mar  3 10:00:00 2026\n";

struct Run {
    CollectingSink sink;
    core::Result<void> result;
};

Run import_mbox(const std::string& path, core::Progress* progress = nullptr) {
    MboxImporter importer;
    core::NullProgress none;
    Run run{kith::import::test::sink_with_me(), {}};
    run.result = importer.run({"mbox", path, {}}, run.sink, progress ? *progress : none);
    return run;
}

Run import_text(const TempDir& dir, const std::string& content) {
    const auto path = dir / "in.mbox";
    write_file(path, content);
    return import_mbox(path.string());
}

/// "<a@x> <b@x>": the ext ids in order.
std::string ids(const CollectingSink& sink) {
    std::string out;
    for (const auto& r : sink.interactions) out += (out.empty() ? "" : " ") + r.ext_id;
    return out;
}

std::string crlf(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

}  // namespace

TEST_CASE("mbox separators and quoting: one quirk of FORMATS.md a row") {
    struct Row {
        std::string content;
        const char* ids;
        const char* first_text;  // excerpt of the first message
        const char* where;
    };
    const Row rows[] = {
        {kEnvelope + message("a") + "\n" + kEnvelope + message("b"), "<a@x> <b@x>", "Hello",
         "mboxo/mboxrd: From_ lines after a blank line"},
        {"From - Tue Oct 02 00:26:47 2007\n" + message("a") +
             "\nFrom - Tue Oct 02 00:27:00 2007\n" + message("b"),
         "<a@x> <b@x>", "Hello", "Thunderbird From - lines"},
        {"From 1828000000000000001@xxx Mon Apr 07 14:31:02 +0000 2025\nX-GM-THRID: 1828\n"
         "X-Gmail-Labels: Inbox,Important\n" +
             message("a") + "\nFrom 1828000000000000002@xxx Mon Apr 07 14:32:02 +0000 2025\n" +
             "X-Gmail-Labels: Sent\n" + message("b"),
         "<a@x> <b@x>", "Hello", "Gmail Takeout with labels and thread ids"},
        {kEnvelope + message("a", "Hi\n>From here on, it works.\n>>From mboxrd too\n"), "<a@x>",
         "Hi From here on, it works.",
         "quoted >From lines lose one '>' (\">>From\" stays a quote), no split"},
        {kEnvelope + message("a", "Dear all,\n\nFrom what I hear, it works.\n") + "\n" + kEnvelope +
             message("b"),
         "<a@x> <b@x>", "Dear all, From what I hear, it works.",
         "unquoted From line inside a body, after a blank line, without a date"},
        {kEnvelope + message("a", "See below\nFrom ana@example.org Tue Mar  3 10:00:00 2026\n"),
         "<a@x>", "See below From ana@example.org Tue Mar 3 10:00:00 2026",
         "an envelope-like line not preceded by a blank line is body text"},
        {"\x01\x01\x01\x01\n" + message("a") + "\x01\x01\x01\x01\n\x01\x01\x01\x01\n" +
             message("b") + "\x01\x01\x01\x01\n",
         "<a@x> <b@x>", "Hello", "MMDF ^A^A^A^A separators"},
        {crlf(kEnvelope + message("a") + "\n" + kEnvelope + message("b")), "<a@x> <b@x>", "Hello",
         "CRLF line ends"},
        {message("a"), "<a@x>", "Hello", "a file with no separator at all (one saved message)"},
        {"\n\n" + kEnvelope + message("a"), "<a@x>", "Hello", "blank lines before the first"},
        {kEnvelope + message("a") + "\n" + kEnvelope + message("a"), "<a@x> <a@x>", "Hello",
         "the same message twice (the sink deduplicates by Message-ID)"},
        {kEnvelope + message("a", ""), "<a@x>", "", "empty body, no final newline"},
        {"", "", "", "an empty file"},
        {"From ana@example.org\n" + message("a"), "<a@x>", "Hello",
         "a dateless From line at the start of the file (some exporters)"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.where));
        TempDir dir;
        const auto run = import_text(dir, row.content);
        REQUIRE(run.result.ok());
        CHECK(ids(run.sink) == row.ids);
        CHECK(run.sink.warnings.empty());
        if (!run.sink.interactions.empty()) CHECK(run.sink.interactions[0].text == row.first_text);
    }
}

TEST_CASE("mbox: a broken Date falls back to the envelope time with a located warning") {
    TempDir dir;
    const auto run = import_text(
        dir, kEnvelope + message("a") + "\nFrom ana@example.org Wed Mar  4 11:00:00 2026\n" +
                 "From: Ana <ana@example.org>\nTo: me@example.org\nDate: 32 Foo 2026\n"
                 "Message-ID: <b@x>\n\nHi\n");
    REQUIRE(run.result.ok());
    REQUIRE(run.sink.interactions.size() == 2);
    CHECK(core::format_iso(run.sink.interactions[1].at) == "2026-03-04T11:00:00Z");
    REQUIRE(run.sink.warnings.size() == 1);
    CHECK(run.sink.warnings[0].location == (dir / "in.mbox").string() + ":10 <b@x>");
}

TEST_CASE("mbox: files that cannot be imported are clear errors") {
    TempDir dir;
    CHECK(import_mbox((dir / "missing.mbox").string()).result.error().code ==
          core::ErrorCode::not_found);
    CHECK(import_mbox(dir.path().string()).result.error().code == core::ErrorCode::io);
    write_file(dir / "x.zip", std::string("PK\x03\x04\x14\x00\x00\x00", 8) + "binary");
    const auto zip = import_mbox((dir / "x.zip").string());
    REQUIRE_FALSE(zip.result.ok());
    CHECK(zip.result.error().code == core::ErrorCode::format);
    CHECK(zip.result.error().message.find("not an mbox file") != std::string::npos);
}

TEST_CASE("mbox: hostile input gives warnings or a clear error, never a crash or hang") {
    TempDir dir;
    SUBCASE("random bytes") {
        std::mt19937 rng(42);
        for (int round = 0; round < 20; ++round) {
            std::string bytes(20000, '\0');
            for (auto& c : bytes) c = static_cast<char>(rng());
            // Half the rounds look like an mbox at first so the bytes reach the MIME parser.
            if (round % 2) bytes = kEnvelope + "From: a@x\n" + bytes;
            const auto run = import_text(dir, bytes);
            if (!run.result.ok()) CHECK(run.result.error().code == core::ErrorCode::format);
        }
    }
    SUBCASE("a truncated message") {
        const auto whole = kEnvelope + message("a") + "\n" + kEnvelope +
                           "From: Ana <ana@example.org>\nTo: me@example.org\nMessage-ID: <b@x>\n"
                           "Date: Tue, 03 Mar 2026 10:00:00 +0000\nContent-Type: multipart/mixed;"
                           " boundary=\"zz\"\n\n--zz\nContent-Type: text/plain\n\nCut he";
        const auto run = import_text(dir, whole);
        REQUIRE(run.result.ok());
        CHECK(ids(run.sink) == "<a@x> <b@x>");
        CHECK(run.sink.interactions[1].text == "Cut he");
    }
    SUBCASE("NUL bytes in headers and body") {
        std::string m = kEnvelope + message("a", std::string("bo\0dy\n", 6));
        m.insert(m.find("Subject: s") + 9, std::string("\0\0", 2));
        const auto run = import_text(dir, m);
        REQUIRE(run.result.ok());
        REQUIRE(run.sink.interactions.size() == 1);
        CHECK(run.sink.interactions[0].subject.find('\0') == std::string::npos);
    }
    SUBCASE("invalid UTF-8 in names and subject") {
        const auto run =
            import_text(dir, kEnvelope +
                                 "From: \xFF\xFE\xC3 <ana@example.org>\nTo: me@example.org\n"
                                 "Subject: \xC3\x28 ok\nDate: Tue, 03 Mar 2026 10:00:00 +0000\n"
                                 "Message-ID: <a@x>\n\n\xE2\x82 body\n");
        REQUIRE(run.result.ok());
        REQUIRE(run.sink.interactions.size() == 1);
        const auto& r = run.sink.interactions[0];
        for (const auto* s : {&r.subject, &r.text, &r.participants[0].display_name})
            CHECK(core::is_clean_text(*s));
    }
    SUBCASE("a 100 MB header line is skipped without being held in memory") {
        const auto path = dir / "huge.mbox";
        {
            std::FILE* f = std::fopen(path.c_str(), "wb");
            REQUIRE(f);
            const std::string head = kEnvelope + "From: Ana <ana@example.org>\nX-Huge: ";
            std::fwrite(head.data(), 1, head.size(), f);
            const std::string chunk(1 << 20, 'x');
            for (int i = 0; i < 100; ++i) std::fwrite(chunk.data(), 1, chunk.size(), f);
            const std::string tail = "\nMessage-ID: <big@x>\n\nbody\n\n" + kEnvelope + message("a");
            std::fwrite(tail.data(), 1, tail.size(), f);
            std::fclose(f);
        }
        const auto run = import_mbox(path.string());
        REQUIRE(run.result.ok());
        CHECK(ids(run.sink) == "<a@x>");
        REQUIRE(run.sink.warnings.size() == 1);
        CHECK(run.sink.warnings[0].location == path.string() + ":1");
        CHECK(run.sink.warnings[0].message.find("headers too long") != std::string::npos);
    }
}

TEST_CASE("mbox: progress in bytes and cancel between messages") {
    TempDir dir;
    std::string content;
    for (int i = 0; i < 600; ++i) content += kEnvelope + message("m" + std::to_string(i)) + "\n";
    write_file(dir / "in.mbox", content);
    RecordingProgress progress;
    auto run = import_mbox((dir / "in.mbox").string(), &progress);
    REQUIRE(run.result.ok());
    CHECK(run.sink.interactions.size() == 600);
    REQUIRE(progress.updates.size() >= 3);
    CHECK(progress.updates.back().done == content.size());
    CHECK(progress.updates.back().total == content.size());
    CHECK(progress.updates.back().what == "bytes");

    RecordingProgress cancelling;
    cancelling.cancel_at_update = 2;  // after the first 256 messages
    run = import_mbox((dir / "in.mbox").string(), &cancelling);
    REQUIRE_FALSE(run.result.ok());
    CHECK(run.result.error().code == core::ErrorCode::cancelled);
    CHECK(run.sink.interactions.size() == 256);
}
