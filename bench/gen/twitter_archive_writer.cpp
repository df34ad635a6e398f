#include <algorithm>
#include <string>
#include <vector>

#include "bench/gen/archive_out.h"
#include "bench/gen/gen_text.h"
#include "bench/gen/input_writers.h"

namespace kith::bench {

namespace {

constexpr std::time_t kStart = 1'700'000'000;  // Nov 2023
constexpr std::uint64_t kTweetsPerPart = 200'000;

/// One tweet element (the "tweet" wrapper of 2020 on) and whether the importer adds it.
struct Tweet {
    std::string json;
    bool added = false;
};

std::string mention_json(const RosterPerson& p) {
    return R"({ "name" : )" + json_string(p.name) + R"(, "screen_name" : ")" + p.twitter_handle +
           R"(", "indices" : [ "0", ")" + std::to_string(p.twitter_handle.size() + 1) +
           R"(" ], "id_str" : ")" + p.twitter_id + R"(", "id" : ")" + p.twitter_id + R"(" })";
}

Tweet tweet(const Roster& roster, GenRandom& rng, std::uint64_t i) {
    const auto& other = roster.people()[rng.pick(roster.on_twitter())];
    const auto id = std::to_string(1'500'000'000'000'000'000ULL + i * 7);
    const auto at = kStart + static_cast<std::time_t>(i * 37 % (3 * 365 * 86400));
    const auto kind = i % 20;  // 0-5 reply, 6 self-reply, 7-9 mention, 10-11 RT, 12-19 plain
    std::string text = prose(rng, rng.between(5, 30));
    if (i % 7 == 0) text += " &amp; more &lt;3";  // archives keep Twitter's HTML escaping
    std::string mentions, reply = R"("in_reply_to_status_id_str" : null, )";
    bool added = true;
    if (kind <= 5) {
        reply = R"("in_reply_to_status_id_str" : ")" +
                std::to_string(1'400'000'000'000'000'000ULL + i) +
                R"(", "in_reply_to_user_id_str" : ")" + other.twitter_id +
                R"(", "in_reply_to_screen_name" : ")" + other.twitter_handle + R"(", )";
        mentions = mention_json(other);
        text = "@" + other.twitter_handle + " " + text;
    } else if (kind == 6) {
        reply = R"("in_reply_to_status_id_str" : ")" +
                std::to_string(1'500'000'000'000'000'000ULL + i * 7 - 7) +
                R"(", "in_reply_to_user_id_str" : ")" + roster.me().twitter_id +
                R"(", "in_reply_to_screen_name" : ")" + roster.me().twitter_handle + R"(", )";
        added = false;
    } else if (kind <= 9) {
        mentions = mention_json(other);
        text += " cc @" + other.twitter_handle;
    } else if (kind <= 11) {
        mentions = mention_json(other);
        text = "RT @" + other.twitter_handle + ": " + text;
    } else {
        added = false;
    }
    const auto length = std::to_string(text.size());
    return {
        R"({ "tweet" : { "edit_info" : { "initial" : { "editTweetIds" : [ ")" + id +
            R"(" ], "editableUntil" : ")" + iso_millis(at + 3600) +
            R"(", "editsRemaining" : "5", "isEditEligible" : true } }, "retweeted" : false, )"
            R"("source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>", )"
            R"("entities" : { "hashtags" : [ ], "symbols" : [ ], "user_mentions" : [ )" +
            mentions + R"( ], "urls" : [ ] }, "display_text_range" : [ "0", ")" + length +
            R"(" ], "favorite_count" : ")" + std::to_string(i % 13) + R"(", )" + reply +
            R"("id_str" : ")" + id + R"(", "truncated" : false, "retweet_count" : "0", "id" : ")" +
            id + R"(", "created_at" : ")" + format_time(at, "%a %b %d %H:%M:%S +0000 %Y") +
            R"(", "favorited" : false, "full_text" : )" + json_string(text) +
            R"(, "lang" : "en" } })",
        added};
}

std::string file_entry(const std::string& file, const std::string& global, std::uint64_t count) {
    return R"({ "fileName" : "data/)" + file + R"(", "globalName" : ")" + global +
           R"(", "count" : ")" + std::to_string(count) + R"(" })";
}

}  // namespace

