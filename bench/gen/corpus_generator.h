#pragma once
// kith-gen's whole job, callable from kith-bench too: write every generated input for a size.

#include <cstdint>
#include <filesystem>

#include "bench/gen/corpus_manifest.h"
#include "bench/gen/corpus_size.h"

namespace kith::bench {

/// Writes every input of `size` into `dir` (created; existing generated files are replaced)
/// and its manifest.json. Deterministic for (size, seed). Throws std::runtime_error on I/O
/// failure.
CorpusManifest generate_corpus(const CorpusSize& size, std::uint64_t seed,
                               const std::filesystem::path& dir);

}  // namespace kith::bench
