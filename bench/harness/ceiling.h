#pragma once
// kith-bench --ceiling: what is the best any importer could do here? For each input imported end
// to end, the parse floor (kith-parse-bench: the importer into a counting sink, no database), the
// write floor (write_floor.h: the same rows straight through SQLite), and the best a perfect
// two-thread pipeline could reach, min(parse floor, write floor), each thread on its own core.
// For email, the GMime parse floor against `mu index` on the same Maildir.

#include <filesystem>
#include <vector>

#include "bench/gen/corpus_manifest.h"
#include "bench/harness/bench_results.h"
#include "bench/harness/email_comparison.h"
#include "bench/harness/import_bench.h"

namespace kith::bench {

/// Measures the floors of every input in `figures` that wrote interactions (its database is
/// paths.work/KIND.db, left by run_import_bench), prints the ceiling table and adds its figures
/// to `results`. `mu` is `mu index`'s time on the corpus's Maildir (zeros: not measured).
void run_ceiling(const BenchPaths& paths, const std::filesystem::path& parse_bench,
                 const CorpusManifest& manifest, const std::vector<ImportFigures>& figures,
                 const RunTime& mu, BenchResults& results);

}  // namespace kith::bench
