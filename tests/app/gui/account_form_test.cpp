// The account forms of "Add source": the wx-free rules (one quirk of what people type a row), and
// the IMAP form in a real window filled against a real Dovecot on 127.0.0.1, its password kept in
// a real GNOME Keyring (this suite runs under tests/app/cli/with_keyring.sh), then the import run
// through the import window — and again from the keyring alone.
#include <doctest/doctest.h>

#include <wx/checkbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/account_form.h"
#include "app/gui/add_source_dialog.h"
#include "app/gui/import_dialog.h"
#include "app/gui/workspace.h"
#include "app/shared/secret_store.h"
#include "tests/app/gui/frame_fixture.h"
#include "tests/import/dovecot_server.h"

using namespace kith;
using namespace std::chrono_literals;

TEST_CASE("account forms: what people type becomes the right request, or says what is wrong") {
    struct Row {
        const char* why;
        app::AccountForm form;
        std::string location;  ///< expected; empty = an error containing `error`
        std::string error;
    };
    const std::vector<Row> rows = {
        {"a bare host gets imaps and the default port",
         {"imap", "imap.example.org", "ana", "", "", "pw", false},
         "imaps://ana@imap.example.org/",
         ""},
        {"an e-mail address as user name (most providers) is percent-encoded in the URL",
         {"imap", "imap.example.org:993", "ana@example.org", "", "", "pw", false},
         "imaps://ana%40example.org@imap.example.org:993/",
         ""},
        {"a pasted URL with a user in it: the User field wins",
         {"imap", "imaps://old@imap.example.org/", "ana", "", "", "pw", false},
         "imaps://ana@imap.example.org/",
         ""},
        {"plain imap:// stays (STARTTLS is then required by the importer)",
         {"imap", "imap://mail.example.org:143", "ana", "", "", "pw", false},
         "imap://ana@mail.example.org:143/",
         ""},
        {"a folder typed into the server field is refused, pointing at Folders",
         {"imap", "imap.example.org/INBOX", "ana", "", "", "pw", false},
         "",
         "names a path"},
        {"no user", {"imap", "imap.example.org", " ", "", "", "pw", false}, "", "user name"},
        {"no password",
         {"imap", "imap.example.org", "ana", "", "", "", false},
         "",
         "IMAP password is missing"},
        {"an instance without scheme and with a trailing slash",
         {"mastodon", "mastodon.social/", "", "", "", "tok", false},
         "https://mastodon.social",
         ""},
        {"no token: the hint says how to make one",
         {"mastodon", "https://mastodon.social", "", "", "", "", false},
         "",
         "access token"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.why);
        const auto r = app::account_request(row.form);
        if (row.location.empty()) {
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().message.find(row.error) != std::string::npos);
            continue;
        }
        REQUIRE(r.ok());
        CHECK(r->location == row.location);
        CHECK(r->options.at(row.form.kind == "imap" ? "password" : "token") == row.form.secret);
    }
    const auto token = app::account_request({"mastodon", "x.example", "", "", "", "", false});
    CHECK(token.error().hint.find("Development") != std::string::npos);
    const auto folders = app::account_request(
        {"imap", "imap.example.org", "ana", " INBOX, Archive ", "/tmp/ca.pem", "pw", false});
    CHECK(folders->options.at("folders") == "INBOX, Archive");
    CHECK(folders->options.at("ca_file") == "/tmp/ca.pem");
}

TEST_CASE("add source: the IMAP form keeps the password in the keyring and the import runs") {
    test::DovecotServer server;
    server.deliver("", "1700000000.g1",
                   "From: Ana Ruiz <ana.ruiz@example.org>\r\nTo: me@example.org\r\n"
                   "Subject: lunch\r\nDate: Tue, 03 Nov 2026 10:00:00 +0000\r\n"
                   "Message-ID: <g1@example.org>\r\n\r\nThursday?\r\n");
    test::TempDir dir;
    const auto path = dir / "kith.db";
    test::fill_user_database(path);
    test::FrameFixture fixture(new app::MainFrame(test::open_db(path), test::options_for(dir, 7)));
    app::Workspace* workspace = fixture.frame->workspace();
    REQUIRE(workspace != nullptr);

    app::AddSourceDialog dialog(fixture.frame);
    dialog.Show();  // modeless here, so the test can fill it as a person would
    REQUIRE(dialog.select_kind("imap"));
    CHECK(dialog.secret()->IsShown());
    CHECK_FALSE(dialog.location()->IsShown());
    dialog.server()->SetValue("127.0.0.1:" + std::to_string(server.port()));
    dialog.secret()->SetValue(test::DovecotServer::kPassword);
    dialog.ca_file()->SetValue(server.ca_file());
    CHECK_FALSE(dialog.accept());  // no user yet: the form says so and stays open
    CHECK(dialog.message()->GetLabel().utf8_string().find("user name") != std::string::npos);
    dialog.user()->SetValue(test::DovecotServer::kUser);
    test::save_screenshot(&dialog, "10-add-source-imap");
    REQUIRE(dialog.accept());
    dialog.Hide();
    const auto request = dialog.request();
    const auto key = app::secret_key_for("imap", request.location);
    REQUIRE(key.ok());
    const auto stored = app::keyring_lookup(*key);
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK(**stored == test::DovecotServer::kPassword);

    app::ImportDialog* run = workspace->start_import(request);
    REQUIRE(run != nullptr);
    REQUIRE(test::wait_until([&] { return run->result().has_value(); }, 60s));
    INFO(run->status()->GetLabel().utf8_string());
    REQUIRE(run->result()->ok());
    CHECK((*run->result())->counts.added == 1);
    run->Destroy();

    // Run again as the Sources view does: no password in the request, the keyring supplies it.
    core::ImportRequest again{"imap", request.location, {{"ca_file", server.ca_file()}}};
    app::ImportDialog* rerun = workspace->start_import(again);
    REQUIRE(rerun != nullptr);
    REQUIRE(test::wait_until([&] { return rerun->result().has_value(); }, 60s));
    REQUIRE(rerun->result()->ok());
    CHECK((*rerun->result())->counts.added == 0);
    rerun->Destroy();
    CHECK(test::read_file(path).find(test::DovecotServer::kPassword) == std::string::npos);
    CHECK(app::keyring_forget(*key).ok());
}
