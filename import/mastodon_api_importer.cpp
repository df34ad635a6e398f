#include "import/mastodon_api_importer.h"

#include <chrono>
#include <cstdlib>
#include <functional>
#include <map>

#include <nlohmann/json.hpp>

#include "core/identity_normalizer.h"
#include "import/html_entities.h"
#include "import/mastodon_common.h"
#include "import/social_text.h"

namespace kith::import {

namespace {

using core::ErrorCode;
using core::make_error;
using core::Result;
using json = nlohmann::json;

constexpr int kMaxPages = 20000;  // 800k followers at 40 a page
constexpr const char* kTokenHint =
    "Create an access token with the \"read\" scope under Preferences → Development → New "
    "application on your instance, then pass it with --option token=… (or KITH_MASTODON_TOKEN).";

/// True when id `a` is newer than `b` (snowflake ids: longer is newer, then lexicographic).
bool newer(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return a.size() > b.size();
    return a > b;
}

/// Reads one account of the API with what the importers keep.
struct ApiAccount {
    std::string id;
    core::Identity identity;
    std::string name;
};

class ApiSession {
  public:
    ApiSession(std::string base, HttpOptions http, core::RecordSink& sink, core::Progress& progress)
        : m_base(std::move(base)), m_http(std::move(http)), m_sink(sink), m_progress(progress) {}

    Result<void> run() {
        auto me = fetch_json(m_base + "/api/v1/accounts/verify_credentials");
        if (!me) return me.error();
        m_host = url_host(str_field(*me, "url"));
        if (m_host.empty()) m_host = url_host(m_base);
        auto acc = account(*me);
        if (!acc) return make_error(ErrorCode::format, m_base + " did not say whose token this is");
        m_me = *acc;
        m_me_uri = str_field(*me, "uri");  // Mastodon 4.2 on; before, local URIs are built so
        if (m_me_uri.empty() && !str_field(*me, "username").empty())
            m_me_uri = "https://" + m_host + "/users/" + str_field(*me, "username");
        // The token's account is mine, whatever an earlier import made of it.
        for (const auto& id :
             owner_identities(m_me.identity, {str_field(*me, "uri"), str_field(*me, "url")}))
            if (auto r = m_sink.owner_identity(id); !r) return r;
        load_cursor();

        std::string newest_n, newest_s, newest_c;
        auto r = pages("/api/v1/notifications?limit=40&types[]=mention&types[]=follow",
                       "notifications", newest_n, [&](const json& n) { return notification(n); });
        if (r)
            r = pages("/api/v1/accounts/" + m_me.id + "/statuses?limit=40", "statuses", newest_s,
                      [&](const json& s) { return my_status(s); });
        if (r)
            r = pages("/api/v1/conversations?limit=40", "conversations", newest_c,
                      [&](const json& c) { return conversation(c); });
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        for (const auto dir :
             {core::FollowDirection::follows_me, core::FollowDirection::i_follow}) {
            if (!r) break;
            const bool in = dir == core::FollowDirection::follows_me;
            std::string unused;
            r = pages(
                "/api/v1/accounts/" + m_me.id + (in ? "/followers" : "/following") + "?limit=80",
                "", unused, [&](const json& a) { return follow(a, dir, now); });
            // A list cut short says nothing about who is missing from it.
            if (r && !m_truncated)
                r = m_sink.follow_snapshot_complete(core::Channel::mastodon, dir, now);
            m_truncated = false;
        }
        if (!r) return r;
        json next = json::object();
        for (const auto& [key, newest] :
             {std::pair{"notifications", newest_n}, std::pair{"statuses", newest_s},
              std::pair{"conversations", newest_c}})
            next[key] = newest.empty() ? m_cursor[key] : newest;
        m_sink.set_cursor(next.dump());
        return {};
    }

  private:
    void load_cursor() {
        for (const char* k : {"notifications", "statuses", "conversations"}) m_cursor[k] = "";
        if (const auto c = m_sink.cursor()) {
            const json j = json::parse(*c, nullptr, false);
            if (j.is_object())
                for (const char* k : {"notifications", "statuses", "conversations"})
                    m_cursor[k] = str_field(j, k);
        }
    }

