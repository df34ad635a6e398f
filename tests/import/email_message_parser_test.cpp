// One email message into one interaction: headers as real mail writes them.
#include "import/email_message_parser.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/identity_normalizer.h"
#include "core/time.h"
#include "tests/import/collecting_sink.h"
#include "tests/import/email_test_support.h"

using namespace kith;
using kith::import::EmailMessageParser;
using kith::import::EmailOrigin;
using kith::import::test::CollectingSink;

namespace {

/// Headers + "\n" + body, with LF line ends.
std::string mail(const std::string& headers, const std::string& body = "Hello\n") {
    return headers + "\n" + body;
}

const std::string kBase =
    "From: Ana Ruiz <ana@example.org>\n"
    "To: me@example.org\n"
    "Subject: Lunch\n"
    "Date: Tue, 03 Mar 2026 10:00:00 +0100\n"
    "Message-ID: <a1@example.org>\n";

}  // namespace

TEST_CASE("email headers: one quirk a row") {
    struct Row {
        std::string message;
        const char* expected;  // describe() of the record, or "" when skipped
        const char* warning;   // a substring of the one warning expected, "" = none
        const char* where;
    };
    const Row rows[] = {
        {mail(kBase),
         "email/<a1@example.org> email message in 2026-03-03T09:00:00Z thread=<a1@example.org> "
         "subject=Lunch text=Hello url=mid:a1@example.org place= personal=1 bulk=0 "
         "[email:ana@example.org (ana@example.org) \"Ana Ruiz\" from]",
         "", "a plain message to me"},
        {mail("From: =?UTF-8?B?Q2hsb8OpIE1hcnRpbg==?= <chloe@example.org>\n"
              "To: me@example.org\nSubject: =?ISO-8859-1?Q?Caf=E9?=\n"
              "Date: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <e1@x>\n"),
         "email/<e1@x> email message in 2026-03-03T10:00:00Z thread=<e1@x> subject=Caf\xC3\xA9 "
         "text=Hello url=mid:e1@x place= personal=1 bulk=0 "
         "[email:chloe@example.org (chloe@example.org) \"Chlo\xC3\xA9 Martin\" from]",
         "", "RFC 2047 encoded name (base64) and subject (Latin-1 Q)"},
        {mail("From: \"Martin, Chlo\xE9\" <chloe@example.org>\nTo: me@example.org\n"
              "Date: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <e2@x>\n"),
         "email/<e2@x> email message in 2026-03-03T10:00:00Z thread=<e2@x> subject= text=Hello "
         "url=mid:e2@x place= personal=1 bulk=0 "
         "[email:chloe@example.org (chloe@example.org) \"Martin, Chlo\xC3\xA9\" from]",
         "", "undeclared 8-bit Latin-1 name (old Outlook): read as Windows-1252"},
        {mail("From: Ana <ana@example.org>\nTo: Team: ben@example.org, me@example.org;, "
              "carl@example.org\nCc: Ben <BEN@example.org>, undisclosed-recipients:;\n"
              "Date: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <g1@x>\n"),
         "email/<g1@x> email message in 2026-03-03T10:00:00Z thread=<g1@x> subject= text=Hello "
         "url=mid:g1@x place= personal=1 bulk=0 "
         "[email:ana@example.org (ana@example.org) \"Ana\" from] "
         "[email:ben@example.org (ben@example.org) \"\" to] "
         "[email:carl@example.org (carl@example.org) \"\" to]",
         "", "groups expanded, duplicates once, empty group ignored"},
        {mail("From: me@example.org\nTo: Ana <ana@example.org>\n"
              "Date: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <o1@x>\n"
              "In-Reply-To: <a1@example.org>\nReferences: <a0@example.org> <a1@example.org>\n"),
         "email/<o1@x> email reply out 2026-03-03T10:00:00Z thread=<a0@example.org> subject= "
         "text=Hello url=mid:o1@x place= personal=1 bulk=0 "
         "[email:ana@example.org (ana@example.org) \"Ana\" to]",
         "", "my reply: outbound, thread root from References"},
        {mail("From: Ana <ana@example.org>\nTo: ben@example.org\nCc: me@example.org\n"
              "Date: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <c1@x>\n"),
         "email/<c1@x> email message in 2026-03-03T10:00:00Z thread=<c1@x> subject= text=Hello "
         "url=mid:c1@x place= personal=1 bulk=0 "
         "[email:ana@example.org (ana@example.org) \"Ana\" from] "
         "[email:ben@example.org (ben@example.org) \"\" to]",
         "", "me in Cc is personal"},
        {mail("From: Ana <ana@example.org>\nTo: ben@example.org\n"
              "Date: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <b1@x>\n"),
         "email/<b1@x> email message in 2026-03-03T10:00:00Z thread=<b1@x> subject= text=Hello "
         "url=mid:b1@x place= personal=0 bulk=0 "
         "[email:ana@example.org (ana@example.org) \"Ana\" from] "
         "[email:ben@example.org (ben@example.org) \"\" to]",
         "", "Bcc to me: not personal"},
        {mail("From: Dev List <dev@lists.example.org>\nTo: dev@lists.example.org\n"
              "List-Id: Dev <dev.lists.example.org>\n"
              "Date: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <l1@x>\n"),
         "email/<l1@x> email message in 2026-03-03T10:00:00Z thread=<l1@x> subject= text=Hello "
         "url=mid:l1@x place= personal=0 bulk=1 "
         "[email:dev@lists.example.org (dev@lists.example.org) \"Dev List\" from]",
         "", "mailing list: bulk, never personal"},
        {mail("From: GitHub <noreply@github.com>\nTo: me@example.org\n"
              "Date: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <n1@x>\n"),
         "email/<n1@x> email message in 2026-03-03T10:00:00Z thread=<n1@x> subject= text=Hello "
         "url=mid:n1@x place= personal=0 bulk=1 "
         "[email:noreply@github.com (noreply@github.com) \"GitHub\" from]",
         "", "no-reply sender addressed to me is still bulk"},
        {mail("From: Ana <ana@example.org>\nTo: me@example.org\nDate: yesterday-ish\n"
              "Received: from mx by mail.example.org; Wed, 04 Mar 2026 08:00:00 +0000\n"
              "Message-ID: <d1@x>\n"),
         "email/<d1@x> email message in 2026-03-04T08:00:00Z thread=<d1@x> subject= text=Hello "
         "url=mid:d1@x place= personal=1 bulk=0 "
         "[email:ana@example.org (ana@example.org) \"Ana\" from]",
         "unparseable Date \"yesterday-ish\"; using 2026-03-04T08:00:00Z",
         "broken Date: Received time"},
        {mail("From: Ana <ana@example.org>\nTo: me@example.org\nMessage-ID: <d2@x>\n"),
         "email/<d2@x> email message in 2026-01-01T00:00:00Z thread=<d2@x> subject= text=Hello "
         "url=mid:d2@x place= personal=1 bulk=0 "
         "[email:ana@example.org (ana@example.org) \"Ana\" from]",
         "no Date header; using 2026-01-01T00:00:00Z", "no Date: the container's time"},
        {mail("From: Ana <ana@example.org>\nTo: me@example.org\n"
              "Date: Tue, 03 Mar 2026 10:00:00 +0000\nSubject: x\n"),
         "email/<sha256:3f3c3c6a0a1a2c5f@kith.invalid>", "", "no Message-ID: digest id"},
        {mail("To: me@example.org\nDate: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <f1@x>\n"),
         "", "no valid From address", "no From"},
        {mail("From: Ana <ana@example.org>\nTo: me@example.org\nX-Gmail-Labels: Inbox,Spam\n"
              "Date: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <s1@x>\n"),
         "", "", "Gmail Takeout spam label: skipped"},
        {mail("From: Ana <ana@example.org>\nTo: me@example.org\nSubject: a\r\n b\n"
              "Date: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <h1@x>\n"
              "Content-Type: text/html; charset=utf-8\n",
              "<p>Hi <b>there</b></p><blockquote>old</blockquote>"),
         "email/<h1@x> email message in 2026-03-03T10:00:00Z thread=<h1@x> subject=a b "
         "text=Hi there url=mid:h1@x place= personal=1 bulk=0 "
         "[email:ana@example.org (ana@example.org) \"Ana\" from]",
         "", "HTML-only body reduced to text; folded subject"},
        {mail("From: Ana <ana@example.org>\nTo: me@example.org\nMessage-ID: <m1@x>\n"
              "Date: Tue, 03 Mar 2026 10:00:00 +0000\nMIME-Version: 1.0\n"
              "Content-Type: multipart/mixed; boundary=\"b1\"\n",
              "--b1\nContent-Type: multipart/alternative; boundary=\"b2\"\n\n--b2\n"
              "Content-Type: text/html\n\n<p>html version</p>\n--b2\n"
              "Content-Type: text/plain; charset=iso-8859-1\n"
              "Content-Transfer-Encoding: quoted-printable\n\nCaf=E9 plain\n--b2--\n--b1\n"
              "Content-Type: text/plain; name=notes.txt\nContent-Disposition: attachment\n\n"
              "attached text\n--b1--\n"),
         "email/<m1@x> email message in 2026-03-03T10:00:00Z thread=<m1@x> subject= "
         "text=Caf\xC3\xA9 plain url=mid:m1@x place= personal=1 bulk=0 "
         "[email:ana@example.org (ana@example.org) \"Ana\" from]",
         "", "multipart/alternative inside mixed: the plain part, charset converted"},
        {mail("From: =?UTF-8?B?/w==?= <ana@example.org>\nTo: me@example.org\n"
              "Date: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <u1@x>\n"),
         "email/<u1@x> email message in 2026-03-03T10:00:00Z thread=<u1@x> subject= text=Hello "
         "url=mid:u1@x place= personal=1 bulk=0 "
         "[email:ana@example.org (ana@example.org) \"?\" from]",
         "", "invalid UTF-8 inside an encoded word: GMime substitutes '?'"},
        {mail("From: Ana\r\n Ruiz <ana@example.org>\nTo: me@example.org\n"
              "Date: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <i1@x>\n"),
         "email/<i1@x> email message in 2026-03-03T10:00:00Z thread=<i1@x> subject= text=Hello "
         "url=mid:i1@x place= personal=1 bulk=0 "
         "[email:ana@example.org (ana@example.org) \"Ana Ruiz\" from]",
         "", "folded name: no CR/LF survives (header injection trap)"},
        {mail("FROM: Ana <ana@example.org>\nto: me@example.org\nmessage-id: <v1@x>\n"
              "DATE: Tue, 03 Mar 2026 10:00:00 +0000\nsubject: lower\n"),
         "email/<v1@x> email message in 2026-03-03T10:00:00Z thread=<v1@x> subject=lower "
         "text=Hello url=mid:v1@x place= personal=1 bulk=0 "
         "[email:ana@example.org (ana@example.org) \"Ana\" from]",
         "", "case-variant header names"},
        {mail("From: Ana <ana@example.org>\nTo: me@example.org\nSubject: first\n"
              "Subject: second\nDate: Tue, 03 Mar 2026 10:00:00 +0000\n"
              "Date: Wed, 04 Mar 2026 10:00:00 +0000\nMessage-ID: <w1@x>\nMessage-ID: <w2@x>\n"),
         "email/<w1@x> email message in 2026-03-03T10:00:00Z thread=<w1@x> subject=first "
         "text=Hello url=mid:w1@x place= personal=1 bulk=0 "
         "[email:ana@example.org (ana@example.org) \"Ana\" from]",
         "", "duplicate headers: the first one counts"},
        {mail("From: Ana <ana@example.org>\nTo: me@example.org\n"
              "Date: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <r2@x>\n"
              "References: <" +
              std::string(3000, 'r') + "@x>\nIn-Reply-To: <r1@x>\n"),
         "email/<r2@x> email reply in 2026-03-03T10:00:00Z "
         "thread=<sha256:83a0e9caae42c8f0e87b8559b1d9b8b25d535644cd68eb75a0afe9be8fbde516@kith."
         "invalid> subject= text=Hello url=mid:r2@x place= "
         "personal=1 bulk=0 [email:ana@example.org (ana@example.org) \"Ana\" from]",
         "", "a 3000-byte root id becomes a digest"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.where));
        auto sink = kith::import::test::sink_with_me();
        EmailMessageParser parser;
        const EmailOrigin origin{"test.mbox:1", core::parse_iso("2026-01-01"), false};
        REQUIRE(parser.import(row.message, origin, sink));
        const std::string expected = row.expected;
        if (expected.empty()) {
            CHECK(sink.interactions.empty());
        } else if (expected.find(" email ") == std::string::npos) {
            REQUIRE(sink.interactions.size() == 1);  // only the id is known in advance
            CHECK(sink.interactions[0].ext_id.rfind("<sha256:", 0) == 0);
        } else {
            REQUIRE(sink.interactions.size() == 1);
            CHECK(kith::import::test::describe(sink.interactions[0]) == expected);
        }
        if (*row.warning) {
            REQUIRE(sink.warnings.size() == 1);
            CHECK(sink.warnings[0].message.find(row.warning) != std::string::npos);
            CHECK(sink.warnings[0].location.rfind("test.mbox:1", 0) == 0);
        } else {
            CHECK(sink.warnings.empty());
        }
    }
}

