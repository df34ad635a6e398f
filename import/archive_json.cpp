#include "import/archive_json.h"

#include <filesystem>
#include <istream>

namespace kith::import {

using core::ErrorCode;
using core::make_error;
using core::Result;
using json = nlohmann::json;

Result<void> each_archive_file(
    const std::string& path, const ArchiveLimits& limits,
    const std::function<Result<void>(ArchiveReader&, const ArchiveEntry&)>& on_entry) {
    auto reader = ArchiveReader::open(path, limits);
    if (!reader) return reader.error();
    for (;;) {
        auto entry = (*reader)->next();
        if (!entry) return entry.error();
        if (!*entry) return {};
        if (!(*entry)->regular) continue;
        if (auto r = on_entry(**reader, **entry); !r) return r;
    }
}

void PassProgress::report(const ArchiveReader& reader) const {
    const auto total = archive_bytes * static_cast<std::uint64_t>(passes);
    const auto done = archive_bytes * static_cast<std::uint64_t>(pass) +
                      std::min(reader.position(), archive_bytes);
    progress.update(done, total, "bytes");
}

ArchiveRun start_archive_run(const std::string& path, core::Progress& progress, int passes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return {std::filesystem::path(path).filename().string(),
            PassProgress{progress, ec ? 0 : size, passes, 0}};
}

Result<void> stream_entry_elements(ArchiveReader& reader, const std::string& where,
                                   const ElementStreamOptions& options, core::RecordSink& sink,
                                   const PassProgress& progress, const LocatedElement& on_element) {
    EntryStreamBuf buf(reader);
    std::istream in(&buf);
    auto r = stream_json_elements(
        in, where, options, [&] { return buf.consumed(); },
        [&](json& e, std::uint64_t i) -> Result<void> {
            if (progress.progress.cancelled())
                return make_error(ErrorCode::cancelled,
                                  "import of " + reader.path() + " cancelled");
            if (i % 1024 == 0) progress.report(reader);
            return on_element(e, where + "#" + std::to_string(i + 1));
        },
        [&](std::uint64_t i) {
            sink.warning({where + "#" + std::to_string(i + 1),
                          "element larger than " + std::to_string(options.max_element_bytes >> 20) +
                              " MiB skipped"});
        });
    if (buf.error()) return *buf.error();  // a cap or damage, not the JSON's fault
    return r;
}

}  // namespace kith::import
