#include "import/twitter_converter.h"

#include <set>
#include <unordered_map>
#include <vector>

#include "core/identity_normalizer.h"
#include "import/html_entities.h"
#include "import/html_text.h"
#include "import/social_text.h"

namespace kith::import {

namespace {

using core::Result;
using json = nlohmann::json;

constexpr std::size_t kMaxHandles = 1'000'000;

/// Someone seen in the archive: account id and what is known of their handle and name.
struct Account {
    std::string id, handle, name;
};

}  // namespace

class TwitterConverter::Impl {
  public:
    Impl(core::RecordSink& sink, TwitterOwner me) : m_sink(sink), m_me(std::move(me)) {}

    void skip(std::string_view why) { m_sink.skipped(1, why); }

    Result<void> tweet(const json& element, const std::string& where) {
        const json& t = element.contains("tweet") ? element["tweet"] : element;
        if (!t.is_object()) return warn(where, "a tweet element that is not an object");
        std::string id = id_field(t, "id_str");
        if (id.empty()) id = id_field(t, "id");
        if (id.empty())
            return warn(where, "tweet without a valid id (id_str missing or above 2^64)");
        const auto at = parse_twitter_time(str_field(t, "created_at"));
        if (!at) return warn(where, "tweet " + id + " has no readable created_at");
        if (const auto user = t.find("user"); user != t.end() && user->is_object()) {
            const auto author = id_field(*user, "id_str");
            if (!author.empty() && author != me().id) {
                skip("tweet by someone else");
                return {};
            }
        }
        const auto mentions = read_mentions(t);
        core::InteractionRecord r = base(id, *at, display_text(t));

        const auto rt = t.find("retweeted_status");
        const bool has_rt = rt != t.end() && rt->is_object();
        if (has_rt || r.text.rfind("RT @", 0) == 0) {
            return retweet(r, has_rt ? &*rt : nullptr, mentions, where);
        }
        Account replied{
            id_field(t, "in_reply_to_user_id_str"), str_field(t, "in_reply_to_screen_name"), {}};
        if (replied.id.empty()) replied.id = id_field(t, "in_reply_to_user_id");
        remember(replied);
        if (is_me(replied)) {
            skip("self-reply");
            return {};
        }
        if (!replied.id.empty() || !replied.handle.empty()) {
            r.kind = core::InteractionKind::reply;
            auto status = id_field(t, "in_reply_to_status_id_str");
            if (status.empty()) status = id_field(t, "in_reply_to_status_id");
            if (!status.empty()) r.thread_key = "twitter:status:" + status;
            add(r, replied, core::ParticipantRole::to);
        } else {
            r.kind = core::InteractionKind::mention;
        }
        for (const auto& m : mentions) add(r, m, core::ParticipantRole::mentioned);
        if (r.participants.empty()) {
            skip("tweet naming no one else");
            return {};
        }
        return m_sink.interaction(r);
    }

    Result<void> dm_conversation(const json& element, const std::string& where, bool group) {
        const auto c = element.find("dmConversation");
        if (c == element.end() || !c->is_object())
            return warn(where, "an element without \"dmConversation\"");
        std::string conv = str_field(*c, "conversationId");
        if (conv.empty()) conv = id_field(*c, "conversationId");
        const auto messages = c->find("messages");
        if (conv.empty() || messages == c->end() || !messages->is_array())
            return warn(where, "a DM conversation without conversationId or messages");
        const auto members = group ? group_members(*messages) : std::vector<std::string>{};
        for (std::size_t i = 0; i < messages->size(); ++i) {
            const auto mc = (*messages)[i].find("messageCreate");
            if (mc == (*messages)[i].end() || !mc->is_object()) continue;  // join/leave events
            const auto here = where + " message " + std::to_string(i + 1);
            if (auto r = dm(*mc, conv, members, here); !r) return r;
        }
        return {};
    }

