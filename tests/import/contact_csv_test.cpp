// The shared CSV reader and the LinkedIn and Google Contacts importers, table-driven on the quirks
// of FORMATS.md.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "import/contact_fields.h"
#include "import/csv_reader.h"
#include "import/google_csv_importer.h"
#include "import/linkedin_importer.h"
#include "tests/import/contact_test_util.h"

using namespace kith;
using import::test::circles_of;
using import::test::identities_of;
using import::test::run_contacts;
using import::test::warnings_of;

namespace {

std::vector<std::vector<std::string>> read_all(const std::string& text, std::size_t max = 1 << 20) {
    std::istringstream in(text);
    import::CsvReader reader(in, max);
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> row;
    while (reader.next(row))
        out.push_back(reader.oversized() ? std::vector<std::string>{"<too long>"} : row);
    return out;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("csv reader: RFC 4180 and what exporters really write") {
    struct Row {
        const char* quirk;
        std::string text;
        Rows expected;
    };
    const Row rows[] = {
        {"plain LF", "a,b\nc,d\n", {{"a", "b"}, {"c", "d"}}},
        // Excel and Google: CRLF and a UTF-8 byte order mark.
        {"BOM + CRLF", "\xEF\xBB\xBFName,E\r\nx,y\r\n", {{"Name", "E"}, {"x", "y"}}},
        // Quoted fields with commas (LinkedIn companies) and doubled quotes.
        {"quoted comma and quotes",
         "\"ACME, Inc.\",\"say \"\"hi\"\"\"\n",
         {{"ACME, Inc.", "say \"hi\""}}},
        // Google's multi-line notes: a newline inside quotes is data.
        {"newline in quotes",
         "a,\"line 1\r\nline 2\"\nb,c\n",
         {{"a", "line 1\r\nline 2"}, {"b", "c"}}},
        // Empty fields and a last line without a line end.
        {"empty fields, no final newline", ",,x", {{"", "", "x"}}},
        // Blank lines (LinkedIn's preamble ends with one) are skipped.
        {"blank lines", "a\n\n\r\nb\n", {{"a"}, {"b"}}},
        // A quote inside an unquoted field is kept as a character.
        {"stray quote", "5'10\" tall,x\n", {{"5'10\" tall", "x"}}},
        // Old Mac line ends.
        {"CR only", "a,b\rc\r", {{"a", "b"}, {"c"}}},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.quirk));
        CHECK(read_all(row.text) == row.expected);
    }
}

TEST_CASE("csv reader: an unterminated quote stays bounded, lines are counted") {
    const auto rows =
        read_all("a,b\n\"never closed," + std::string(5000, 'x') + "\n\nmore\n", 1024);
    REQUIRE(rows.size() == 2);
    CHECK(rows[1] == std::vector<std::string>{"<too long>"});
    std::istringstream in("h\n\"two\nlines\"\nthird\n");
    import::CsvReader reader(in);
    std::vector<std::string> row;
    REQUIRE(reader.next(row));
    CHECK(reader.line() == 1);
    REQUIRE(reader.next(row));
    CHECK(reader.line() == 2);
    REQUIRE(reader.next(row));
    CHECK(reader.line() == 4);
    CHECK(row == std::vector<std::string>{"third"});
}

TEST_CASE("linkedin: Connections.csv of every generation") {
    struct Row {
        const char* generation;
        std::string text;
        std::string name, identities, org, title, connected;
    };
    const Row rows[] = {
        // 2018: no URL column, "1/8/18, 6:14 PM" dates (US month first).
        {"2018",
         "First Name,Last Name,Email Address,Company,Position,Connected On\n"
         "Ana,Ruiz,ana@example.org,\"ACME, Inc.\",CTO,\"1/8/18, 6:14 PM\"\n",
         "Ana Ruiz", "email:ana@example.org", "ACME, Inc.", "CTO", "2018-01-08T18:14:00Z"},
        // 2020: same header, "07 Mar 2020" dates, email mostly empty.
        {"2020",
         "First Name,Last Name,Email Address,Company,Position,Connected On\r\n"
         "Bo,Li,,Initech,Dev,07 Mar 2020\r\n",
         "Bo Li", "", "Initech", "Dev", "2020-03-07T12:00:00Z"},
        // 2024: "Notes:" preamble, then URL after Last Name.
        {"2024",
         "Notes:\n\"When exporting your connection data, you may notice that some of the email "
         "addresses are missing, see: https://www.linkedin.com/help\"\n\n"
         "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
         "Cy,Øster,https://www.linkedin.com/in/cy-oster-12ab,,Globex,\"Head of R&D, EU\",30 May "
         "2024\n",
         "Cy Øster", "linkedin:linkedin.com/in/cy-oster-12ab", "Globex", "Head of R&D, EU",
         "2024-05-30T12:00:00Z"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.generation));
        auto run = run_contacts<import::LinkedinImporter>(row.text, "Connections.csv");
        REQUIRE_MESSAGE(run.result.ok(), run.result.error().message);
        REQUIRE(run.sink.contacts.size() == 1);
        CHECK_MESSAGE(run.sink.warnings.empty(), warnings_of(run.sink));
        const auto& c = run.sink.contacts[0];
        CHECK(c.display_name == row.name);
        CHECK(identities_of(c) == row.identities);
        CHECK(c.organization == row.org);
        CHECK(c.title == row.title);
        CHECK(c.ext_ns == "linkedin");
        REQUIRE(c.events.size() == 1);
        CHECK(core::format_iso(c.events[0].at) == row.connected);
        CHECK(c.events[0].subject == "Connected on LinkedIn");
        CHECK(c.events[0].kind == core::InteractionKind::follow);
        CHECK(c.events[0].ext_id == c.ext_id);
    }
}

