// kith-resolution-bench: identity resolution at scale on a generated multi-channel dataset.
//
//   kith-resolution-bench [--people N] [--dir PATH]
//
// Imports N generated people (default 57,000, about 50k people and 150k identities once
// resolved) without resolution, then times: the first full resolution pass, a re-check of
// everyone, and the incremental pass after a further 1,000-record import. Prints wall and CPU
// seconds and peak RSS. Outside CI tests: figures, never pass/fail on time.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <SQLiteCpp/Database.h>

#include "bench/process_usage.h"
#include "core/progress.h"
#include "core/time.h"
#include "db/database.h"
#include "db/identity_resolver.h"
#include "db/import_runner.h"
#include "import/jsonl_importer.h"
#include "tests/db/resolution_dataset.h"

namespace fs = std::filesystem;
using namespace kith;

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "kith-resolution-bench: %s\n", what.c_str());
    std::exit(1);
}

const core::TimePoint kNow = core::from_unix(1'795'000'000);

struct Timer {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    double cpu = bench::cpu_seconds();
    void print(const char* what) const {
        const double w =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
        std::printf("%-44s %8.2f s wall %8.2f s CPU\n", what, w, bench::cpu_seconds() - cpu);
    }
};

void import_file(db::Database& db, const std::string& file) {
    import::JsonlImporter importer;
    core::NullProgress progress;
    db::RunOptions options;
    options.resolve_identities = false;
    auto r = db::run_import(db, importer, {"jsonl", file, {}}, progress, kNow, options);
    if (!r) die(r.error().message);
}

void print_counts(const char* what, const db::ResolutionCounts& c) {
    std::printf("  %s: %lld people checked, %lld candidate pairs, %lld merged, %lld suggested\n",
                what, static_cast<long long>(c.people_checked),
                static_cast<long long>(c.candidates), static_cast<long long>(c.merged),
                static_cast<long long>(c.suggested));
}

void print_size(db::Database& db) {
    std::printf(
        "  database: %lld people, %lld identities\n",
        static_cast<long long>(db.sql().execAndGet("SELECT count(*) FROM people").getInt64()),
        static_cast<long long>(db.sql().execAndGet("SELECT count(*) FROM identities").getInt64()));
}

}  // namespace

int main(int argc, char** argv) {
    int people = 57000;
    fs::path dir = fs::temp_directory_path() / "kith-resolution-bench";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string opt = argv[i];
        if (opt == "--people")
            people = std::atoi(argv[i + 1]);
        else if (opt == "--dir")
            dir = argv[i + 1];
        else
            die("unknown option " + opt + " (expected --people N or --dir PATH)");
    }
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto first = (dir / "people.jsonl").string(), more = (dir / "more.jsonl").string();
    test::ResolutionDataset gen(3);
    const auto truth = gen.write(first, 0, people, "a");
    std::printf("generated %d true people, %lld records, %zu identities\n", people,
                static_cast<long long>(truth.lines), truth.owner.size());

    auto opened = db::Database::open(dir / "kith.db");
    if (!opened) die(opened.error().message);
    auto& db = **opened;
    {
        Timer t;
        import_file(db, first);
        t.print("import (no resolution)");
        print_size(db);
    }
    db::IdentityResolver resolver(db, kNow);
    {
        Timer t;
        auto r = resolver.resolve_new();
        if (!r) die(r.error().message);
        t.print("first resolution pass (index + resolve all)");
        print_counts("first pass", *r);
        print_size(db);
    }
    {
        Timer t;
        auto r = resolver.resolve_all();
        if (!r) die(r.error().message);
        t.print("full re-check of everyone");
        print_counts("re-check", *r);
    }
    // About 1,000 more records (400 people × ~2.5 records each).
    const auto added = gen.write(more, people, 400, "b");
    {
        Timer t;
        import_file(db, more);
        t.print("import of the next records (no resolution)");
    }
    {
        Timer t;
        auto r = resolver.resolve_new();
        if (!r) die(r.error().message);
        std::printf("incremental pass after a %lld-record import:\n",
                    static_cast<long long>(added.lines));
        t.print("  incremental resolution");
        print_counts("incremental", *r);
    }
    std::printf("peak RSS %ld MB\n", bench::peak_rss_mb());
    return 0;
}
