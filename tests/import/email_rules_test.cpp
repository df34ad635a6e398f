// The pure parts of the email channel: envelope lines, threading, bulk detection, excerpts.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/time.h"
#include "import/email_bulk.h"
#include "import/email_excerpt.h"
#include "import/email_thread.h"
#include "import/mbox_envelope.h"

using namespace kith;
using namespace kith::import;

TEST_CASE("mbox envelope lines: one variant a row") {
    struct Row {
        const char* line;
        const char* expected;  // ISO time, "" = not an envelope line
        const char* where;     // where the variant comes from
    };
    const Row rows[] = {
        {"From ana@example.org Sat Jan  3 01:05:34 1996", "1996-01-03T01:05:34Z",
         "asctime with two spaces before a one-digit day (qmail, procmail)"},
        {"From - Tue Oct 02 00:26:47 2007", "2007-10-02T00:26:47Z", "Thunderbird"},
        {"From 1828000000000000000@xxx Mon Apr 07 14:31:02 +0000 2025", "2025-04-07T14:31:02Z",
         "Gmail Takeout: offset before the year"},
        {"From ana@example.org Fri, 5 Nov 2010 10:00:00 +0100", "2010-11-05T09:00:00Z",
         "RFC 5322 order written by some converters"},
        {"From MAILER-DAEMON Mon Mar  2 10:00:00 2026\r", "2026-03-02T10:00:00Z",
         "CRLF file: the CR stays on the line"},
        {"From ana@example.org Mon Mar 2 10:00 2026", "2026-03-02T10:00:00Z",
         "minutes-only time (old Eudora)"},
        {"From the start, we knew it would be hard.", "", "body text starting with From"},
        {"From ana@example.org", "", "an address and no date"},
        {"From: Ana <ana@example.org>", "", "a From: header is not an envelope line"},
        {"From ana@example.org Feb 30 10:00:00 2026 Mon", "", "no such day"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.where));
        const auto t = parse_envelope_date(row.line);
        if (*row.expected) {
            REQUIRE(t.has_value());
            CHECK(core::format_iso(*t) == row.expected);
        } else {
            CHECK_FALSE(t.has_value());
        }
    }
}

TEST_CASE("message ids and thread roots: one quirk a row") {
    const std::string long_local(600, 'x');
    const auto long_id = normalize_message_id("<" + long_local + "@example.org>");
    CHECK(long_id.size() < kMaxMessageIdBytes);
    CHECK(long_id.rfind("<sha256:", 0) == 0);
    CHECK(long_id == normalize_message_id(" <" + long_local + "@example.org>\n"));

    struct Row {
        const char* own;
        const char* in_reply_to;
        const char* references;
        const char* root;
        const char* where;
    };
    const Row rows[] = {
        {"<c@x>", "<b@x>", "<a@x> <b@x>", "<a@x>", "RFC 5322: the first reference is the root"},
        {"<c@x>", "<b@x>", "", "<b@x>", "In-Reply-To only (many webmails)"},
        {"<a@x>", "", "", "<a@x>", "a thread's first message is its own root"},
        {"<c@x>", "", "<a@x>\r\n\t<b@x>", "<a@x>", "folded References"},
        {"<c@x>", "<b@x> (Ana's message of Tue)", "", "<b@x>", "comment after the id"},
        {"<c@x>", "b@x", "", "<b@x>", "id without angle brackets"},
        {"<a@x>", "<a@x>", "<a@x>", "<a@x>", "loop: the message references itself"},
        {"<c@x>", "", "<c@x> <a@x>", "<a@x>", "loop: itself first, then the real root"},
        {"<c@x>", "", "<ghost@x> <b@x>", "<ghost@x>", "ghost root never imported"},
        {"<c@x>", "", "< a@x >", "<a@x>", "spaces inside the brackets"},
        {"<c@x>", "", "<broken <a@x>", "<a@x>", "an unclosed bracket before the id"},
        {"", "", "", "", "no ids at all"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.where));
        const auto own = parse_message_ids(row.own);
        CHECK(thread_root(own.empty() ? std::string() : own.front(),
                          parse_message_ids(row.in_reply_to),
                          parse_message_ids(row.references)) == row.root);
    }
}

