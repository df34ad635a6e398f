// kith-blog-bench: how fast and how lean the WXR importer is on a generated WordPress export.
//
//   kith-blog-bench [--comments N] [--file PATH] [--keep] [--db PATH] [--check]
//
// Writes a WXR with N comments (default 1,000,000, about 0.5 KB each) to PATH (default a file in
// the temp folder, deleted afterwards unless --keep; an existing PATH is reused), imports it into
// a counting sink and prints comments/s, MB/s and peak RSS; with --db also into that database
// through db::run_import. --check (CI, small N) fails on wrong counts only, never on time.

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "bench/process_usage.h"
#include "core/importer.h"
#include "db/database.h"
#include "db/import_runner.h"
#include "import/wxr_importer.h"

namespace fs = std::filesystem;
using namespace kith;
using Clock = std::chrono::steady_clock;

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "kith-blog-bench: %s\n", what.c_str());
    std::exit(1);
}

/// Counts what an importer sends, keeps nothing.
class CountingSink final : public core::RecordSink {
  public:
    std::uint64_t interactions = 0, contacts = 0, warnings = 0, skipped_n = 0;
    core::Result<void> interaction(const core::InteractionRecord&) override {
        ++interactions;
        return {};
    }
    core::Result<void> follow_edge(const core::FollowEdgeRecord&) override { return {}; }
    core::Result<void> contact(const core::ContactRecord&) override {
        ++contacts;
        return {};
    }
    core::Result<void> followup(const core::FollowUpRecord&) override { return {}; }
    void warning(core::ImportWarning) override { ++warnings; }
    void skipped(std::uint64_t n, std::string_view) override { skipped_n += n; }
    bool is_me(const core::Identity&) const override { return false; }
    std::optional<std::string> cursor() const override { return std::nullopt; }
    void set_cursor(std::string) override {}
};

struct Expected {
    std::uint64_t imported = 0, skipped = 0;
};

/// Ten comments a post: replies (some before their parents), CDATA and plain values, an
/// unapproved comment and a pingback every 100, HTML in the text.
Expected generate(const fs::path& path, std::uint64_t comments) {
    std::ofstream out(path, std::ios::binary);
    if (!out) die("cannot write " + path.string());
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\" "
           "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
           "xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n<title>Bench</title>"
           "<link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version>\n"
           "<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[ana]]>"
           "</wp:author_login><wp:author_email><![CDATA[ana@bench.example]]></wp:author_email>"
           "</wp:author>\n";
    Expected e;
    std::string buf;
    for (std::uint64_t i = 0; i < comments; ++i) {
        const std::uint64_t post = i / 10;
        if (i % 10 == 0) {
            if (i) buf += "</item>\n";
            buf += "<item><title>Post " + std::to_string(post) +
                   "</title><link>https://bench.example/" + std::to_string(post) +
                   "/</link><wp:post_id>" + std::to_string(post) +
                   "</wp:post_id><content:encoded><![CDATA[<p>Body of the post.</p>]]>"
                   "</content:encoded>\n";
        }
        const auto id = std::to_string(i + 1);
        // Comment 3 of each post answers comment 4, which comes later: a child before its parent.
        const auto parent = i % 10 == 2   ? std::to_string(i + 2)
                            : i % 10 >= 5 ? std::to_string(i)
                                          : "0";
        const bool cdata = i % 2 == 0;
        const auto v = [&](const std::string& s) { return cdata ? "<![CDATA[" + s + "]]>" : s; };
        const auto user = std::to_string(i % 5000);
        const bool unapproved = i % 100 == 7, ping = i % 100 == 9;
        if (unapproved || ping)
            ++e.skipped;
        else
            ++e.imported;
        buf += "<wp:comment><wp:comment_id>" + id + "</wp:comment_id><wp:comment_author>" +
               v("Reader " + user) + "</wp:comment_author><wp:comment_author_email>" +
               v("reader" + user + "@mail.example") +
               "</wp:comment_author_email><wp:comment_author_url>https://reader" + user +
               ".example/</wp:comment_author_url><wp:comment_date>2024-03-01 10:" +
               std::to_string(10 + i % 50) +
               ":00</wp:comment_date><wp:comment_date_gmt>"
               "2024-03-01 09:" +
               std::to_string(10 + i % 50) + ":00</wp:comment_date_gmt><wp:comment_content>" +
               v("Thanks, this helped with my own project. How did you handle edge cases?") +
               "</wp:comment_content><wp:comment_approved>" + (unapproved ? "0" : "1") +
               "</wp:comment_approved><wp:comment_type>" + (ping ? "pingback" : "comment") +
               "</wp:comment_type><wp:comment_parent>" + parent +
               "</wp:comment_parent>"
               "<wp:comment_user_id>0</wp:comment_user_id></wp:comment>\n";
        if (buf.size() > (1 << 20)) {
            out << buf;
            buf.clear();
        }
    }
    buf += comments ? "</item>\n" : "";
    out << buf << "</channel>\n</rss>\n";
    if (!out) die("write error on " + path.string());
    return e;
}

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

}  // namespace

