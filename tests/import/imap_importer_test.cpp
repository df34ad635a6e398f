// The IMAP importer against a real Dovecot on 127.0.0.1 (tests/import/dovecot_server.h).
#include "import/imap_importer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/identity_normalizer.h"
#include "import/imap_connection.h"
#include "tests/import/collecting_sink.h"
#include "tests/import/dovecot_server.h"
#include "tests/import/email_test_support.h"

using namespace kith;
using kith::import::ImapImporter;
using kith::import::test::CollectingSink;
using kith::test::DovecotServer;

namespace {

std::string message(const std::string& id, const std::string& from = "Ana Ruiz <ana@example.org>",
                    const std::string& to = "me@example.org") {
    return "From: " + from + "\r\nTo: " + to + "\r\nSubject: about " + id +
           "\r\nDate: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <" + id + "@x>\r\n\r\nHello " +
           id + "\r\n";
}

core::Result<void> run_imap(const DovecotServer& server, CollectingSink& sink,
                            const std::string& url,
                            const std::string& password = DovecotServer::kPassword) {
    ImapImporter importer;
    core::NullProgress progress;
    core::ImportRequest req{"imap", url, {{"password", password}, {"ca_file", server.ca_file()}}};
    return importer.run(req, sink, progress);
}

}  // namespace

TEST_CASE("imap URLs: one form a row") {
    struct Row {
        const char* url;
        const char* expected;  // server + " " + user + " " + mailbox, or "" for an error
        const char* where;
    };
    const Row rows[] = {
        {"imaps://ana@imap.example.org/INBOX", "imaps://imap.example.org:993 ana INBOX", "plain"},
        {"imap://ana@127.0.0.1:1143/", "imap://127.0.0.1:1143 ana ", "STARTTLS port, no mailbox"},
        {"imaps://ana%40example.org@imap.gmail.com/%5BGmail%5D/All%20Mail",
         "imaps://imap.gmail.com:993 ana@example.org [Gmail]/All Mail",
         "Gmail: address as user, percent-encoded mailbox"},
        {"imaps://ana:pw@host/INBOX", "", "a password in the URL is refused"},
        {"imaps://host/INBOX", "", "no user"},
        {"https://ana@host/", "", "not IMAP"},
        {"imaps://ana@host:99999/", "", "bad port"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.where));
        const auto u = import::parse_imap_url(row.url);
        if (*row.expected) {
            REQUIRE(u.ok());
            CHECK(u->server() + " " + u->user + " " + u->mailbox == row.expected);
        } else {
            CHECK_FALSE(u.ok());
        }
    }
}

TEST_CASE("imap mailbox names in modified UTF-7: one name a row") {
    struct Row {
        const char* utf8;
        const char* utf7;
        const char* where;
    };
    const Row rows[] = {
        {"INBOX", "INBOX", "ASCII unchanged"},
        {"Entw\xC3\xBCrfe", "Entw&APw-rfe", "German Thunderbird/Dovecot drafts"},
        {"R&D", "R&-D", "a literal ampersand"},
        {"\xE5\x8F\xB0\xE5\x8C\x97", "&U,BTFw-", "RFC 3501's example (Taipei)"},
        {"[Gmail]/All Mail", "[Gmail]/All Mail", "Gmail's folders are ASCII"},
        {"\xF0\x9F\x93\xA7 Mail", "&2D3c5w- Mail", "a character outside the BMP (surrogates)"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.where));
        CHECK(import::imap_utf7(row.utf8) == row.utf7);
    }
}

