#pragma once
// Running an import of hostile input in a child process: its peak memory and time are measured
// (getrusage of that child alone), its working folder and TMPDIR are watched for anything it
// writes outside the database, and a crash cannot take the test runner down with it.

#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "db/import_runner.h"
#include "import/importer_registry.h"
#include "tests/db/test_db.h"

namespace kith::import::test {

namespace fs = std::filesystem;

/// What the child reported and what it cost.
struct ChildImport {
    bool exited = false;    ///< false: killed by a signal (a crash, an abort)
    int exit_code = -1;     ///< 0 the import completed, 1 it returned an Error
    std::string report;     ///< "added=… warnings=… | first warning" or "ERROR: message"
    long peak_rss_kib = 0;  ///< the child's own peak resident memory
    double seconds = 0;
};

/// Every file under `dir` with its size ("a/b.txt 12"), sorted, for before/after comparisons.
inline std::map<std::string, std::uintmax_t> files_under(const fs::path& dir) {
    std::map<std::string, std::uintmax_t> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto rel = fs::relative(it->path(), dir).string();
        out[rel] = it->is_regular_file(ec) ? it->file_size(ec) : 0;
    }
    return out;
}

/// True when this build runs under AddressSanitizer (its shadow memory and quarantine make peak
/// RSS meaningless, so memory bounds are only asserted without it).
constexpr bool kUnderAsan =
#if defined(__SANITIZE_ADDRESS__)
    true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    true;
#else
    false;
#endif
#else
    false;
#endif

/// A folder for one hostile import: the input, the database, and the child's working folder.
struct Scene {
    kith::test::TempDir dir;
    fs::path work = dir / "work";
    fs::path db = dir / "kith.db";
    Scene() {
        fs::create_directories(work);
        kith::test::open_db(db);  // created and migrated here: the child only imports
    }
};

/// Imports `source` as `kind` into the database `db_path` in a forked child whose working
/// folder and TMPDIR are `workdir` (which must exist); checks that the child wrote nothing
/// there (only the database, which may live elsewhere).
inline ChildImport import_in_child(const std::string& kind, const fs::path& source,
                                   const fs::path& db_path, const fs::path& workdir,
                                   std::map<std::string, std::string> options = {}) {
    const auto before = files_under(workdir);
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    std::fflush(nullptr);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        int code = 1;
        std::string report;
        if (::chdir(workdir.c_str()) == 0 && ::setenv("TMPDIR", workdir.c_str(), 1) == 0) {
            auto db = kith::test::open_db(db_path);
            auto importer = make_importer(kind);
            core::NullProgress progress;
            auto r = db::run_import(*db, *importer, {kind, source.string(), std::move(options)},
                                    progress, kith::test::kNow);
            if (r) {
                code = 0;
                report = "added=" + std::to_string(r->counts.added) +
                         " warnings=" + std::to_string(r->counts.warnings);
                for (const auto& w : r->counts.messages)
                    report += " | " + w.location + ": " + w.message;
            } else {
                report = "ERROR: " + r.error().message + " HINT: " + r.error().hint;
            }
        }
        (void)!::write(fds[1], report.data(), report.size());
        ::_exit(code);  // no destructors of the parent's objects, no atexit handlers
    }
    ::close(fds[1]);
    ChildImport out;
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
        out.report.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    struct rusage usage {};
    REQUIRE(::wait4(pid, &status, 0, &usage) == pid);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out.exited = WIFEXITED(status);
    out.exit_code = out.exited ? WEXITSTATUS(status) : -1;
    out.peak_rss_kib = usage.ru_maxrss;
    const auto after = files_under(workdir);
    CHECK_MESSAGE(after == before, "the import wrote into its working folder or TMPDIR");
    return out;
}

}  // namespace kith::import::test