    Result<void> follow(const json& element, const std::string& where,
                        core::FollowDirection direction, core::TimePoint seen) {
        const char* key = direction == core::FollowDirection::follows_me ? "follower" : "following";
        const auto f = element.find(key);
        if (f == element.end() || !f->is_object())
            return warn(where, std::string("an element without \"") + key + "\"");
        Account who{id_field(*f, "accountId"), {}, {}};
        if (who.id.empty()) return warn(where, "a follow without a numeric accountId");
        if (const auto it = m_known.find(who.id); it != m_known.end()) {
            who.handle = it->second.handle;
            who.name = it->second.name;
        }
        core::FollowEdgeRecord r;
        r.network = core::Channel::twitter;
        r.their = identity(who);
        r.display_name = who.name;
        r.direction = direction;
        r.seen_at = seen;
        return m_sink.follow_edge(r);
    }

  private:
    const TwitterOwner& me() const { return m_me; }

    bool is_me(const Account& a) const {
        if (!a.id.empty()) return a.id == me().id;
        return !a.handle.empty() && !me().handle.empty() &&
               core::normalize_identity(core::IdentityKind::twitter, a.handle).ok() &&
               core::normalize_identity(core::IdentityKind::twitter, a.handle)->value ==
                   core::normalize_identity(core::IdentityKind::twitter, me().handle)->value;
    }

    Result<void> warn(const std::string& where, std::string message) {
        m_sink.warning({where, std::move(message)});
        return {};
    }

    void remember(const Account& a) {
        if (a.id.empty() || a.handle.empty()) return;
        auto it = m_known.find(a.id);
        if (it == m_known.end()) {
            if (m_known.size() < kMaxHandles) m_known.emplace(a.id, a);
        } else if (it->second.name.empty()) {
            it->second.name = a.name;
        }
    }

    static core::Identity identity(const Account& a) {
        if (!a.id.empty())
            return {core::IdentityKind::twitter, a.id, a.handle.empty() ? a.id : "@" + a.handle};
        auto id = core::normalize_identity(core::IdentityKind::twitter, a.handle);
        return id ? *id : core::Identity{core::IdentityKind::twitter, {}, {}};
    }

    /// Adds `a` as a participant unless it is me, nobody, or already there.
    void add(core::InteractionRecord& r, const Account& a, core::ParticipantRole role) {
        if ((a.id.empty() && a.handle.empty()) || is_me(a)) return;
        auto id = identity(a);
        if (id.value.empty()) return;
        for (auto& p : r.participants) {
            if (p.identity != id) continue;
            if (p.display_name.empty()) p.display_name = a.name;  // a mention names a reply target
            return;
        }
        r.participants.push_back({std::move(id), a.name, role});
    }

    std::vector<Account> read_mentions(const json& t) {
        std::vector<Account> out;
        const auto e = t.find("entities");
        if (e == t.end() || !e->is_object()) return out;
        const auto ms = e->find("user_mentions");
        if (ms == e->end() || !ms->is_array()) return out;
        for (const auto& m : *ms) {
            Account a{id_field(m, "id_str"), str_field(m, "screen_name"), str_field(m, "name")};
            if (a.id.empty()) a.id = id_field(m, "id");
            remember(a);
            out.push_back(std::move(a));
        }
        return out;
    }

    /// The text the user saw: HTML-unescaped and cut to display_text_range, which counts code
    /// points and leaves out the "@a @b " a reply starts with.
    static std::string display_text(const json& t) {
        // Indices refer to the text before Twitter escaped &, < and >: unescape first.
        std::string text = html_unescape(str_field(t, "full_text"));
        if (text.empty()) text = html_unescape(str_field(t, "text"));
        if (const auto range = t.find("display_text_range");
            range != t.end() && range->is_array() && range->size() == 2) {
            const auto from = int_value((*range)[0]), to = int_value((*range)[1]);
            if (from && to && *from >= 0 && *to > *from)
                text = slice_code_points(text, static_cast<std::size_t>(*from),
                                         static_cast<std::size_t>(*to));
        }
        return cut_text(text, kPostExcerptBytes);
    }