    Result<json> fetch_json(const std::string& url) {
        auto r = http_get(url, m_http, m_progress);
        if (!r) return r.error();
        if (r->status == 401 || r->status == 403)
            return make_error(ErrorCode::network,
                              "the Mastodon access token was refused by " + m_base + " (HTTP " +
                                  std::to_string(r->status) + ")",
                              kTokenHint);
        if (r->status < 200 || r->status >= 300)
            return make_error(ErrorCode::network,
                              url + " answered HTTP " + std::to_string(r->status),
                              "Check the instance address; import again later if the server "
                              "is having trouble.");
        json j = json::parse(r->body, nullptr, false);
        if (j.is_discarded())
            return make_error(ErrorCode::format, url + " did not answer JSON",
                              "Is " + m_base + " a Mastodon server?");
        m_last_link = r->headers.count("link") ? r->headers["link"] : std::string();
        return j;
    }

    /// Pages through `path` with the Link header, calling `on_item` for each element. With a
    /// cursor `key`, stops at the first item not newer than it and records the newest id.
    Result<void> pages(const std::string& path, const std::string& key, std::string& newest,
                       const std::function<Result<void>(const json&)>& on_item) {
        const std::string stop = key.empty() ? std::string() : m_cursor[key];
        std::string url = m_base + path;
        int pages_read = 0;
        while (!url.empty()) {
            if (m_progress.cancelled())
                return make_error(ErrorCode::cancelled, "import of " + m_base + " cancelled");
            auto page = fetch_json(url);
            if (!page) return page.error();
            if (!page->is_array())
                return make_error(ErrorCode::format, url + " did not answer a JSON array");
            for (const auto& item : *page) {
                if (!item.is_object()) {
                    m_sink.warning({url, "an element that is not an object skipped"});
                    continue;
                }
                std::string id = str_field(item, "id");
                if (key == "conversations") id = str_field(item.value("last_status", json()), "id");
                if (!key.empty() && !stop.empty() && !id.empty() && !newer(id, stop)) return {};
                if (!key.empty() && (newest.empty() || newer(id, newest))) newest = id;
                if (auto r = on_item(item); !r) return r;
                m_progress.update(++m_items, 0, "items");
            }
            // Follow only links back to the same instance, never the same page twice, and
            // stop at an empty page or after kMaxPages (a server that pages forever).
            auto next = link_next(m_last_link);
            if (page->empty() || next == url || next.rfind(m_base + "/", 0) != 0) next.clear();
            if (++pages_read >= kMaxPages && !next.empty()) {
                m_sink.warning({url, "stopped after " + std::to_string(kMaxPages) + " pages"});
                m_truncated = true;
                next.clear();
            }
            url = std::move(next);
        }
        return {};
    }

    std::optional<ApiAccount> account(const json& a) const {
        std::string acct = str_field(a, "acct");
        if (acct.empty()) return std::nullopt;
        if (acct.find('@') == std::string::npos) acct += "@" + m_host;
        auto id = core::normalize_identity(core::IdentityKind::mastodon, "@" + acct);
        if (!id) return std::nullopt;
        return ApiAccount{str_field(a, "id"), *id, str_field(a, "display_name")};
    }

    /// Verified profile links ("fields" with verified_at) become website identities.
    Result<void> verified_links(const json& a, const ApiAccount& who) {
        const auto fields = a.find("fields");
        if (fields == a.end() || !fields->is_array()) return {};
        core::ContactRecord c;
        for (const auto& f : *fields) {
            if (str_field(f, "verified_at").empty()) continue;
            const auto value = str_field(f, "value");
            const auto href = value.find("href=\"");
            if (href == std::string::npos) continue;
            const auto end = value.find('"', href + 6);
            auto site = core::normalize_identity(
                core::IdentityKind::website, html_unescape(value.substr(href + 6, end - href - 6)));
            if (site) c.identities.push_back(*site);
        }
        if (c.identities.empty()) return {};
        c.ext_ns = "mastodon";
        c.ext_id = "account:" + who.identity.value;
        c.display_name = who.name;
        c.identities.insert(c.identities.begin(), who.identity);
        return m_sink.contact(c);
    }

