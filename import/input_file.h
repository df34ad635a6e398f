#pragma once
// Opening a file importers read, with the errors every file importer gives.

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace kith::import {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

/// An open input file and its size (0 when unknown).
struct InputFile {
    File file;
    std::uint64_t size = 0;
};

/// Opens `path` for reading. Errors: a directory (io; "PATH is a directory, not WHAT", with
/// `hint`), missing (not_found), unreadable (io), each with a hint.
core::Result<InputFile> open_input_file(const std::string& path, std::string_view what,
                                        std::string_view hint);

/// The error for a read failure after `offset` bytes of `path`.
core::Error read_error(const std::string& path, std::uint64_t offset);

/// The error for an import of `source` the user cancelled.
core::Error cancelled_error(const std::string& source);

}  // namespace kith::import
