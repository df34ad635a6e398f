#pragma once
// Passes over an archive's entries and streaming of the JSON arrays inside them, shared by the
// archive importers (Twitter .zip, Mastodon .tar.gz).

#include <cstdint>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/importer.h"
#include "import/archive_reader.h"
#include "import/json_element_stream.h"

namespace kith::import {

/// Calls `on_entry` for every regular file of the archive at `path`, in archive order. The
/// first Error (the archive's or the callback's) ends the pass and is returned.
core::Result<void> each_archive_file(
    const std::string& path, const ArchiveLimits& limits,
    const std::function<core::Result<void>(ArchiveReader&, const ArchiveEntry&)>& on_entry);

/// Progress of a run that reads an archive `passes` times: pass `pass` (0-based) maps the
/// reader's compressed position into [pass·size, (pass+1)·size) of a total of passes·size.
struct PassProgress {
    core::Progress& progress;
    std::uint64_t archive_bytes = 0;
    int passes = 1;
    int pass = 0;
    void report(const ArchiveReader& reader) const;
};

/// What every archive import starts with: the archive's file name as shown in locations
/// ("twitter-2026.zip") and the progress of its `passes` passes.
struct ArchiveRun {
    std::string shown;
    PassProgress pass;
};
ArchiveRun start_archive_run(const std::string& path, core::Progress& progress, int passes);

/// One element and where it is ("archive.zip:data/tweets.js#12").
using LocatedElement = std::function<core::Result<void>(const nlohmann::json&, const std::string&)>;

/// Streams the array elements of the current entry of `reader` (named `where` in messages),
/// checking for cancel and reporting progress between elements; an element over the size limit
/// becomes a warning on `sink`. With `options.validate_only`, `on_element` is never called.
core::Result<void> stream_entry_elements(ArchiveReader& reader, const std::string& where,
                                         const ElementStreamOptions& options,
                                         core::RecordSink& sink, const PassProgress& progress,
                                         const LocatedElement& on_element);

}  // namespace kith::import
