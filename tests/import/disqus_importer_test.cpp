#include "import/disqus_importer.h"

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

std::string thread(const std::string& id, const std::string& link = "https://blog.example/hello/",
                   const std::string& title = "Hello world") {
    return "<thread dsq:id=\"" + id + "\"><id>" + link +
           "</id><forum>anablog</forum>"
           "<category dsq:id=\"7\"/><link>" +
           link + "</link><title>" + title +
           "</title><message/><createdAt>2013-01-01T10:00:00Z</createdAt><author><name>Ana "
           "Ruiz</name><isAnonymous>false</isAnonymous><username>anaruiz</username></author>"
           "<ipAddress>192.0.2.1</ipAddress><isClosed>false</isClosed><isDeleted>false</isDeleted>"
           "</thread>\n";
}

/// One <post>; empty parent = top level.
struct P {
    std::string id{}, thread = "100", parent{}, created = "2013-01-02T10:00:00Z",
                      message = "<p>Nice post</p>", name = "Ben Okafor", email = "ben@example.org",
                      username = "benok", deleted = "false", spam = "false";
};

std::string post(const P& p) {
    return "<post dsq:id=\"" + p.id + "\"><id/><message><![CDATA[" + p.message +
           "]]></message><createdAt>" + p.created + "</createdAt><isDeleted>" + p.deleted +
           "</isDeleted><isSpam>" + p.spam + "</isSpam><author>" +
           (p.email.empty() ? "" : "<email>" + p.email + "</email>") + "<name>" + p.name +
           "</name><isAnonymous>" + (p.username.empty() ? "true" : "false") + "</isAnonymous>" +
           (p.username.empty() ? "" : "<username>" + p.username + "</username>") +
           "</author><ipAddress>192.0.2.2</ipAddress><thread dsq:id=\"" + p.thread + "\"/>" +
           (p.parent.empty() ? "" : "<parent dsq:id=\"" + p.parent + "\"/>") + "</post>\n";
}

std::string disqus(const std::string& body) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
           "<disqus xmlns=\"http://disqus.com\" xmlns:dsq=\"http://disqus.com/disqus-internals\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
           "<category dsq:id=\"7\"><forum>anablog</forum><title>General</title>"
           "<isDefault>true</isDefault></category>\n" +
           body + "</disqus>\n";
}

BlogRun import_text(const std::string& xml, std::map<std::string, std::string> options = {},
                    std::vector<core::Identity> mine = {}) {
    TempDir dir;
    const auto path = dir / "disqus-export.xml";
    write_file(path, xml);
    import::DisqusImporter importer;
    return import::test::run_importer(importer, path.string(), std::move(options), std::move(mine));
}

std::string ben(const std::string& id, const std::string& root,
                const std::string& at = "2013-01-02T10:00:00Z") {
    return id + " in comment thread=blog.example/hello#comment-" + root + " at=" + at +
           " who=email:ben@example.org(Ben Okafor) personal=1 text=Nice post";
}

}  // namespace

