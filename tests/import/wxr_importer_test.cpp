#include "import/wxr_importer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/import/blog_test_util.h"

using namespace kith;
using import::test::BlogRun;
using import::test::briefs;
using kith::test::TempDir;
using kith::test::write_file;

namespace {

constexpr const char* kNs10 = "http://wordpress.org/export/1.0/";
constexpr const char* kNs11 = "http://wordpress.org/export/1.1/";
constexpr const char* kNs12 = "https://wordpress.org/export/1.2/";

/// One <wp:comment>; fields left empty are written as empty elements.
struct C {
    std::string id{}, parent = "0", author = "Ben Okafor", email = "ben@example.org",
                      url = "https://ben.example/", date = "2024-03-01 10:00:00",
                      gmt = "2024-03-01 09:00:00", content = "Nice post", approved = "1", type = "",
                      user = "0";
};

std::string cdata(const std::string& v) {
    return "<![CDATA[" + v + "]]>";
}

/// The comment as WordPress 4+ writes it (CDATA) or as older exports did (`raw`: plain text).
std::string comment(const C& c, bool raw = false) {
    const auto v = [&](const std::string& s) { return raw ? s : cdata(s); };
    return "<wp:comment><wp:comment_id>" + c.id + "</wp:comment_id><wp:comment_author>" +
           v(c.author) + "</wp:comment_author><wp:comment_author_email>" + v(c.email) +
           "</wp:comment_author_email><wp:comment_author_url>" + c.url +
           "</wp:comment_author_url><wp:comment_author_IP>" + v("192.0.2.1") +
           "</wp:comment_author_IP><wp:comment_date>" + v(c.date) +
           "</wp:comment_date><wp:comment_date_gmt>" + v(c.gmt) +
           "</wp:comment_date_gmt><wp:comment_content>" + v(c.content) +
           "</wp:comment_content><wp:comment_approved>" + v(c.approved) +
           "</wp:comment_approved><wp:comment_type>" + v(c.type) +
           "</wp:comment_type><wp:comment_parent>" + c.parent +
           "</wp:comment_parent><wp:comment_user_id>" + c.user +
           "</wp:comment_user_id><wp:commentmeta><wp:meta_key>" + v("akismet_result") +
           "</wp:meta_key><wp:meta_value>" + v("false") +
           "</wp:meta_value></wp:commentmeta></wp:comment>\n";
}

std::string item(const std::string& comments,
                 const std::string& link = "https://blog.example/hello/",
                 const std::string& title = "Hello world") {
    return "<item><title>" + title + "</title><link>" + link +
           "</link><pubDate>Fri, 01 Mar 2024 08:00:00 +0000</pubDate><dc:creator>" + cdata("ana") +
           "</dc:creator><guid isPermaLink=\"false\">https://blog.example/?p=1</guid>"
           "<content:encoded>" +
           cdata("<p>The post, which the importer passes over.</p>") +
           "</content:encoded><wp:post_id>1</wp:post_id><wp:status>" + cdata("publish") +
           "</wp:status><wp:post_type>" + cdata("post") + "</wp:post_type>\n" + comments +
           "</item>\n";
}

const std::string kAuthor = "<wp:author><wp:author_id>1</wp:author_id><wp:author_login>" +
                            cdata("ana") + "</wp:author_login><wp:author_email>" +
                            cdata("ana@blog.example") +
                            "</wp:author_email><wp:author_display_name>" + cdata("Ana Ruiz") +
                            "</wp:author_display_name></wp:author>\n";

std::string wxr(const std::string& items, const std::string& ns = kNs12,
                const std::string& authors = kAuthor) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
           "<rss version=\"2.0\" xmlns:excerpt=\"" +
           ns +
           "excerpt/\" "
           "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
           "xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"" +
           ns +
           "\">\n"
           "<channel><title>Ana's blog</title><link>https://blog.example</link>"
           "<image><url>https://blog.example/i.png</url><link>https://elsewhere.example/</link></"
           "image>"
           "<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://blog.example</"
           "wp:base_site_url>"
           "<wp:base_blog_url>https://blog.example</wp:base_blog_url>\n" +
           authors + items + "</channel></rss>\n";
}

