#include "import/mastodon_archive_importer.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "import/archive_json.h"
#include "import/mastodon_common.h"
#include "import/social_text.h"

namespace kith::import {

namespace {

using core::ErrorCode;
using core::make_error;
using core::Result;
using json = nlohmann::json;

constexpr std::size_t kActorBytes = 4 << 20;
constexpr int kPasses = 2;
constexpr const char* kHint =
    "Kith reads the archive from Mastodon's Preferences → Import and export → Request your "
    "archive, unmodified.";

/// The archive's owner, from actor.json.
struct Actor {
    std::string id, url, followers;
    std::optional<core::Identity> identity;
};

/// "outbox.json" at the root or inside one top folder.
std::string base_name(std::string_view name) {
    const auto slash = name.find('/');
    if (slash == std::string_view::npos) return std::string(name);
    if (name.find('/', slash + 1) != std::string_view::npos) return {};
    return std::string(name.substr(slash + 1));
}

Result<Actor> read_actor(const std::string& text, const std::string& where) {
    const json a = json::parse(text, nullptr, false);
    if (a.is_discarded() || !a.is_object())
        return make_error(ErrorCode::format, where + " is not a JSON object", kHint);
    Actor me;
    me.id = str_field(a, "id");
    me.url = str_field(a, "url");
    me.followers = str_field(a, "followers");
    if (me.followers.empty() && !me.id.empty()) me.followers = me.id + "/followers";
    const auto user = str_field(a, "preferredUsername");
    const auto host = url_host(me.id);
    if (!user.empty() && !host.empty()) me.identity = mention_identity(user, me.id);
    return me;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return !prefix.empty() && s.substr(0, prefix.size()) == prefix;
}

/// Turns outbox items into records.
class OutboxConverter {
  public:
    OutboxConverter(core::RecordSink& sink, const Actor& me) : m_sink(sink), m_me(me) {}

    Result<void> item(const json& activity, const std::string& where) {
        const auto type = str_field(activity, "type");
        if (type == "Create") return create(activity, where);
        if (type == "Announce") return announce(activity, where);
        m_sink.skipped(1, "outbox activity other than Create or Announce");
        return {};
    }

  private:
    bool mine(std::string_view uri) const {
        return starts_with(uri, m_me.id + "/") || starts_with(uri, m_me.url + "/");
    }

    Result<void> warn(const std::string& where, std::string message) {
        m_sink.warning({where, std::move(message)});
        return {};
    }

    core::InteractionRecord base(const std::string& id, core::TimePoint at) const {
        core::InteractionRecord r;
        r.channel = core::Channel::mastodon;
        r.direction = core::Direction::out;
        r.at = at;
        r.ext_ns = "mastodon";
        r.ext_id = id;
        r.url = id;
        r.personal = false;  // only DMs of mine wait for an answer (DESIGN.md)
        return r;
    }

    void add(core::InteractionRecord& r, const core::Identity& id, core::ParticipantRole role) {
        if (m_me.identity && id == *m_me.identity) return;
        for (const auto& p : r.participants)
            if (p.identity == id) return;
        r.participants.push_back({id, {}, role});
    }

    Result<void> create(const json& activity, const std::string& where) {
        const auto obj = activity.find("object");
        if (obj == activity.end() || !obj->is_object())
            return warn(where, "Create without an object");
        const json& note = *obj;
        const auto id = str_field(note, "id");
        auto at = core::parse_iso(str_field(note, "published"));
        if (!at) at = core::parse_iso(str_field(activity, "published"));
        if (id.empty() || !at) return warn(where, "post without id or a readable published date");
        core::InteractionRecord r = base(id, *at);
        if (const auto url = str_field(note, "url"); !url.empty()) r.url = url;
        r.text = post_html_to_text(str_field(note, "content"));
        const auto mentions = note_mentions(note);
        const auto in_reply_to = str_field(note, "inReplyTo");
        const Visibility v = visibility_from_addressing(note, m_me.followers);
        if (v == Visibility::direct) {
            r.kind = core::InteractionKind::dm;
            r.personal = true;
            const auto conv = str_field(note, "conversation");
            if (!conv.empty()) r.thread_key = "mastodon:conv:" + conv;
            for (const auto& m : mentions) add(r, m, core::ParticipantRole::to);
        } else if (!in_reply_to.empty()) {
            if (mine(in_reply_to)) {
                m_sink.skipped(1, "self-reply");
                return {};
            }
            r.kind = core::InteractionKind::reply;
            r.thread_key = "mastodon:status:" + in_reply_to;
            for (const auto& m : mentions) add(r, m, core::ParticipantRole::to);
        } else {
            r.kind = core::InteractionKind::mention;
            for (const auto& m : mentions) add(r, m, core::ParticipantRole::mentioned);
        }
        if (r.participants.empty()) {
            m_sink.skipped(1, "post naming no one else");
            return {};
        }
        return m_sink.interaction(r);
    }

