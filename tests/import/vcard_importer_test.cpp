// The vCard importer on the quirks of FORMATS.md (one table row each), photos, and hostile input.
#include "import/vcard_importer.h"

#include <doctest/doctest.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include <string>

#include "core/vcard_writer.h"
#include "import/photo_thumbnail.h"
#include "tests/import/contact_test_util.h"

using namespace kith;
using import::test::circles_of;
using import::test::identities_of;
using import::test::run_contacts;
using import::test::warnings_of;

namespace {

std::string card(const std::string& body, const std::string& version = "3.0") {
    return "BEGIN:VCARD\r\nVERSION:" + version + "\r\n" + body + "END:VCARD\r\n";
}

/// A real image of `w`×`h` pixels encoded by gdk-pixbuf as `type` ("png", "jpeg").
std::string image(int w, int h, const char* type) {
    GdkPixbuf* pix = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, w, h);
    REQUIRE(pix);
    gdk_pixbuf_fill(pix, 0x3366ccff);
    gchar* buf = nullptr;
    gsize len = 0;
    REQUIRE(gdk_pixbuf_save_to_buffer(pix, &buf, &len, type, nullptr, nullptr));
    std::string out(buf, len);
    g_free(buf);
    g_object_unref(pix);
    return out;
}

/// Width and height of PNG bytes.
std::pair<int, int> png_size(const std::string& png) {
    REQUIRE(png.size() > 24);
    REQUIRE(png.starts_with("\x89PNG"));
    const auto u = [&](std::size_t i) {
        return (static_cast<unsigned char>(png[i]) << 24) |
               (static_cast<unsigned char>(png[i + 1]) << 16) |
               (static_cast<unsigned char>(png[i + 2]) << 8) |
               static_cast<unsigned char>(png[i + 3]);
    };
    return {static_cast<int>(u(16)), static_cast<int>(u(20))};
}

}  // namespace

