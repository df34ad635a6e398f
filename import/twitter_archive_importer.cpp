#include "import/twitter_archive_importer.h"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/identity_normalizer.h"
#include "import/archive_json.h"
#include "import/social_text.h"

namespace kith::import {

namespace {

using core::ErrorCode;
using core::make_error;
using core::Result;
using json = nlohmann::json;

constexpr std::size_t kSmallFileBytes = 16 << 20;  // manifest, account.js, user_details.js
constexpr std::size_t kMaxHandles = 1'000'000;
constexpr int kPasses = 4;  // check, tweets, DMs, follow lists
constexpr const char* kHint =
    "Kith reads the .zip from Twitter/X's \"Download an archive of your data\", unmodified.";

enum class Role { none, tweets, dms, group_dms, follower, following };

/// The archive's owner.
struct Me {
    std::string id, handle, name;
};

/// What the check pass learned about the archive.
struct Plan {
    Me me;
    bool has_manifest = false;
    std::map<std::string, Role> manifest_files;  ///< file name → role, from the manifest
    std::optional<core::TimePoint> generated;    ///< the manifest's generation date
    core::TimePoint newest_entry{};
    std::set<Role> lists_present;  ///< follower/following files seen
};

/// The name from its "data/" folder on, so archives re-zipped inside a folder still match.
std::string relative_name(std::string_view name) {
    if (name.substr(0, 5) == "data/") return std::string(name);
    if (const auto p = name.find("/data/"); p != std::string_view::npos)
        return std::string(name.substr(p + 1));
    return std::string(name);
}

Role role_by_name(std::string_view rel) {
    if (rel.size() < 8 || rel.substr(rel.size() - 3) != ".js") return Role::none;
    if (rel.substr(0, 15) == "data/js/tweets/") return Role::tweets;  // Grailbird
    if (rel.substr(0, 5) != "data/" || rel.find('/', 5) != std::string_view::npos)
        return Role::none;
    std::string_view base = rel.substr(5, rel.size() - 8);
    if (const auto p = base.rfind("-part"); p != std::string_view::npos) base = base.substr(0, p);
    if (base == "tweets" || base == "tweet") return Role::tweets;
    if (base == "direct-messages" || base == "direct-message") return Role::dms;
    if (base == "direct-messages-group" || base == "direct-message-group") return Role::group_dms;
    if (base == "follower") return Role::follower;
    if (base == "following") return Role::following;
    return Role::none;
}

Role role_by_data_type(std::string_view type) {
    if (type == "tweets" || type == "tweet") return Role::tweets;
    if (type == "directMessages") return Role::dms;
    if (type == "directMessagesGroup") return Role::group_dms;
    if (type == "follower") return Role::follower;
    if (type == "following") return Role::following;
    return Role::none;
}

/// Parses a small JS assignment file ("window.__THAR_CONFIG = {...}") whole.
Result<json> parse_js_value(const std::string& text, const std::string& where) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq > 4096)
        return make_error(ErrorCode::format, where + " has no JS assignment at its start", kHint);
    // Some generations end the assignment with ';'.
    auto end = text.find_last_not_of(" \t\r\n;");
    if (end == std::string::npos || end < eq) end = eq;
    json v = json::parse(text.begin() + static_cast<std::ptrdiff_t>(eq) + 1,
                         text.begin() + static_cast<std::ptrdiff_t>(end) + 1, nullptr, false);
    if (v.is_discarded())
        return make_error(ErrorCode::format, where + " is not valid JSON after its '='", kHint);
    return v;
}

void read_manifest(const json& m, Plan& plan) {
    plan.has_manifest = true;
    if (const auto it = m.find("userInfo"); it != m.end() && plan.me.id.empty()) {
        plan.me.id = id_field(*it, "accountId");
        plan.me.handle = str_field(*it, "userName");
        plan.me.name = str_field(*it, "displayName");
    }
    if (const auto it = m.find("archiveInfo"); it != m.end())
        plan.generated = parse_twitter_time(str_field(*it, "generationDate"));
    const auto types = m.find("dataTypes");
    if (types == m.end() || !types->is_object()) return;
    for (const auto& [type, spec] : types->items()) {
        const Role role = role_by_data_type(type);
        if (role == Role::none || !spec.is_object()) continue;
        const auto files = spec.find("files");
        if (files == spec.end() || !files->is_array()) continue;
        for (const auto& f : *files) {
            const auto name = str_field(f, "fileName");
            if (!name.empty()) plan.manifest_files[relative_name(name)] = role;
        }
    }
}

void read_account(const json& v, Plan& plan) {
    // account.js: [{"account": {...}}]; Grailbird user_details.js: {"id", "screen_name", …}.
    const json* a = &v;
    if (v.is_array() && !v.empty()) a = &v.front();
    if (a->contains("account")) a = &(*a)["account"];
    if (!a->is_object()) return;
    plan.me.id = id_field(*a, "accountId");
    if (plan.me.id.empty()) plan.me.id = id_field(*a, "id");
    plan.me.handle = str_field(*a, "username");
    if (plan.me.handle.empty()) plan.me.handle = str_field(*a, "screen_name");
    plan.me.name = str_field(*a, "accountDisplayName");
    if (plan.me.name.empty()) plan.me.name = str_field(*a, "full_name");
}

/// Someone seen in the archive: account id and what is known of their handle and name.
struct Account {
    std::string id, handle, name;
};

/// Turns archive elements into records. Remembers handles and names seen for account ids, so
/// the follower lists (ids only) get them.
class Converter {
  public:
    Converter(core::RecordSink& sink, const Plan& plan) : m_sink(sink), m_plan(plan) {}

