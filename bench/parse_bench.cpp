// kith-parse-bench: parse-only speed of one importer. Runs KIND on SRC into a sink that only
// counts (no database), and prints records per CPU-second and peak RSS: the importer's own cost,
// apart from the database write path that `kith-bench` measures end to end.
//
//   kith-parse-bench KIND SRC [--repeat N] [--me ADDRESS]... [--option KEY=VALUE]... [--dump FILE]
//
// --me makes an email address mine (direction and personal flags are built as for the database).
// --option passes an importer option, as `kith-cli import -o KEY=VALUE` does.
// --dump writes every interaction as one line (ids, time, direction, thread, flags, subject,
// excerpt, participants) plus warnings and skips, so two builds can be diffed: speed work must
// not change a single record. Outside CI tests: figures, never pass/fail on time.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>

#include "bench/process_usage.h"
#include "core/identity_normalizer.h"
#include "core/importer.h"
#include "core/time.h"
#include "import/importer_registry.h"

using namespace kith;

namespace {

[[noreturn]] void die(const std::string& what, int code = 2) {
    std::fprintf(stderr, "kith-parse-bench: %s\n", what.c_str());
    std::exit(code);
}

/// Counts what an importer emits, as `kith-cli import --json` counts records (skipped included);
/// optionally writes each record as a line.
class CountingSink final : public core::RecordSink {
  public:
    core::Result<void> interaction(const core::InteractionRecord& r) override {
        ++interactions;
        if (dump) write(r);
        return {};
    }
    core::Result<void> follow_edge(const core::FollowEdgeRecord&) override {
        ++follows;
        return {};
    }
    core::Result<void> contact(const core::ContactRecord&) override {
        ++contacts;
        return {};
    }
    core::Result<void> followup(const core::FollowUpRecord&) override { return {}; }
    void warning(core::ImportWarning w) override {
        ++warnings;
        if (dump) std::fprintf(dump, "W\t%s\t%s\n", w.location.c_str(), w.message.c_str());
    }
    void skipped(std::uint64_t n, std::string_view reason) override {
        skips += n;
        if (dump) std::fprintf(dump, "S\t%.*s\n", static_cast<int>(reason.size()), reason.data());
    }
    bool is_me(const core::Identity& id) const override { return me.count(id.value) != 0; }
    std::optional<std::string> cursor() const override { return std::nullopt; }
    void set_cursor(std::string) override {}

    std::uint64_t records() const { return interactions + follows + contacts + skips; }
    std::uint64_t interactions = 0, follows = 0, contacts = 0, warnings = 0, skips = 0;
    std::set<std::string> me;
    std::FILE* dump = nullptr;

  private:
    void write(const core::InteractionRecord& r) {
        std::fprintf(dump, "I\t%s\t%lld\t%d\t%d\t%s\t%d%d\t%s\t%s\t%s", r.ext_id.c_str(),
                     static_cast<long long>(core::to_unix(r.at)), static_cast<int>(r.kind),
                     static_cast<int>(r.direction), r.thread_key.c_str(), r.bulk, r.personal,
                     r.url.c_str(), r.subject.c_str(), r.text.c_str());
        for (const auto& p : r.participants)
            std::fprintf(dump, "\t%d:%s:%s", static_cast<int>(p.role), p.identity.value.c_str(),
                         p.display_name.c_str());
        std::fputc('\n', dump);
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3)
        die("usage: kith-parse-bench KIND SRC [--repeat N] [--me ADDRESS]... "
            "[--option KEY=VALUE]... [--dump FILE]");
    const std::string kind = argv[1], src = argv[2];
    int repeat = 1;
    CountingSink sink;
    std::map<std::string, std::string> options;
    for (int i = 3; i + 1 < argc; i += 2) {
        const std::string opt = argv[i];
        if (opt == "--repeat") {
            repeat = std::max(1, std::atoi(argv[i + 1]));
        } else if (opt == "--me") {
            auto id = core::normalize_identity(core::IdentityKind::email, argv[i + 1]);
            if (!id) die(std::string("not an address: ") + argv[i + 1]);
            sink.me.insert(id->value);
        } else if (opt == "--option") {
            const std::string kv = argv[i + 1];
            const auto eq = kv.find('=');
            if (eq == std::string::npos) die("--option wants KEY=VALUE, not " + kv);
            options[kv.substr(0, eq)] = kv.substr(eq + 1);
        } else if (opt == "--dump") {
            sink.dump = std::fopen(argv[i + 1], "w");
            if (!sink.dump) die(std::string("cannot write ") + argv[i + 1]);
        } else {
            die("unknown option " + opt);
        }
    }
    core::NullProgress progress;
    const double start = bench::cpu_seconds();
    for (int i = 0; i < repeat; ++i) {
        auto importer = import::make_importer(kind);
        if (!importer) die("unknown import kind " + kind);
        auto r = importer->run({kind, src, options}, sink, progress);
        if (!r) die(r.error().message, 1);
    }
    const double cpu = bench::cpu_seconds() - start;
    if (sink.dump) std::fclose(sink.dump);
    const auto per_run = [&](std::uint64_t n) {
        return static_cast<unsigned long long>(n / static_cast<std::uint64_t>(repeat));
    };
    std::printf(
        "{\"kind\":\"%s\",\"records\":%llu,\"interactions\":%llu,\"follows\":%llu,"
        "\"contacts\":%llu,\"skipped\":%llu,\"warnings\":%llu,\"cpu_s\":%.3f,"
        "\"records_per_cpu_s\":%.0f,\"peak_rss_mb\":%ld}\n",
        kind.c_str(), per_run(sink.records()), per_run(sink.interactions), per_run(sink.follows),
        per_run(sink.contacts), per_run(sink.skips), per_run(sink.warnings), cpu,
        static_cast<double>(sink.records()) / (cpu > 0 ? cpu : 1e-9), bench::peak_rss_mb());
    return 0;
}