TEST_CASE("disqus: one quirk a row") {
    const std::vector<import::test::QuirkRow> rows = {
        {"threads then posts, as Disqus writes them",
         disqus(thread("100") + post({"1"})),
         {ben("1", "1")}},
        {"createdAt without Z (older exports) is UTC",
         disqus(thread("100") + post({.id = "1", .created = "2013-01-02T10:00:00"})),
         {ben("1", "1")}},
        {"a deleted post is not imported but still parents its replies",
         disqus(thread("100") + post({.id = "1", .deleted = "true"}) +
                post({.id = "2", .parent = "1"})),
         {ben("2", "1")},
         1},
        {"spam is skipped", disqus(thread("100") + post({.id = "1", .spam = "true"})), {}, 1},
        {"a reply before its parent waits for it",
         disqus(thread("100") + post({.id = "3", .parent = "2"}) +
                post({.id = "2", .parent = "1"}) + post({"1"})),
         {ben("1", "1"), ben("3", "1"), ben("2", "1")}},
        {"an orphan: its thread is missing from the export",
         disqus(thread("100") + post({.id = "1", .thread = "999"})),
         {"1 in comment thread=disqus-thread:999#comment-1 at=2013-01-02T10:00:00Z "
          "who=email:ben@example.org(Ben Okafor) personal=1 text=Nice post"},
         0,
         {"thread 999 is not in the export"}},
        {"a stray byte before <?xml (real Disqus exports)",
         "?" + disqus(thread("100") + post({"1"})),
         {ben("1", "1")},
         0,
         {"1 stray byte(s) before the XML start"}},
        {"invalid UTF-8 and a bare '&' in a raw element: repaired, the rest imports",
         disqus(thread("100", "https://blog.example/hello/", "Tom & Jerry \xC3") + post({"1"})),
         {"1 in comment thread=blog.example/hello#comment-1 at=2013-01-02T10:00:00Z "
          "who=email:ben@example.org(Ben Okafor) personal=1 text=Nice post"},
         0,
         {"bare '&' escaped", "invalid UTF-8"}},
        {"an anonymous guest without email: no identity, the comment still counts",
         disqus(thread("100") + post({.id = "1", .name = "Guest", .email = "", .username = ""})),
         {"1 in comment thread=blog.example/hello#comment-1 at=2013-01-02T10:00:00Z personal=1 "
          "text=Nice post"}},
        {"no email: the Disqus profile is the identity",
         disqus(thread("100") + post({.id = "1", .email = ""})),
         {"1 in comment thread=blog.example/hello#comment-1 at=2013-01-02T10:00:00Z "
          "who=website:disqus.com/by/benok(Ben Okafor) personal=1 text=Nice post"}},
        {"a bad date is a warning",
         disqus(thread("100") + post({.id = "1", .created = "soon"})),
         {},
         0,
         {"createdAt \"soon\" is not a date"}},
    };
    import::test::check_rows(rows, [](const std::string& xml) { return import_text(xml);
});
}

TEST_CASE("disqus: my replies are outbound to the one I answer") {
    const auto xml = disqus(thread("100") + post({"1"}) +
                            post({.id = "2",
                                  .parent = "1",
                                  .message = "Thanks Ben!",
                                  .name = "Ana Ruiz",
                                  .email = "",
                                  .username = "anaruiz"}));
    SUBCASE("by username option") {
        const auto run = import_text(xml, {{"me", "someone,anaruiz"}});
        REQUIRE(run.result.ok());
        REQUIRE(run.sink.interactions.size() == 2);
        CHECK(import::test::brief(run.sink.interactions[1]) ==
              "2 out comment thread=blog.example/hello#comment-1 at=2013-01-02T10:00:00Z "
              "who=email:ben@example.org(Ben Okafor) personal=0 text=Thanks Ben!");
    }
    SUBCASE("by my Disqus profile among my identities") {
        const auto run = import_text(xml, {}, {import::test::website("disqus.com/by/anaruiz")});
        REQUIRE(run.result.ok());
        REQUIRE(run.sink.interactions.size() == 2);
        CHECK(run.sink.interactions[1].direction == core::Direction::out);
    }
    SUBCASE("otherwise it is just another comment") {
        const auto run = import_text(xml);
        REQUIRE(run.result.ok());
        CHECK(run.sink.interactions[1].direction == core::Direction::in);
    }
}

TEST_CASE("disqus: a file that is not a Disqus export, or breaks off") {
    SUBCASE("a WordPress export given to the Disqus importer") {
        const auto run = import_text("<?xml version=\"1.0\"?><rss><channel/></rss>");
        REQUIRE_FALSE(run.result.ok());
        CHECK(run.result.error().code == core::ErrorCode::format);
        CHECK(run.result.error().message.find("not a Disqus export") != std::string::npos);
    }
    SUBCASE("cut off in the middle: what came before is imported, the error names the line") {
        std::string posts;
        for (int i = 1; i <= 20; ++i) posts += post({.id = std::to_string(i)});
        const auto full = disqus(thread("100") + posts);
        const auto run = import_text(full.substr(0, full.find("<post dsq:id=\"20\"") + 40));
        REQUIRE_FALSE(run.result.ok());
        CHECK(run.result.error().code == core::ErrorCode::format);
        CHECK(run.result.error().message.find("XML error") != std::string::npos);
        CAPTURE(run.result.error().message);
        CHECK(run.result.error().message.find(":24:") != std::string::npos);  // the cut line
        CHECK(!run.result.error().hint.empty());
        // libxml2 reads ahead, so the last posts before the cut may be lost, never half-made.
        const auto got = briefs(run.sink);
        CHECK(got.size() >= 15);
        CHECK(got.size() < 20);
        for (std::size_t i = 0; i < got.size(); ++i)
            CHECK(got[i] == ben(std::to_string(i + 1), std::to_string(i + 1)));
    }
}
