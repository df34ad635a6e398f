// kith-social-bench: generates a Twitter/X archive at scale and measures its import.
//
//   kith-social-bench generate OUT.zip [--tweets N] [--dms N] [--followers N]
//   kith-social-bench import ARCHIVE.zip [--db PATH] [--null-sink]
//
// "import" prints records/s, MB/s of archive and peak RSS. --null-sink counts records without
// a database (parser throughput). Outside CI tests: figures, never pass/fail on time.

#include <archive.h>
#include <archive_entry.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/progress.h"
#include "db/database.h"
#include "db/import_runner.h"
#include "import/twitter_archive_importer.h"
#include "tests/import/collecting_sink.h"

namespace fs = std::filesystem;
using namespace kith;

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "kith-social-bench: %s\n", what.c_str());
    std::exit(1);
}

/// Writes one archive entry in chunks (size unknown up front, so memory stays small).
class EntryWriter {
  public:
    EntryWriter(struct archive* a, const std::string& name) : m_a(a) {
        struct archive_entry* e = archive_entry_new();
        archive_entry_set_pathname(e, name.c_str());
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_mtime(e, 1'780'000'000, 0);
        if (archive_write_header(a, e) != ARCHIVE_OK) die(archive_error_string(a));
        archive_entry_free(e);
    }
    ~EntryWriter() { flush(); }
    void put(const std::string& s) {
        m_buf += s;
        if (m_buf.size() > (1 << 20)) flush();
    }

  private:
    void flush() {
        if (!m_buf.empty() && archive_write_data(m_a, m_buf.data(), m_buf.size()) < 0)
            die(archive_error_string(m_a));
        m_buf.clear();
    }
    struct archive* m_a;
    std::string m_buf;
};

std::string id(std::uint64_t base, std::uint64_t n) {
    return std::to_string(base + n);
}

std::string tweet(std::uint64_t i) {
    const auto other = 10'000'000'000ULL + (i * 7919) % 20000;
    const auto tid = id(1'500'000'000'000'000'000ULL, i);
    const int kind = static_cast<int>(i % 10);  // 0-3 reply, 4-5 mention, 6 RT, 7-9 plain
    std::string mentions,
        reply = R"("in_reply_to_status_id_str" : null, "in_reply_to_user_id_str" : null, )";
    std::string text =
        "Thinking about local-first software again &amp; why sync is hard " + std::to_string(i);
    if (kind <= 5 || kind == 6) {
        mentions = R"({ "name" : "Person )" + std::to_string(other) + R"(", "screen_name" : "p)" +
                   std::to_string(other) + R"(", "indices" : [ "0", "12" ], "id_str" : ")" +
                   std::to_string(other) + R"(", "id" : ")" + std::to_string(other) + R"(" })";
    }
    if (kind <= 3) {
        reply = R"("in_reply_to_status_id_str" : ")" + id(1'400'000'000'000'000'000ULL, i) +
                R"(", "in_reply_to_user_id_str" : ")" + std::to_string(other) +
                R"(", "in_reply_to_screen_name" : "p)" + std::to_string(other) + R"(", )";
        text = "@p" + std::to_string(other) + " " + text;
    } else if (kind == 6) {
        text = "RT @p" + std::to_string(other) + ": " + text;
    } else if (kind <= 5) {
        text = text + " cc @p" + std::to_string(other);
    }
    return R"({ "tweet" : { "edit_info" : { "initial" : { "editTweetIds" : [ ")" + tid +
           R"(" ], "editableUntil" : "2026-03-06T14:02:05.000Z", "editsRemaining" : "5", )"
           R"("isEditEligible" : true } }, "retweeted" : false, "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>", )"
           R"("entities" : { "hashtags" : [ ], "symbols" : [ ], "user_mentions" : [ )" +
           mentions +
           R"( ], "urls" : [ ] }, "display_text_range" : [ "0", "140" ], "favorite_count" : "3", )" +
           reply + R"("id_str" : ")" + tid +
           R"(", "truncated" : false, "retweet_count" : "0", "id" : ")" + tid +
           R"(", "created_at" : "Fri Mar 06 13:02:05 +0000 2026", "favorited" : false, )"
           R"("full_text" : ")" +
           text + R"(", "lang" : "en" } })";
}

