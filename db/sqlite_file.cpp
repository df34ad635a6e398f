#include "db/sqlite_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <sqlite3.h>

#include <cstring>
#include <memory>
#include <string_view>

namespace kith::db {

bool has_sqlite_header(const std::filesystem::path& path) {
    // Read through SQLite's own file layer, never through a descriptor of our own: POSIX record
    // locks belong to the process, and closing any descriptor of a file drops every lock this
    // process's connections hold on it (sqlite.org/howtocorrupt.html, 2.2). Another process then
    // takes this one for gone, checkpoints and deletes the WAL and its index under its feet:
    // lost commits and indexes out of step with their tables. SQLite's unix VFS keeps such a
    // descriptor open until those locks are released.
    sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);
    if (!vfs) return false;
    std::string full(static_cast<std::size_t>(vfs->mxPathname) + 1, '\0');
    if (vfs->xFullPathname(vfs, path.c_str(), vfs->mxPathname + 1, full.data()) != SQLITE_OK)
        return false;
    std::unique_ptr<sqlite3_file, void (*)(void*)> file(
        static_cast<sqlite3_file*>(sqlite3_malloc(vfs->szOsFile)), sqlite3_free);
    if (!file) return false;
    std::memset(file.get(), 0, static_cast<std::size_t>(vfs->szOsFile));
    int out_flags = 0;
    const int opened = vfs->xOpen(vfs, full.c_str(), file.get(),
                                  SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &out_flags);
    // On failure xOpen may still have set pMethods; then xClose is due all the same.
    char magic[16] = {};
    int read = SQLITE_CANTOPEN;
    if (opened == SQLITE_OK) read = file->pMethods->xRead(file.get(), magic, sizeof magic, 0);
    if (file->pMethods) file->pMethods->xClose(file.get());
    return read == SQLITE_OK && std::string_view(magic, 15) == "SQLite format 3";
}

std::string shell_quoted(const std::filesystem::path& path) {
    const std::string s = path.string();
    if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                          "0123456789/._-+=:,@%") == std::string::npos)
        return s;
    std::string quoted = "'";
    for (const char c : s) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

void sync_path(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

}  // namespace kith::db
