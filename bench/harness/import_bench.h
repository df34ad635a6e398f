#pragma once
// Each generated input imported by a fresh `kith-cli import` process into a fresh database:
// records/s, MB/s, peak RSS, database size; with `check`, exact counts and a re-import that
// must add nothing.

#include <filesystem>
#include <string>
#include <vector>

#include "bench/gen/corpus_manifest.h"
#include "bench/harness/bench_results.h"

namespace kith::bench {

/// Where the harness finds things and puts its databases.
struct BenchPaths {
    std::filesystem::path cli;     ///< kith-cli
    std::filesystem::path corpus;  ///< the generated inputs (with manifest.json)
    std::filesystem::path work;    ///< databases and scratch
};

/// One input's import figures.
struct ImportFigures {
    std::string kind;
    double seconds = 0, cpu_seconds = 0, megabytes = 0, records = 0;
    long peak_rss_mb = 0;
    double db_megabytes = 0;
    std::uint64_t added = 0;
};

/// Imports every input of `manifest` whose kind this build knows; the others are reported as
/// skipped. Failures (non-zero exit, wrong counts with `check`) go to `results`.
std::vector<ImportFigures> run_import_bench(const BenchPaths& paths, const CorpusManifest& manifest,
                                            bool check, BenchResults& results);

/// The input's size in bytes (a folder: every file in it).
std::uint64_t input_bytes(const std::filesystem::path& p);

}  // namespace kith::bench
