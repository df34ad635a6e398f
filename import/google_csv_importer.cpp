#include "import/google_csv_importer.h"

#include <algorithm>

#include "import/contact_fields.h"
#include "import/csv_contacts.h"

namespace kith::import {

namespace {

using core::IdentityKind;

std::string join_parts(std::initializer_list<std::string> parts) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += ' ';
        out += p;
    }
    return out;
}

/// Google's own groups, which are not circles of the user's ("* starred", "myContacts").
bool is_system_label(std::string_view label) {
    return label.empty() || label == "myContacts" || label == "My Contacts" || label == "starred" ||
           label == "Starred" || label == "other";
}

std::string name_of(const CsvHeader& h, const std::vector<std::string>& row) {
    const auto f = [&](std::initializer_list<std::string_view> names) {
        return CsvHeader::field(row, h.find(names));
    };
    auto name = join_parts({f({"Name Prefix"}), f({"First Name", "Given Name"}),
                            f({"Middle Name", "Additional Name"}), f({"Last Name", "Family Name"}),
                            f({"Name Suffix"})});
    if (const auto full = f({"Name"}); !full.empty()) name = full;
    if (name.empty()) name = f({"Nickname"});
    if (name.empty()) name = f({"File As"});
    if (name.empty()) name = f({"Organization Name", "Organization 1 - Name"});
    return name;
}

void take_identities(const CsvHeader& h, const std::vector<std::string>& row,
                     core::ContactRecord& c, std::vector<std::string>& problems) {
    const auto& names = h.names();
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto& col = names[i];
        if (!col.ends_with(" - Value")) continue;
        std::optional<IdentityKind> kind;
        if (col.starts_with("E-mail "))
            kind = IdentityKind::email;
        else if (col.starts_with("Phone "))
            kind = IdentityKind::phone;
        else if (!col.starts_with("Website "))
            continue;  // addresses, relations, events, custom fields
        for (const auto& v : split_google_values(CsvHeader::field(row, static_cast<int>(i))))
            if (auto p = add_contact_identity(c, kind, v); !p.empty())
                problems.push_back(col + ": " + p);
    }
}

core::ContactRecord map_row(const CsvHeader& h, const std::vector<std::string>& row,
                            std::vector<std::string>& problems) {
    core::ContactRecord c;
    c.ext_ns = "google-csv";
    c.display_name = name_of(h, row);
    take_identities(h, row, c, problems);
    for (const auto& label :
         split_google_values(CsvHeader::field(row, h.find({"Labels", "Group Membership"})))) {
        std::string_view circle = label;
        if (circle.starts_with("* ")) circle.remove_prefix(2);  // old system groups: "* Friends"
        if (is_system_label(circle)) continue;
        if (std::find(c.circles.begin(), c.circles.end(), circle) == c.circles.end())
            c.circles.emplace_back(circle);
    }
    c.notes = CsvHeader::field(row, h.find({"Notes"}));
    c.organization = CsvHeader::field(row, h.find({"Organization Name", "Organization 1 - Name"}));
    c.title = CsvHeader::field(row, h.find({"Organization Title", "Organization 1 - Title"}));
    if (const auto b = CsvHeader::field(row, h.find({"Birthday"})); !b.empty()) {
        c.birthday = normalize_birthday(b);
        if (c.birthday.empty()) problems.push_back("Birthday \"" + b + "\" is not a date; ignored");
    }
    return c;
}

const CsvContactFormat& google_format() {
    static const CsvContactFormat kFormat{
        "a Google Contacts CSV export",
        "Export from contacts.google.com with the \"Google CSV\" format (not Outlook or vCard).",
        [](const CsvHeader& h) {
            return h.find({"E-mail 1 - Value"}) >= 0 || h.find({"Labels"}) >= 0 ||
                   h.find({"Group Membership"}) >= 0 ||
                   (h.find({"First Name"}) >= 0 && h.find({"Phone 1 - Value"}) >= 0);
        },
        map_row};
    return kFormat;
}

}  // namespace

std::vector<std::string> split_google_values(std::string_view field) {
    std::vector<std::string> out;
    constexpr std::string_view kSep = ":::";
    std::size_t start = 0;
    for (;;) {
        const auto at = field.find(kSep, start);
        auto v =
            trim_space(field.substr(start, at == std::string_view::npos ? field.npos : at - start));
        if (!v.empty()) out.push_back(std::move(v));
        if (at == std::string_view::npos) break;
        start = at + kSep.size();
    }
    return out;
}

core::Result<void> GoogleCsvImporter::import_stream(std::istream& in, const std::string& name,
                                                    std::uint64_t total, core::RecordSink& sink,
                                                    core::Progress& progress) {
    return import_csv_contacts(in, name, total, google_format(), sink, progress);
}

core::Result<void> GoogleCsvImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                          core::Progress& progress) {
    return import_csv_contacts_file(req, google_format(), sink, progress);
}

}  // namespace kith::import
