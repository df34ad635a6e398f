// kith-bench: Kith's one benchmark harness. Generates (or reuses) a corpus with kith-gen's
// generator, imports each input in a fresh `kith-cli import` process, compares the email import
// with mu, notmuch and a Python script, measures Today/search/People list on a demo database,
// runs the identity-resolution benchmark when built, times the app's first paint under Xvfb,
// with --ceiling measures what the best importer could do (parse and write floors, ceiling.h),
// and optionally rewrites the README's results table.
//
//   kith-bench [--size small|medium|large] [--work DIR] [--check] [--readme README.md]
//              [--kinds K1,K2] [--demo-people N] [--query-db DB] [--no-imports]
//              [--no-compare] [--no-queries] [--no-resolution] [--no-app] [--reuse]
//              [--ceiling]
//
// --query-db measures the queries on a copy of an existing database (e.g. one made by
// `kith-cli demo --people 50000`: 50k people / 2M interactions) instead of building the demo
// database, which takes many minutes at that scale.
//
// --check (the CI run at small size) fails on crashes, errors and wrong counts, never on time.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/gen/corpus_generator.h"
#include "bench/harness/app_startup.h"
#include "bench/harness/bench_results.h"
#include "bench/harness/ceiling.h"
#include "bench/harness/child_run.h"
#include "bench/harness/email_comparison.h"
#include "bench/harness/import_bench.h"
#include "bench/harness/query_bench.h"

namespace fs = std::filesystem;
using namespace kith::bench;

namespace {

struct Options {
    std::string size = "medium";
    fs::path work, readme;
    fs::path query_db;     ///< measure queries on a copy of this database instead of the demo
    std::string kinds;     ///< comma-separated importer kinds to run; empty = all
    long demo_people = 0;  ///< people in the query database; 0 = the size's
    bool check = false, imports = true, compare = true, queries = true, resolution = true,
         app = true, reuse = false, ceiling = false;
};

int usage() {
    std::fprintf(
        stderr,
        "usage: kith-bench [--size small|medium|large] [--work DIR] [--check] "
        "[--readme README.md] [--kinds K1,K2] [--demo-people N] [--query-db DB] [--no-imports] "
        "[--no-compare] [--no-queries] [--no-resolution] [--no-app] [--reuse] [--ceiling]\n");
    return 2;
}

/// The corpus in work/corpus: reused when its manifest says it is this size, else written.
CorpusManifest corpus(const CorpusSize& size, const fs::path& dir, BenchResults& results) {
    try {
        auto m = read_manifest(dir);
        if (m.size == size.name) return m;
    } catch (const std::exception&) {  // none yet or damaged: write it
    }
    const auto start = std::chrono::steady_clock::now();
    auto m = generate_corpus(size, 20261129, dir);
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    results.add("kith-gen --size " + size.name,
                strf("%.1f s, %.0f MB", s, static_cast<double>(input_bytes(dir)) / 1e6));
    return m;
}

/// The targets of the issue next to each import figure.
void import_targets(const std::vector<ImportFigures>& figures, BenchResults& results) {
    long peak = 0;
    for (const auto& f : figures) {
        peak = std::max(peak, f.peak_rss_mb);
        if (f.kind == "twitter" || f.kind == "wxr" || f.kind == "disqus")
            results.add("  " + f.kind + " records/s", strf("%.0f", f.records / f.seconds),
                        "≥ 200,000");
        if (f.kind == "maildir" && f.added)
            results.add("  database per 100k email interactions",
                        strf("%.1f MB", f.db_megabytes * 1e5 / static_cast<double>(f.added)),
                        "≤ 60 MB");
    }
    if (!figures.empty()) results.add("peak RSS of any import", strf("%ld MB", peak), "≤ 200 MB");
}

/// mu, notmuch and the Python scan beside Kith's email imports; returns mu index's time.
RunTime compare(const BenchPaths& paths, const CorpusManifest& manifest,
                const std::vector<ImportFigures>& figures, BenchResults& results) {
    KithEmailTimes kith;
    for (const auto& f : figures) {
        if (f.kind == "maildir") kith.maildir = {f.seconds, f.cpu_seconds};
        if (f.kind == "mbox") kith.mbox = {f.seconds, f.cpu_seconds};
    }
    return run_email_comparison(paths, KITH_BENCH_SCRIPT_DIR, manifest.my_identities.front(), kith,
                                results);
}

/// The identity-resolution benchmark (bench/resolution_bench.cpp) when this build has it.
void resolution(const fs::path& exe, BenchResults& results) {
    if (!fs::exists(exe)) {
        results.add("identity resolution", "not in this build: skipped");
        return;
    }
    const auto run = run_child({exe.string()});
    if (run.exit_code != 0)
        return results.fail("resolution bench exited " + std::to_string(run.exit_code) + ": " +
                            run.err.substr(0, 300));
    std::string last;
    for (std::size_t pos = 0; pos < run.out.size();) {
        auto nl = run.out.find('\n', pos);
        if (nl == std::string::npos) nl = run.out.size();
        if (nl > pos) last = run.out.substr(pos, nl - pos);
        pos = nl + 1;
    }
    results.add("identity resolution",
                strf("%s (%.1f s, %ld MB RSS)", last.c_str(), run.wall_s, run.peak_rss_mb));
}

}  // namespace

