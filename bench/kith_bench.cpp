// kith-bench: generates a demo database at a realistic scale and measures what users feel:
// demo generation, the Today digest, search, a person's timeline, the people list, file size.
//
//   kith-bench [--people N] [--db PATH] [--reuse] [--check]
//
// --check (used by CI at a small size) fails only on wrong counts or errors, never on time.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bench/process_usage.h"
#include "core/progress.h"
#include "core/time.h"
#include "core/when_parser.h"
#include "db/database.h"
#include "db/import_runner.h"
#include "db/people_repo.h"
#include "db/stats_repo.h"
#include "db/timeline_repo.h"
#include "db/today_queries.h"
#include "import/importer_registry.h"

namespace fs = std::filesystem;
using namespace kith;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Percentiles {
    double p50 = 0, p95 = 0, max = 0;
};

Percentiles measure(int runs, const std::function<void(int)>& fn) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        fn(i);
        t.push_back(ms_since(start));
    }
    std::sort(t.begin(), t.end());
    auto at = [&](double q) {
        return t[std::min(t.size() - 1, static_cast<std::size_t>(q * t.size()))];
    };
    return {at(0.5), at(0.95), t.back()};
}

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "kith-bench: %s\n", what.c_str());
    std::exit(1);
}

template <class T>
T must(core::Result<T> r, const char* what) {
    if (!r) die(std::string(what) + ": " + r.error().message);
    return std::move(r.value());
}

/// Swallows records: measures the generator alone, without the database.
class NullSink final : public core::RecordSink {
  public:
    std::uint64_t records = 0;
    core::Result<void> interaction(const core::InteractionRecord&) override { return count(); }
    core::Result<void> follow_edge(const core::FollowEdgeRecord&) override { return count(); }
    core::Result<void> contact(const core::ContactRecord&) override { return count(); }
    core::Result<void> followup(const core::FollowUpRecord&) override { return count(); }
    void warning(core::ImportWarning) override {}
    void skipped(std::uint64_t, std::string_view) override {}
    bool is_me(const core::Identity&) const override { return false; }
    std::optional<std::string> cursor() const override { return std::nullopt; }
    void set_cursor(std::string) override {}

  private:
    core::Result<void> count() {
        ++records;
        return {};
    }
};

}  // namespace

using kith::bench::peak_rss_mb;

