// The blog importers end to end: real SQLite files through db::run_import, hostile XML, and the
// reminders their comments feed.

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <string>

#include "db/identity_repo.h"
#include "db/import_runner.h"
#include "db/people_repo.h"
#include "import/comment_feed_importer.h"
#include "import/disqus_importer.h"
#include "import/wxr_importer.h"
#include "tests/db/test_db.h"
#include "tests/import/collecting_sink.h"

using namespace kith;
using kith::test::TempDir;
using kith::test::write_file;

namespace {

/// A TCP listener on 127.0.0.1 that only counts whether anyone connected: the proof that a
/// payload naming it made no network fetch.
class Listener {
  public:
    Listener() {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(m_fd >= 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(m_fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        socklen_t len = sizeof a;
        REQUIRE(::getsockname(m_fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
        m_port = ntohs(a.sin_port);
        REQUIRE(::listen(m_fd, 8) == 0);
        ::fcntl(m_fd, F_SETFL, O_NONBLOCK);
    }
    ~Listener() { ::close(m_fd); }
    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(m_port) + path;
    }
    bool anyone_connected() const {
        const int c = ::accept(m_fd, nullptr, nullptr);
        if (c >= 0) ::close(c);
        return c >= 0;
    }

  private:
    int m_fd = -1;
    int m_port = 0;
};

std::string file_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

const std::string kComment =
    "<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Ben</wp:comment_author>"
    "<wp:comment_author_email>ben@example.org</wp:comment_author_email>"
    "<wp:comment_date_gmt>2026-11-20 09:00:00</wp:comment_date_gmt>"
    "<wp:comment_content>BODY</wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
    "<wp:comment_parent>0</wp:comment_parent></wp:comment>";

std::string wxr_with(const std::string& doctype, const std::string& body) {
    std::string c = kComment;
    c.replace(c.find("BODY"), 4, body);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype +
           "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>"
           "<wp:wxr_version>1.2</wp:wxr_version><item><title>Hi</title>"
           "<link>https://blog.example/hi/</link>" +
           c + "</item></channel></rss>\n";
}

core::Result<db::ImportResult> import_into(db::Database& db, core::Importer& importer,
                                           const std::string& path,
                                           std::map<std::string, std::string> options = {}) {
    core::NullProgress progress;
    return db::run_import(db, importer, {std::string(importer.kind()), path, std::move(options)},
                          progress, kith::test::kNow);
}

}  // namespace

TEST_CASE("blog xml: XXE, external DTDs and billion laughs never reach the database") {
    TempDir dir;
    const auto secret = dir / "secret.txt";
    write_file(secret, "KITH-SECRET-7f3a9c");
    Listener net;
    const std::string lol =
        "<!DOCTYPE rss [<!ENTITY lol \"lol\">"
        "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
        "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
        "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
        "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
        "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
        "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
        "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>\n";
    struct Payload {
        const char* what;  ///< the attack, as published against other importers
        std::string xml;
    };
    const std::vector<Payload> payloads = {
        {"XXE: an external entity naming a local file",
         wxr_with("<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://" + secret.string() + "\">]>\n",
                  "&xxe;")},
        {"XXE in lower case and with a relative path",
         wxr_with("<!doctype rss [<!ENTITY xxe SYSTEM \"secret.txt\">]>\n", "&xxe;")},
        {"an external DTD on the network",
         wxr_with("<!DOCTYPE rss SYSTEM \"" + net.url("/evil.dtd") + "\">\n", "x")},
        {"a parameter entity fetched from the network (out-of-band XXE)",
         wxr_with("<!DOCTYPE rss [<!ENTITY % p SYSTEM \"" + net.url("/p.dtd") + "\"> %p;]>\n",
                  "x")},
        {"billion laughs", wxr_with(lol, "&lol9;")},
        {"a DOCTYPE after a stray byte", "\x01" + wxr_with("<!DOCTYPE rss [<!ENTITY xxe SYSTEM "
                                                           "\"file://" +
                                                               secret.string() + "\">]>",
                                                           "&xxe;")},
    };
    for (const auto& p : payloads) {
        const std::string what = p.what;
        CAPTURE(what);
        const auto path = dir / "evil.xml";
        write_file(path, p.xml);
        const auto db_path = dir / (std::to_string(&p - payloads.data()) + ".db");
        {
            auto db = kith::test::open_db(db_path);
            import::WxrImporter wxr;
            const auto r = import_into(*db, wxr, path.string());
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == core::ErrorCode::format);
            CHECK(r.error().message.find("DOCTYPE") != std::string::npos);
            CHECK(kith::test::count_rows(*db, "interactions") == 0);
            import::DisqusImporter disqus;
            const auto d = import_into(*db, disqus, path.string());
            REQUIRE_FALSE(d.ok());
            CHECK(d.error().message.find("DOCTYPE") != std::string::npos);
        }
        {
            // The same payload served as a comment feed (parsed from memory after the fetch).
            import::test::CollectingSink sink;
            core::NullProgress none;
            const auto f = import::CommentFeedImporter::import_body(
                p.xml, {"feed", "https://blog.example/comments/feed/", {}}, sink, none);
            REQUIRE_FALSE(f.ok());
            CHECK(f.error().message.find("DOCTYPE") != std::string::npos);
            CHECK(sink.records() == 0);
        }
        for (const auto* suffix : {"", "-wal"}) {
            const auto bytes = file_bytes(db_path.string() + suffix);
            CHECK(bytes.find("KITH-SECRET") == std::string::npos);
            CHECK(bytes.find("lollol") == std::string::npos);
        }
    }
    CHECK_FALSE(net.anyone_connected());
}

TEST_CASE("blog xml: an undeclared entity without a DTD stays text and fetches nothing") {
    TempDir dir;
    const auto path = dir / "export.xml";
    write_file(path, wxr_with("", "see &xxe; and &nbsp;"));
    auto db = kith::test::new_db(dir);
    import::WxrImporter wxr;
    const auto r = import_into(*db, wxr, path.string());
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK(r->counts.added >= 1);
    CHECK(db->sql().execAndGet("SELECT text FROM interactions").getString() == "see &xxe; and");
}

TEST_CASE(
    "wxr: into a real database: twice changes nothing, me is outbound, comments owe replies") {
    TempDir dir;
    const auto path = dir / "export.xml";
    const std::string ns = "http://wordpress.org/export/1.2/";
    const auto comment = [](const std::string& id, const std::string& parent,
                            const std::string& name, const std::string& mail,
                            const std::string& gmt, const std::string& text,
                            const std::string& user = "0") {
        return "<wp:comment><wp:comment_id>" + id + "</wp:comment_id><wp:comment_author>" + name +
               "</wp:comment_author><wp:comment_author_email>" + mail +
               "</wp:comment_author_email><wp:comment_author_url>https://" +
               name.substr(0, name.find(' ')) +
               ".example/</wp:comment_author_url><wp:comment_date_gmt>" + gmt +
               "</wp:comment_date_gmt><wp:comment_content><![CDATA[" + text +
               "]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
               "<wp:comment_parent>" +
               parent + "</wp:comment_parent><wp:comment_user_id>" + user +
               "</wp:comment_user_id></wp:comment>\n";
    };
    write_file(path,
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss xmlns:wp=\"" + ns +
                   "\"><channel><title>Ana</title><link>https://blog.example</link>"
                   "<wp:author><wp:author_id>1</wp:author_id><wp:author_login>ana</wp:author_login>"
                   "<wp:author_email>ana@blog.example</wp:author_email></wp:author>\n"
                   "<item><title>Grant writing</title><link>https://blog.example/grants/</link>\n" +
                   comment("10", "0", "Ben Okafor", "ben@example.org", "2026-11-20 09:00:00",
                           "How do you start?") +
                   comment("11", "10", "Ana", "ana@blog.example", "2026-11-20 10:00:00",
                           "With the budget.", "1") +
                   comment("12", "11", "Ben Okafor", "ben@example.org", "2026-11-21 09:00:00",
                           "Thanks! Can I send you mine?") +
                   comment("13", "0", "Chloé Martin", "chloe@example.org", "2026-11-22 09:00:00",
                           "Great post") +
                   comment("14", "13", "Ana Ruiz", "me@ana.example", "2026-11-22 10:00:00",
                           "Thank you Chloé") +
                   "</item></channel></rss>\n");
    auto db = kith::test::new_db(dir);
    {
        auto me = db::PeopleRepo(*db).me(kith::test::kNow);
        REQUIRE(me.ok());
        REQUIRE(db::IdentityRepo(*db)
                    .add(*me, {core::IdentityKind::email, "me@ana.example", "me@ana.example"},
                         kith::test::kNow)
                    .ok());
    }
    import::WxrImporter wxr;
    const auto first = import_into(*db, wxr, path.string());
    REQUIRE_MESSAGE(first.ok(), first.error().message);
    CHECK(first->counts.warnings == 0);
    CHECK(kith::test::count_rows(*db, "interactions") == 5);
    CHECK(db->sql()
              .execAndGet("SELECT count(*) FROM interactions WHERE direction = 'out'")
              .getInt64() == 2);
    CHECK(db->sql().execAndGet("SELECT count(DISTINCT thread_id) FROM interactions").getInt64() ==
          2);
    // Ben's email and website are one person.
    const auto ben = kith::test::person_with_email(*db, "ben@example.org");
    CHECK(db->sql()
              .execAndGet("SELECT count(*) FROM identities WHERE person_id = " +
                          std::to_string(ben) + " AND kind = 'website' AND value = 'ben.example'")
              .getInt64() == 1);

    // Ben's last word in his thread is owed a reply; Chloé's thread was answered.
    const auto today = kith::test::today_at(*db);
    REQUIRE(today.owe_reply.size() == 1);
    CHECK(today.owe_reply[0].person_id == ben);
    CHECK(today.owe_reply[0].channel == core::Channel::blog);
    CHECK(today.owe_reply[0].external_id == "blog.example/grants#comment-12");

    const auto tables = {"people", "identities", "interactions", "participants", "threads"};
    std::vector<std::int64_t> before;
    for (const auto* t : tables) before.push_back(kith::test::count_rows(*db, t));
    const auto second = import_into(*db, wxr, path.string());
    REQUIRE(second.ok());
    CHECK(second->counts.added == 0);
    CHECK(second->counts.updated == 0);
    std::vector<std::int64_t> after;
    for (const auto* t : tables) after.push_back(kith::test::count_rows(*db, t));
    CHECK(after == before);
}

TEST_CASE("disqus: into a real database twice: the second run changes nothing") {
    TempDir dir;
    const auto path = dir / "disqus.xml";
    write_file(path,
               "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<disqus xmlns=\"http://disqus.com\" "
               "xmlns:dsq=\"http://disqus.com/disqus-internals\"><thread dsq:id=\"1\"><link>"
               "https://blog.example/a/</link><title>A</title></thread>"
               "<post dsq:id=\"11\"><message><![CDATA[<p>Hello</p>]]></message><createdAt>"
               "2026-11-20T10:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>"
               "<author><email>ben@example.org</email><name>Ben</name><username>benok</username>"
               "</author><thread dsq:id=\"1\"/></post>"
               "<post dsq:id=\"12\"><message>Hi Ben</message><createdAt>2026-11-20T11:00:00"
               "</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>Chloé"
               "</name><isAnonymous>true</isAnonymous></author><thread dsq:id=\"1\"/>"
               "<parent dsq:id=\"11\"/></post></disqus>\n");
    auto db = kith::test::new_db(dir);
    import::DisqusImporter disqus;
    const auto first = import_into(*db, disqus, path.string());
    REQUIRE_MESSAGE(first.ok(), first.error().message);
    CHECK(kith::test::count_rows(*db, "interactions") == 2);
    const auto people = kith::test::count_rows(*db, "people");
    const auto identities = kith::test::count_rows(*db, "identities");
    const auto second = import_into(*db, disqus, path.string());
    REQUIRE(second.ok());
    CHECK(second->counts.added == 0);
    CHECK(second->counts.updated == 0);
    CHECK(kith::test::count_rows(*db, "interactions") == 2);
    CHECK(kith::test::count_rows(*db, "people") == people);
    CHECK(kith::test::count_rows(*db, "identities") == identities);
}
