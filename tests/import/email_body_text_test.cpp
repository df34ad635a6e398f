// The text an excerpt is made from: the quick MIME walk (email_body_text) and, where it is not
// sure, GMime's full parser, both through EmailMessageParser. Each row also says which path the
// walk takes, so the rows that must fall back to GMime really do.
#include "import/email_body_text.h"

#include <doctest/doctest.h>

#include <string>

#include "import/email_header_block.h"
#include "import/email_message_parser.h"
#include "tests/import/email_test_support.h"

using namespace kith;
using kith::import::BodyText;
using kith::import::EmailHeaderBlock;
using kith::import::EmailMessageParser;

namespace {

const std::string kHead =
    "From: Ana <ana@example.org>\nTo: me@example.org\nMessage-ID: <t@x>\n"
    "Date: Tue, 03 Mar 2026 10:00:00 +0000\n";

std::string alternative(const std::string& boundary_line_suffix) {
    return kHead + "Content-Type: multipart/alternative; boundary=b1\n\npreamble, not the body\n" +
           "--b1" + boundary_line_suffix + "\nContent-Type: text/plain\n\nplain text\n--b1--\n";
}

std::string nested(int depth) {
    std::string m = kHead + "Content-Type: multipart/mixed; boundary=n0\n\n";
    for (int i = 1; i < depth; ++i)
        m += "--n" + std::to_string(i - 1) + "\nContent-Type: multipart/mixed; boundary=n" +
             std::to_string(i) + "\n\n";
    m += "--n" + std::to_string(depth - 1) + "\n\ndeep text\n";
    for (int i = depth - 1; i >= 0; --i) m += "--n" + std::to_string(i) + "--\n";
    return m;
}

}  // namespace

TEST_CASE("email body text: one MIME quirk a row, quick walk or GMime") {
    using Scan = BodyText::Scan;
    struct Row {
        std::string message;
        Scan scan;            // what the quick walk decides
        const char* excerpt;  // the record's text
        const char* where;
    };
    const Row rows[] = {
        {kHead + "\nHello there\n", Scan::found, "Hello there", "no Content-Type: text/plain"},
        {kHead + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative;\r\n boundary=\"c\"\r\n"
                 "\r\n--c\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                 "Content-Transfer-Encoding: quoted-printable\r\n\r\nCaf=C3=A9 ok=\r\n!\r\n--c\r\n"
                 "Content-Type: text/html\r\n\r\n<p>html</p>\r\n--c--\r\n",
         Scan::found, "Caf\xC3\xA9 ok!", "CRLF mail, folded boundary parameter, QP soft break"},
        {kHead + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                 "Q2Fmw6kgYmFzZTY0\n",
         Scan::found, "Caf\xC3\xA9 base64", "base64 body"},
        {kHead + "Content-Type: text/plain; charset=windows-1252\n\nCaf\xE9 \x93quoted\x94\n",
         Scan::found, "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D",
         "8-bit Windows-1252 body: GMime's charset filter"},
        {kHead + "Content-Type: text/plain; charset=US-ASCII\n\nplain ascii\n", Scan::found,
         "plain ascii", "declared ASCII kept as it is"},
        {kHead + std::string("\nHi\0there\n", 10), Scan::found, "Hi",
         "NUL byte: the text ends there (as GMime's)"},
        {kHead + "Content-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: text/plain\n"
                 "Content-Disposition: attachment; filename=a.txt\n\nattached\n--m\n"
                 "Content-Type: text/plain\nContent-Disposition: inline\n\ninline text\n--m--\n",
         Scan::found, "inline text", "a text attachment is not the body"},
        {kHead + "Content-Type: multipart/alternative; boundary=h\n\n--h\n"
                 "Content-Type: text/html; charset=utf-8\n\n<p>only <b>html</b></p>\n--h--\n",
         Scan::found, "only html", "HTML only: reduced to text"},
        {alternative("   "), Scan::found, "plain text",
         "boundary line with trailing blanks; preamble skipped"},
        {kHead + "Content-Type: multipart/mixed; boundary=e\n\n--e\n\nno headers: text/plain\n"
                 "--e--\n",
         Scan::found, "no headers: text/plain", "part without headers"},
        {kHead + "Content-Type: multipart/digest; boundary=d\n\n--d\n\nFrom: x@y\n\ninner\n--d--\n",
         Scan::none, "", "digest parts default to message/rfc822, not text"},
        {kHead + "Content-Type: multipart/mixed; boundary=r\n\n--r\n"
                 "Content-Type: message/rfc822\n\nFrom: x@y\n\nforwarded\n--r--\n",
         Scan::none, "", "an attached message is not the body"},
        {kHead + "Content-Type: text/enriched\n\n<bold>rich</bold>\n", Scan::none, "",
         "text that is neither plain nor HTML"},
        {kHead + "Content-Type: multipart/mixed; boundary=u\n\n--u\n"
                 "Content-Type: text/plain\n\ncut here, no closing line\n",
         Scan::unsure, "cut here, no closing line", "unclosed multipart (a cut message): GMime"},
        {kHead + "Content-Type: text/html\nContent-Type: text/plain\n\n<p>twice</p>\n",
         Scan::unsure, "<p>twice</p>", "duplicate Content-Type: GMime (its last one counts)"},
        {kHead + "Content-Type: multipart/mixed\n\n--x\n\nno boundary\n--x--\n", Scan::unsure, "",
         "multipart without a boundary: GMime"},
        {nested(12), Scan::unsure, "deep text", "12 nested multiparts: GMime"},
    };
    EmailMessageParser parser;  // initialises GMime
    for (const auto& row : rows) {
        CAPTURE(std::string(row.where));
        EmailHeaderBlock block;
        block.parse(row.message);
        BodyText body;
        CHECK(kith::import::find_body_text(block, nullptr, body) == row.scan);

        auto sink = kith::import::test::sink_with_me();
        REQUIRE(parser.import(row.message, {"t.eml", std::nullopt, false}, sink));
        REQUIRE(sink.interactions.size() == 1);
        CHECK(sink.interactions[0].text == row.excerpt);
    }
}

TEST_CASE("email header block: fields, folds and where the body starts") {
    EmailHeaderBlock block;
    block.parse("Subject: a\r\n b\r\nX-Empty:\nto : me@x\n\nbody\n");
    REQUIRE(block.fields().size() == 3);
    CHECK(block.first("subject") == "a\r\n b");  // raw: folds kept for GMime to unfold
    CHECK(block.first("X-Empty").empty());
    CHECK(block.first("To") == "me@x");  // blanks before the colon (old mailers)
    CHECK(block.count("TO") == 1);
    CHECK(block.has_blank_line());
    CHECK(block.body() == "body\n");

    // Lines that are no header are passed over, as GMime does: an mbox "From " line first, junk
    // between fields (with its continuation), a field name with 8-bit bytes.
    block.parse(
        "From ana@x Tue Mar  3 10:00:00 2026\nFrom: a@x\nnot a header line\n folded\n"
        "X-F\xE9ld: v\nTo: b@x\n\nbody\n");
    REQUIRE(block.fields().size() == 2);
    CHECK(block.first("From") == "a@x");
    CHECK(block.first("To") == "b@x");
    CHECK(block.body() == "body\n");

    // A continuation line first: no header at all (GMime: not a message).
    block.parse(" leading blank\nFrom: a@x\n\nbody\n");
    CHECK(block.fields().empty());

    // Random bytes: no fields at all (the parser reports "not an email message").
    block.parse(std::string("\x01\xFF\xFE garbage", 12));
    CHECK(block.fields().empty());
}