TEST_CASE("imap against a real Dovecot: first run, incremental run, UIDVALIDITY change") {
    DovecotServer server;
    server.deliver("", "1700000001.a", message("a"));
    server.deliver("", "1700000002.b", message("b"));
    server.deliver("Sent", "1700000003.c", message("c", "me@example.org", "Ana <ana@example.org>"));

    // First run: INBOX and the \Sent folder when the URL names no mailbox.
    auto sink = kith::import::test::sink_with_me();
    auto r = run_imap(server, sink, server.url(""));
    INFO((r ? std::string() : r.error().message + " / " + r.error().hint));
    REQUIRE(r.ok());
    CHECK(kith::import::test::sorted_ext_ids(sink) ==
          std::vector<std::string>{"<a@x>", "<b@x>", "<c@x>"});
    CHECK(sink.warnings.empty());
    const auto& sent = *std::find_if(sink.interactions.begin(), sink.interactions.end(),
                                     [](const auto& i) { return i.ext_id == "<c@x>"; });
    CHECK(sent.direction == core::Direction::out);
    CHECK(sink.interactions[0].text.rfind("Hello", 0) == 0);
    REQUIRE(sink.stored_cursor.has_value());
    CHECK(sink.stored_cursor->find("\"INBOX\"") != std::string::npos);
    CHECK(sink.stored_cursor->find("\"Sent\"") != std::string::npos);

    // Second run: only the new message is fetched.
    server.deliver("", "1700000004.d", message("d"));
    sink.interactions.clear();
    r = run_imap(server, sink, server.url(""));
    REQUIRE(r.ok());
    CHECK(kith::import::test::sorted_ext_ids(sink) == std::vector<std::string>{"<d@x>"});

    // Nothing new: nothing fetched.
    sink.interactions.clear();
    REQUIRE(run_imap(server, sink, server.url("")).ok());
    CHECK(sink.interactions.empty());

    // A new UIDVALIDITY: the folder is read again, with a warning; the database deduplicates.
    const auto before = *sink.stored_cursor;
    server.reset_uids();
    sink.interactions.clear();
    INFO("cursor before: " << before);
    REQUIRE(run_imap(server, sink, server.url("")).ok());
    INFO("cursor after: " << *sink.stored_cursor);
    CHECK(kith::import::test::sorted_ext_ids(sink) ==
          std::vector<std::string>{"<a@x>", "<b@x>", "<d@x>"});
    REQUIRE(sink.warnings.size() == 1);
    CHECK(sink.warnings[0].message.find("UIDVALIDITY changed") != std::string::npos);
}

TEST_CASE("imap against a real Dovecot: refusals are clear errors") {
    DovecotServer server;
    server.deliver("", "1700000001.a", message("a"));
    auto sink = kith::import::test::sink_with_me();

    // Without the test's CA the self-signed certificate is not trusted: never bypassed.
    ImapImporter importer;
    core::NullProgress progress;
    auto r = importer.run({"imap", server.url(), {{"password", DovecotServer::kPassword}}}, sink,
                          progress);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("not trusted") != std::string::npos);

    // A folder that does not exist is a warning; the others are imported.
    r = run_imap(server, sink, server.url("Nope"));
    REQUIRE(r.ok());
    REQUIRE(sink.warnings.size() == 1);
    CHECK(sink.warnings[0].location.find("/Nope") != std::string::npos);

    // Last before the stop: after a failed login Dovecot delays further logins for seconds.
    sink.stored_cursor.reset();
    r = run_imap(server, sink, server.url(), "wrong password");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == core::ErrorCode::network);
    CHECK(r.error().message.find("refused the login of ana") != std::string::npos);
    CHECK(r.error().hint.find("password") != std::string::npos);
    CHECK_FALSE(sink.stored_cursor.has_value());

    // The server gone: a network error, no cursor saved (the rerun after a cut connection is in
    // tests/app/cli/email_imap_cli_test.cpp).
    server.stop();
    sink.stored_cursor.reset();
    r = run_imap(server, sink, server.url());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == core::ErrorCode::network);
    INFO(r.error().message);
    CHECK(r.error().message.find("cannot connect") != std::string::npos);
    CHECK_FALSE(sink.stored_cursor.has_value());
}