    void add(core::InteractionRecord& r, const core::Identity& id, const std::string& name,
             core::ParticipantRole role) const {
        if (id == m_me.identity) return;
        for (const auto& p : r.participants)
            if (p.identity == id) return;
        r.participants.push_back({id, name, role});
    }

    /// A status as a record; kind and participants are left to the caller.
    std::optional<core::InteractionRecord> base(const json& s, core::Direction dir) {
        const auto uri = str_field(s, "uri");
        const auto at = core::parse_iso(str_field(s, "created_at"));
        if (uri.empty() || !at) {
            m_sink.warning(
                {m_base + " status " + str_field(s, "id"), "status without uri or date"});
            return std::nullopt;
        }
        core::InteractionRecord r;
        r.channel = core::Channel::mastodon;
        r.direction = dir;
        r.at = *at;
        r.ext_ns = "mastodon";
        r.ext_id = uri;
        r.url = str_field(s, "url").empty() ? uri : str_field(s, "url");
        r.text = post_html_to_text(str_field(s, "content"));
        r.thread_key = reply_thread(s);
        if (str_field(s, "visibility") == "direct") r.kind = core::InteractionKind::dm;
        // Everything addressed to me is personal; of mine, only DMs wait for an answer.
        r.personal = dir == core::Direction::in || r.kind == core::InteractionKind::dm;
        return r;
    }

    /// A reply's thread, keyed as the archive keys it: "mastodon:status:" and the parent's URI.
    /// The API names the parent by its id on this instance only; the URI follows from it when
    /// the parent is local (mine, or by a local account it mentions): https://HOST/users/NAME/
    /// statuses/ID. A remote parent's URI is not in the status: its id here names it.
    std::string reply_thread(const json& s) const {
        const auto reply = str_field(s, "in_reply_to_id");
        if (reply.empty()) return {};
        const auto to = str_field(s, "in_reply_to_account_id");
        std::string author_uri = to == m_me.id ? m_me_uri : std::string();
        if (const auto ms = s.find("mentions");
            author_uri.empty() && ms != s.end() && ms->is_array())
            for (const auto& m : *ms)
                if (str_field(m, "id") == to &&
                    str_field(m, "acct").find('@') == std::string::npos &&
                    !str_field(m, "username").empty())
                    author_uri = "https://" + m_host + "/users/" + str_field(m, "username");
        if (author_uri.empty()) return "mastodon:" + m_host + ":" + reply;
        return "mastodon:status:" + author_uri + "/statuses/" + reply;
    }

    void add_mentions(core::InteractionRecord& r, const json& s, core::ParticipantRole role) const {
        const auto ms = s.find("mentions");
        if (ms == s.end() || !ms->is_array()) return;
        for (const auto& m : *ms)
            if (auto a = account(m)) add(r, a->identity, {}, role);
    }

    Result<void> notification(const json& n) {
        const auto type = str_field(n, "type");
        const auto who = account(n.value("account", json::object()));
        if (!who) return {};
        if (auto v = verified_links(n["account"], *who); !v) return v;
        if (type == "follow") {
            core::FollowEdgeRecord e;
            e.network = core::Channel::mastodon;
            e.their = who->identity;
            e.display_name = who->name;
            e.direction = core::FollowDirection::follows_me;
            e.seen_at = core::parse_iso(str_field(n, "created_at")).value_or(core::TimePoint{});
            return m_sink.follow_edge(e);
        }
        const auto status = n.find("status");
        if (type != "mention" || status == n.end() || !status->is_object()) return {};
        auto r = base(*status, core::Direction::in);
        if (!r) return {};
        if (r->kind != core::InteractionKind::dm)
            r->kind = str_field(*status, "in_reply_to_account_id") == m_me.id
                          ? core::InteractionKind::reply
                          : core::InteractionKind::mention;
        add(*r, who->identity, who->name, core::ParticipantRole::from);
        add_mentions(*r, *status, core::ParticipantRole::cc);
        return m_sink.interaction(*r);
    }