TEST_CASE("bulk mail: one signal a row") {
    struct Row {
        BulkSignals s;
        const char* reason;  // "" = a conversation
        const char* where;
    };
    const Row rows[] = {
        {{"", "", "", "", "ana@example.org", 1}, "", "a plain message"},
        {{"<dev.lists.example.org>", "", "", "", "ana@example.org", 1},
         "List-Id",
         "RFC 2919 mailing list"},
        {{"", "<mailto:unsub@x>", "", "", "news@shop.example", 1},
         "List-Unsubscribe",
         "newsletter (RFC 2369, required by Gmail for bulk senders)"},
        {{"", "", "Bulk", "", "ana@example.org", 1}, "Precedence: bulk", "Precedence in any case"},
        {{"", "", "junk", "", "ana@example.org", 1}, "Precedence: junk", "Precedence junk"},
        {{"", "", "list", "", "ana@example.org", 1}, "Precedence: list", "Precedence list"},
        {{"", "", "", "auto-replied", "ana@example.org", 1},
         "Auto-Submitted: auto-replied",
         "vacation auto-reply (RFC 3834)"},
        {{"", "", "", "No", "ana@example.org", 1}, "", "Auto-Submitted: no is a human"},
        {{"", "", "", "", "no-reply@github.com", 1}, "no-reply sender", "no-reply sender"},
        {{"", "", "", "", "NoReply+billing@bank.example", 1},
         "no-reply sender",
         "upper case and a +tag"},
        {{"", "", "", "", "MAILER-DAEMON@mx.example", 1}, "no-reply sender", "bounce"},
        {{"", "", "", "", "do_not_reply@x.example", 1}, "no-reply sender", "underscores"},
        {{"", "", "", "", "noreen@example.org", 1}, "", "a person whose name starts with no"},
        {{"", "", "", "", "ana@example.org", 40}, "many recipients", "a broadcast to 40 people"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.where));
        CHECK(bulk_reason(row.s) == row.reason);
    }
}

TEST_CASE("excerpts keep only the new words: one quirk a row") {
    struct Row {
        std::string text;
        const char* excerpt;
        const char* where;
    };
    const Row rows[] = {
        {"Sounds good.\n\nOn Tue, 3 Mar 2026, Ana <ana@x> wrote:\n> Lunch?\n", "Sounds good.",
         "Gmail/Apple top-posting"},
        {"On Tue, 3 Mar 2026 at 10:00, Ana Ruiz <ana@example.org>\nwrote:\n> Lunch?\nYes!\n",
         "Yes!", "wrapped attribution, bottom-posting"},
        {"Ja.\n\nAm 3. März 2026 schrieb Ana:\n> Mittag?\n", "Ja.", "German attribution"},
        {"Oui.\n\nLe mar. 3 mars 2026, Ana a \xC3\xA9"
         "crit :\n> Déjeuner ?\n",
         "Oui.", "French attribution"},
        {"Thanks!\n-- \nAna Ruiz\nGrants Office\n", "Thanks!", "signature delimiter"},
        {"Fine.\r\n\r\n-----Original Message-----\r\nFrom: Ben\r\n", "Fine.",
         "Outlook original message, CRLF"},
        {"Ok\n________________________________\nFrom: Ben\nSent: Monday\n", "Ok",
         "Outlook web underscore rule"},
        {"Line one\n   line   two\n\n\nline three", "Line one line two line three",
         "white space collapsed"},
        {std::string(400, 'a'), nullptr, "long text is cut with an ellipsis"},
        {"\xC3\xA9" + std::string(300, 'e'), nullptr, "cut on a character boundary"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.where));
        const auto e = plain_excerpt(row.text);
        if (row.excerpt) {
            CHECK(e == row.excerpt);
        } else {
            CHECK(e.size() <= kExcerptBytes + 3);
            CHECK(e.substr(e.size() - 3) == "\u2026");
        }
    }
}

TEST_CASE("HTML bodies reduced to text") {
    struct Row {
        const char* html;
        const char* text;
        const char* where;
    };
    const Row rows[] = {
        {"<html><head><title>x</title><style>p{color:red}</style></head><body><p>Hi "
         "&amp; welcome&nbsp;back</p></body></html>",
         "Hi & welcome back", "head, style and entities"},
        {"<div>Yes<br>sure</div><blockquote>quoted <b>old</b> text</blockquote>", "Yes sure",
         "Gmail quotes in blockquote"},
        {"<p>caf&#233; &#x263A;</p><script>alert(1)</script>", "caf\xC3\xA9 \xE2\x98\xBA",
         "numeric references; scripts dropped"},
        {"<p>cut off <a href=", "cut off", "a tag cut off at the end"},
        {"<!-- hidden --><P>Upper</P>", "Upper", "comments and upper-case tags"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.where));
        CHECK(html_excerpt(row.html) == row.text);
    }
}