    core::InteractionRecord base(const std::string& id, core::TimePoint at, std::string text) {
        core::InteractionRecord r;
        r.channel = core::Channel::twitter;
        r.direction = core::Direction::out;
        r.at = at;
        r.ext_ns = "twitter";
        r.ext_id = "tweet:" + id;
        r.text = std::move(text);
        r.url = "https://x.com/" + (me().handle.empty() ? std::string("i/web") : me().handle) +
                "/status/" + id;
        // Public replies and mentions of mine wait for no one (DESIGN.md: "waiting on them" is
        // for direct messages); mentions of me and DMs are personal.
        r.personal = false;
        return r;
    }

    Result<void> retweet(core::InteractionRecord& r, const json* rt,
                         const std::vector<Account>& mentions, const std::string& where) {
        Account author;
        if (rt) {
            if (const auto u = rt->find("user"); u != rt->end() && u->is_object())
                author = {id_field(*u, "id_str"), str_field(*u, "screen_name"),
                          str_field(*u, "name")};
            if (author.id.empty() && rt->contains("user"))
                author.id = id_field((*rt)["user"], "id");
            remember(author);
            if (auto m = retweeted_mention_of_me(*rt, author, where); !m) return m;
        }
        if (author.id.empty() && author.handle.empty()) {
            // "RT @jack: …": the author is the mention at the start.
            const auto colon = r.text.find(':');
            const auto handle = r.text.substr(4, colon == std::string::npos ? 0 : colon - 4);
            for (const auto& m : mentions)
                if (!handle.empty() && m.handle == handle) author = m;
            if (author.id.empty() && author.handle.empty()) author.handle = handle;
        }
        r.kind = core::InteractionKind::boost;
        add(r, author, core::ParticipantRole::to);
        if (r.participants.empty()) {
            skip("retweet of my own tweet");
            return {};
        }
        return m_sink.interaction(r);
    }

    /// Grailbird keeps the retweeted tweet whole: when its author mentioned me, that is a
    /// mention of me by them.
    Result<void> retweeted_mention_of_me(const json& rt, const Account& author,
                                         const std::string& where) {
        if (is_me(author) || (author.id.empty() && author.handle.empty())) return {};
        bool mentions_me = false;
        for (const auto& m : read_mentions(rt)) mentions_me = mentions_me || is_me(m);
        if (!mentions_me) return {};
        std::string id = id_field(rt, "id_str");
        if (id.empty()) id = id_field(rt, "id");
        const auto at = parse_twitter_time(str_field(rt, "created_at"));
        if (id.empty() || !at) return warn(where, "retweeted tweet without id or date");
        core::InteractionRecord in = base(id, *at, display_text(rt));
        in.kind = core::InteractionKind::mention;
        in.direction = core::Direction::in;
        in.personal = true;
        in.url = "https://x.com/" + (author.handle.empty() ? std::string("i/web") : author.handle) +
                 "/status/" + id;
        add(in, author, core::ParticipantRole::from);
        return m_sink.interaction(in);
    }

    /// Everyone a group conversation shows: senders and the users of join/leave events.
    static std::vector<std::string> group_members(const json& messages) {
        std::set<std::string> ids;
        const auto take_list = [&](const json& obj, const char* key) {
            const auto it = obj.find(key);
            if (it == obj.end() || !it->is_array()) return;
            for (const auto& v : *it)
                if (auto id = id_value(v); !id.empty()) ids.insert(id);
        };
        for (const auto& m : messages) {
            if (!m.is_object()) continue;
            for (const auto& [type, ev] : m.items()) {
                if (!ev.is_object()) continue;
                for (const char* key : {"senderId", "initiatingUserId"})
                    if (auto id = id_field(ev, key); !id.empty()) ids.insert(id);
                take_list(ev, "participantsSnapshot");
                take_list(ev, "userIds");
                (void)type;
            }
        }
        return {ids.begin(), ids.end()};
    }