    Result<void> my_status(const json& s) {
        if (const auto rb = s.find("reblog"); rb != s.end() && rb->is_object()) {
            const auto author = account(rb->value("account", json::object()));
            auto r = base(s, core::Direction::out);
            if (!r || !author || author->identity == m_me.identity) return {};
            r->kind = core::InteractionKind::boost;
            // The boosted status's URI, as the archive's Announce names it (its "url" is the
            // web page): the same boost from either source is one unchanged record.
            r->url = str_field(*rb, "uri").empty() ? str_field(*rb, "url") : str_field(*rb, "uri");
            add(*r, author->identity, author->name, core::ParticipantRole::to);
            return m_sink.interaction(*r);
        }
        auto r = base(s, core::Direction::out);
        if (!r) return {};
        const auto replied = str_field(s, "in_reply_to_account_id");
        if (r->kind != core::InteractionKind::dm) {
            if (replied == m_me.id) {
                m_sink.skipped(1, "self-reply");
                return {};
            }
            r->kind =
                replied.empty() ? core::InteractionKind::mention : core::InteractionKind::reply;
        }
        add_mentions(*r, s,
                     r->kind == core::InteractionKind::mention ? core::ParticipantRole::mentioned
                                                               : core::ParticipantRole::to);
        if (r->participants.empty()) {
            m_sink.skipped(1, "post naming no one else");
            return {};
        }
        return m_sink.interaction(*r);
    }

    Result<void> conversation(const json& c) {
        const auto last = c.find("last_status");
        if (last == c.end() || !last->is_object()) return {};
        const auto author = account(last->value("account", json::object()));
        if (!author) return {};
        const bool mine = author->identity == m_me.identity;
        auto r = base(*last, mine ? core::Direction::out : core::Direction::in);
        if (!r) return {};
        r->kind = core::InteractionKind::dm;
        r->personal = true;
        r->thread_key = "mastodon:" + m_host + ":conversation:" + str_field(c, "id");
        if (!mine) add(*r, author->identity, author->name, core::ParticipantRole::from);
        if (const auto accs = c.find("accounts"); accs != c.end() && accs->is_array())
            for (const auto& a : *accs)
                if (auto who = account(a))
                    add(*r, who->identity, who->name,
                        mine ? core::ParticipantRole::to : core::ParticipantRole::cc);
        if (r->participants.empty()) return {};
        return m_sink.interaction(*r);
    }

    Result<void> follow(const json& a, core::FollowDirection dir, core::TimePoint now) {
        const auto who = account(a);
        if (!who) {
            m_sink.warning({m_base, "account without acct in a follow list"});
            return {};
        }
        if (auto v = verified_links(a, *who); !v) return v;
        core::FollowEdgeRecord e;
        e.network = core::Channel::mastodon;
        e.their = who->identity;
        e.display_name = who->name;
        e.direction = dir;
        e.seen_at = now;
        return m_sink.follow_edge(e);
    }

    std::string m_base, m_host, m_last_link;
    std::string m_me_uri;  ///< my ActivityPub id: https://HOST/users/ME
    HttpOptions m_http;
    core::RecordSink& m_sink;
    core::Progress& m_progress;
    ApiAccount m_me;
    std::map<std::string, std::string> m_cursor;  ///< newest id read per timeline
    std::uint64_t m_items = 0;
    bool m_truncated = false;  ///< the last paging stopped at kMaxPages
};

}  // namespace

Result<void> MastodonApiImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                      core::Progress& progress) {
    std::string base = req.location;
    while (!base.empty() && base.back() == '/') base.pop_back();
    if (base.find("://") == std::string::npos) base = "https://" + base;
    if (!allowed_url(base) || url_host(base).empty())
        return make_error(ErrorCode::invalid_input,
                          "\"" + req.location + "\" is not an instance address",
                          "Give the instance as https://mastodon.social.");
    HttpOptions http = m_http;
    http.https_only = true;  // the token goes nowhere unencrypted
    if (const auto it = req.options.find("token"); it != req.options.end())
        http.bearer_token = it->second;
    else if (const char* env = std::getenv("KITH_MASTODON_TOKEN"))
        http.bearer_token = env;
    if (const auto it = req.options.find("ca_file"); it != req.options.end())
        http.ca_file = it->second;
    if (http.bearer_token.empty())
        return make_error(ErrorCode::invalid_input, "no Mastodon access token for " + base,
                          kTokenHint);
    return ApiSession(base, std::move(http), sink, progress).run();
}

}  // namespace kith::import
