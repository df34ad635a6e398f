// kith-email-bench: the parse side of the email importers alone, without the database.
//
//   kith-email-bench KIND PATH [--me ADDRESS]... [--dump FILE]
//
// Runs importer KIND (mbox, maildir, eml) on PATH into a sink that only counts (the records are
// built exactly as for the database, then dropped), and prints messages, warnings, CPU seconds,
// messages per CPU-second and peak RSS. --dump writes every record as one line (ids, time,
// direction, thread, flags, subject, excerpt, participants) so two builds can be diffed: speed
// work must not change a single record. Outside CI tests: figures, never pass/fail on time.

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "bench/process_usage.h"
#include "core/identity_normalizer.h"
#include "core/importer.h"
#include "core/progress.h"
#include "core/time.h"
#include "import/importer_registry.h"

using namespace kith;

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "kith-email-bench: %s\n", what.c_str());
    std::exit(2);
}

/// Counts records and warnings; optionally writes each record as a line.
class CountingSink final : public core::RecordSink {
  public:
    std::uint64_t interactions = 0, warnings = 0, skips = 0;
    std::set<std::string> me;
    std::FILE* dump = nullptr;

    core::Result<void> interaction(const core::InteractionRecord& r) override {
        ++interactions;
        if (dump) write(r);
        return {};
    }
    core::Result<void> follow_edge(const core::FollowEdgeRecord&) override { return {}; }
    core::Result<void> contact(const core::ContactRecord&) override { return {}; }
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
    if (argc < 3) die("usage: kith-email-bench KIND PATH [--me ADDRESS]... [--dump FILE]");
    const std::string kind = argv[1], path = argv[2];
    CountingSink sink;
    for (int i = 3; i + 1 < argc; i += 2) {
        const std::string opt = argv[i];
        if (opt == "--me") {
            auto id = core::normalize_identity(core::IdentityKind::email, argv[i + 1]);
            if (!id) die(std::string("not an address: ") + argv[i + 1]);
            sink.me.insert(id->value);
        } else if (opt == "--dump") {
            sink.dump = std::fopen(argv[i + 1], "w");
            if (!sink.dump) die(std::string("cannot write ") + argv[i + 1]);
        } else {
            die("unknown option " + opt);
        }
    }
    auto importer = import::make_importer(kind);
    if (!importer) die("unknown import kind " + kind);
    core::NullProgress progress;
    const double cpu0 = bench::cpu_seconds();
    auto r = importer->run({kind, path, {}}, sink, progress);
    const double cpu = bench::cpu_seconds() - cpu0;
    if (sink.dump) std::fclose(sink.dump);
    if (!r) die(r.error().message);
    const auto n = static_cast<unsigned long long>(sink.interactions);
    std::printf(
        "%s %s: %llu messages, %llu skipped, %llu warnings; %.2f CPU-s, "
        "%.0f messages/CPU-s, %ld MB peak RSS\n",
        kind.c_str(), path.c_str(), n, static_cast<unsigned long long>(sink.skips),
        static_cast<unsigned long long>(sink.warnings), cpu,
        static_cast<double>(n) / (cpu > 0 ? cpu : 1e-9), bench::peak_rss_mb());
    return 0;
}