void generate(const std::string& out, std::uint64_t tweets, std::uint64_t dms,
              std::uint64_t followers) {
    struct archive* a = archive_write_new();
    archive_write_set_format_zip(a);
    if (archive_write_open_filename(a, out.c_str()) != ARCHIVE_OK) die(archive_error_string(a));
    {
        EntryWriter w(a, "data/manifest.js");
        w.put(
            R"(window.__THAR_CONFIG = { "userInfo" : { "accountId" : "12", "userName" : "me" }, )"
            R"("archiveInfo" : { "generationDate" : "2026-11-01T00:00:00.000Z" }, "dataTypes" : { )"
            R"("tweets" : { "files" : [ { "fileName" : "data/tweets.js" } ] }, )"
            R"("directMessages" : { "files" : [ { "fileName" : "data/direct-messages.js" } ] }, )"
            R"("follower" : { "files" : [ { "fileName" : "data/follower.js" } ] } } })");
    }
    {
        EntryWriter w(a, "data/account.js");
        w.put(
            R"(window.YTD.account.part0 = [ { "account" : { "username" : "me", "accountId" : "12" } } ])");
    }
    {
        EntryWriter w(a, "data/tweets.js");
        w.put("window.YTD.tweets.part0 = [ ");
        for (std::uint64_t i = 0; i < tweets; ++i) w.put((i ? ", " : "") + tweet(i));
        w.put(" ]");
    }
    {
        EntryWriter w(a, "data/direct-messages.js");
        w.put("window.YTD.direct_messages.part0 = [ ");
        const std::uint64_t per = 100, convs = (dms + per - 1) / per;
        for (std::uint64_t c = 0; c < convs; ++c) {
            const auto other = std::to_string(10'000'000'000ULL + c % 20000);
            w.put(std::string(c ? ", " : "") + R"({ "dmConversation" : { "conversationId" : "12-)" +
                  other + R"(", "messages" : [ )");
            for (std::uint64_t m = 0; m < per && c * per + m < dms; ++m) {
                const bool mine = m % 2 == 0;
                w.put(
                    std::string(m ? ", " : "") + R"({ "messageCreate" : { "recipientId" : ")" +
                    (mine ? other : "12") +
                    R"(", "reactions" : [ ], "urls" : [ ], "text" : "See you at the meetup &gt; 7pm?", "mediaUrls" : [ ], "senderId" : ")" +
                    (mine ? "12" : other) + R"(", "id" : ")" +
                    id(1'600'000'000'000'000'000ULL, c * per + m) +
                    R"(", "createdAt" : "2026-02-01T10:00:00.000Z" } })");
            }
            w.put(" ] } }");
        }
        w.put(" ]");
    }
    {
        EntryWriter w(a, "data/follower.js");
        w.put("window.YTD.follower.part0 = [ ");
        for (std::uint64_t i = 0; i < followers; ++i) {
            const auto f = std::to_string(10'000'000'000ULL + i);
            w.put(std::string(i ? ", " : "") + R"({ "follower" : { "accountId" : ")" + f +
                  R"(", "userLink" : "https://twitter.com/intent/user?user_id=)" + f + R"(" } })");
        }
        w.put(" ]");
    }
    archive_write_close(a);
    archive_write_free(a);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3)
        die("usage: generate OUT.zip [--tweets N] [--dms N] [--followers N] | import ARCHIVE.zip "
            "[--db PATH] [--null-sink]");
    const std::string mode = argv[1], path = argv[2];
    std::uint64_t tweets = 1'000'000, dms = 200'000, followers = 100'000;
    std::string db_path = "social-bench.db";
    bool null_sink = false;
    for (int i = 3; i < argc; ++i) {
        const std::string a = argv[i];
        const auto next = [&] {
            if (i + 1 >= argc) die("missing value after " + a);
            return std::string(argv[++i]);
        };
        if (a == "--tweets")
            tweets = std::stoull(next());
        else if (a == "--dms")
            dms = std::stoull(next());
        else if (a == "--followers")
            followers = std::stoull(next());
        else if (a == "--db")
            db_path = next();
        else if (a == "--null-sink")
            null_sink = true;
        else
            die("unknown option " + a);
    }
    if (mode == "generate") {
        generate(path, tweets, dms, followers);
        std::printf("wrote %s (%.1f MB)\n", path.c_str(), fs::file_size(path) / 1e6);
        return 0;
    }
    if (mode != "import") die("unknown mode " + mode);
    import::TwitterArchiveImporter importer;
    core::NullProgress progress;
    const auto start = std::chrono::steady_clock::now();
    std::uint64_t records = 0;
    if (null_sink) {
        import::test::CollectingSink sink;  // counts only
        sink.keep = false;
        auto r = importer.run({"twitter", path, {}}, sink, progress);
        if (!r) die(r.error().message);
        records = sink.records();
    } else {
        fs::remove(db_path);
        auto db = db::Database::open(db_path);
        if (!db) die(db.error().message);
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        auto r = db::run_import(**db, importer, {"twitter", path, {}}, progress, now);
        if (!r) die(r.error().message);
        records = r->counts.added + r->counts.updated + r->counts.skipped;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf(
        "%s: %llu records in %.1f s = %.0f records/s, %.1f MB/s of archive, peak RSS %ld MB\n",
        null_sink ? "parse only" : "into SQLite", static_cast<unsigned long long>(records), s,
        records / s, fs::file_size(path) / 1e6 / s, usage.ru_maxrss / 1024);
    return 0;
}