TEST_CASE("vcard: every quirk of FORMATS.md, one row each") {
    struct Row {
        const char* quirk;
        std::string text;
        std::string name, identities, circles, notes, org, birthday;
    };
    const Row rows[] = {
        // RFC 6350 3.2: folded with CRLF + one space.
        {"fold with space", card("FN:Ana\r\n  Ruiz\r\nEMAIL:ana@exa\r\n mple.org\r\n"), "Ana Ruiz",
         "email:ana@example.org", "", "", "", ""},
        // Folds with a tab and bare LF line ends (Thunderbird, hand-edited files).
        {"fold with tab, LF ends", "BEGIN:VCARD\nVERSION:3.0\nFN:Bo\n\tb\nEND:VCARD\n", "Bob", "",
         "", "", "", ""},
        // Google folds at 75 octets even inside a UTF-8 sequence ("é" = C3 A9 split).
        {"fold inside UTF-8", card("FN:Jos\xC3\r\n \xA9 Álvarez\r\n"), "José Álvarez", "", "", "",
         "", ""},
        // vCard 2.1 quoted-printable with CHARSET and a soft break (continuation unindented).
        {"2.1 QP soft break + charset",
         card("N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:=C1lvarez;Jos=E9;;;\r\n"
              "NOTE;ENCODING=QUOTED-PRINTABLE:line one=0D=0Aline =\r\ntwo\r\n",
              "2.1"),
         "José Álvarez", "", "", "line one\r\nline two", "", ""},
        // 2.1 bare parameters: EMAIL;INTERNET;PREF.
        {"2.1 bare params", card("FN:Cy\r\nEMAIL;INTERNET;PREF:cy@example.org\r\n", "2.1"), "Cy",
         "email:cy@example.org", "", "", "", ""},
        // 3.0 escapes \, \; \n \\ in text values.
        {"escapes", card("FN:Dee\r\nNOTE:a\\, b\\; c\\nd \\\\ e\r\n"), "Dee", "", "",
         "a, b; c\nd \\ e", "", ""},
        // FN missing: the name comes from N (Family;Given;Additional;Prefix;Suffix).
        {"N without FN", card("N:Ruiz;Ana;María;Dr.;PhD\r\n"), "Dr. Ana María Ruiz PhD", "", "", "",
         "", ""},
        // Repeated EMAIL/TEL with TYPE repeated or comma-listed.
        {"multiple EMAIL/TEL with TYPE",
         card("FN:Eve\r\nEMAIL;TYPE=work;TYPE=pref:eve@work.example\r\nEMAIL;TYPE=home,"
              "internet:eve@home.example\r\nTEL;TYPE=cell,voice:+49 151 1234 5678\r\n"),
         "Eve", "email:eve@work.example email:eve@home.example phone:+4915112345678", "", "", "",
         ""},
        // Apple groups: item1.EMAIL with item1.X-ABLabel.
        {"Apple item groups",
         card("FN:Fay\r\nitem1.EMAIL;type=INTERNET:fay@example.org\r\nitem1.X-ABLabel:_$!<Other>!$_"
              "\r\nitem2.URL:https://fay.example/blog/\r\nitem2.X-ABLabel:_$!<HomePage>!$_\r\n"),
         "Fay", "email:fay@example.org website:fay.example/blog", "", "", "", ""},
        // Social profiles: X-SOCIALPROFILE by TYPE, Apple's x-user, a Mastodon URL, IMPP.
        {"social identities",
         card("FN:Gil\r\nX-SOCIALPROFILE;type=twitter:https://twitter.com/GilG\r\n"
              "X-SOCIALPROFILE;type=mastodon;x-user=gil@social.example:\r\n"
              "URL:https://www.linkedin.com/in/gil-g/"
              "\r\nIMPP;X-SERVICE-TYPE=Twitter:x-apple:gil2\r\n"),
         "Gil",
         "twitter:@gilg mastodon:gil@social.example linkedin:linkedin.com/in/gil-g twitter:@gil2",
         "", "", "", ""},
        // A URL of a Mastodon profile is a Mastodon identity, not a website.
        {"mastodon URL", card("FN:Hal\r\nURL:https://fosstodon.org/@hal\r\n"), "Hal",
         "mastodon:hal@fosstodon.org", "", "", "", ""},
        // CATEGORIES → circles, escaped comma inside one.
        {"categories", card("FN:Ida\r\nCATEGORIES:Friends,Book club\\, Berlin\r\n"), "Ida", "",
         "Friends,Book club, Berlin", "", "", ""},
        // ORG is structured (Company;Unit): the company is kept.
        {"ORG units, TITLE", card("FN:Jo\r\nORG:ACME\\, Inc.;R&D\r\nTITLE:Engineer\r\n"), "Jo", "",
         "", "", "ACME, Inc.", ""},
        // Birthdays in every form: basic, extended, without year (--0322), Apple's 1604.
        {"BDAY basic", card("FN:K\r\nBDAY:19800322\r\n"), "K", "", "", "", "", "1980-03-22"},
        {"BDAY extended", card("FN:K\r\nBDAY;VALUE=date:1980-03-22\r\n"), "K", "", "", "", "",
         "1980-03-22"},
        {"BDAY no year", card("FN:K\r\nBDAY:--0322\r\n", "4.0"), "K", "", "", "", "", "--03-22"},
        {"BDAY Apple no year", card("FN:K\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-03-22\r\n"), "K", "",
         "", "", "", "--03-22"},
        // Windows-1252 bytes without a CHARSET (old Outlook exports).
        {"cp1252 without charset", card("FN:Ren\xE9\r\n", "2.1"), "René", "", "", "", "", ""},
        // Upper/lower-case property names, params quoted (4.0).
        {"case and quoted params",
         card("fn:Lu\r\nemail;type=\"work,pref\":LU@Example.ORG\r\n", "4.0"), "Lu",
         "email:lu@example.org", "", "", "", ""},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.quirk));
        auto run = run_contacts<import::VcardImporter>(row.text, "c.vcf");
        REQUIRE(run.result.ok());
        REQUIRE_MESSAGE(run.sink.contacts.size() == 1, warnings_of(run.sink));
        const auto& c = run.sink.contacts.front();
        CHECK(c.display_name == row.name);
        CHECK(identities_of(c) == row.identities);
        CHECK(circles_of(c) == row.circles);
        CHECK(c.notes == row.notes);
        CHECK(c.organization == row.org);
        CHECK(c.birthday == row.birthday);
        CHECK_MESSAGE(run.sink.warnings.empty(), warnings_of(run.sink));
    }
}

