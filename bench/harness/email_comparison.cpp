#include "bench/harness/email_comparison.h"

#include <fstream>

#include "bench/harness/child_run.h"

namespace kith::bench {

namespace fs = std::filesystem;

namespace {

bool installed(const std::string& program) {
    return run_child({"sh", "-c", "command -v " + program}).exit_code == 0;
}

/// Adds one tool's figure and its ratios to Kith's wall and CPU time.
void report(BenchResults& results, const std::string& label, const ChildRun& run,
            const RunTime& kith, const std::string& target) {
    if (run.exit_code != 0) {
        results.fail(label + " exited " + std::to_string(run.exit_code) + ": " +
                     run.err.substr(0, 300));
        return;
    }
    results.add(label,
                strf("%.1f s (%.1f CPU-s), %ld MB RSS", run.wall_s, run.cpu_s, run.peak_rss_mb));
    if (kith.wall_s > 0 && kith.cpu_s > 0)
        results.add("  Kith is faster than " + label + " by",
                    strf("%.1f× wall, %.1f× CPU", run.wall_s / kith.wall_s, run.cpu_s / kith.cpu_s),
                    target);
}

}  // namespace

RunTime run_email_comparison(const BenchPaths& paths, const fs::path& script_dir,
                             const std::string& my_address, const KithEmailTimes& kith,
                             BenchResults& results) {
    RunTime mu;
    const auto maildir = paths.corpus / "Maildir";
    if (installed("mu")) {
        const auto home = paths.work / "mu";
        fs::remove_all(home);
        const auto init =
            run_child({"mu", "init", "--quiet", "--muhome=" + home.string(),
                       "--maildir=" + maildir.string(), "--my-address=" + my_address});
        if (init.exit_code != 0)
            results.fail("mu init: " + init.err.substr(0, 300));
        else {
            const auto run = run_child({"mu", "index", "--quiet", "--muhome=" + home.string()});
            report(results, "mu index (same Maildir)", run, kith.maildir, "≥ 30×");
            if (run.exit_code == 0) mu = {run.wall_s, run.cpu_s};
        }
    } else {
        results.add("mu index (same Maildir)", "mu not installed (apt-get install maildir-utils)");
    }
    if (installed("notmuch")) {
        const auto db = paths.work / "notmuch";
        fs::remove_all(db);
        fs::create_directories(db);
        // mail_root apart from the database path: notmuch writes nothing into the corpus.
        const auto config = paths.work / "notmuch-config";
        std::ofstream(config) << "[database]\npath=" << db.string()
                              << "\nmail_root=" << maildir.string()
                              << "\n[user]\nprimary_email=" << my_address
                              << "\n[new]\ntags=new\n[maildir]\nsynchronize_flags=false\n";
        report(results, "notmuch new (same Maildir)",
               run_child({"notmuch", "new", "--quiet"}, {{"NOTMUCH_CONFIG", config.string()}}),
               kith.maildir, "");
    } else {
        results.add("notmuch new (same Maildir)", "notmuch not installed");
    }
    report(results, "Python mailbox header scan (same mbox)",
           run_child({"python3", (script_dir / "mbox_scan.py").string(),
                      (paths.corpus / "mail.mbox").string()}),
           kith.mbox, "");
    return mu;
}

}  // namespace kith::bench
