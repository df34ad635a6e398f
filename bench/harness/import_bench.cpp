#include "bench/harness/import_bench.h"

#include <nlohmann/json.hpp>

#include "bench/harness/child_run.h"
#include "import/importer_registry.h"

namespace kith::bench {

namespace fs = std::filesystem;

namespace {

/// The counts `kith-cli import --json` printed.
struct ImportCounts {
    std::uint64_t added = 0, updated = 0, skipped = 0, warnings = 0;
    std::string first_warning;
};

ImportCounts parse_counts(const ChildRun& run) {
    const auto j = nlohmann::json::parse(run.out, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw std::runtime_error("kith-cli printed no JSON: " + run.out.substr(0, 200) +
                                 run.err.substr(0, 400));
    ImportCounts c;
    c.added = j.value("added", 0ULL);
    c.updated = j.value("updated", 0ULL);
    c.skipped = j.value("skipped", 0ULL);
    c.warnings = j.value("warnings", 0ULL);
    if (const auto m = j.find("messages"); m != j.end() && m->is_array() && !m->empty())
        c.first_warning = (*m)[0].value("location", "") + ": " + (*m)[0].value("message", "");
    return c;
}

ChildRun import_once(const BenchPaths& paths, const fs::path& db, const InputExpectation& in) {
    std::vector<std::string> argv = {paths.cli.string(),
                                     "--db",
                                     db.string(),
                                     "import",
                                     in.kind,
                                     (paths.corpus / in.file).string(),
                                     "--json"};
    for (const auto& [k, v] : in.options) {
        argv.push_back("--option");
        argv.push_back(k + "=" + v);
    }
    return run_child(argv);
}

/// Interactions and follow edges in the database, from `kith-cli stats --json`.
std::pair<std::uint64_t, std::uint64_t> stored(const BenchPaths& paths, const fs::path& db) {
    const auto run = run_child({paths.cli.string(), "--db", db.string(), "stats", "--json"});
    const auto j = nlohmann::json::parse(run.out, nullptr, false);
    if (run.exit_code != 0 || j.is_discarded() || !j.is_object())
        throw std::runtime_error("kith-cli stats failed: " + run.err.substr(0, 300));
    return {j.value("interactions", 0ULL), j.value("follow_edges", 0ULL)};
}

std::uint64_t db_bytes(const fs::path& db) {
    std::uint64_t n = 0;
    for (const char* ext : {"", "-wal"}) {
        std::error_code ec;
        const auto s = fs::file_size(db.string() + ext, ec);
        if (!ec) n += s;
    }
    return n;
}

/// The counts of a first import against the generator's, then a second import that must add
/// nothing and change no count.
void check_counts(const BenchPaths& paths, const fs::path& db, const InputExpectation& in,
                  const ImportCounts& c, BenchResults& results) {
    const auto [interactions, follows] = stored(paths, db);
    const auto n = [](std::uint64_t v) { return static_cast<unsigned long long>(v); };
    if (c.warnings != 0 || (in.exact && (interactions != in.interactions || follows != in.follows ||
                                         c.skipped != in.skipped)))
        results.fail(strf("import %s: %llu interactions, %llu follows, %llu skipped, %llu "
                          "warnings; expected %llu, %llu, %llu, 0",
                          in.kind.c_str(), n(interactions), n(follows), n(c.skipped), n(c.warnings),
                          n(in.interactions), n(in.follows), n(in.skipped)) +
                     (c.first_warning.empty() ? "" : " (first warning: " + c.first_warning + ")"));
    // Re-importing the same input must not add anything (stable ext ids).
    const auto again = import_once(paths, db, in);
    if (again.exit_code != 0)
        return results.fail("re-import " + in.kind + " exited " + std::to_string(again.exit_code) +
                            ": " + again.err.substr(0, 300));
    const auto c2 = parse_counts(again);
    const auto [interactions2, follows2] = stored(paths, db);
    if (c2.added != 0 || interactions2 != interactions || follows2 != follows)
        results.fail(strf("re-import %s added %llu records (%llu interactions, %llu follows now)",
                          in.kind.c_str(), n(c2.added), n(interactions2), n(follows2)));
}

}  // namespace

std::uint64_t input_bytes(const fs::path& p) {
    if (!fs::is_directory(p)) return fs::file_size(p);
    std::uint64_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file()) n += e.file_size();
    return n;
}

std::vector<ImportFigures> run_import_bench(const BenchPaths& paths, const CorpusManifest& manifest,
                                            bool check, BenchResults& results) {
    std::vector<ImportFigures> figures;
    for (const auto& in : manifest.inputs) {
        if (!import::make_importer(in.kind)) {
            results.add("import " + in.kind, "not in this build: skipped");
            continue;
        }
        const fs::path db = paths.work / (in.kind + ".db");
        for (const char* ext : {"", "-wal", "-shm"}) fs::remove(db.string() + ext);
        for (const auto& id : manifest.my_identities) {
            const auto me =
                run_child({paths.cli.string(), "--db", db.string(), "me", "add-identity", id});
            if (me.exit_code != 0) results.fail("me add-identity " + id + ": " + me.err);
        }
        const auto run = import_once(paths, db, in);
        if (run.exit_code != 0) {
            results.fail("import " + in.kind + " exited " + std::to_string(run.exit_code) + ": " +
                         run.err.substr(0, 400));
            continue;
        }
        ImportCounts c;
        try {
            c = parse_counts(run);
        } catch (const std::exception& e) {
            results.fail("import " + in.kind + ": " + e.what());
            continue;
        }
        ImportFigures f;
        f.kind = in.kind;
        f.seconds = run.wall_s;
        f.cpu_seconds = run.cpu_s;
        f.megabytes = static_cast<double>(input_bytes(paths.corpus / in.file)) / 1e6;
        f.records = static_cast<double>(c.added + c.updated + c.skipped);
        f.peak_rss_mb = run.peak_rss_mb;
        f.db_megabytes = static_cast<double>(db_bytes(db)) / 1e6;
        f.added = c.added;
        results.add("import " + in.kind + " (" + strf("%.0f", f.records) + " records, " +
                        strf("%.1f", f.megabytes) + " MB)",
                    strf("%.0f records/s, %.1f MB/s (%.0f records per CPU-s), %ld MB RSS",
                         f.records / f.seconds, f.megabytes / f.seconds, f.records / run.cpu_s,
                         f.peak_rss_mb));
        figures.push_back(f);
        if (!check) continue;
        try {
            check_counts(paths, db, in, c, results);
        } catch (const std::exception& e) {
            results.fail("import " + in.kind + ": " + e.what());
        }
    }
    return figures;
}

}  // namespace kith::bench
