#include "bench/harness/ceiling.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "bench/harness/child_run.h"
#include "bench/harness/write_floor.h"

namespace kith::bench {

namespace fs = std::filesystem;

namespace {

double rate(double n, double seconds) {
    return seconds > 0 ? n / seconds : 0;
}

/// Two stages one after the other on one core: their costs per record add up.
double serial(double a, double b) {
    return a > 0 && b > 0 ? 1 / (1 / a + 1 / b) : 0;
}

/// kith-parse-bench on `in`: the importer into a counting sink. Records per CPU-second.
double parse_floor(const fs::path& parse_bench, const BenchPaths& paths,
                   const CorpusManifest& manifest, const InputExpectation& in) {
    std::vector<std::string> argv = {parse_bench.string(), in.kind,
                                     (paths.corpus / in.file).string()};
    for (const auto& id : manifest.my_identities)
        if (id.find('@') != std::string::npos && id.front() != '@') {  // email addresses only
            argv.push_back("--me");
            argv.push_back(id);
        }
    for (const auto& [k, v] : in.options) {
        argv.push_back("--option");
        argv.push_back(k + "=" + v);
    }
    const auto run = run_child(argv);
    const auto j = nlohmann::json::parse(run.out, nullptr, false);
    if (run.exit_code != 0 || j.is_discarded() || !j.is_object())
        throw std::runtime_error("kith-parse-bench " + in.kind +
                                 " failed: " + run.err.substr(0, 300));
    return rate(j.value("records", 0.0), j.value("cpu_s", 0.0));
}

/// The ceiling of one input: floors in records per CPU-second (records counted as the import
/// counts them: added + updated + skipped).
struct Ceiling {
    std::string kind;
    double end_to_end_wall = 0, end_to_end_cpu = 0, parse = 0;
    std::vector<FloorRun> floor;  ///< interactions; + FTS; + links; + links and FTS
    double per_row = 0;           ///< records per interaction written
    double write() const { return floor.back().per_cpu_s() * per_row; }
    double pipeline() const { return std::min(parse, write()); }
};

void print_table(const std::vector<Ceiling>& rows) {
    std::printf(
        "\nceiling (records/s; floors per CPU-second of one core)\n"
        "%-8s %11s %11s %11s %11s %11s %11s\n",
        "input", "e2e wall", "e2e CPU", "parse", "write", "2-thread", "1 thread");
    for (const auto& c : rows)
        std::printf("%-8s %11.0f %11.0f %11.0f %11.0f %11.0f %11.0f\n", c.kind.c_str(),
                    c.end_to_end_wall, c.end_to_end_cpu, c.parse, c.write(), c.pipeline(),
                    serial(c.parse, c.write()));
    std::printf("\nwrite floor (interactions per CPU-second, %s)\n%-8s %11s %11s %11s %11s %11s\n",
                "256 per transaction", "input", "rows", "+FTS", "+links", "+links+FTS",
                "FTS µs/row");
    for (const auto& c : rows) {
        const auto& f = c.floor;
        std::printf("%-8s %11.0f %11.0f %11.0f %11.0f %11.2f\n", c.kind.c_str(), f[0].per_cpu_s(),
                    f[1].per_cpu_s(), f[2].per_cpu_s(), f[3].per_cpu_s(),
                    1e6 * (f[3].cpu_s - f[2].cpu_s) / static_cast<double>(f[3].rows));
    }
    std::printf("\n");
}

/// The best ratio to `mu index` any GMime-based importer could reach on this Maildir.
void email_ceiling(const Ceiling& c, double messages, const RunTime& mu, BenchResults& results) {
    if (mu.wall_s <= 0) {
        results.add("ceiling email vs mu index", "mu not measured: skipped");
        return;
    }
    // Each floor is what one full core does; a perfect pipeline's wall rate is the slower stage.
    const double mu_rate = messages / mu.wall_s;
    results.add("ceiling email vs mu index's wall time",
                strf("end to end %.1f×; floors at a full core each: parse alone %.1f× (both cores "
                     "parsing, writes free %.1f×), perfect 2-thread pipeline min(parse, write) "
                     "%.1f×",
                     c.end_to_end_wall / mu_rate, c.parse / mu_rate, 2 * c.parse / mu_rate,
                     c.pipeline() / mu_rate),
                "≥ 30×");
    const double mu_cpu = rate(messages, mu.cpu_s);
    results.add("ceiling email vs mu index's CPU time",
                strf("mu %.0f messages per CPU-s; parse floor %.1f×, parse + write floors %.1f×, "
                     "end to end %.1f×",
                     mu_cpu, c.parse / mu_cpu, serial(c.parse, c.write()) / mu_cpu,
                     c.end_to_end_cpu / mu_cpu));
}

}  // namespace

void run_ceiling(const BenchPaths& paths, const fs::path& parse_bench,
                 const CorpusManifest& manifest, const std::vector<ImportFigures>& figures,
                 const RunTime& mu, BenchResults& results) {
    const std::vector<FloorParts> parts = {
        {false, false}, {true, false}, {false, true}, {true, true}};
    std::vector<Ceiling> rows;
    for (const auto& f : figures) {
        const auto in = std::find_if(manifest.inputs.begin(), manifest.inputs.end(),
                                     [&](const InputExpectation& i) { return i.kind == f.kind; });
        if (in == manifest.inputs.end() || in->interactions == 0) continue;
        try {
            Ceiling c;
            c.kind = f.kind;
            c.end_to_end_wall = rate(f.records, f.seconds);
            c.end_to_end_cpu = rate(f.records, f.cpu_seconds);
            c.parse = parse_floor(parse_bench, paths, manifest, *in);
            c.floor =
                measure_write_floor(paths.work / (f.kind + ".db"), paths.work / "ceiling", parts);
            if (c.floor.front().rows == 0) continue;
            c.per_row = f.records / static_cast<double>(c.floor.front().rows);
            const bool target = f.kind == "twitter" || f.kind == "wxr" || f.kind == "disqus";
            results.add("ceiling " + f.kind + " (records/s)",
                        strf("end to end %.0f (%.0f per CPU-s); floors per CPU-s: parse %.0f, "
                             "write %.0f; perfect 2-thread pipeline %.0f",
                             c.end_to_end_wall, c.end_to_end_cpu, c.parse, c.write(), c.pipeline()),
                        target ? "≥ 200,000" : "");
            if (f.kind == "maildir") email_ceiling(c, f.records, mu, results);
            rows.push_back(std::move(c));
        } catch (const std::exception& e) {
            results.fail("ceiling " + f.kind + ": " + e.what());
        }
    }
    if (!rows.empty()) print_table(rows);
}

}  // namespace kith::bench
