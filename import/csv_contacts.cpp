#include "import/csv_contacts.h"

#include <filesystem>
#include <fstream>

#include "import/contact_fields.h"
#include "import/input_file.h"

namespace kith::import {

namespace {

constexpr int kMaxPreamble = 20;

}  // namespace

core::Result<void> import_csv_contacts(std::istream& in, const std::string& name,
                                       std::uint64_t total, const CsvContactFormat& format,
                                       core::RecordSink& sink, core::Progress& progress) {
    CsvReader reader(in);
    std::vector<std::string> row;
    CsvHeader header;
    bool found = false;
    for (int i = 0; i < kMaxPreamble && reader.next(row); ++i) {
        CsvHeader candidate(row);
        if (format.is_header(candidate)) {
            header = std::move(candidate);
            found = true;
            break;
        }
    }
    if (reader.bad()) return read_error(name, reader.offset());
    if (!found)
        return core::make_error(core::ErrorCode::format,
                                name + " is not " + format.what +
                                    ": no header row found in its first " +
                                    std::to_string(kMaxPreamble) + " lines",
                                format.hint);
    ContactKeys keys;
    std::vector<std::string> problems;
    std::uint64_t rows = 0;
    while (reader.next(row)) {
        if (progress.cancelled()) return cancelled_error(name);
        const auto where = name + ":" + std::to_string(reader.line());
        if (reader.oversized()) {
            sink.warning({where, "record longer than 1 MiB skipped (an unclosed quote?)"});
            continue;
        }
        if (reader.unterminated())
            sink.warning({where, "quoted field not closed before the end of the file"});
        auto contact = format.map_row(header, row, problems);
        for (const auto& p : problems) sink.warning({where, p});
        problems.clear();
        if (contact.display_name.empty() && contact.identities.empty()) {
            sink.warning({where, "row with neither a name nor an identity skipped"});
            continue;
        }
        if (contact.ext_id.empty())
            contact.ext_id =
                "row:" + name_key(contact.display_name) +
                (contact.identities.empty() ? "" : "|" + contact.identities.front().value);
        contact.ext_id = keys.unique(std::move(contact.ext_id));
        for (auto& e : contact.events) e.ext_id = contact.ext_id;
        if (auto r = sink.contact(contact); !r) return r;
        if (++rows % 256 == 0) progress.update(reader.offset(), total, "bytes");
    }
    if (reader.bad()) return read_error(name, reader.offset());
    progress.update(reader.offset(), total, "bytes");
    return {};
}

core::Result<void> import_csv_contacts_file(const core::ImportRequest& req,
                                            const CsvContactFormat& format, core::RecordSink& sink,
                                            core::Progress& progress) {
    auto file = open_input_file(req.location, format.what, format.hint);
    if (!file) return file.error();
    std::ifstream in(req.location, std::ios::binary);
    if (!in) return read_error(req.location, 0);
    return import_csv_contacts(in, std::filesystem::path(req.location).filename().string(),
                               file->size, format, sink, progress);
}

}  // namespace kith::import
