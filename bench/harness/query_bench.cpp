#include "bench/harness/query_bench.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/progress.h"
#include "core/time.h"
#include "core/when_parser.h"
#include "db/database.h"
#include "db/import_runner.h"
#include "db/people_list.h"
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

/// The search shapes users type, each measured as `kith-cli search` runs it (people, then
/// interactions). The demo vocabulary is small (a few hundred words), so "common" words match
/// a fifth of all interactions and the rare ones (first names, numbers) a few hundred or fewer.
struct SearchShape {
    const char* what;
    std::vector<std::string> queries;
};

const std::vector<SearchShape>& search_shapes() {
    static const std::vector<SearchShape> shapes = {
        {"a name", {"nguyen", "müller", "Łukasz", "ana", "jose", "adeyemi"}},
        {"a common word", {"conference", "report", "the", "grant", "post", "thanks"}},
        {"a rare word", {"luiza", "niccolo", "padraig", "198", "wojciech", "devconf"}},
        {"a prefix", {"conf", "jo", "re", "wor", "vol", "mü"}},
        {"two words",
         {"grant report", "open source", "blog post", "coffee budget", "ana conf", "thanks the"}},
    };
    return shapes;
}

/// The database to measure: `from` copied (so nothing writes the original), else the demo
/// database built at `people` (or kept, with `reuse`).
void prepare_database(const fs::path& path, const fs::path& from, int people, bool reuse,
                      core::TimePoint now, BenchResults& results) {
    if (!from.empty()) {
        for (const char* ext : {"", "-wal", "-shm"}) {
            fs::remove(path.string() + ext);
            if (fs::exists(from.string() + ext) && std::string_view(ext) != "-shm")
                fs::copy_file(from.string() + ext, path.string() + ext);
        }
        return;
    }
    if (reuse && fs::exists(path)) return;
    for (const char* ext : {"", "-wal", "-shm"}) fs::remove(path.string() + ext);
    auto db = must(db::Database::open(path), "open");
    auto importer = import::make_importer("demo");
    const core::ImportRequest req{
        "demo", "generated", {{"people", std::to_string(people)}, {"now", core::format_iso(now)}}};
    core::NullProgress progress;
    const auto start = Clock::now();
    const auto r = must(db::run_import(*db, *importer, req, progress, now), "demo");
    const double s = ms_since(start) / 1000.0;
    results.add(strf("demo database, %d people", people),
                strf("%.1f s (%.0f records/s)", s, static_cast<double>(r.counts.added) / s));
}

}  // namespace

void run_query_bench(const fs::path& path, const fs::path& from, int people, bool reuse, bool check,
                     BenchResults& results) try {
    const auto now = core::parse_iso("2026-11-25T12:00:00Z").value();
    prepare_database(path, from, people, reuse, now, results);
    const auto open_start = Clock::now();
    auto db = must(db::Database::open(path), "open");  // upgrades a copied older schema
    if (!from.empty())
        results.add("open " + from.filename().string() + " (upgrading its schema)",
                    strf("%.0f ms", ms_since(open_start)));
    const auto stats = must(db::load_stats(*db), "stats");
    if (!from.empty()) people = static_cast<int>(stats.people);
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

    db::PeopleRepo people_repo(*db);
    db::TimelineRepo timeline(*db);
    std::size_t hits = 0;
    std::vector<double> all_wall, all_cpu;
    for (const auto& shape : search_shapes()) {
        const auto n = shape.queries.size();
        const auto p = measure(static_cast<int>(n) * 5, [&](int i) {
            const auto& q = shape.queries[static_cast<std::size_t>(i) % n];
            hits += must(people_repo.search(q, 20), "search people").size();
            hits += must(timeline.search(q, 20), "search").size();
        });
        results.add(strf("  search, %s (%zu queries x 5)", shape.what, n), p.text());
        all_wall.push_back(p.p95);
        all_cpu.push_back(p.cpu_p95);
    }
    results.add("FTS search (people + interactions), worst shape's p95",
                strf("%.1f ms (CPU %.1f ms)", *std::max_element(all_wall.begin(), all_wall.end()),
                     *std::max_element(all_cpu.begin(), all_cpu.end())),
                "p95 ≤ 30 ms");

    std::vector<db::PeopleListRow> view;
    const auto app_list =
        measure(5, [&](int) { view = must(db::load_people_list(*db, false), "list"); });
    results.add(strf("People list load (app view), %zu people", view.size()), app_list.text());
    std::vector<db::PersonRow> everyone;
    const auto cli_list = measure(5, [&](int) { everyone = must(people_repo.list({}), "list"); });
    results.add(strf("People list by name (kith-cli person list), %zu people", everyone.size()),
                cli_list.text());

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
