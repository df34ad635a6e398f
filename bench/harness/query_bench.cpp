#include "bench/harness/query_bench.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

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

namespace kith::bench {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// This thread's CPU time in ms: unlike wall time, it does not count the neighbours' work.
double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct Percentiles {
    double p50 = 0, p95 = 0, cpu_p50 = 0, cpu_p95 = 0;
    /// "12.0 ms p50, 20.1 ms p95 (CPU 10.2 / 15.0 ms)"
    std::string text() const {
        return strf("%.1f ms p50, %.1f ms p95 (CPU %.1f / %.1f ms)", p50, p95, cpu_p50, cpu_p95);
    }
};

Percentiles measure(int runs, const std::function<void(int)>& fn) {
    std::vector<double> wall, cpu;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        const double cpu0 = thread_cpu_ms();
        fn(i);
        cpu.push_back(thread_cpu_ms() - cpu0);
        wall.push_back(ms_since(start));
    }
    const auto at = [](std::vector<double>& t, double q) {
        std::sort(t.begin(), t.end());
        return t[std::min(t.size() - 1,
                          static_cast<std::size_t>(q * static_cast<double>(t.size())))];
    };
    return {at(wall, 0.5), at(wall, 0.95), at(cpu, 0.5), at(cpu, 0.95)};
}

template <class T>
T must(core::Result<T> r, const char* what) {
    if (!r) throw std::runtime_error(std::string(what) + ": " + r.error().message);
    return std::move(r.value());
}

}  // namespace

void run_query_bench(const fs::path& path, int people, bool reuse, bool check,
                     BenchResults& results) try {
    const auto now = core::parse_iso("2026-11-25T12:00:00Z").value();
    if (!reuse || !fs::exists(path)) {
        for (const char* ext : {"", "-wal", "-shm"}) fs::remove(path.string() + ext);
        auto db = must(db::Database::open(path), "open");
        auto importer = import::make_importer("demo");
        const core::ImportRequest req{
            "demo",
            "generated",
            {{"people", std::to_string(people)}, {"now", core::format_iso(now)}}};
        core::NullProgress progress;
        const auto start = Clock::now();
        const auto r = must(db::run_import(*db, *importer, req, progress, now), "demo");
        const double s = ms_since(start) / 1000.0;
        results.add(strf("demo database, %d people", people),
                    strf("%.1f s (%.0f records/s)", s, static_cast<double>(r.counts.added) / s));
    }
    auto db = must(db::Database::open(path), "open");
    const auto stats = must(db::load_stats(*db), "stats");
    const std::string scale =
        strf("%lld people / %lld interactions", static_cast<long long>(stats.people),
             static_cast<long long>(stats.interactions));

    db::TodayOptions opt;
    opt.now = now;
    opt.due_by = core::end_of_local_day(now, std::chrono::seconds{0});
    opt.limit = 100;  // what `kith-cli today` and the app show; every candidate is still ranked
    core::TodayDigest digest;
    db::TodayCounts counts;
    const auto today =
        measure(30, [&](int) { digest = must(db::load_today(*db, opt, &counts), "today"); });
    results.add("Today digest at " + scale, today.text(), "≤ 50 ms");

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
    results.add("FTS search (people + interactions)", search.text(), "p95 ≤ 30 ms");

    const auto list_start = Clock::now();
    const auto everyone = must(people_repo.list({}), "list");
    results.add(strf("People list load, %zu people", everyone.size()),
                strf("%.0f ms", ms_since(list_start)));

    const auto tl = measure(50, [&](int i) {
        const auto& p = everyone[static_cast<std::size_t>(i * 997) % everyone.size()];
        must(timeline.for_person(p.id, std::nullopt, 50), "timeline");
    });
    results.add("person timeline, first 50", tl.text());

    const auto bytes = static_cast<double>(fs::file_size(path));
    results.add(
        "demo database size",
        strf("%.0f MB (%.1f MB per 100k interactions)", bytes / 1e6,
             stats.interactions ? bytes / 1e6 * 1e5 / static_cast<double>(stats.interactions)
                                : 0.0));
    if (!check) return;
    // Counts only: the generator averages ~40 interactions a person.
    if (stats.people != people)
        results.fail(strf("demo: %lld people", static_cast<long long>(stats.people)));
    if (stats.interactions < people * 20LL || stats.interactions > people * 80LL)
        results.fail(strf("demo: %lld interactions", static_cast<long long>(stats.interactions)));
    if (digest.owe_reply.empty() || digest.going_cold.empty()) results.fail("demo: empty digest");
    if (hits == 0) results.fail("demo: no search hits");
} catch (const std::exception& e) {
    results.fail(std::string("queries: ") + e.what());
}

}  // namespace kith::bench
