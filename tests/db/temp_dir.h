#pragma once
// Test helpers for files: a fresh temporary folder per test, file digests to prove that a file
// was not changed, ways to damage a file, and a probe for whether permissions are enforced.

#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace kith::test {

namespace fs = std::filesystem;

/// A new empty folder under the system temp folder, removed with everything in it (permissions
/// restored first) when the object goes out of scope. Never inside the user's data folders.
class TempDir {
  public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "kith-test-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        // A test may leave read-only folders behind; make them writable so they can be removed.
        fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
        for (auto it = fs::recursive_directory_iterator(m_path, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_directory(ec))
                fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
        }
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return m_path; }
    fs::path operator/(const fs::path& name) const { return m_path / name; }

  private:
    fs::path m_path;
};

/// The file's bytes.
inline std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Writes `content` byte for byte, creating missing folders.
inline void write_file(const fs::path& path, const std::string& content) {
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
}

/// "missing", "a folder", or the size and an FNV-1a 64 hash of the bytes: equal digests before
/// and after an operation show that it did not change the file. Reading a database file closes a
/// descriptor, which drops this process's POSIX locks on it: never digest a file while a SQLite
/// connection of this process holds it locked.
inline std::string file_digest(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return "missing";
    if (fs::is_directory(path, ec)) return "a folder";
    const auto bytes = read_file(path);
    std::uint64_t h = 1469598103934665603ull;
    for (const unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    std::ostringstream s;
    s << bytes.size() << " bytes, fnv1a " << std::hex << h;
    return s.str();
}

/// Names in a folder, sorted (to show that nothing was created next to a file).
inline std::vector<std::string> list_dir(const fs::path& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

/// Overwrites the middle third of the file with a fixed garbage pattern (a damaged disk sector
/// or a bad copy): the header stays intact, the tables behind it do not.
inline void overwrite_middle(const fs::path& path) {
    auto bytes = read_file(path);
    const auto from = bytes.size() / 3, to = 2 * bytes.size() / 3;
    for (auto i = from; i < to; ++i) bytes[i] = static_cast<char>((i * 131 + 7) & 0xff);
    write_file(path, bytes);
}

/// Cuts the file to half its size (an interrupted copy).
inline void truncate_half(const fs::path& path) {
    fs::resize_file(path, fs::file_size(path) / 2);
}

/// True when the OS refuses to create a file in `dir` (false when running as root, which
/// bypasses permission checks, or when `dir` is writable).
inline bool refuses_writes_into(const fs::path& dir) {
    const auto probe = dir / ".kith-write-probe";
    std::FILE* f = std::fopen(probe.c_str(), "w");
    if (!f) return true;
    std::fclose(f);
    std::error_code ec;
    fs::remove(probe, ec);
    return false;
}

/// The uid/gid of "nobody", for running a check without root's permission bypass.
inline constexpr uid_t kNobodyUid = 65534;
inline constexpr gid_t kNobodyGid = 65534;

/// Runs `fn` in a forked child that drops root privileges to nobody first, and returns the
/// child's exit code (fn's return value, 0–255); nullopt when privileges cannot be dropped. The
/// child must only compute and return: doctest assertions belong in the parent.
inline std::optional<int> run_as_nobody(const std::function<int()>& fn) {
    const pid_t pid = ::fork();
    if (pid < 0) return std::nullopt;
    if (pid == 0) {
        if (::setgroups(0, nullptr) != 0 || ::setgid(kNobodyGid) != 0 || ::setuid(kNobodyUid) != 0)
            ::_exit(255);
        ::_exit(fn() & 0xff);
    }
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return std::nullopt;
    if (WEXITSTATUS(status) == 255) return std::nullopt;
    return WEXITSTATUS(status);
}

/// Sets (or, with nullopt, removes) an environment variable for the scope, restoring it after.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, std::optional<std::string> value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value)
            ::setenv(name, value->c_str(), 1);
        else
            ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_old)
            ::setenv(m_name.c_str(), m_old->c_str(), 1);
        else
            ::unsetenv(m_name.c_str());
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    std::string m_name;
    std::optional<std::string> m_old;
};

}  // namespace kith::test
