#pragma once
// Running an import of hostile input in a child process: its peak memory and time are measured
// (getrusage of that child alone), its working folder and TMPDIR are watched for anything it
// writes outside the database, and a crash cannot take the test runner down with it.

#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
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
    bool exited = false;      ///< false: killed by a signal (a crash, an abort)
    int exit_code = -1;       ///< 0 the import completed, 1 it returned an Error
    std::string report;       ///< "added=… warnings=… | first warning" or "ERROR: message"
    long peak_rss_kib = 0;    ///< the child's own peak resident memory
    long peak_heap_kib = -1;  ///< under ASan: the peak of the child's live heap (see below)
    double seconds = 0;

    /// The memory an import's bound is checked against: peak RSS, or under ASan the peak live
    /// heap (ASan's shadow memory and its quarantine of freed blocks, up to 256 MiB, make RSS
    /// say nothing about what the import holds; a line held whole still shows in the heap).
    long peak_memory_kib() const;
    /// What peak_memory_kib() measured, for messages.
    std::string memory_report() const {
        return "peak RSS " + std::to_string(peak_rss_kib / 1024) + " MiB" +
               (peak_heap_kib >= 0 ? ", peak live heap " + std::to_string(peak_heap_kib / 1024) +
                                         " MiB (the bound's measure under ASan)"
                                   : std::string());
    }
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

// KITH_TEST_UNDER_ASAN: 1 when this build runs under AddressSanitizer (GCC or clang).
#if defined(__SANITIZE_ADDRESS__)
#define KITH_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KITH_TEST_UNDER_ASAN 1
#endif
#endif
#ifndef KITH_TEST_UNDER_ASAN
#define KITH_TEST_UNDER_ASAN 0
#endif

/// True when this build runs under AddressSanitizer.
constexpr bool kUnderAsan = KITH_TEST_UNDER_ASAN;

inline long ChildImport::peak_memory_kib() const {
    return kUnderAsan ? peak_heap_kib : peak_rss_kib;
}

#if KITH_TEST_UNDER_ASAN
// The sanitizer allocator's hooks (sanitizer/allocator_interface.h, which GCC does not ship):
// called on every malloc and before every free, in the forked child only.
extern "C" int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void*,
                                                                             std::size_t),
                                                         void (*free_hook)(const volatile void*));
extern "C" std::size_t __sanitizer_get_allocated_size(const volatile void* p);

/// Live heap bytes allocated since the hooks were installed, and their peak.
inline std::atomic<long long> g_live_heap{0}, g_peak_heap{0};

/// Counts the child's live heap from now on; returns a reader of its peak in KiB.
inline long (*track_heap_peak())() {
    __sanitizer_install_malloc_and_free_hooks(
        [](const volatile void*, std::size_t size) {
            const auto now = g_live_heap += static_cast<long long>(size);
            auto peak = g_peak_heap.load(std::memory_order_relaxed);
            while (now > peak && !g_peak_heap.compare_exchange_weak(peak, now)) {
            }
        },
        [](const volatile void* p) {
            g_live_heap -= static_cast<long long>(__sanitizer_get_allocated_size(p));
        });
    return [] { return static_cast<long>(g_peak_heap.load() / 1024); };
}
#else
/// Without ASan, RSS is the measure: nothing to track.
inline long (*track_heap_peak())() {
    return [] { return -1L; };
}
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
        const auto peak_heap_kib = track_heap_peak();
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
        // The first line is the peak live heap (-1 without ASan), the rest the report.
        report = std::to_string(peak_heap_kib()) + "\n" + report;
        (void)!::write(fds[1], report.data(), report.size());
        ::_exit(code);  // no destructors of the parent's objects, no atexit handlers
    }
    ::close(fds[1]);
    ChildImport out;
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
        out.report.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    if (const auto nl = out.report.find('\n'); nl != std::string::npos) {
        out.peak_heap_kib = std::stol(out.report.substr(0, nl));
        out.report.erase(0, nl + 1);
    }
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
