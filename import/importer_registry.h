#pragma once
// The importers Kith knows, by kind: what `kith-cli import KIND SRC` and the app's import dialog
// dispatch through.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/importer.h"

namespace kith::import {

/// One importer as listed by `import --help`.
struct ImporterInfo {
    std::string kind;                                   ///< "demo", "jsonl"…
    std::string description;                            ///< one line
    core::SourceShape shape = core::SourceShape::file;  ///< file, folder or URL
    std::string file_patterns;  ///< "*.mbox;*.mbx" for file pickers; empty = any file
};

/// A fresh importer for `kind` ("demo", "jsonl"…), or nullptr when no importer has that kind.
/// Thread-safe; each call returns a new, independent importer.
std::unique_ptr<core::Importer> make_importer(std::string_view kind);

/// Every known importer, sorted by kind. Thread-safe.
std::vector<ImporterInfo> importer_kinds();

}  // namespace kith::import