TEST_CASE("a message without Message-ID gets the same digest id every time") {
    const auto m = mail(
        "From: Ana <ana@example.org>\nTo: me@example.org\nSubject: x\n"
        "Date: Tue, 03 Mar 2026 10:00:00 +0000\n");
    auto a = kith::import::test::sink_with_me(), b = kith::import::test::sink_with_me();
    EmailMessageParser parser;
    REQUIRE(parser.import(m, {"a", std::nullopt, false}, a));
    REQUIRE(parser.import(m + "other body\n", {"b", std::nullopt, false}, b));
    REQUIRE(a.interactions.size() == 1);
    REQUIRE(b.interactions.size() == 1);
    CHECK(a.interactions[0].ext_id == b.interactions[0].ext_id);
    CHECK(a.interactions[0].thread_key == a.interactions[0].ext_id);
}

TEST_CASE("a message to myself only is skipped, not an interaction") {
    auto sink = kith::import::test::sink_with_me();
    EmailMessageParser parser;
    REQUIRE(parser.import(mail("From: me@example.org\nTo: Me <ME@example.org>\n"
                               "Date: Tue, 03 Mar 2026 10:00:00 +0000\nMessage-ID: <n@x>\n"),
                          {"x", std::nullopt, false}, sink));
    CHECK(sink.interactions.empty());
    CHECK(sink.skipped_count == 1);
}
