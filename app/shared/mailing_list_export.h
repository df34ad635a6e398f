#pragma once
// Exporting a mailing list: consent-checked selection + the tool's CSV, for both programs.

#include <cstddef>
#include <iosfwd>
#include <string>

#include "core/mailing_list_csv.h"
#include "core/result.h"
#include "db/database.h"

namespace kith::app {

struct MailingListSummary {
    std::size_t rows = 0;
    std::size_t unconsented = 0;  ///< rows without opted_in (only with include_unconsented)
};

/// Writes the opted-in people of `list` (plus, with `include_unconsented`, followers with a
/// known email who have not opted out — the caller must say so to the user) as `format`'s CSV to
/// `out`. Errors: database failures.
core::Result<MailingListSummary> export_mailing_list(db::Database& db, std::ostream& out,
                                                     core::MailingListFormat format,
                                                     const std::string& list,
                                                     bool include_unconsented);

}  // namespace kith::app
