#include "import/linkedin_importer.h"

#include <array>
#include <cctype>
#include <chrono>

#include "import/contact_fields.h"
#include "import/csv_contacts.h"

namespace kith::import {

namespace {

using core::IdentityKind;

std::optional<core::TimePoint> make_time(int y, int m, int d, int hour, int minute) {
    const std::chrono::year_month_day ymd{std::chrono::year{y},
                                          std::chrono::month{static_cast<unsigned>(m)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || y < 1990 || y > 9999 || hour > 23 || minute > 59) return std::nullopt;
    return core::TimePoint{std::chrono::sys_days{ymd}} + std::chrono::hours{hour} +
           std::chrono::minutes{minute};
}

int month_number(std::string_view name) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (name.size() < 3) return 0;
    std::string m;
    for (const char c : name.substr(0, 3))
        m += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (kMonths[i] == m) return static_cast<int>(i) + 1;
    return 0;
}

/// Splits into runs of digits and runs of letters; other characters separate.
std::vector<std::string> tokens(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    int kind = 0;  // 1 digits, 2 letters
    for (const char c : s) {
        const int k = std::isdigit(static_cast<unsigned char>(c))   ? 1
                      : std::isalpha(static_cast<unsigned char>(c)) ? 2
                                                                    : 0;
        if (k != kind && !cur.empty()) {
            out.push_back(cur);
            cur.clear();
        }
        kind = k;
        if (k) cur += c;
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

bool digits(const std::string& s) {
    return !s.empty() && s.size() <= 4 && std::isdigit(static_cast<unsigned char>(s[0]));
}

core::ContactRecord map_row(const CsvHeader& h, const std::vector<std::string>& row,
                            std::vector<std::string>& problems) {
    core::ContactRecord c;
    c.ext_ns = "linkedin";
    const auto first = CsvHeader::field(row, h.find({"First Name"}));
    const auto last = CsvHeader::field(row, h.find({"Last Name"}));
    c.display_name = trim_space(first + " " + last);
    const auto url = CsvHeader::field(row, h.find({"URL", "Profile URL"}));
    const auto email = CsvHeader::field(row, h.find({"Email Address", "E-mail Address"}));
    if (auto p = add_contact_identity(c, IdentityKind::linkedin, url); !p.empty())
        problems.push_back("URL: " + p);
    if (auto p = add_contact_identity(c, IdentityKind::email, email); !p.empty())
        problems.push_back("Email Address: " + p);
    c.organization = CsvHeader::field(row, h.find({"Company"}));
    c.title = CsvHeader::field(row, h.find({"Position"}));
    // Keyed by what identifies the connection best, so a re-import finds the same record.
    if (!c.identities.empty()) c.ext_id = c.identities.front().value;
    const auto connected = CsvHeader::field(row, h.find({"Connected On"}));
    if (connected.empty()) return c;
    const auto at = parse_linkedin_date(connected);
    if (!at) {
        problems.push_back("Connected On \"" + connected + "\" is not a date; ignored");
        return c;
    }
    core::InteractionRecord e;
    e.channel = core::Channel::other;
    e.kind = core::InteractionKind::follow;
    e.direction = core::Direction::mutual;
    e.at = *at;
    e.ext_ns = "linkedin-connected";
    e.subject = "Connected on LinkedIn";
    if (!url.empty() && !c.identities.empty() &&
        c.identities.front().kind == IdentityKind::linkedin)
        e.url = "https://www." + c.identities.front().value;
    c.events.push_back(std::move(e));
    return c;
}

const CsvContactFormat& linkedin_format() {
    static const CsvContactFormat kFormat{
        "a LinkedIn Connections.csv",
        "Use Connections.csv from LinkedIn's Settings → Data privacy → Get a copy of your data.",
        [](const CsvHeader& h) {
            return h.find({"First Name"}) >= 0 && h.find({"Last Name"}) >= 0;
        },
        map_row};
    return kFormat;
}

}  // namespace

std::optional<core::TimePoint> parse_linkedin_date(std::string_view text) {
    const auto t = tokens(text);
    if (t.size() < 3) return std::nullopt;
    // "07 Mar 2020", "30 May 2024"
    if (digits(t[0]) && !digits(t[1]) && digits(t[2]) && t.size() == 3) {
        const int m = month_number(t[1]);
        if (!m || t[2].size() != 4) return std::nullopt;
        return make_time(std::stoi(t[2]), m, std::stoi(t[0]), 12, 0);
    }
    // "Mar 07, 2020" (seen in some localized exports)
    if (!digits(t[0]) && digits(t[1]) && digits(t[2]) && t.size() == 3) {
        const int m = month_number(t[0]);
        if (!m || t[2].size() != 4) return std::nullopt;
        return make_time(std::stoi(t[2]), m, std::stoi(t[1]), 12, 0);
    }
    // "1/8/18, 6:14 PM" (month/day/two-digit year, US), also "2018-01-08"
    if (digits(t[0]) && digits(t[1]) && digits(t[2])) {
        int y, m, d;
        if (t[0].size() == 4) {
            y = std::stoi(t[0]), m = std::stoi(t[1]), d = std::stoi(t[2]);
        } else {
            m = std::stoi(t[0]), d = std::stoi(t[1]), y = std::stoi(t[2]);
            if (t[2].size() <= 2) y += 2000;
        }
        int hour = 12, minute = 0;
        if (t.size() >= 5 && digits(t[3]) && digits(t[4])) {
            hour = std::stoi(t[3]), minute = std::stoi(t[4]);
            if (t.size() >= 6) {
                const bool pm = t[5] == "PM" || t[5] == "pm";
                const bool am = t[5] == "AM" || t[5] == "am";
                if ((pm || am) && (hour < 1 || hour > 12)) return std::nullopt;
                if (pm && hour != 12) hour += 12;
                if (am && hour == 12) hour = 0;
            }
        }
        return make_time(y, m, d, hour, minute);
    }
    return std::nullopt;
}

core::Result<void> LinkedinImporter::import_stream(std::istream& in, const std::string& name,
                                                   std::uint64_t total, core::RecordSink& sink,
                                                   core::Progress& progress) {
    return import_csv_contacts(in, name, total, linkedin_format(), sink, progress);
}

core::Result<void> LinkedinImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                         core::Progress& progress) {
    return import_csv_contacts_file(req, linkedin_format(), sink, progress);
}

}  // namespace kith::import