TEST_CASE("linkedin: dates, bad rows and a file that is not Connections.csv") {
    struct Date {
        const char* text;
        const char* iso;  // "" = rejected
    };
    for (const auto& d :
         {Date{"1/8/18, 6:14 PM", "2018-01-08T18:14:00Z"},
          Date{"12/31/19, 12:05 AM", "2019-12-31T00:05:00Z"},
          Date{"07 Mar 2020", "2020-03-07T12:00:00Z"}, Date{"30 May 2024", "2024-05-30T12:00:00Z"},
          Date{"2021-06-01", "2021-06-01T12:00:00Z"}, Date{"31 Feb 2020", ""}, Date{"13/40/20", ""},
          Date{"yesterday", ""}}) {
        CAPTURE(std::string(d.text));
        const auto t = import::parse_linkedin_date(d.text);
        CHECK((t ? core::format_iso(*t) : std::string()) == d.iso);
    }
    auto run = run_contacts<import::LinkedinImporter>(
        "First Name,Last Name,Email Address,Company,Position,Connected On\n"
        "Ana,Ruiz,not-an-email,,,someday\n,,,,,\nAna,Ruiz,,,,\n",
        "Connections.csv");
    REQUIRE(run.result.ok());
    REQUIRE(run.sink.contacts.size() == 2);
    CHECK(run.sink.contacts[0].ext_id == "row:ana ruiz");
    CHECK(run.sink.contacts[1].ext_id == "row:ana ruiz#2");  // same name twice: two people
    const auto w = warnings_of(run.sink);
    CHECK(run.sink.warnings.size() == 3);
    CHECK(w.find("Connections.csv:2: Email Address: ") != std::string::npos);
    CHECK(w.find("Connections.csv:2: Connected On \"someday\" is not a date; ignored") !=
          std::string::npos);
    CHECK(w.find("Connections.csv:3: row with neither a name nor an identity skipped") !=
          std::string::npos);
    auto wrong = run_contacts<import::LinkedinImporter>("Account address\na@b.example\n", "x.csv");
    REQUIRE(!wrong.result.ok());
    CHECK(wrong.result.error().code == core::ErrorCode::format);
    CHECK(wrong.result.error().message.find("x.csv is not a LinkedIn Connections.csv") == 0);
}

TEST_CASE("google-csv: current and older exports") {
    struct Row {
        const char* generation;
        std::string text;
        std::string name, identities, circles, notes, org, birthday;
    };
    const Row rows[] = {
        // Current export: BOM, Labels with system groups, " ::: " multi-values, multi-line notes.
        {"current",
         "\xEF\xBB\xBF"
         "First Name,Middle Name,Last Name,Phonetic First Name,Name Prefix,Name Suffix,Nickname,"
         "File As,Organization Name,Organization Title,Organization "
         "Department,Birthday,Notes,Photo,"
         "Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - "
         "Label,Phone 1 - Value,Website 1 - Label,Website 1 - Value\r\n"
         "Ana,María,Ruiz,,,,,,ACME,CTO,,1980-03-22,\"Met at DevConf\r\nbakes bread\","
         "https://lh3.googleusercontent.com/x.jpg,* myContacts ::: Friends ::: * starred,"
         "* Home ::: Work,ana@home.example ::: ana@work.example,Other,ana@other.example,Mobile,"
         "+49 151 1234 5678,Profile,https://mastodon.social/@ana\r\n",
         "Ana María Ruiz",
         "email:ana@home.example email:ana@work.example email:ana@other.example "
         "phone:+4915112345678 "
         "mastodon:ana@mastodon.social",
         "Friends", "Met at DevConf\r\nbakes bread", "ACME", "1980-03-22"},
        // Older export: Name/Given Name…, Group Membership, "E-mail 1 - Type", no-year birthday.
        {"older",
         "Name,Given Name,Additional Name,Family Name,Yomi Name,Birthday,Notes,Group Membership,"
         "E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Type,"
         "Organization 1 - Name,Organization 1 - Title,Website 1 - Type,Website 1 - Value\n"
         "Bo Li,Bo,,Li,,--03-22,,* Friends ::: Climbing ::: * My Contacts,* Home,bo@example.org,"
         "Mobile,(415) 555-0100,,Initech,Dev,Blog,https://bo.example/blog/\n",
         "Bo Li", "email:bo@example.org phone:4155550100 website:bo.example/blog",
         "Friends,Climbing", "", "Initech", "--03-22"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.generation));
        auto run = run_contacts<import::GoogleCsvImporter>(row.text, "contacts.csv");
        REQUIRE_MESSAGE(run.result.ok(), run.result.error().message);
        REQUIRE(run.sink.contacts.size() == 1);
        CHECK_MESSAGE(run.sink.warnings.empty(), warnings_of(run.sink));
        const auto& c = run.sink.contacts[0];
        CHECK(c.display_name == row.name);
        CHECK(identities_of(c) == row.identities);
        CHECK(circles_of(c) == row.circles);
        CHECK(c.notes == row.notes);
        CHECK(c.organization == row.org);
        CHECK(c.birthday == row.birthday);
        CHECK(c.photo_png.empty());  // the Photo URL is never fetched
        // Keyed by name and first identity, so a re-import finds the same record.
        CHECK(c.ext_id ==
              "row:" + import::name_key(c.display_name) + "|" + c.identities.front().value);
    }
    CHECK(import::split_google_values(" a :::b ::: ::: c ") ==
          std::vector<std::string>{"a", "b", "c"});
}