    Result<void> dm(const json& mc, const std::string& conv,
                    const std::vector<std::string>& members, const std::string& where) {
        const auto id = id_field(mc, "id");
        const auto sender = id_field(mc, "senderId");
        const auto at = parse_twitter_time(str_field(mc, "createdAt"));
        if (id.empty() || sender.empty() || !at)
            return warn(where, "DM without id, senderId or a readable createdAt");
        core::InteractionRecord r;
        r.channel = core::Channel::twitter;
        r.kind = core::InteractionKind::dm;
        r.direction = sender == me().id ? core::Direction::out : core::Direction::in;
        r.at = *at;
        r.ext_ns = "twitter";
        r.ext_id = "dm:" + id;
        r.thread_key = "twitter:dm:" + conv;
        r.text = cut_text(html_unescape(str_field(mc, "text")), kPostExcerptBytes);
        r.url = "https://x.com/messages/" + conv;
        r.personal = true;
        const bool out = r.direction == core::Direction::out;
        if (!members.empty()) {
            if (!out) add(r, known(sender), core::ParticipantRole::from);
            for (const auto& m : members)
                add(r, known(m), out ? core::ParticipantRole::to : core::ParticipantRole::cc);
        } else {
            std::string other = out ? id_field(mc, "recipientId") : sender;
            if (other.empty()) {
                // One-to-one conversation ids are "<id>-<id>": the other side is the id not mine.
                const auto dash = conv.find('-');
                if (dash != std::string::npos)
                    other = conv.substr(0, dash) == me().id ? conv.substr(dash + 1)
                                                            : conv.substr(0, dash);
            }
            add(r, known(other), out ? core::ParticipantRole::to : core::ParticipantRole::from);
        }
        if (r.participants.empty()) return warn(where, "DM " + id + " names no one but me");
        return m_sink.interaction(r);
    }

    Account known(const std::string& id) const {
        if (const auto it = m_known.find(id); it != m_known.end()) return it->second;
        return {id, {}, {}};
    }

    core::RecordSink& m_sink;
    TwitterOwner m_me;
    std::unordered_map<std::string, Account> m_known;
};

std::vector<core::Identity> owner_identities(const TwitterOwner& me) {
    std::vector<core::Identity> out;
    for (const auto& raw : {me.id, me.handle.empty() ? std::string() : "@" + me.handle}) {
        auto id = core::normalize_identity(core::IdentityKind::twitter, raw);
        if (!id) continue;
        if (raw == me.id && !me.handle.empty()) id->display = "@" + me.handle;
        out.push_back(std::move(*id));
    }
    if (auto email = core::normalize_identity(core::IdentityKind::email, me.email))
        out.push_back(std::move(*email));
    return out;
}

TwitterConverter::TwitterConverter(core::RecordSink& sink, TwitterOwner me)
    : m_impl(std::make_unique<Impl>(sink, std::move(me))) {}

TwitterConverter::~TwitterConverter() = default;

const JsonKeyFilter& TwitterConverter::tweet_keys() {
    static const JsonKeyFilter keys{"tweet",
                                    "id_str",
                                    "id",
                                    "created_at",
                                    "user",
                                    "screen_name",
                                    "name",
                                    "retweeted_status",
                                    "in_reply_to_user_id_str",
                                    "in_reply_to_user_id",
                                    "in_reply_to_screen_name",
                                    "in_reply_to_status_id_str",
                                    "in_reply_to_status_id",
                                    "entities",
                                    "user_mentions",
                                    "full_text",
                                    "text",
                                    "display_text_range"};
    return keys;
}

Result<void> TwitterConverter::tweet(const json& element, const std::string& where) {
    return m_impl->tweet(element, where);
}

Result<void> TwitterConverter::dm_conversation(const json& element, const std::string& where,
                                               bool group) {
    return m_impl->dm_conversation(element, where, group);
}

Result<void> TwitterConverter::follow(const json& element, const std::string& where,
                                      core::FollowDirection direction, core::TimePoint seen) {
    return m_impl->follow(element, where, direction, seen);
}

}  // namespace kith::import
