#pragma once
// The loop both contact CSV importers (LinkedIn, Google) share: find the header, map each row to
// a contact, send it, report progress, honour cancel.

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "core/importer.h"
#include "import/csv_reader.h"

namespace kith::import {

/// How one CSV contact format reads its rows.
struct CsvContactFormat {
    std::string what;  ///< "a LinkedIn Connections.csv", for errors
    std::string hint;  ///< what to do when the header is not found
    /// True for the header row. Rows before it (LinkedIn's "Notes:" preamble) are skipped; when
    /// none of the first 20 records is a header, the import fails with a format error.
    std::function<bool(const CsvHeader&)> is_header;
    /// Maps a data row to a contact; problems with single fields go to `problems`. A contact
    /// with neither a name nor an identity is skipped with a warning.
    std::function<core::ContactRecord(const CsvHeader&, const std::vector<std::string>&,
                                      std::vector<std::string>& problems)>
        map_row;
};

/// Reads `in` (named `name` in warnings "NAME:LINE", `total` bytes or 0) in `format`, keying
/// contacts without an ext_id by name and first identity (see ContactKeys).
core::Result<void> import_csv_contacts(std::istream& in, const std::string& name,
                                       std::uint64_t total, const CsvContactFormat& format,
                                       core::RecordSink& sink, core::Progress& progress);

/// Opens `req.location` and runs import_csv_contacts on it.
core::Result<void> import_csv_contacts_file(const core::ImportRequest& req,
                                            const CsvContactFormat& format, core::RecordSink& sink,
                                            core::Progress& progress);

}  // namespace kith::import
