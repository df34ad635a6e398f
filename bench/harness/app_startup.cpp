#include "bench/harness/app_startup.h"

#include <regex>

#include "bench/harness/child_run.h"

namespace kith::bench {

namespace fs = std::filesystem;

namespace {

/// The milliseconds of the trace line "kith: EVENT N ms after start", or -1.
long traced_ms(const std::string& err, const std::string& event) {
    std::smatch m;
    const std::regex line("kith: " + event + " ([0-9]+) ms after start");
    return std::regex_search(err, m, line) ? std::stol(m[1]) : -1;
}

}  // namespace

void run_app_startup(const fs::path& app, const fs::path& db, const fs::path& scratch,
                     BenchResults& results) {
    if (!fs::exists(app) || run_child({"sh", "-c", "command -v xvfb-run"}).exit_code != 0) {
        results.add("app start to first paint", "skipped (no GUI build or no xvfb-run)");
        return;
    }
    fs::create_directories(scratch);
    const auto run = run_child(
        {"xvfb-run", "-a", "-s", "-screen 0 1600x1200x24", app.string(), "--db", db.string()},
        {{"KITH_STARTUP_TRACE", "exit"},
         {"XDG_CONFIG_HOME", (scratch / "config").string()},
         {"XDG_DATA_HOME", (scratch / "data").string()}},
        120);
    const long paint = traced_ms(run.err, "first paint"),
               filled = traced_ms(run.err, "views filled");
    if (run.exit_code != 0 || paint < 0 || filled < 0) {
        results.fail("app startup: exit " + std::to_string(run.exit_code) + ", " +
                     run.err.substr(0, 400));
        return;
    }
    results.add("app start to first paint (demo database, Xvfb)", strf("%ld ms", paint),
                "≤ 500 ms");
    results.add("app start to every view filled",
                strf("%ld ms, %ld MB RSS", filled, run.peak_rss_mb));
}

}  // namespace kith::bench
