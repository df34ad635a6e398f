#pragma once
// Side by side on the same generated mail: Kith's Maildir import against `mu index`
// (maildir-utils) and `notmuch new`, and Kith's mbox import against a Python `mailbox` header
// scan (bench/mbox_scan.py), the "script it yourself" baseline. Tools that are not installed
// are reported as such.

#include <filesystem>

#include "bench/harness/bench_results.h"
#include "bench/harness/import_bench.h"

namespace kith::bench {

/// Wall and CPU seconds of one run.
struct RunTime {
    double wall_s = 0, cpu_s = 0;
};

/// What Kith took for the same inputs (0: not measured).
struct KithEmailTimes {
    RunTime maildir, mbox;
};

/// Runs the other tools on `paths.corpus`'s Maildir and mbox and adds their times and the
/// ratios to `results`. `script_dir` holds mbox_scan.py. Returns mu index's time (zeros when mu
/// did not run).
RunTime run_email_comparison(const BenchPaths& paths, const std::filesystem::path& script_dir,
                             const std::string& my_address, const KithEmailTimes& kith,
                             BenchResults& results);

}  // namespace kith::bench