int main(int argc, char** argv) {
    int people = 50'000;
    bool reuse = false, check = false;
    fs::path path;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--people" && i + 1 < argc)
            people = std::atoi(argv[++i]);
        else if (a == "--db" && i + 1 < argc)
            path = argv[++i];
        else if (a == "--reuse")
            reuse = true;
        else if (a == "--check")
            check = true;
        else {
            std::fprintf(stderr,
                         "usage: kith-bench [--people N] [--db PATH] [--reuse] [--check]\n");
            return 2;
        }
    }
    if (people < 1) die("--people must be at least 1");
    if (path.empty())
        path = fs::temp_directory_path() / ("kith-bench-" + std::to_string(people) + ".db");
    const auto now = core::parse_iso("2026-11-25T12:00:00Z").value();

    std::printf("Kith benchmark: %d people, database %s\n\n", people, path.c_str());
    double generate_ms = 0;
    if (!reuse || !fs::exists(path)) {
        for (const char* ext : {"", "-wal", "-shm"}) fs::remove(path.string() + ext);
        auto db = must(db::Database::open(path), "open");
        auto importer = import::make_importer("demo");
        core::ImportRequest req{
            "demo",
            "generated",
            {{"people", std::to_string(people)}, {"now", core::format_iso(now)}}};
        core::NullProgress progress;
        NullSink null_sink;
        const auto gen_start = Clock::now();
        if (auto g = importer->run(req, null_sink, progress); !g)
            die("generate: " + g.error().message);
        const double gen_ms = ms_since(gen_start);
        std::printf("%-34s %10.0f ms  (%llu records, %.0f records/s)\n", "demo generation alone",
                    gen_ms, static_cast<unsigned long long>(null_sink.records),
                    null_sink.records / (gen_ms / 1000.0));
        const auto start = Clock::now();
        const auto r = must(db::run_import(*db, *importer, req, progress, now), "demo");
        generate_ms = ms_since(start);
        std::printf("%-34s %10.0f ms  (%llu records, %.0f records/s)\n",
                    "demo generation + database import", generate_ms,
                    static_cast<unsigned long long>(r.counts.added),
                    r.counts.added / (generate_ms / 1000.0));
    }
    auto db = must(db::Database::open(path), "open");
    const auto stats = must(db::load_stats(*db), "stats");

    db::TodayOptions opt;
    opt.now = now;
    opt.due_by = core::end_of_local_day(now, std::chrono::seconds{0});
    opt.limit = 100;  // what `kith-cli today` and the app show; every candidate is still ranked
    core::TodayDigest digest;
    db::TodayCounts counts;
    const auto today =
        measure(30, [&](int) { digest = must(db::load_today(*db, opt, &counts), "today"); });
    std::printf("%-34s %10.1f ms p50  %6.1f ms p95   (%zu owe, %zu waiting, %zu cold, %zu due)\n",
                "today digest (top 100 of each)", today.p50, today.p95, counts.owe_reply,
                counts.waiting, counts.going_cold, counts.followups);

    const std::vector<std::string> queries = {
        "grant",     "conference", "report",    "ana",         "jos",     "müller",   "devconf",
        "mastodon",  "coffee",     "budget",    "open source", "nguyen",  "workshop", "thanks",
        "blog post", "board",      "volunteer", "podcast",     "invoice", "Łukasz"};
    db::PeopleRepo people_repo(*db);
    db::TimelineRepo timeline(*db);
    std::size_t hits = 0;
    const auto search = measure(static_cast<int>(queries.size()) * 3, [&](int i) {
        const auto& q = queries[static_cast<std::size_t>(i) % queries.size()];
        hits += must(people_repo.search(q, 20), "search people").size();
        hits += must(timeline.search(q, 20), "search").size();
    });
    std::printf("%-34s %10.1f ms p50  %6.1f ms p95   (%zu hits over %zu queries)\n",
                "search (people + interactions)", search.p50, search.p95, hits, queries.size() * 3);

    const auto list_start = Clock::now();
    const auto everyone = must(people_repo.list({}), "list");
    std::printf("%-34s %10.1f ms  (%zu people)\n", "people list, all rows", ms_since(list_start),
                everyone.size());

    const auto tl = measure(50, [&](int i) {
        const auto& p = everyone[static_cast<std::size_t>(i * 997) % everyone.size()];
        must(timeline.for_person(p.id, std::nullopt, 50), "timeline");
    });
    std::printf("%-34s %10.1f ms p50  %6.1f ms p95\n", "person timeline, first 50", tl.p50, tl.p95);

    const auto bytes = fs::file_size(path);
    std::printf("%-34s %10.1f MB  (%.1f MB per 100k interactions)\n", "database size", bytes / 1e6,
                stats.interactions ? bytes / 1e6 * 100000.0 / stats.interactions : 0.0);
    std::printf("%-34s %10ld MB\n", "peak RSS of this process", peak_rss_mb());
    std::printf(
        "\npeople %lld, interactions %lld, identities %lld, follow edges %lld, follow-ups %lld\n",
        static_cast<long long>(stats.people), static_cast<long long>(stats.interactions),
        static_cast<long long>(stats.identities), static_cast<long long>(stats.follow_edges),
        static_cast<long long>(stats.followups));

    if (check) {
        // Counts only: the generator averages ~40 interactions a person.
        std::string wrong;
        if (stats.people != people) wrong += " people=" + std::to_string(stats.people);
        if (stats.interactions < people * 20LL || stats.interactions > people * 80LL)
            wrong += " interactions=" + std::to_string(stats.interactions);
        if (digest.owe_reply.empty() || digest.going_cold.empty()) wrong += " empty digest";
        if (hits == 0) wrong += " no search hits";
        if (!wrong.empty()) die("wrong counts:" + wrong);
        std::printf("check: ok\n");
    }
    return 0;
}
