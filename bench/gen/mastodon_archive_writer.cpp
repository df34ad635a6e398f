#include <string>

#include "bench/gen/archive_out.h"
#include "bench/gen/gen_text.h"
#include "bench/gen/input_writers.h"

namespace kith::bench {

namespace {

constexpr const char* kPublic = "https://www.w3.org/ns/activitystreams#Public";
constexpr std::time_t kStart = 1'680'000'000;  // Mar 2023

struct Outbox {
    const Roster& roster;
    GenRandom& rng;
    std::string me;  ///< my actor id

    std::string actor(const RosterPerson& p) const {
        return "https://" + p.mastodon_host + "/users/" + p.mastodon_user;
    }

    /// A Mention tag; people on my own server are named "@user" only, as Mastodon writes them.
    std::string mention(const RosterPerson& p) const {
        const bool local = p.mastodon_host == roster.me().mastodon_host;
        return R"({"type":"Mention","href":")" + actor(p) + R"(","name":"@)" + p.mastodon_user +
               (local ? "" : "@" + p.mastodon_host) + R"("})";
    }

    std::string create(std::uint64_t i, std::time_t at, const std::string& to,
                       const std::string& cc, const std::string& in_reply_to,
                       const std::string& tags, const std::string& text) const {
        const auto id = me + "/statuses/" + std::to_string(110'000'000'000'000'000ULL + i);
        const auto when = format_time(at, "%Y-%m-%dT%H:%M:%SZ");
        return R"({"id":")" + id + R"(/activity","type":"Create","actor":")" + me +
               R"(","published":")" + when + R"(","to":[)" + to + R"(],"cc":[)" + cc +
               R"(],"object":{"id":")" + id + R"(","type":"Note","summary":null,"inReplyTo":)" +
               (in_reply_to.empty() ? "null" : "\"" + in_reply_to + "\"") + R"(,"published":")" +
               when + R"(","url":")" + id + R"(","attributedTo":")" + me + R"(","to":[)" + to +
               R"(],"cc":[)" + cc + R"(],"sensitive":false,"conversation":"tag:)" +
               roster.me().mastodon_host + "," + format_time(at, "%Y-%m-%d") +
               ":objectId=" + std::to_string(i / 3) + R"(:objectType=Conversation","content":)" +
               json_string("<p>" + text + "</p>") + R"(,"attachment":[],"tag":[)" + tags + "]}}";
    }

    /// Item `i` of the outbox and whether the importer adds it.
    std::pair<std::string, bool> item(std::uint64_t i) const {
        const auto& other = roster.people()[rng.pick(roster.on_mastodon())];
        const auto at = kStart + static_cast<std::time_t>(i * 97 % (3 * 365 * 86400));
        const std::string pub = std::string("\"") + kPublic + "\"";
        const std::string followers = "\"" + me + "/followers\"";
        const std::string text = xml_escape(prose(rng, rng.between(5, 40)));
        const std::string link = R"(<span class="h-card"><a href=")" + actor(other) +
                                 R"(" class="u-url mention">@<span>)" + other.mastodon_user +
                                 "</span></a></span> ";
        const std::string status_of_other =
            actor(other) + "/statuses/" + std::to_string(109'000'000'000'000'000ULL + i);
        switch (i % 10) {
            case 0:
            case 1:
            case 2:  // a public post mentioning someone
                return {create(i, at, pub, followers + ",\"" + actor(other) + "\"", "",
                               mention(other), link + text),
                        true};
            case 3:
            case 4:  // a reply to someone's post, unlisted
                return {create(i, at, followers, pub + ",\"" + actor(other) + "\"", status_of_other,
                               mention(other), link + text),
                        true};
            case 5:  // a direct message: addressed to the person only
                return {
                    create(i, at, "\"" + actor(other) + "\"", "", "", mention(other), link + text),
                    true};
            case 6:  // a post naming no one
                return {create(i, at, pub, followers, "", "", text), false};
            case 7:  // a thread of my own: replying to myself
                return {
                    create(i, at, pub, followers,
                           me + "/statuses/" + std::to_string(110'000'000'000'000'000ULL + i - 1),
                           "", text),
                    false};
            case 8:    // a boost of someone's post
            case 9: {  // a boost of my own post
                const bool mine = i % 10 == 9;
                const auto id = me + "/statuses/" + std::to_string(110'000'000'000'000'000ULL + i) +
                                "/activity";
                const auto object =
                    mine ? me + "/statuses/" + std::to_string(110'000'000'000'000'000ULL + i - 3)
                         : status_of_other;
                return {R"({"id":")" + id + R"(","type":"Announce","actor":")" + me +
                            R"(","published":")" + format_time(at, "%Y-%m-%dT%H:%M:%SZ") +
                            R"(","to":[)" + pub + R"(],"cc":[)" + followers + R"(],"object":")" +
                            object + "\"}",
                        !mine};
            }
        }
        return {};
    }
};

}  // namespace

InputExpectation write_mastodon_archive(const Roster& roster, const CorpusSize& size,
                                        const std::filesystem::path& dir, std::uint64_t seed) {
    GenRandom rng(seed ^ 0x6d6173746fULL);
    const auto& me = roster.me();
    const auto my_id = "https://" + me.mastodon_host + "/users/" + me.mastodon_user;
    InputExpectation e{
        "mastodon-archive", "mastodon-archive.tar.gz", {}, size.mastodon_items, 0, 0, 0, true};
    // tar needs each entry's size first: the outbox goes through a file beside the archive.
    const auto outbox_path = dir / "outbox.json.tmp";
    {
        TextOut out(outbox_path);
        out.put(R"({"@context":"https://www.w3.org/ns/activitystreams","id":")" + my_id +
                R"(/outbox","type":"OrderedCollection","totalItems":)" +
                std::to_string(size.mastodon_items + 17) + R"(,"orderedItems":[)");
        Outbox outbox{roster, rng, my_id};
        for (std::uint64_t i = 0; i < size.mastodon_items; ++i) {
            auto [json, added] = outbox.item(i);
            out.put(i ? ",\n" : "\n");
            out.put(json);
            (added ? e.interactions : e.skipped) += 1;
        }
        out.put("]}\n");
        out.close();
    }
    const auto actor_path = dir / "actor.json.tmp";
    {
        TextOut out(actor_path);
        out.put(R"({"@context":["https://www.w3.org/ns/activitystreams"],"id":")" + my_id +
                R"(","type":"Person","following":")" + my_id + R"(/following","followers":")" +
                my_id + R"(/followers","inbox":")" + my_id + R"(/inbox","outbox":")" + my_id +
                R"(/outbox","preferredUsername":")" + me.mastodon_user + R"(","name":)" +
                json_string(me.name) + R"(,"url":"https://)" + me.mastodon_host + "/@" +
                me.mastodon_user + R"("})");
        out.close();
    }
    ArchiveOut tar(dir / e.file, ArchiveOut::Format::tar_gz);
    tar.add_file("actor.json", actor_path);
    tar.add_file("outbox.json", outbox_path);
    tar.close();
    std::filesystem::remove(outbox_path);
    std::filesystem::remove(actor_path);
    return e;
}

}  // namespace kith::bench
