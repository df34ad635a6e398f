#include "core/mailing_list_csv.h"

#include <doctest/doctest.h>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

using namespace kith;

namespace {

std::vector<core::MailingListContact> contacts() {
    core::MailingListContact ana;
    ana.name = "Ana Ruiz";
    ana.email = "ana@example.org";
    ana.tags = {"Bloggers", "Friends, close"};
    ana.consent = core::ConsentStatus::opted_in;
    ana.consent_at = std::chrono::sys_days{std::chrono::year{2026} / 11 / 20};
    ana.evidence = "replied \"yes\" to my DM";
    core::MailingListContact hostile;
    hostile.name = "=HYPERLINK(\"http://evil\")\r\nX";  // a name harvested from a comment form
    hostile.email = "evil@example.org";
    return {ana, hostile};
}

std::string csv(core::MailingListFormat f) {
    std::ostringstream out;
    core::write_mailing_list_csv(out, f, contacts());
    return out.str();
}

}  // namespace

TEST_CASE("mailing list: listmonk gets email,name,attributes with a JSON attributes cell") {
    CHECK(csv(core::MailingListFormat::listmonk) ==
          "email,name,attributes\r\n"
          "ana@example.org,Ana Ruiz,\"{\"\"tags\"\": [\"\"Bloggers\"\", \"\"Friends, close\"\"], "
          "\"\"consent\"\": \"\"opted_in\"\", \"\"consent_at\"\": \"\"2026-11-20T00:00:00Z\"\", "
          "\"\"consent_evidence\"\": \"\"replied \\\"\"yes\\\"\" to my DM\"\"}\"\r\n"
          "evil@example.org,\"'=HYPERLINK(\"\"http://evil\"\") X\",\"{\"\"tags\"\": [], "
          "\"\"consent\"\": \"\"unknown\"\"}\"\r\n");
}

TEST_CASE("mailing list: Mailchimp gets Email Address, First/Last Name and Tags") {
    CHECK(csv(core::MailingListFormat::mailchimp) ==
          "Email Address,First Name,Last Name,Tags\r\n"
          "ana@example.org,Ana,Ruiz,\"Bloggers,Friends, close\"\r\n"
          "evil@example.org,\"'=HYPERLINK(\"\"http://evil\"\") X\",,\r\n");
}

TEST_CASE("mailing list: Buttondown gets email,tags,notes with the consent record") {
    const auto out = csv(core::MailingListFormat::buttondown);
    CHECK(out.rfind("email,tags,notes\r\n", 0) == 0);
    CHECK(out.find("ana@example.org,\"Bloggers,Friends, close\",\"Ana Ruiz; consent: opted_in "
                   "2026-11-20 (replied \"\"yes\"\" to my DM)\"\r\n") != std::string::npos);
    CHECK(out.find('\n', out.find("evil@example.org")) == out.size() - 1);  // CRLF neutralised
}

TEST_CASE("mailing list: format names") {
    CHECK(core::parse_mailing_list_format("listmonk") == core::MailingListFormat::listmonk);
    CHECK(core::parse_mailing_list_format("mailchimp") == core::MailingListFormat::mailchimp);
    CHECK(core::parse_mailing_list_format("buttondown") == core::MailingListFormat::buttondown);
    CHECK_FALSE(core::parse_mailing_list_format("substack"));
}
