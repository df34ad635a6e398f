#include "import/twitter_archive_importer.h"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/archive_json.h"
#include "import/social_text.h"
#include "import/twitter_converter.h"

namespace kith::import {

namespace {

using core::ErrorCode;
using core::make_error;
using core::Result;
using json = nlohmann::json;

constexpr std::size_t kSmallFileBytes = 16 << 20;  // manifest, account.js, user_details.js
constexpr int kPasses = 4;                         // check, tweets, DMs, follow lists
constexpr const char* kHint =
    "Kith reads the .zip from Twitter/X's \"Download an archive of your data\", unmodified.";

enum class Role { none, tweets, dms, group_dms, follower, following };

/// What the check pass learned about the archive.
struct Plan {
    TwitterOwner me;
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
    plan.me.email = str_field(*a, "email");
    plan.me.name = str_field(*a, "accountDisplayName");
    if (plan.me.name.empty()) plan.me.name = str_field(*a, "full_name");
}

}  // namespace

Result<void> TwitterArchiveImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                         core::Progress& progress) {
    const std::string& path = req.location;
    // Named members, not a structured binding: clang 14 (the fuzz build) cannot capture those.
    auto archive_run = start_archive_run(path, progress, kPasses);
    const std::string& shown = archive_run.shown;
    PassProgress& pass = archive_run.pass;
    const auto stream = [&](ArchiveReader& reader, const std::string& rel, bool validate,
                            const JsonKeyFilter* keep, const LocatedElement& on_element) {
        ElementStreamOptions opt;
        opt.skip_js_assignment = true;
        opt.validate_only = validate;
        opt.keep_keys = keep;
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
            return stream(reader, rel, true, nullptr, {});
        });
    if (!checked) return checked.error();
    if (plan.me.id.empty()) {
        return make_error(ErrorCode::format,
                          path +
                              " has no data/account.js (nor manifest userInfo or Grailbird "
                              "user_details.js): whose archive it is cannot be told",
                          kHint);
    }
    // The archive is mine: its account becomes one of my identities before any record needs it
    // (an earlier import may have made it someone else; the claim moves it to me).
    for (const auto& id : owner_identities(plan.me))
        if (auto r = sink.owner_identity(id); !r) return r;
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
    TwitterConverter convert(sink, plan.me);
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
                const auto* keep = role == Role::tweets ? &TwitterConverter::tweet_keys() : nullptr;
                return stream(reader, rel, false, keep,
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