BlogRun import_text(const std::string& xml, std::map<std::string, std::string> options = {},
                    std::vector<core::Identity> mine = {}) {
    TempDir dir;
    const auto path = dir / "export.xml";
    write_file(path, xml);
    import::WxrImporter importer;
    return import::test::run_importer(importer, path.string(), std::move(options), std::move(mine));
}

const std::string kBen = " who=email:ben@example.org(Ben Okafor) personal=1 text=Nice post";
const std::string kThread1 = "thread=blog.example/hello#comment-1";

}  // namespace

TEST_CASE("wxr: one quirk a row") {
    const std::string one =
        "blog.example/hello#comment-1 in comment " + kThread1 + " at=2024-03-01T09:00:00Z" + kBen;
    const std::vector<import::test::QuirkRow> rows = {
        {"namespace 1.0 (WordPress 2.x exports), plain values",
         wxr(item(comment({"1"}, true)), kNs10),
         {one}},
        {"namespace 1.1 (WordPress 3.x)", wxr(item(comment({"1"})), kNs11), {one}},
        {"namespace 1.2 over https (WordPress 4+), CDATA values", wxr(item(comment({"1"}))), {one}},
        {"self-closing empty elements (<wp:comment_type/>, <wp:comment_author_url/>)",
         wxr(item("<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Ben "
                  "Okafor</wp:comment_author><wp:comment_author_email>ben@example.org"
                  "</wp:comment_author_email><wp:comment_author_url/><wp:comment_date_gmt>"
                  "2024-03-01 09:00:00</wp:comment_date_gmt><wp:comment_content>Nice post"
                  "</wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
                  "<wp:comment_type/><wp:comment_parent/></wp:comment>")),
         {one}},
        {"children before parents (imports and plugins reorder comments): one thread",
         wxr(item(comment({.id = "3", .parent = "2"}) + comment({.id = "2", .parent = "1"}) +
                  comment({.id = "1"}))),
         {"blog.example/hello#comment-3 in comment " + kThread1 + " at=2024-03-01T09:00:00Z" + kBen,
          "blog.example/hello#comment-2 in comment " + kThread1 + " at=2024-03-01T09:00:00Z" + kBen,
          one}},
        {"unapproved, trashed and spam comments are skipped but still link their replies",
         wxr(item(comment({.id = "1", .approved = "0"}) +
                  comment({.id = "2", .approved = "trash"}) +
                  comment({.id = "3", .approved = "spam"}) + comment({.id = "4", .parent = "1"}))),
         {"blog.example/hello#comment-4 in comment " + kThread1 + " at=2024-03-01T09:00:00Z" +
          kBen},
         3},
        {"pingbacks and trackbacks are skipped by default",
         wxr(item(comment({.id = "1", .type = "pingback"}) +
                  comment({.id = "2", .type = "trackback"}) +
                  comment({.id = "3", .type = "comment"}))),
         {"blog.example/hello#comment-3 in comment thread=blog.example/hello#comment-3 "
          "at=2024-03-01T09:00:00Z" +
          kBen},
         2},
        {"other comment types (WooCommerce order notes) are skipped",
         wxr(item(comment({.id = "1", .type = "order_note"}))),
         {},
         1},
        {"a parent that is not in the export (deleted as spam): the reply starts its thread",
         wxr(item(comment({.id = "5", .parent = "4"}))),
         {"blog.example/hello#comment-5 in comment thread=blog.example/hello#comment-5 "
          "at=2024-03-01T09:00:00Z" +
          kBen}},
        {"a parent loop (a broken database) does not hang",
         wxr(item(comment({.id = "1", .parent = "2"}) + comment({.id = "2", .parent = "1"}))),
         {"blog.example/hello#comment-1 in comment thread=blog.example/hello#comment-2 "
          "at=2024-03-01T09:00:00Z" +
              kBen,
          "blog.example/hello#comment-2 in comment thread=blog.example/hello#comment-1 "
          "at=2024-03-01T09:00:00Z" +
              kBen}},
        {"site-local date vs GMT: the GMT one is used",
         wxr(item(
             comment({.id = "1", .date = "2024-03-01 23:30:00", .gmt = "2024-03-01 22:30:00"}))),
         {"blog.example/hello#comment-1 in comment " + kThread1 + " at=2024-03-01T22:30:00Z" +
          kBen}},
        {"no GMT date (comments imported from Blogger): local date shifted by the learned offset",
         wxr(item(
             comment({.id = "1"}) +
             comment({.id = "2", .date = "2024-03-02 12:00:00", .gmt = "0000-00-00 00:00:00"}))),
         {one,
          "blog.example/hello#comment-2 in comment thread=blog.example/hello#comment-2 "
          "at=2024-03-02T11:00:00Z" +
              kBen},
         0,
         {"no comment_date_gmt; used the site-local comment_date with the offset of other "
          "comments (UTC+01:00"}},
        {"no GMT date and nothing to learn from: local date as UTC",
         wxr(item(comment({.id = "1", .date = "2024-03-02 12:00:00", .gmt = ""}))),
         {"blog.example/hello#comment-1 in comment " + kThread1 + " at=2024-03-02T12:00:00Z" +
          kBen},
         0,
         {"as UTC"}},
        {"no date at all",
         wxr(item(comment({.id = "1", .date = "", .gmt = "yesterday"}))),
         {},
         0,
         {"has no readable date"}},
        {"no comment id", wxr(item(comment({.id = ""}))), {}, 0, {"without a numeric comment_id"}},
        {"a stray byte before <?xml (seen in real Disqus and WXR files)",
         "\x01" + wxr(item(comment({.id = "1"}))),
         {one},
         0,
         {"1 stray byte(s) before the XML start"}},
        {"a UTF-8 byte order mark is not a stray byte",
         "\xEF\xBB\xBF" + wxr(item(comment({"1"}))),
         {one}},
        {"invalid UTF-8 in a comment (Latin-1 pasted into an old MySQL table)",
         wxr(item(comment({.id = "1", .content = "Caf\xE9 au lait"}))),
         {"blog.example/hello#comment-1 in comment " + kThread1 +
          " at=2024-03-01T09:00:00Z who=email:ben@example.org(Ben Okafor) personal=1 "
          "text=Caf\xEF\xBF\xBD au lait"},
         0,
         {"invalid UTF-8 byte replaced"}},
        {"control characters WordPress exports but XML forbids (U+000B from Word)",
         wxr(item(comment({.id = "1", .content = "Nice\x0B post"}))),
         {one},
         0,
         {"control character 11"}},
        {"raw values with a bare '&', an HTML entity and a '<' (pre-CDATA exports)",
         wxr(item(comment({.id = "1", .content = "Tom & Jerry&nbsp;say a < b"}, true))),
         {"blog.example/hello#comment-1 in comment " + kThread1 +
          " at=2024-03-01T09:00:00Z who=email:ben@example.org(Ben Okafor) personal=1 "
          "text=Tom & Jerry say a < b"},
         0,
         {"bare '&' escaped", "HTML entity &nbsp; replaced", "'<' that starts no tag escaped"}},
        {"comment HTML becomes plain text; scripts and images are dropped, never fetched",
         wxr(item(comment({.id = "1",
                           .content = "<p>Great <b>post</b>!</p><script>alert(1)"
                                      "</script><img src=\"https://tracker.example/p.gif\">"
                                      "<p>Thanks &amp; cheers &#8212; Ben</p>"}))),
         {"blog.example/hello#comment-1 in comment " + kThread1 +
          " at=2024-03-01T09:00:00Z who=email:ben@example.org(Ben Okafor) personal=1 "
          "text=Great post! Thanks & cheers — Ben"}},
        {"no namespace declaration for wp: (hand-edited exports): read by local name",
         "<?xml version=\"1.0\"?><rss><channel>" + item(comment({"1"})) + "</channel></rss>",
         {one},
         0,
         {"Namespace prefix wp"}},
        {"a Twitter profile as the commenter's URL is their Twitter account",
         wxr(item(comment({.id = "1", .email = "", .url = "https://twitter.com/BenOk"}))),
         {"blog.example/hello#comment-1 in comment " + kThread1 +
          " at=2024-03-01T09:00:00Z who=twitter:@benok(Ben Okafor) personal=1 text=Nice post"}},
        {"a platform's home page as URL identifies nobody (thousands give http://facebook.com)",
         wxr(item(comment({.id = "1", .email = "", .url = "http://facebook.com"}))),
         {"blog.example/hello#comment-1 in comment " + kThread1 +
          " at=2024-03-01T09:00:00Z personal=1 text=Nice post"}},
        {"a post without comments and a page with one",
         wxr(item("") + item(comment({"9"}), "https://blog.example/about/", "About")),
         {"blog.example/about#comment-9 in comment thread=blog.example/about#comment-9 "
          "at=2024-03-01T09:00:00Z" +
          kBen}},
    };
    import::test::check_rows(rows, [](const std::string& xml) { return import_text(xml);
});
}