TEST_CASE("vcard: a file of many cards streams them in order, keyed by UID or name") {
    std::string text = "junk before the first card\r\n";
    for (int i = 0; i < 300; ++i)
        text += card("FN:P" + std::to_string(i) + "\r\n" +
                     (i % 2 ? "UID:u" + std::to_string(i) + "\r\n" : ""));
    text += card("FN:P0\r\n");  // the same name again: keyed "#2", not merged with the first
    auto run = run_contacts<import::VcardImporter>(text);
    REQUIRE(run.result.ok());
    REQUIRE(run.sink.contacts.size() == 301);
    CHECK(run.sink.contacts[1].ext_id == "u1");
    CHECK(run.sink.contacts[0].ext_id == "card:p0");
    CHECK(run.sink.contacts[300].ext_id == "card:p0#2");
    CHECK(run.sink.contacts[0].ext_ns == "vcard");
}

TEST_CASE("vcard: photos become PNG thumbnails of at most 96 px — bad photos are warnings") {
    const auto jpeg = image(400, 200, "jpeg");
    const auto b64 = core::encode_base64(jpeg);
    // 3.0: ENCODING=b with the base64 folded over many lines.
    std::string folded;
    for (std::size_t i = 0; i < b64.size(); i += 70)
        folded += (i ? "\r\n " : "") + b64.substr(i, 70);
    struct Row {
        const char* form;
        std::string text;
    };
    const Row rows[] = {
        {"3.0 ENCODING=b folded", card("FN:P\r\nPHOTO;ENCODING=b;TYPE=JPEG:" + folded + "\r\n")},
        {"2.1 BASE64", card("FN:P\r\nPHOTO;JPEG;ENCODING=BASE64:" + folded + "\r\n\r\n", "2.1")},
        {"4.0 data: URI", card("FN:P\r\nPHOTO:data:image/jpeg;base64," + b64 + "\r\n", "4.0")},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.form));
        auto run = run_contacts<import::VcardImporter>(row.text);
        REQUIRE(run.result.ok());
        REQUIRE(run.sink.contacts.size() == 1);
        CHECK_MESSAGE(run.sink.warnings.empty(), warnings_of(run.sink));
        const auto [w, h] = png_size(run.sink.contacts[0].photo_png);
        CHECK(w == 96);
        CHECK(h == 48);
    }
    struct Bad {
        const char* what;
        std::string text;
        const char* warning;
    };
    const Bad bad[] = {
        {"not base64", card("FN:P\r\nPHOTO;ENCODING=b:@@@@\r\n"), "not valid base64"},
        {"not an image",
         card("FN:P\r\nPHOTO;ENCODING=b:" + core::encode_base64("hello world") + "\r\n"),
         "not PNG, JPEG or GIF"},
        {"truncated PNG",
         card("FN:P\r\nPHOTO;ENCODING=b:" +
              core::encode_base64(std::string("\x89PNG\r\n\x1a\n") + std::string(100, 'x')) +
              "\r\n"),
         "damaged png photo"},
        // A URL is never fetched (it would tell the server the file was opened): no photo, no
        // noise.
        {"URL photo", card("FN:P\r\nPHOTO;VALUE=uri:https://tracker.example/p.jpg\r\n"), ""},
    };
    for (const auto& row : bad) {
        CAPTURE(std::string(row.what));
        auto run = run_contacts<import::VcardImporter>(row.text, "p.vcf");
        REQUIRE(run.result.ok());
        REQUIRE(run.sink.contacts.size() == 1);  // the contact is kept without a photo
        CHECK(run.sink.contacts[0].photo_png.empty());
        if (*row.warning) {
            REQUIRE(run.sink.warnings.size() == 1);
            CHECK(run.sink.warnings[0].location == "p.vcf:4");
            CHECK(run.sink.warnings[0].message.find(row.warning) != std::string::npos);
        } else {
            CHECK(run.sink.warnings.empty());
        }
    }
}

