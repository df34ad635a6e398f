#pragma once
// The CSV files mailing-list tools import (listmonk, Mailchimp, Buttondown). Pure formatting.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/consent.h"
#include "core/time.h"

namespace kith::core {

/// One subscriber to export.
struct MailingListContact {
    std::int64_t person_id = 0;
    std::string name;
    std::string email;
    std::vector<std::string> tags;  ///< circles
    ConsentStatus consent = ConsentStatus::unknown;
    TimePoint consent_at{};
    std::string evidence;
};

enum class MailingListFormat { listmonk, mailchimp, buttondown };

std::optional<MailingListFormat> parse_mailing_list_format(std::string_view s);

/// Writes `contacts` as the CSV `format` imports, through CsvWriter (cells neutralised):
///  - listmonk (Subscribers → Import): `email,name,attributes`, attributes a JSON object
///    {"tags": [...], "consent": "opted_in", "consent_at": ISO, "consent_evidence": "..."}.
///  - mailchimp (Audience → Import contacts): `Email Address,First Name,Last Name,Tags`, the
///    name split at its last space, tags comma-separated in one quoted cell.
///  - buttondown (Subscribers → Import): `email,tags,notes`, notes holding the name and the
///    consent record (Buttondown maps these standard column names itself).
/// Every row carries the consent evidence where the format has room for it, so the tool keeps a
/// record of why the address is on the list. Pure apart from writing to `out`.
void write_mailing_list_csv(std::ostream& out, MailingListFormat format,
                            const std::vector<MailingListContact>& contacts);

}  // namespace kith::core