InputExpectation write_twitter_archive(const Roster& roster, const CorpusSize& size,
                                       const std::filesystem::path& dir, std::uint64_t seed) {
    GenRandom rng(seed ^ 0x7477656574ULL);
    const auto& me = roster.me();
    InputExpectation e{"twitter", "twitter-archive.zip", {}, 0, 0, 0, 0, true};
    // Real archives split at a byte size; at least two parts so every size exercises the split.
    const std::uint64_t parts =
        std::max<std::uint64_t>(2, (size.tweets + kTweetsPerPart - 1) / kTweetsPerPart);
    const std::uint64_t per_part = (size.tweets + parts - 1) / parts;

    ArchiveOut zip(dir / e.file, ArchiveOut::Format::zip);
    std::string tweet_files;
    for (std::uint64_t p = 0; p < parts; ++p) {
        const auto count = std::min(per_part, size.tweets - std::min(size.tweets, p * per_part));
        tweet_files += (p ? ", " : "") + file_entry(p ? "tweets-part" + std::to_string(p) + ".js"
                                                      : std::string("tweets.js"),
                                                    "YTD.tweets.part" + std::to_string(p), count);
    }
    zip.begin("data/manifest.js");
    zip.put(
        R"(window.__THAR_CONFIG = { "userInfo" : { "accountId" : ")" + me.twitter_id +
        R"(", "userName" : ")" + me.twitter_handle + R"(", "displayName" : )" +
        json_string(me.name) +
        R"( }, "archiveInfo" : { "sizeBytes" : "0", "generationDate" : "2026-11-20T08:00:00.000Z", "isPartialArchive" : false, "maxPartSizeBytes" : "53687091200" }, "dataTypes" : { )"
        R"("account" : { "files" : [ )" +
        file_entry("account.js", "YTD.account.part0", 1) + R"( ] }, "tweets" : { "files" : [ )" +
        tweet_files + R"( ] }, "directMessages" : { "files" : [ )" +
        file_entry("direct-messages.js", "YTD.direct_messages.part0", size.dms) +
        R"( ] }, "follower" : { "files" : [ )" +
        file_entry("follower.js", "YTD.follower.part0", size.followers) + R"( ] } } })");
    zip.begin("data/account.js");
    zip.put(R"(window.YTD.account.part0 = [ { "account" : { "email" : ")" + me.email +
            R"(", "createdVia" : "web", "username" : ")" + me.twitter_handle +
            R"(", "accountId" : ")" + me.twitter_id +
            R"(", "createdAt" : "2009-03-01T10:00:00.000Z", "accountDisplayName" : )" +
            json_string(me.name) + " } } ]");

    for (std::uint64_t p = 0, i = 0; p < parts; ++p) {
        zip.begin(p ? "data/tweets-part" + std::to_string(p) + ".js" : "data/tweets.js");
        zip.put("window.YTD.tweets.part" + std::to_string(p) + " = [ ");
        for (std::uint64_t k = 0; k < per_part && i < size.tweets; ++k, ++i) {
            const auto t = tweet(roster, rng, i);
            zip.put(k ? ", " : "");
            zip.put(t.json);
            (t.added ? e.interactions : e.skipped) += 1;
        }
        zip.put(" ]");
    }
    e.records = size.tweets;

    // Conversations of 2-40 messages, newest first as in real archives.
    zip.begin("data/direct-messages.js");
    zip.put("window.YTD.direct_messages.part0 = [ ");
    for (std::uint64_t written = 0, c = 0; written < size.dms; ++c) {
        const auto& other = roster.people()[roster.on_twitter()[c % roster.on_twitter().size()]];
        const auto n = std::min<std::uint64_t>(rng.between(2, 40), size.dms - written);
        zip.put(std::string(c ? ", " : "") + R"({ "dmConversation" : { "conversationId" : ")" +
                me.twitter_id + "-" + other.twitter_id + "-" + std::to_string(c) +
                R"(", "messages" : [ )");
        for (std::uint64_t m = n; m-- > 0;) {
            const bool mine = (m + c) % 2 == 0;
            const auto at = kStart + static_cast<std::time_t>((written + m) * 113 % 60'000'000);
            zip.put(std::string(m + 1 < n ? ", " : "") +
                    R"({ "messageCreate" : { "recipientId" : ")" +
                    (mine ? other.twitter_id : me.twitter_id) +
                    R"(", "reactions" : [ ], "urls" : [ ], "text" : )" +
                    json_string(prose(rng, rng.between(3, 25))) +
                    R"(, "mediaUrls" : [ ], "senderId" : ")" +
                    (mine ? me.twitter_id : other.twitter_id) + R"(", "id" : ")" +
                    std::to_string(1'600'000'000'000'000'000ULL + written + m) +
                    R"(", "createdAt" : ")" + iso_millis(at) + R"(" } })");
        }
        zip.put(" ] } }");
        written += n;
    }
    zip.put(" ]");
    e.records += size.dms;
    e.interactions += size.dms;

    // Followers: the roster's X accounts first, then accounts seen nowhere else.
    zip.begin("data/follower.js");
    zip.put("window.YTD.follower.part0 = [ ");
    for (std::uint64_t i = 0; i < size.followers; ++i) {
        const auto id = i < roster.on_twitter().size()
                            ? roster.people()[roster.on_twitter()[i]].twitter_id
                            : std::to_string(5'000'000'000ULL + i);
        zip.put(std::string(i ? ", " : "") + R"({ "follower" : { "accountId" : ")" + id +
                R"(", "userLink" : "https://twitter.com/intent/user?user_id=)" + id + R"(" } })");
    }
    zip.put(" ]");
    e.records += size.followers;
    e.follows = size.followers;
    zip.close();
    return e;
}

}  // namespace kith::bench