    void skip(std::string_view why) { m_sink.skipped(1, why); }

    Result<void> tweet(const json& element, const std::string& where) {
        const json& t = element.contains("tweet") ? element["tweet"] : element;
        if (!t.is_object()) return warn(where, "a tweet element that is not an object");
        std::string id = id_field(t, "id_str");
        if (id.empty()) id = id_field(t, "id");
        if (id.empty()) return warn(where, "tweet without an id_str");
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
    const Me& me() const { return m_plan.me; }

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
            const json pair = json{{"a", (*range)[0]}, {"b", (*range)[1]}};
            const auto from = int_field(pair, "a"), to = int_field(pair, "b");
            if (from && to && *from >= 0 && *to > *from)
                text = slice_code_points(text, static_cast<std::size_t>(*from),
                                         static_cast<std::size_t>(*to));
        }
        return excerpt(text);
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
            for (const auto& v : *it) {
                const json holder = json{{"v", v}};
                if (auto id = id_field(holder, "v"); !id.empty()) ids.insert(id);
            }
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
        r.text = excerpt(html_unescape(str_field(mc, "text")));
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
    const Plan& m_plan;
    std::unordered_map<std::string, Account> m_known;
};

}  // namespace

Result<void> TwitterArchiveImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                         core::Progress& progress) {
    const std::string& path = req.location;
    auto [shown, pass] = start_archive_run(path, progress, kPasses);
    const auto stream = [&](ArchiveReader& reader, const std::string& rel, bool validate,
                            const LocatedElement& on_element) {
        ElementStreamOptions opt;
        opt.skip_js_assignment = true;
        opt.validate_only = validate;
        return stream_entry_elements(reader, shown + ":" + rel, opt, sink, pass, on_element);
    };

    // Pass 1: check every entry and data file; read the owner and the manifest.
    Plan plan;
    std::vector<std::string> data_files;
    progress.update(0, 0, "bytes");
    auto checked = each_archive_file(
        path, m_limits, [&](ArchiveReader& reader, const ArchiveEntry& e) -> Result<void> {
            plan.newest_entry = std::max(plan.newest_entry, e.mtime);
            const auto rel = relative_name(e.name);
            const bool manifest = rel == "data/manifest.js";
            const bool account = rel == "data/account.js" || rel == "data/js/user_details.js";
            if (manifest || account) {
                auto text = read_small_entry(reader, kSmallFileBytes);
                if (!text) return text.error();
                auto v = parse_js_value(*text, shown + ":" + rel);
                if (!v) return v.error();
                if (manifest)
                    read_manifest(*v, plan);
                else
                    read_account(*v, plan);
                return {};
            }
            if (role_by_name(rel) == Role::none) return {};
            data_files.push_back(rel);
            return stream(reader, rel, true, {});
        });
    if (!checked) return checked.error();
    if (plan.me.id.empty()) {
        return make_error(ErrorCode::format,
                          path +
                              " has no data/account.js (nor manifest userInfo or Grailbird "
                              "user_details.js): whose archive it is cannot be told",
                          kHint);
    }
    const auto role_of = [&](const std::string& rel) {
        if (!plan.has_manifest) return role_by_name(rel);
        const auto it = plan.manifest_files.find(rel);
        return it == plan.manifest_files.end() ? Role::none : it->second;
    };
    for (const auto& [file, role] : plan.manifest_files) {
        if (std::find(data_files.begin(), data_files.end(), file) == data_files.end())
            sink.warning({shown + ":data/manifest.js", "lists " + file + ", which is missing"});
    }
    const core::TimePoint seen = plan.generated.value_or(plan.newest_entry);

    // Tweets, then DMs, then the lists: DMs and lists name ids only, and the handles and names
    // the tweets show for those ids are attached when the person is first created.
    Converter convert(sink, plan);
    for (pass.pass = 1; pass.pass < kPasses; ++pass.pass) {
        auto r = each_archive_file(
            path, m_limits, [&](ArchiveReader& reader, const ArchiveEntry& e) -> Result<void> {
                const auto rel = relative_name(e.name);
                const Role role = role_of(rel);
                const bool lists = role == Role::follower || role == Role::following;
                const bool dms = role == Role::dms || role == Role::group_dms;
                const int wanted = lists ? 3 : dms ? 2 : 1;
                if (role == Role::none || wanted != pass.pass) return {};
                if (lists) plan.lists_present.insert(role);
                return stream(reader, rel, false,
                              [&](const json& el, const std::string& where) -> Result<void> {
                                  switch (role) {
                                      case Role::tweets:
                                          return convert.tweet(el, where);
                                      case Role::dms:
                                      case Role::group_dms:
                                          return convert.dm_conversation(el, where,
                                                                         role == Role::group_dms);
                                      case Role::follower:
                                          return convert.follow(
                                              el, where, core::FollowDirection::follows_me, seen);
                                      case Role::following:
                                          return convert.follow(
                                              el, where, core::FollowDirection::i_follow, seen);
                                      case Role::none:
                                          break;
                                  }
                                  return {};
                              });
            });
        if (!r) return r;
    }
    // Every part of a list was read whole: whoever is not in it any more has unfollowed.
    for (const Role role : plan.lists_present) {
        const auto dir = role == Role::follower ? core::FollowDirection::follows_me
                                                : core::FollowDirection::i_follow;
        if (auto r = sink.follow_snapshot_complete(core::Channel::twitter, dir, seen); !r) return r;
    }
    progress.update(pass.archive_bytes * kPasses, pass.archive_bytes * kPasses, "bytes");
    return {};
}

}  // namespace kith::import
