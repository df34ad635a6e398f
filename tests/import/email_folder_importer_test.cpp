// The folder importers: Maildir (cur/, new/, Maildir++ subfolders, flag separators) and .eml trees.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/identity_normalizer.h"
#include "import/eml_importer.h"
#include "import/importer_registry.h"
#include "import/maildir_importer.h"
#include "tests/db/temp_dir.h"
#include "tests/import/collecting_sink.h"
#include "tests/import/email_test_support.h"

using namespace kith;
using kith::import::EmlImporter;
using kith::import::MaildirImporter;
using kith::import::test::CollectingSink;
using kith::import::test::RecordingProgress;
using kith::test::TempDir;
using kith::test::write_file;

namespace {

std::string message(const std::string& id,
                    const std::string& date = "Tue, 03 Mar 2026 10:00:00 +0000") {
    return "From: Ana <ana@example.org>\nTo: me@example.org\nDate: " + date + "\nMessage-ID: <" +
           id + "@x>\n\nHello\n";
}

struct Run {
    CollectingSink sink;
    core::Result<void> result;
};

Run import_with(core::Importer& importer, const std::string& root,
                core::Progress* progress = nullptr) {
    core::NullProgress none;
    Run run{kith::import::test::sink_with_me(), {}};
    run.result = importer.run({std::string(importer.kind()), root, {}}, run.sink,
                              progress ? *progress : none);
    return run;
}

}  // namespace

TEST_CASE("maildir: which files are messages, one layout quirk a row") {
    struct Row {
        const char* path;
        bool message;
        const char* where;
    };
    const Row rows[] = {
        {"Mail/cur/1700000000.M1P2.host:2,S", true, "standard :2, flags"},
        {"Mail/cur/1700000000.M1P2.host!2,RS", true, "! separator (Windows-safe, Dovecot option)"},
        {"Mail/cur/1700000000.M1P2.host;2,S", true, "; separator (some Windows tools)"},
        {"Mail/new/1700000000.M1P2.host", true, "new/ has no flags yet"},
        {"Mail/.Sent/cur/1700000001.x:2,S", true, "Maildir++ subfolder"},
        {"Mail/.Lists.rust/new/1700000002.x", true, "Maildir++ nested name"},
        {"Mail/Archive/2024/cur/1700000003.x:2,", true, "mbsync folder tree"},
        {"Mail/tmp/1700000000.M1P2.host", false, "tmp/: delivery in progress"},
        {"Mail/cur/.hidden", false, "dot-files"},
        {"Mail/dovecot-uidlist", false, "index files beside cur/"},
        {"Mail/cur", false, "the folder itself"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.where));
        CHECK(MaildirImporter::is_message_file(row.path) == row.message);
    }
    CHECK(core::format_iso(*MaildirImporter::delivery_time("1700000000.M1P2.host:2,S")) ==
          "2023-11-14T22:13:20Z");
    CHECK_FALSE(MaildirImporter::delivery_time("msg.123:2,S").has_value());
    CHECK_FALSE(MaildirImporter::delivery_time("12345678901234.x").has_value());
}

TEST_CASE("maildir: cur, new and subfolders imported, tmp and dot-files ignored") {
    TempDir dir;
    const auto root = dir / "Mail";
    write_file(root / "cur" / "1700000000.M1P2.host:2,S", message("a"));
    write_file(root / "cur" / "1700000000.M2P2.host!2,RS", message("b"));
    write_file(root / "new" / "1700000000.M3P2.host", message("c"));
    write_file(root / ".Sent" / "cur" / "1700000000.M4P2.host;2,S", message("d"));
    write_file(root / "tmp" / "1700000000.M5P2.host", message("tmp"));
    write_file(root / "cur" / ".1700000000.M6P2.host", message("hidden"));
    write_file(root / "dovecot-uidlist", "3 V1 N1\n");
    // A broken Date falls back to the delivery time in the file name.
    write_file(root / "cur" / "1600000000.M7P2.host:2,", message("e", "garbage"));

    MaildirImporter importer;
    RecordingProgress progress;
    const auto run = import_with(importer, root.string(), &progress);
    REQUIRE(run.result.ok());
    CHECK(kith::import::test::sorted_ext_ids(run.sink) ==
          std::vector<std::string>{"<a@x>", "<b@x>", "<c@x>", "<d@x>", "<e@x>"});
    REQUIRE(run.sink.warnings.size() == 1);
    CHECK(run.sink.warnings[0].message.find("using 2020-09-13T12:26:40Z") != std::string::npos);
    CHECK(run.sink.warnings[0].location.find("1600000000.M7P2.host:2,") != std::string::npos);
    REQUIRE_FALSE(progress.updates.empty());
    CHECK(progress.updates.back().done == progress.updates.back().total);
    CHECK(progress.updates.back().total > 0);
}

TEST_CASE("maildir and eml: folders that cannot be imported are clear errors") {
    TempDir dir;
    MaildirImporter maildir;
    EmlImporter eml;
    CHECK(import_with(maildir, (dir / "none").string()).result.error().code ==
          core::ErrorCode::not_found);
    write_file(dir / "file.mbox", message("a"));
    CHECK(import_with(maildir, (dir / "file.mbox").string()).result.error().code ==
          core::ErrorCode::io);
    write_file(dir / "empty" / "notes.txt", "x");
    const auto r = import_with(maildir, (dir / "empty").string());
    REQUIRE_FALSE(r.result.ok());
    CHECK(r.result.error().code == core::ErrorCode::format);
    CHECK(r.result.error().message.find("holds no Maildir messages") != std::string::npos);
    CHECK(import_with(eml, (dir / "empty").string()).result.error().code ==
          core::ErrorCode::format);
}

TEST_CASE("eml: a folder tree of .eml files, any case, other files ignored") {
    TempDir dir;
    write_file(dir / "Saved" / "one.eml", message("a"));
    write_file(dir / "Saved" / "2024" / "Two.EML", message("b"));
    write_file(dir / "Saved" / "2024" / "notes.txt", "not mail");
    write_file(dir / "Saved" / "garbage.eml", std::string("\x00\x01\x02 binary", 10));
    EmlImporter importer;
    const auto run = import_with(importer, (dir / "Saved").string());
    REQUIRE(run.result.ok());
    CHECK(kith::import::test::sorted_ext_ids(run.sink) ==
          std::vector<std::string>{"<a@x>", "<b@x>"});
    REQUIRE(run.sink.warnings.size() == 1);
    CHECK(run.sink.warnings[0].location == (dir / "Saved" / "garbage.eml").string());
}

TEST_CASE("email importers are registered with their shapes and patterns") {
    const auto kinds = import::importer_kinds();
    const auto find = [&](const char* kind) {
        const auto it =
            std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.kind == kind; });
        REQUIRE(it != kinds.end());
        return *it;
    };
    CHECK(find("mbox").shape == core::SourceShape::file);
    CHECK(find("mbox").file_patterns == "*.mbox;*.mbx;*.mbs;mbox;*");
    CHECK(find("maildir").shape == core::SourceShape::folder);
    CHECK(find("eml").shape == core::SourceShape::folder);
}
