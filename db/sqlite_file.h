#pragma once
// Facts about database files read without opening a connection, so foreign or damaged files are
// never opened for writing.

#include <filesystem>
#include <string>

namespace kith::db {

/// True when `path` starts with SQLite's header magic ("SQLite format 3"). Read through SQLite's
/// file layer, so it is safe on a file this process has open in other connections.
bool has_sqlite_header(const std::filesystem::path& path);

/// `path` quoted for a POSIX shell when it needs it, for commands shown to the user.
std::string shell_quoted(const std::filesystem::path& path);

/// Flushes `path` (a file or a folder) to disk; errors are ignored (best effort before a rename).
void sync_path(const std::filesystem::path& path);

}  // namespace kith::db