TEST_CASE("wxr: who is me") {
    const auto reply = [](C c) {
        c.id = "2";
        c.parent = "1";
        c.content = "Thanks Ben";
        return comment(c);
    };
    const std::string expected =
        "blog.example/hello#comment-2 out comment " + kThread1 +
        " at=2024-03-01T09:00:00Z who=email:ben@example.org(Ben Okafor) personal=0 text=Thanks Ben";
    struct MeRow {
        const char* quirk;
        C author;
        std::vector<core::Identity> mine;
    };
    const std::vector<MeRow> rows = {
        {"the blog author's email (wp:author_email), any case",
         {.author = "A.", .email = "Ana@Blog.Example", .url = ""},
         {}},
        {"the blog author's user id (comment_user_id = wp:author_id)",
         {.author = "A.", .email = "", .url = "", .user = "1"},
         {}},
        {"the blog author's display name on their own blog",
         {.author = "Ana Ruiz", .email = "", .url = ""},
         {}},
        {"one of my identities: my website",
         {.author = "A.", .email = "", .url = "http://www.ana.example/"},
         {import::test::website("ana.example")}},
    };
    for (const auto& row : rows) {
        const std::string quirk = row.quirk;
        CAPTURE(quirk);
        const auto run = import_text(wxr(item(comment({"1"}) + reply(row.author))), {}, row.mine);
        REQUIRE(run.result.ok());
        REQUIRE(run.sink.interactions.size() == 2);
        CHECK(import::test::brief(run.sink.interactions[1]) == expected);
    }
    SUBCASE("a stranger's reply to another commenter is inbound and personal: it is on my post") {
        const auto run =
            import_text(wxr(item(comment({"1"}) + reply({.author = "Zoe", .email = "zoe@x.org"}))));
        REQUIRE(run.sink.interactions.size() == 2);
        CHECK(run.sink.interactions[1].direction == core::Direction::in);
        CHECK(run.sink.interactions[1].personal);
    }
}

