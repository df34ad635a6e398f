#pragma once
// What kith-gen wrote and what importing it must give: the exact counts the CI run checks.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kith::bench {

/// One generated input and what importing it into an empty database must give: `kith-cli
/// import` reports `skipped`, `kith-cli stats` counts the interactions and follow edges (contact
/// records an importer derives, e.g. commenters with a website, are its own business).
struct InputExpectation {
    std::string kind;                            ///< importer kind ("mbox", "twitter"…)
    std::string file;                            ///< relative to the corpus folder
    std::map<std::string, std::string> options;  ///< `-o KEY=VALUE` options
    std::uint64_t records = 0;       ///< records in the input (messages, tweets, posts…)
    std::uint64_t interactions = 0;  ///< interactions in the database afterwards
    std::uint64_t follows = 0;       ///< follow edges in the database afterwards
    std::uint64_t skipped = 0;       ///< records the importer skips on purpose
    /// False where the counts depend on an importer's choices the generator cannot know
    /// (contacts merging into people): then only crashes and errors fail the check.
    bool exact = true;
};

/// The corpus as a whole.
struct CorpusManifest {
    std::string size;
    std::uint64_t seed = 0;
    std::vector<std::string> my_identities;  ///< for `kith-cli me add-identity`
    std::vector<InputExpectation> inputs;
};

/// Writes DIR/manifest.json; throws std::runtime_error on I/O failure.
void write_manifest(const std::filesystem::path& dir, const CorpusManifest& m);
/// Reads DIR/manifest.json; throws std::runtime_error when missing or malformed.
CorpusManifest read_manifest(const std::filesystem::path& dir);

}  // namespace kith::bench
