// Privacy: importing content full of links (tracking pixels in an HTML mail, images in a blog
// comment) fetches none of them — a real HTTP server on 127.0.0.1 (tests/import/
// hostile_http_server.py) that logs every request stays silent — and kith-cli's output holds
// counts and locations, never the text of a message.
#include <doctest/doctest.h>

#include <string>

#include "core/progress.h"
#include "import/http_client.h"
#include "tests/app/cli/subprocess.h"
#include "tests/import/loopback_server.h"
#include "tests/test_paths.h"

using kith::test::KithCli;
using kith::test::TempDir;

namespace {

const std::string kPrivateText = "Meet-me-at-the-blue-door-7c1e";  // in every body below

std::string html_mail(const std::string& pixel) {
    return "From ana@example.org Tue Nov  3 10:00:00 2026\n"
           "From: Ana Ruiz <ana@example.org>\nTo: me@example.org\nSubject: " +
           kPrivateText +
           "\nDate: Tue, 03 Nov 2026 10:00:00 +0000\nMessage-ID: <p1@example.org>\n"
           "MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"b\"\n\n"
           "--b\nContent-Type: text/plain\n\n" +
           kPrivateText + " " + pixel + "\n--b\nContent-Type: text/html\n\n<html><body><p>" +
           kPrivateText + "</p><img src=\"" + pixel + "\"><link rel=stylesheet href=\"" + pixel +
           ".css\"></body></html>\n--b--\n\n";
}

std::string wxr(const std::string& pixel) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>"
           "<wp:wxr_version>1.2</wp:wxr_version><item><title>Hi</title>"
           "<link>https://blog.example/hi/</link><wp:comment><wp:comment_id>1</wp:comment_id>"
           "<wp:comment_author>Ben</wp:comment_author>"
           "<wp:comment_author_email>ben@example.org</wp:comment_author_email>"
           "<wp:comment_author_url>" +
           pixel +
           "/home</wp:comment_author_url>"
           "<wp:comment_date_gmt>2026-11-20 09:00:00</wp:comment_date_gmt>"
           "<wp:comment_content><![CDATA[" +
           kPrivateText + " <img src=\"" + pixel + "\"> <a href=\"" + pixel +
           "/link\">x</a>]]></wp:comment_content>"
           "<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent>"
           "</wp:comment></item></channel></rss>\n";
}

}  // namespace

TEST_CASE(
    "privacy: links in imported content are never fetched, and output holds no message text") {
    TempDir web;
    kith::import::test::LoopbackServer server(
        kith::test::source_dir() + "/tests/import/hostile_http_server.py", {web.path().string()});
    const std::string pixel = server.url() + "/img/track.gif";
    const auto requests = [&] {
        return std::filesystem::exists(web / "requests.log")
                   ? kith::test::read_file(web / "requests.log")
                   : std::string();
    };

    TempDir dir;
    KithCli cli(dir);
    kith::test::write_file(dir / "mail.mbox", html_mail(pixel));
    kith::test::write_file(dir / "blog.xml", wxr(pixel));
    for (const auto& [kind, file] :
         {std::pair{"mbox", "mail.mbox"}, std::pair{"wxr", "blog.xml"}}) {
        const std::string what = kind;
        CAPTURE(what);
        const auto r = cli.ok({"import", kind, (dir / file).string()});
        CHECK(r.out.rfind("Imported: ", 0) == 0);
        CHECK(r.out.rfind("Imported: 0 added", 0) == std::string::npos);
        CHECK((r.out + r.err).find(kPrivateText) == std::string::npos);
        const auto again = cli.ok({"import", kind, (dir / file).string(), "--json"});
        CHECK(again.out.find(kPrivateText) == std::string::npos);
    }
    // The overviews name people and counts; the text stays in the database for the timeline.
    for (const auto& args : std::vector<std::vector<std::string>>{{"stats"}, {"today"}}) {
        const auto r = cli.ok(args);
        CHECK((r.out + r.err).find(kPrivateText) == std::string::npos);
    }
    CHECK(requests().empty());

    // The server does log what reaches it, so the silence above is real.
    kith::core::NullProgress progress;
    REQUIRE(kith::import::http_get(pixel, {}, progress).ok());
    CHECK(requests().find("GET /img/track.gif") != std::string::npos);
}