using kith::bench::cpu_seconds;
using kith::bench::peak_rss_mb;

int main(int argc, char** argv) {
    std::uint64_t comments = 1000000;
    fs::path file, db_path;
    bool keep = false, check = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--comments" && i + 1 < argc)
            comments = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--file" && i + 1 < argc)
            file = argv[++i];
        else if (a == "--db" && i + 1 < argc)
            db_path = argv[++i];
        else if (a == "--keep")
            keep = true;
        else if (a == "--check")
            check = true;
        else
            die("usage: kith-blog-bench [--comments N] [--file PATH] [--keep] [--db PATH] "
                "[--check]");
    }
    const bool temp = file.empty();
    if (temp)
        file = fs::temp_directory_path() / ("kith-blog-bench-" + std::to_string(getpid()) + ".xml");
    Expected expected;
    if (!fs::exists(file) || temp) {
        const auto t = Clock::now();
        expected = generate(file, comments);
        std::printf("generated %s: %llu comments, %.1f MB in %.1f s\n", file.string().c_str(),
                    static_cast<unsigned long long>(comments),
                    static_cast<double>(fs::file_size(file)) / 1e6, seconds_since(t));
    } else {
        check = false;  // a reused file: counts unknown
    }
    const double mb = static_cast<double>(fs::file_size(file)) / 1e6;

    import::WxrImporter wxr;
    CountingSink sink;
    core::NullProgress progress;
    const auto t = Clock::now();
    const double cpu0 = cpu_seconds();
    const auto r = wxr.run({"wxr", file.string(), {}}, sink, progress);
    const double s = seconds_since(t);
    const double cpu = cpu_seconds() - cpu0;
    if (!r.ok()) die("import failed: " + r.error().message);
    std::printf(
        "parse: %llu comments (%llu skipped, %llu warnings) in %.2f s: %.0f comments/s, "
        "%.1f MB/s; %.2f s CPU: %.0f comments/s of CPU; peak RSS %ld MB\n",
        static_cast<unsigned long long>(sink.interactions),
        static_cast<unsigned long long>(sink.skipped_n),
        static_cast<unsigned long long>(sink.warnings), s,
        static_cast<double>(sink.interactions + sink.skipped_n) / s, mb / s, cpu,
        static_cast<double>(sink.interactions + sink.skipped_n) / cpu, peak_rss_mb());
    int rc = 0;
    if (check && (sink.interactions != expected.imported || sink.skipped_n != expected.skipped ||
                  sink.warnings != 0)) {
        std::fprintf(stderr, "kith-blog-bench: expected %llu imported, %llu skipped, 0 warnings\n",
                     static_cast<unsigned long long>(expected.imported),
                     static_cast<unsigned long long>(expected.skipped));
        rc = 1;
    }
    if (!db_path.empty()) {
        auto db = db::Database::open(db_path);
        if (!db) die(db.error().message);
        const auto t2 = Clock::now();
        auto result = db::run_import(
            **db, wxr, {"wxr", file.string(), {}}, progress,
            std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
        const double s2 = seconds_since(t2);
        if (!result) die("database import failed: " + result.error().message);
        std::printf(
            "database: %llu added, %llu skipped in %.1f s: %.0f comments/s; peak RSS %ld MB\n",
            static_cast<unsigned long long>(result->counts.added),
            static_cast<unsigned long long>(result->counts.skipped), s2,
            static_cast<double>(sink.interactions) / s2, peak_rss_mb());
    }
    if (temp && !keep) fs::remove(file);
    return rc;
}