TEST_CASE("vcard: malformed and hostile input never crashes and is located") {
    SUBCASE("truncated file: the last card is kept with a warning") {
        auto run = run_contacts<import::VcardImporter>(
            card("FN:A\r\n") + "BEGIN:VCARD\r\nFN:B\r\nEMAIL:b@", "t.vcf");
        REQUIRE(run.result.ok());
        REQUIRE(run.sink.contacts.size() == 2);
        CHECK(run.sink.contacts[1].identities.empty());
        CHECK(warnings_of(run.sink).find("t.vcf:7: EMAIL:") != std::string::npos);
        CHECK(warnings_of(run.sink).find("t.vcf:5: card not closed") != std::string::npos);
    }
    SUBCASE("bad values are warnings, the card stays") {
        auto run = run_contacts<import::VcardImporter>(
            card("FN:A\r\nEMAIL:not an email\r\nBDAY:31.02.1980\r\nno colon here\r\n"), "b.vcf");
        REQUIRE(run.sink.contacts.size() == 1);
        CHECK(run.sink.warnings.size() == 3);
        CHECK(warnings_of(run.sink).find("b.vcf:4: EMAIL:") != std::string::npos);
        CHECK(warnings_of(run.sink).find("b.vcf:5: BDAY") != std::string::npos);
    }
    SUBCASE("a card with no name and no identity is skipped with a warning") {
        auto run = run_contacts<import::VcardImporter>(card("NOTE:nothing else\r\n"), "e.vcf");
        CHECK(run.sink.contacts.empty());
        CHECK(warnings_of(run.sink) ==
              "e.vcf:1: card with neither a name nor an identity skipped\n");
    }
    SUBCASE("a huge line is dropped without being kept in memory") {
        // The real limit is 8 MiB; a reader with a 1 KiB limit keeps the test fast.
        std::istringstream in(card("FN:A\r\nNOTE:" + std::string(5000, 'x') + "\r\n"));
        import::VcardReader reader(in, 1024);
        import::VcardCard c;
        std::vector<import::VcardProblem> problems;
        REQUIRE(reader.next(c, problems));
        CHECK(c.properties.size() == 2);  // VERSION and FN; the NOTE was dropped
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].line == 4);
    }
    SUBCASE("a card with too many properties keeps the first ones") {
        std::string body;
        for (int i = 0; i < 10; ++i) body += "EMAIL:p" + std::to_string(i) + "@example.org\r\n";
        std::istringstream in(card(body));
        import::VcardReader reader(in, 1024, 4);
        import::VcardCard c;
        std::vector<import::VcardProblem> problems;
        REQUIRE(reader.next(c, problems));
        CHECK(c.properties.size() == 4);
        REQUIRE(problems.size() == 1);  // one problem, not one per dropped property
        CHECK(problems[0].line == 6);
    }
    SUBCASE("binary garbage gives no contact and no crash") {
        std::string junk;
        for (int i = 0; i < 5000; ++i) junk += static_cast<char>((i * 7919) & 0xFF);
        auto run = run_contacts<import::VcardImporter>(junk + "\r\n" + card("FN:Z\r\n") + junk);
        REQUIRE(run.result.ok());
        CHECK(run.sink.contacts.size() == 1);
    }
}

TEST_CASE("vcard: cancel between cards") {
    std::string text;
    for (int i = 0; i < 600; ++i) text += card("FN:P" + std::to_string(i) + "\r\n");
    std::istringstream in(text);
    import::test::CollectingSink sink;
    import::test::RecordingProgress progress;
    progress.cancel_at_update = 1;
    auto r = import::VcardImporter::import_stream(in, "c.vcf", text.size(), sink, progress);
    REQUIRE(!r.ok());
    CHECK(r.error().code == core::ErrorCode::cancelled);
    CHECK(sink.contacts.size() == 256);
    CHECK(progress.updates.front().what == "bytes");
}