TEST_CASE("wxr: pingbacks as mentions on request") {
    const auto xml = wxr(item(comment({.id = "1",
                                       .author = "Zoe's blog » A reply",
                                       .email = "",
                                       .url = "https://zoe.example/reply/",
                                       .content = "[…] as Ana says […]",
                                       .type = "pingback"})));
    const auto run = import_text(xml, {{"pingbacks", "mentions"}});
    REQUIRE(run.result.ok());
    REQUIRE(run.sink.interactions.size() == 1);
    CHECK(import::test::brief(run.sink.interactions[0]) ==
          "blog.example/hello#comment-1 in mention " + kThread1 +
              " at=2024-03-01T09:00:00Z who=website:zoe.example/reply(Zoe's blog » A reply) "
              "personal=0 text=[…] as Ana says […]");
    CHECK(run.sink.interactions[0].subject == "Link to “Hello world”");

    const auto bad = import_text(xml, {{"pingbacks", "yes"}});
    REQUIRE_FALSE(bad.result.ok());
    CHECK(bad.result.error().code == core::ErrorCode::invalid_input);
    CHECK(bad.result.error().hint.find("pingbacks=mentions") != std::string::npos);
}

TEST_CASE("wxr: files that are not exports, progress and cancel") {
    SUBCASE("an RSS feed is not an export") {
        const auto run = import_text(
            "<?xml version=\"1.0\"?><rss><channel><item><title>x</title>"
            "</item></channel></rss>");
        REQUIRE_FALSE(run.result.ok());
        CHECK(run.result.error().code == core::ErrorCode::format);
        CHECK(run.result.error().hint.find("Tools → Export") != std::string::npos);
    }
    SUBCASE("a missing file") {
        import::WxrImporter importer;
        const auto run = import::test::run_importer(importer, "/nonexistent/kith/export.xml");
        REQUIRE_FALSE(run.result.ok());
        CHECK(run.result.error().code == core::ErrorCode::not_found);
    }
    SUBCASE("an empty file") {
        const auto run = import_text("");
        REQUIRE_FALSE(run.result.ok());
        CHECK(run.result.error().code == core::ErrorCode::format);
    }
    std::string items;
    for (int i = 0; i < 300; ++i)
        items +=
            item(comment({std::to_string(i)}), "https://blog.example/p" + std::to_string(i) + "/");
    const auto xml = wxr(items);
    TempDir dir;
    const auto path = dir / "export.xml";
    write_file(path, xml);
    import::WxrImporter importer;
    SUBCASE("progress in bytes ends at the file size") {
        import::test::RecordingProgress progress;
        const auto run = import::test::run_importer(importer, path.string(), {}, {}, &progress);
        REQUIRE(run.result.ok());
        CHECK(run.sink.interactions.size() == 300);
        REQUIRE(progress.updates.size() > 2);
        CHECK(progress.updates.back().done == xml.size());
        CHECK(progress.updates.back().total == xml.size());
        CHECK(progress.updates.back().what == "bytes");
    }
    SUBCASE("cancel stops between posts") {
        import::test::RecordingProgress progress;
        progress.cancel_at_update = 10;
        const auto run = import::test::run_importer(importer, path.string(), {}, {}, &progress);
        REQUIRE_FALSE(run.result.ok());
        CHECK(run.result.error().code == core::ErrorCode::cancelled);
        CHECK(run.sink.interactions.size() == 9);
    }
}

TEST_CASE("wxr: a post with more comments than are held for threading") {
    // Past kMaxPending the comments are sent early. Their links stay, so a later reply still
    // finds the root of its thread; a reply sent early cannot wait for a parent that comes
    // after the cut (documented: its thread starts at itself).
    const std::size_t n = import::WxrImporter::kMaxPending + 5;
    std::string comments;
    comments.reserve(n * 700);
    for (std::size_t i = 1; i <= n; ++i) {
        const auto parent = i == n ? "1" : i == 3 ? std::to_string(n - 1) : "0";
        comments += comment({.id = std::to_string(i), .parent = parent});
    }
    const auto run = import_text(wxr(item(comments)));
    REQUIRE(run.result.ok());
    REQUIRE(run.sink.interactions.size() == n);
    CHECK(run.sink.interactions.back().thread_key == kThread1.substr(7));
    CHECK(run.sink.interactions[2].thread_key == "blog.example/hello#comment-3");
    CHECK(run.sink.interactions[n - 2].thread_key ==
          "blog.example/hello#comment-" + std::to_string(n - 1));
}
