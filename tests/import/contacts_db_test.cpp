// The contact importers through the real import runner into real SQLite files: re-imports never
// duplicate, a known email attaches to its person, "connected on" lands on the timeline, and
// vCard export → import round-trips every field Kith keeps.
#include <doctest/doctest.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include <string>
#include <vector>

#include "core/vcard_writer.h"
#include "db/contact_repo.h"
#include "db/database.h"
#include "db/import_runner.h"
#include "db/people_repo.h"
#include "import/google_csv_importer.h"
#include "import/linkedin_importer.h"
#include "import/vcard_importer.h"
#include "tests/db/test_db.h"
#include "tests/import/contact_test_util.h"

using namespace kith;
using test::count_rows;

namespace {

db::ImportResult run(db::Database& database, core::Importer& importer, const std::string& path) {
    core::NullProgress progress;
    auto r = db::run_import(database, importer, {std::string(importer.kind()), path, {}}, progress,
                            test::kNow);
    REQUIRE_MESSAGE(r.ok(), test::error_text(r));
    return *r;
}

std::string png(int w, int h) {
    GdkPixbuf* pix = gdk_pixbuf_new(GDK_COLORSPACE_RGB, TRUE, 8, w, h);
    gdk_pixbuf_fill(pix, 0xcc3366ff);
    gchar* buf = nullptr;
    gsize len = 0;
    REQUIRE(gdk_pixbuf_save_to_buffer(pix, &buf, &len, "png", nullptr, nullptr));
    std::string out(buf, len);
    g_free(buf);
    g_object_unref(pix);
    return out;
}

/// Every card of the database, as exported (UIDs removed: they name database ids).
std::vector<core::ContactRecord> cards_of(db::Database& database) {
    std::vector<core::ContactRecord> out;
    auto r = db::ContactRepo(database).for_each_card(
        {}, [&](std::int64_t, const core::ContactRecord& c) -> core::Result<void> {
            out.push_back(c);
            out.back().ext_id.clear();
            return {};
        });
    REQUIRE(r.ok());
    return out;
}

std::string export_all(db::Database& database) {
    std::string text;
    for (const auto& c : cards_of(database)) text += core::format_vcard(c);
    return text;
}

const std::string kRich =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:abc-1\r\nFN:Ana María Ruiz\r\n"
    "EMAIL;TYPE=work:Ana@Example.org\r\nTEL:+49 151 1234 5678\r\n"
    "URL:https://ana.example/blog/\r\nX-SOCIALPROFILE;TYPE=twitter:https://x.com/AnaR\r\n"
    "X-SOCIALPROFILE;TYPE=mastodon:https://mastodon.social/@Ana\r\n"
    "URL:https://www.linkedin.com/in/Ana-Ruiz\r\nX-SOCIALPROFILE;TYPE=twitter:https://twitter.com/"
    "i/user/12345\r\n"
    "ORG:ACME\\, Inc.\r\nTITLE:CTO; founder\r\nBDAY:1980-03-22\r\n"
    "CATEGORIES:Friends,Book club\\, Berlin\r\n"
    "NOTE:Met at DevConf\\nbakes sourdough\\, often\r\nX-KITH-CADENCE:30\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bo \"Name only\" Li\r\nBDAY:--0322\r\nEND:VCARD\r\n";

}  // namespace

TEST_CASE("vcard into SQLite: re-import changes nothing — a known email attaches to its person") {
    test::TempDir dir;
    auto database = test::new_db(dir);
    import::VcardImporter vcard;
    // Ana is already known from email.
    test::write_one(*database,
                    test::email("m1", core::Direction::in, test::days_ago(3), "t1", test::kAna));
    const auto ana = test::person_with_email(*database, "ana@example.org");
    test::write_file(dir / "c.vcf", kRich);
    auto first = run(*database, vcard, (dir / "c.vcf").string());
    CHECK(first.counts.added == 1);    // Bo
    CHECK(first.counts.updated == 1);  // Ana enriched
    CHECK(first.counts.warnings == 0);
    CHECK(count_rows(*database, "people") == 2);
    auto row = db::PeopleRepo(*database).get(ana);
    REQUIRE(row.ok());
    CHECK(row->notes == "Met at DevConf\nbakes sourdough, often");
    CHECK(row->cadence_days == 30);
    const auto before = count_rows(*database, "identities");
    CHECK(before == 7);
    auto again = run(*database, vcard, (dir / "c.vcf").string());
    CHECK(again.counts.added == 0);
    CHECK(again.counts.updated == 0);
    CHECK(count_rows(*database, "people") == 2);  // Bo has no identity: found by his card key
    CHECK(count_rows(*database, "identities") == before);
    CHECK(count_rows(*database, "person_circles") == 2);
    auto details = db::ContactRepo(*database).details(ana);
    REQUIRE(details.ok());
    CHECK(details->organization == "ACME, Inc.");
    CHECK(details->title == "CTO; founder");
    CHECK(details->birthday == "1980-03-22");
}