int main(int argc, char** argv) try {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--size" && i + 1 < argc)
            o.size = argv[++i];
        else if (a == "--work" && i + 1 < argc)
            o.work = argv[++i];
        else if (a == "--readme" && i + 1 < argc)
            o.readme = argv[++i];
        else if (a == "--check")
            o.check = true;
        else if (a == "--kinds" && i + 1 < argc)
            o.kinds = "," + std::string(argv[++i]) + ",";
        else if (a == "--demo-people" && i + 1 < argc)
            o.demo_people = std::atol(argv[++i]);
        else if (a == "--query-db" && i + 1 < argc)
            o.query_db = argv[++i];
        else if (a == "--no-queries")
            o.queries = false;
        else if (a == "--no-resolution")
            o.resolution = false;
        else if (a == "--no-imports")
            o.imports = false;
        else if (a == "--no-compare")
            o.compare = false;
        else if (a == "--no-app")
            o.app = false;
        else if (a == "--reuse")
            o.reuse = true;
        else if (a == "--ceiling")
            o.ceiling = true;
        else
            return usage();
    }
    const auto size = corpus_size(o.size);
    if (!size) return usage();
    if (o.work.empty()) o.work = fs::temp_directory_path() / ("kith-bench-" + o.size);
    fs::create_directories(o.work);
    const fs::path build = fs::canonical("/proc/self/exe").parent_path().parent_path();
    const BenchPaths paths{build / "app/cli/kith-cli", o.work / "corpus", o.work};
    std::printf("kith-bench --size %s: working in %s\n\n", o.size.c_str(), o.work.c_str());

    BenchResults results;
    std::vector<ImportFigures> figures;
    if (o.imports || o.compare) {
        auto manifest = corpus(*size, paths.corpus, results);
        if (!o.kinds.empty())
            std::erase_if(manifest.inputs, [&](const InputExpectation& in) {
                return o.kinds.find("," + in.kind + ",") == std::string::npos;
            });
        if (o.imports) figures = run_import_bench(paths, manifest, o.check, results);
        import_targets(figures, results);
        RunTime mu;
        if (o.compare) mu = compare(paths, manifest, figures, results);
        if (o.ceiling)
            run_ceiling(paths, build / "bench/kith-parse-bench", manifest, figures, mu, results);
    }
    const auto demo = o.work / "demo.db";
    if (o.queries) {
        const long people =
            o.demo_people > 0 ? o.demo_people : static_cast<long>(size->demo_people);
        run_query_bench(demo, o.query_db, static_cast<int>(people), o.reuse, o.check, results);
        if (o.resolution) resolution(build / "bench/kith-resolution-bench", results);
        if (o.app) run_app_startup(build / "app/gui/kith", demo, o.work / "app", results);
    }

    if (!o.readme.empty()) {
        std::string command = "kith-bench";
        for (int i = 1; i < argc; ++i)
            if (std::string(argv[i]) != "--readme" &&
                (i == 1 || std::string(argv[i - 1]) != "--readme"))
                command += std::string(" ") + argv[i];
        results.write_readme(o.readme, command);
        std::printf("\nresults table written to %s\n", o.readme.c_str());
    }
    if (results.failed()) {
        std::printf("\n%zu failure(s)\n", results.failures().size());
        return 1;
    }
    if (o.check) std::printf("\ncheck: ok\n");
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "kith-bench: %s\n", e.what());
    return 1;
}
