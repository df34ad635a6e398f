// kith-parse-bench: parse-only speed of one importer. Runs KIND on SRC into a sink that only
// counts (no database), and prints records per CPU-second and peak RSS: the importer's own cost,
// apart from the database write path that `kith-bench` measures end to end.
//
//   kith-parse-bench KIND SRC [--repeat N]

#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench/process_usage.h"
#include "core/importer.h"
#include "import/importer_registry.h"

namespace {

/// Counts what an importer emits, as `kith-cli import --json` counts records (skipped included).
class CountingSink final : public kith::core::RecordSink {
  public:
    kith::core::Result<void> interaction(const kith::core::InteractionRecord&) override {
        ++interactions;
        return {};
    }
    kith::core::Result<void> follow_edge(const kith::core::FollowEdgeRecord&) override {
        ++follows;
        return {};
    }
    kith::core::Result<void> contact(const kith::core::ContactRecord&) override {
        ++contacts;
        return {};
    }
    kith::core::Result<void> followup(const kith::core::FollowUpRecord&) override { return {}; }
    void warning(kith::core::ImportWarning) override { ++warnings; }
    void skipped(std::uint64_t n, std::string_view) override { skips += n; }
    bool is_me(const kith::core::Identity&) const override { return false; }
    std::optional<std::string> cursor() const override { return std::nullopt; }
    void set_cursor(std::string) override {}

    std::uint64_t records() const { return interactions + follows + contacts + skips; }
    std::uint64_t interactions = 0, follows = 0, contacts = 0, warnings = 0, skips = 0;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: kith-parse-bench KIND SRC [--repeat N]\n");
        return 2;
    }
    const std::string kind = argv[1], src = argv[2];
    int repeat = 1;
    if (argc == 5 && std::string(argv[3]) == "--repeat") repeat = std::atoi(argv[4]);
    if (repeat < 1) repeat = 1;
    CountingSink sink;
    kith::core::NullProgress progress;
    const double start = kith::bench::cpu_seconds();
    for (int i = 0; i < repeat; ++i) {
        auto importer = kith::import::make_importer(kind);
        if (!importer) {
            std::fprintf(stderr, "unknown kind %s\n", kind.c_str());
            return 2;
        }
        auto r = importer->run({kind, src, {}}, sink, progress);
        if (!r) {
            std::fprintf(stderr, "error: %s\n", r.error().message.c_str());
            return 1;
        }
    }
    const double cpu = kith::bench::cpu_seconds() - start;
    const auto per_run = [&](std::uint64_t n) {
        return static_cast<unsigned long long>(n / static_cast<std::uint64_t>(repeat));
    };
    std::printf(
        "{\"kind\":\"%s\",\"records\":%llu,\"interactions\":%llu,\"follows\":%llu,"
        "\"contacts\":%llu,\"skipped\":%llu,\"warnings\":%llu,\"cpu_s\":%.3f,"
        "\"records_per_cpu_s\":%.0f,\"peak_rss_mb\":%ld}\n",
        kind.c_str(), per_run(sink.records()), per_run(sink.interactions), per_run(sink.follows),
        per_run(sink.contacts), per_run(sink.skips), per_run(sink.warnings), cpu,
        static_cast<double>(sink.records()) / cpu, kith::bench::peak_rss_mb());
    return 0;
}