    Result<void> announce(const json& activity, const std::string& where) {
        const auto id = str_field(activity, "id");
        const auto at = core::parse_iso(str_field(activity, "published"));
        std::string target = str_field(activity, "object");
        if (target.empty()) target = str_field(activity.value("object", json::object()), "id");
        if (id.empty() || !at || target.empty())
            return warn(where, "Announce without id, published date or object");
        const auto author = status_author(target);
        if (mine(target) || !author || (m_me.identity && *author == *m_me.identity)) {
            m_sink.skipped(1, "boost of my own post");
            return {};
        }
        core::InteractionRecord r = base(id, *at);
        r.kind = core::InteractionKind::boost;
        r.url = target;
        add(r, *author, core::ParticipantRole::to);
        return m_sink.interaction(r);
    }

    core::RecordSink& m_sink;
    const Actor& m_me;
};

}  // namespace

Result<void> MastodonArchiveImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                          core::Progress& progress) {
    const std::string& path = req.location;
    // Named members, not a structured binding: clang 14 (the fuzz build) cannot capture those.
    auto archive_run = start_archive_run(path, progress, kPasses);
    const std::string& shown = archive_run.shown;
    PassProgress& pass = archive_run.pass;
    ElementStreamOptions opt;
    opt.at = ArrayAt::ordered_items;

    // Pass 1: check the archive and outbox.json; read actor.json.
    std::optional<Actor> me;
    bool has_outbox = false;
    opt.validate_only = true;
    auto checked = each_archive_file(
        path, m_limits, [&](ArchiveReader& reader, const ArchiveEntry& e) -> Result<void> {
            const auto name = base_name(e.name);
            if (name == "actor.json") {
                auto text = read_small_entry(reader, kActorBytes);
                if (!text) return text.error();
                auto a = read_actor(*text, shown + ":" + e.name);
                if (!a) return a.error();
                me = std::move(*a);
            } else if (name == "outbox.json") {
                has_outbox = true;
                return stream_entry_elements(reader, shown + ":" + e.name, opt, sink, pass, {});
            }
            return {};
        });
    if (!checked) return checked.error();
    if (!has_outbox || !me || !me->identity) {
        return make_error(ErrorCode::format,
                          path + (has_outbox ? " has no usable actor.json (whose archive it is)"
                                             : " has no outbox.json: not a Mastodon archive"),
                          kHint);
    }

    // The archive is mine: its account becomes one of my identities before the posts.
    for (const auto& id : owner_identities(*me->identity, {me->id, me->url}))
        if (auto r = sink.owner_identity(id); !r) return r;

    // Pass 2: the posts.
    pass.pass = 1;
    opt.validate_only = false;
    OutboxConverter convert(sink, *me);
    auto imported = each_archive_file(
        path, m_limits, [&](ArchiveReader& reader, const ArchiveEntry& e) -> Result<void> {
            if (base_name(e.name) != "outbox.json") return {};
            return stream_entry_elements(reader, shown + ":" + e.name, opt, sink, pass,
                                         [&](const json& item, const std::string& where) {
                                             return convert.item(item, where);
                                         });
        });
    if (!imported) return imported;
    progress.update(pass.archive_bytes * kPasses, pass.archive_bytes * kPasses, "bytes");
    return {};
}

}  // namespace kith::import
