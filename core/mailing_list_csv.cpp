#include "core/mailing_list_csv.h"

#include <ostream>

#include "core/csv_writer.h"

namespace kith::core {

namespace {

/// A JSON string literal (the attributes column of listmonk); control characters escaped.
std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\u00";
            out += kHex[u >> 4];
            out += kHex[u & 0xF];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string joined(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out += sep;
        out += v[i];
    }
    return out;
}

std::string listmonk_attributes(const MailingListContact& c) {
    std::string tags = "[";
    for (std::size_t i = 0; i < c.tags.size(); ++i) {
        if (i) tags += ", ";
        tags += json_string(c.tags[i]);
    }
    tags += "]";
    std::string out = "{\"tags\": " + tags + ", \"consent\": " + json_string(to_string(c.consent));
    if (c.consent != ConsentStatus::unknown)
        out += ", \"consent_at\": " + json_string(format_iso(c.consent_at));
    if (!c.evidence.empty()) out += ", \"consent_evidence\": " + json_string(c.evidence);
    return out + "}";
}

std::string consent_note(const MailingListContact& c) {
    std::string note = "consent: " + std::string(to_string(c.consent));
    if (c.consent != ConsentStatus::unknown) note += " " + format_date(c.consent_at);
    if (!c.evidence.empty()) note += " (" + c.evidence + ")";
    return note;
}

}  // namespace

std::optional<MailingListFormat> parse_mailing_list_format(std::string_view s) {
    if (s == "listmonk") return MailingListFormat::listmonk;
    if (s == "mailchimp") return MailingListFormat::mailchimp;
    if (s == "buttondown") return MailingListFormat::buttondown;
    return std::nullopt;
}

void write_mailing_list_csv(std::ostream& out, MailingListFormat format,
                            const std::vector<MailingListContact>& contacts) {
    CsvWriter csv(out);
    switch (format) {
        case MailingListFormat::listmonk:
            csv.row({"email", "name", "attributes"});
            for (const auto& c : contacts) csv.row({c.email, c.name, listmonk_attributes(c)});
            return;
        case MailingListFormat::mailchimp:
            csv.row({"Email Address", "First Name", "Last Name", "Tags"});
            for (const auto& c : contacts) {
                const auto space = c.name.rfind(' ');
                const auto first = space == std::string::npos ? c.name : c.name.substr(0, space);
                const auto last = space == std::string::npos ? "" : c.name.substr(space + 1);
                csv.row({c.email, first, last, joined(c.tags, ",")});
            }
            return;
        case MailingListFormat::buttondown:
            csv.row({"email", "tags", "notes"});
            for (const auto& c : contacts)
                csv.row({c.email, joined(c.tags, ","), c.name + "; " + consent_note(c)});
            return;
    }
}

}  // namespace kith::core