TEST_CASE("vcard export → import round-trips every field Kith keeps") {
    test::TempDir dir;
    auto source = test::open_db(dir / "a.db");
    import::VcardImporter vcard;
    std::string text = kRich;
    // A photo too (3.0 base64), and a name that would break a line if written raw.
    text +=
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cy\r\n "
        "Evil\r\nEMAIL:cy@example.org\r\nPHOTO;ENCODING=b:" +
        core::encode_base64(png(300, 300)) + "\r\nEND:VCARD\r\n";
    test::write_file(dir / "in.vcf", text);
    run(*source, vcard, (dir / "in.vcf").string());
    REQUIRE(db::PeopleRepo(*source).rename(3, "Cy\r\nEND:VCARD", test::kNow).ok());
    const auto original = cards_of(*source);
    REQUIRE(original.size() == 3);
    const auto exported = export_all(*source);
    CHECK(exported.find("\r\nEND:VCARD\r\nEND:VCARD") == std::string::npos);  // no injected line
    for (std::size_t i = 0; i + 2 < exported.size(); i = exported.find("\r\n", i) + 2)
        CHECK(exported.find("\r\n", i) - i <= 75);  // folded
    test::write_file(dir / "out.vcf", exported);

    auto copy = test::open_db(dir / "b.db");
    auto r = run(*copy, vcard, (dir / "out.vcf").string());
    CHECK(r.counts.added == 3);
    CHECK(r.counts.warnings == 0);
    const auto back = cards_of(*copy);
    REQUIRE(back.size() == original.size());
    for (std::size_t i = 0; i < back.size(); ++i) {
        CAPTURE(original[i].display_name);
        // CR/LF in a name becomes a space: it must not start a line of its own in the file.
        auto name = original[i].display_name;
        if (const auto crlf = name.find("\r\n"); crlf != std::string::npos)
            name.replace(crlf, 2, " ");
        CHECK(back[i].display_name == name);
        CHECK(import::test::identities_of(back[i]) == import::test::identities_of(original[i]));
        for (std::size_t k = 0; k < back[i].identities.size(); ++k)
            CHECK(back[i].identities[k].display == original[i].identities[k].display);
        CHECK(back[i].circles == original[i].circles);
        CHECK(back[i].notes == original[i].notes);
        CHECK(back[i].cadence_days == original[i].cadence_days);
        CHECK(back[i].organization == original[i].organization);
        CHECK(back[i].title == original[i].title);
        CHECK(back[i].birthday == original[i].birthday);
        CHECK(back[i].photo_png == original[i].photo_png);
    }
    CHECK(!original[2].photo_png.empty());
    // A second export is byte for byte the first (but for the sanitized name).
    CHECK(export_all(*copy) == export_all(*copy));
    REQUIRE(db::PeopleRepo(*source).rename(3, "Cy END:VCARD", test::kNow).ok());
    CHECK(export_all(*copy) == export_all(*source));
    // Importing its own export into the same database changes nothing.
    auto self = run(*source, vcard, (dir / "out.vcf").string());
    CHECK(self.counts.added == 0);
    CHECK(count_rows(*source, "people") == 3);
}

TEST_CASE("linkedin and google-csv into SQLite: no duplicates on re-import, connected-on kept") {
    test::TempDir dir;
    auto database = test::new_db(dir);
    test::write_file(dir / "Connections.csv",
                     "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                     "Ana,Ruiz,ana@example.org,ACME,CTO,07 Mar 2020\n"
                     "Bo,Li,,Initech,Dev,\"1/8/18, 6:14 PM\"\n");
    import::LinkedinImporter linkedin;
    auto first = run(*database, linkedin, (dir / "Connections.csv").string());
    CHECK(first.counts.added == 2);
    auto again = run(*database, linkedin, (dir / "Connections.csv").string());
    CHECK(again.counts.added == 0);
    CHECK(count_rows(*database, "people") == 2);
    CHECK(count_rows(*database, "interactions") == 2);  // one "connected on" each, not four
    CHECK(database->sql()
              .execAndGet("SELECT count(*) FROM interactions i JOIN participants p ON "
                          "p.interaction_id = i.id WHERE i.subject = 'Connected on "
                          "LinkedIn' AND i.kind = 'follow'")
              .getInt() == 2);
    // Google knows Ana by the same email: enriches her, adds Cy.
    test::write_file(dir / "contacts.csv",
                     "First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value\n"
                     "Ana,Ruiz,* myContacts ::: Friends,Home,ana@example.org ::: ana@home.example\n"
                     "Cy,Ng,,,\n");
    import::GoogleCsvImporter google;
    auto g = run(*database, google, (dir / "contacts.csv").string());
    CHECK(g.counts.added == 1);
    CHECK(g.counts.updated == 1);
    auto g2 = run(*database, google, (dir / "contacts.csv").string());
    CHECK(g2.counts.added + g2.counts.updated == 0);
    CHECK(count_rows(*database, "people") == 3);
    CHECK(count_rows(*database, "circles") == 1);
    CHECK(test::person_with_email(*database, "ana@home.example") ==
          test::person_with_email(*database, "ana@example.org"));
}
