#pragma once
// What users feel on a big database: the demo data set at the size's people count (50k people
// and ~2M interactions at large), then Today, search, the people list, a timeline and the file
// size, measured in this process.

#include <filesystem>

#include "bench/harness/bench_results.h"

namespace kith::bench {

/// Builds (or, with `reuse`, keeps) the demo database at `db` with `people` people — or, when
/// `from` is not empty, copies that database to `db` (the original is never written; an older
/// schema is upgraded in the copy) — and measures the queries. With `check`, wrong counts
/// (people, interactions, an empty digest, no search hits) are failures; times never are.
void run_query_bench(const std::filesystem::path& db, const std::filesystem::path& from, int people,
                     bool reuse, bool check, BenchResults& results);

}  // namespace kith::bench
