#pragma once
// Importing a folder tree with one message per file (Maildir, .eml folders).

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/importer.h"

namespace kith::import {

/// What the folder importers differ in: which files are messages and what a file's fallback time
/// is when its Date header is broken.
struct MessageFolderRules {
    std::string kind;  ///< "maildir", for messages
    std::string hint;  ///< what the folder should hold, for errors
    std::function<bool(const std::filesystem::path&)> is_message;
    std::function<std::optional<core::TimePoint>(const std::filesystem::path&)> fallback_time;
};

/// Imports every file under `root` (recursively, symbolic links not followed, unreadable
/// subfolders skipped) that `rules.is_message` accepts, each through EmailMessageParser with the
/// first MboxImporter::kKeepBytes of the file. A file that vanishes or cannot be read between the
/// walk and the read (a mail client moving new/ to cur/) is a warning. Progress is in bytes of
/// all message files (counted in a first walk); cancel is checked between files. Errors: `root`
/// missing or not a folder, or holding no message file at all.
core::Result<void> import_message_folder(const std::string& root, const MessageFolderRules& rules,
                                         core::RecordSink& sink, core::Progress& progress);

/// The modification time of a file, if it can be read.
std::optional<core::TimePoint> file_time(const std::filesystem::path& path);

}  // namespace kith::import
