#include "import/mastodon_common.h"

#include <algorithm>

#include "core/identity_normalizer.h"
#include "import/social_text.h"

namespace kith::import {

using json = nlohmann::json;

namespace {

bool is_public(std::string_view s) {
    return s == "https://www.w3.org/ns/activitystreams#Public" || s == "as:Public" || s == "Public";
}

/// Calls `f` on each string of `v` (an array of strings or one string).
template <class F>
bool any_address(const json& obj, const char* key, F&& f) {
    const auto it = obj.find(key);
    if (it == obj.end()) return false;
    if (it->is_string()) return f(it->get_ref<const std::string&>());
    if (!it->is_array()) return false;
    for (const auto& v : *it)
        if (v.is_string() && f(v.get_ref<const std::string&>())) return true;
    return false;
}

std::optional<core::Identity> account(std::string_view user, std::string_view host) {
    if (user.empty() || host.empty()) return std::nullopt;
    auto id = core::normalize_identity(core::IdentityKind::mastodon,
                                       "@" + std::string(user) + "@" + std::string(host));
    if (!id) return std::nullopt;
    return *id;
}

}  // namespace

std::string url_host(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    url.remove_prefix(scheme + 3);
    std::string host(url.substr(0, url.find_first_of("/?#")));
    std::transform(host.begin(), host.end(), host.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return host;
}

Visibility visibility_from_addressing(const json& object, std::string_view followers) {
    if (!object.is_object()) return Visibility::direct;
    if (any_address(object, "to", is_public)) return Visibility::public_;
    if (any_address(object, "cc", is_public)) return Visibility::unlisted;
    if (!followers.empty() &&
        any_address(object, "to", [&](std::string_view s) { return s == followers; }))
        return Visibility::private_;
    return Visibility::direct;
}

std::optional<core::Identity> mention_identity(std::string_view name, std::string_view href) {
    if (!name.empty() && name.front() == '@') name.remove_prefix(1);
    if (const auto at = name.find('@'); at != std::string_view::npos)
        return account(name.substr(0, at), name.substr(at + 1));
    if (!name.empty()) return account(name, url_host(href));
    return status_author(href);
}

std::optional<core::Identity> status_author(std::string_view uri) {
    const auto host = url_host(uri);
    if (host.empty()) return std::nullopt;
    auto path = uri.substr(uri.find("://") + 3);
    const auto slash = path.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    path.remove_prefix(slash + 1);
    const auto segment = [&](std::string_view p) { return p.substr(0, p.find_first_of("/?#")); };
    if (path.substr(0, 6) == "users/") return account(segment(path.substr(6)), host);
    if (!path.empty() && path.front() == '@') {
        const auto user = segment(path.substr(1));
        // "https://host/@bob@other/1" is a remote account seen through this host.
        if (const auto at = user.find('@'); at != std::string_view::npos)
            return account(user.substr(0, at), user.substr(at + 1));
        return account(user, host);
    }
    return std::nullopt;
}

std::vector<core::Identity> owner_identities(const core::Identity& acct,
                                             const std::vector<std::string>& actor_urls) {
    std::vector<core::Identity> out{acct};
    for (const auto& url : actor_urls) {
        auto id = status_author(url);
        if (id && std::find(out.begin(), out.end(), *id) == out.end()) out.push_back(*id);
    }
    return out;
}

std::vector<core::Identity> note_mentions(const json& note) {
    std::vector<core::Identity> out;
    const auto tags = note.find("tag");
    if (tags == note.end() || !tags->is_array()) return out;
    for (const auto& t : *tags) {
        if (str_field(t, "type") != "Mention") continue;
        auto id = mention_identity(str_field(t, "name"), str_field(t, "href"));
        if (id && std::find(out.begin(), out.end(), *id) == out.end()) out.push_back(*id);
    }
    return out;
}

}  // namespace kith::import
