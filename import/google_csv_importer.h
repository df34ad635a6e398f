#pragma once
// The "google-csv" importer: Google Contacts' export ("Google CSV").

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "core/importer.h"

namespace kith::import {

/// Kind "google-csv": reads contacts.csv from Google Contacts → Export → Google CSV, current
/// (`First Name,Middle Name,Last Name,…,Labels,E-mail 1 - Label,E-mail 1 - Value,…`) and older
/// (`Name,Given Name,…,Group Membership,E-mail 1 - Type,E-mail 1 - Value,…`) headers. Every
/// `E-mail N - Value`, `Phone N - Value` and `Website N - Value` column (several values joined
/// with " ::: ") becomes an identity; Labels / Group Membership become circles, except the
/// system groups "* myContacts" ("* My Contacts" in older files), "* starred" and "* other"
/// (older system groups like
/// "* Friends" become the circle "Friends"); Notes, Birthday, the organization's name and title
/// are kept. The Photo column is a URL and is never fetched. Rows are keyed by their first
/// identity, else name. Bad values are warnings "contacts.csv:LINE". Progress in bytes.
class GoogleCsvImporter final : public core::Importer {
  public:
    std::string_view kind() const override { return "google-csv"; }
    std::string_view description() const override {
        return "Google Contacts export (contacts.csv, Google CSV format)";
    }
    std::string_view file_patterns() const override { return "*.csv"; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;

    /// The import of `in` (named `name` in warnings, `total` bytes or 0), for tests and fuzzing.
    static core::Result<void> import_stream(std::istream& in, const std::string& name,
                                            std::uint64_t total, core::RecordSink& sink,
                                            core::Progress& progress);
};

/// Splits a Google multi-value field at " ::: " and trims each value; empty values are dropped.
std::vector<std::string> split_google_values(std::string_view field);

}  // namespace kith::import
