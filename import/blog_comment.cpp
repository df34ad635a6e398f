#include "import/blog_comment.h"

#include <cctype>

#include "core/identity_normalizer.h"
#include "import/html_text.h"

namespace kith::import {

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

namespace {

bool is_platform_home(const core::Identity& id) {
    static constexpr std::string_view kHosts[] = {
        "facebook.com", "twitter.com",  "x.com",       "instagram.com", "linkedin.com",
        "github.com",   "youtube.com",  "google.com",  "gmail.com",     "wordpress.com",
        "blogger.com",  "blogspot.com", "medium.com",  "tumblr.com",    "example.com",
        "yahoo.com",    "hotmail.com",  "outlook.com", "tiktok.com",    "reddit.com"};
    if (id.kind != core::IdentityKind::website) return false;
    for (const auto h : kHosts)
        if (id.value == h) return true;
    return false;
}

}  // namespace

std::vector<core::Identity> commenter_identities(const Commenter& c) {
    std::vector<core::Identity> out;
    if (!trim(c.email).empty()) {
        if (auto id = core::normalize_identity(core::IdentityKind::email, c.email))
            out.push_back(std::move(*id));
    }
    if (!trim(c.url).empty()) {
        // A profile URL is the identity of its network (twitter.com/ben is @ben), so commenters
        // meet their tweets and toots; "http://" alone or a bare platform home page (which
        // thousands of commenters give) identifies nobody.
        if (auto id = core::parse_identity(c.url); id && id->kind != core::IdentityKind::email &&
                                                   id->kind != core::IdentityKind::phone &&
                                                   !is_platform_home(*id))
            out.push_back(std::move(*id));
    }
    return out;
}

CommenterBook::Entry& CommenterBook::get(const Commenter& c) {
    m_key.assign(c.email);
    m_key += '\n';
    m_key += c.url;
    const auto it = m_entries.find(m_key);
    if (it != m_entries.end()) return it->second;
    if (m_entries.size() >= kMaxEntries) m_entries.clear();
    return m_entries.emplace(m_key, Entry{commenter_identities(c), false}).first->second;
}

core::Result<void> CommenterBook::link(std::string_view name, Entry& e, core::RecordSink& sink) {
    if (e.linked || e.ids.size() < 2) return {};
    e.linked = true;
    core::ContactRecord r;
    r.ext_ns = "blog-commenter";
    r.ext_id = e.ids[0].value + " " + e.ids[1].value;
    r.display_name = std::string(trim(name));
    r.identities = e.ids;
    return sink.contact(r);
}

bool commenter_is_me(const std::vector<core::Identity>& ids, const core::RecordSink& sink) {
    for (const auto& id : ids)
        if (sink.is_me(id)) return true;
    return false;
}

bool commenter_is_me(const Commenter& c, const core::RecordSink& sink) {
    return commenter_is_me(commenter_identities(c), sink);
}

core::InteractionRecord comment_record(CommentFields f) {
    core::InteractionRecord r;
    r.channel = core::Channel::blog;
    r.kind = f.kind;
    r.direction = f.direction;
    r.at = f.at;
    r.ext_ns = std::move(f.ext_ns);
    r.ext_id = std::move(f.ext_id);
    r.thread_key = std::move(f.thread_key);
    // All the comments of a post come in a row with its title: convert it once per post.
    thread_local std::string last_title, last_plain;
    if (f.post_title != last_title || last_title.empty()) {
        last_title = f.post_title;
        last_plain = comment_html_to_text(f.post_title, 200);
    }
    const std::string& title = last_plain;
    if (!title.empty())
        r.subject =
            std::string(f.kind == core::InteractionKind::mention ? "Link to “" : "Comment on “") +
            title + "”";
    r.text = std::move(f.text);
    r.url = std::move(f.url);
    r.personal = f.personal;
    if (f.other) {
        auto ids = f.other_ids ? std::move(*f.other_ids) : commenter_identities(*f.other);
        const auto name = trim(f.other->name);
        if (ids.empty() && !name.empty() && !f.name_scope.empty()) {
            std::string v = f.name_scope + "/#commenter=";
            for (const char ch : name)
                v += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            ids.push_back(
                {core::IdentityKind::website, v, std::string(name) + " on " + f.name_scope});
        }
        if (!ids.empty()) {
            core::Participant p;
            p.identity = std::move(ids.front());
            p.display_name = std::string(trim(f.other->name));
            p.role = f.direction == core::Direction::out ? core::ParticipantRole::to
                                                         : core::ParticipantRole::from;
            r.participants.push_back(std::move(p));
        }
    }
    return r;
}

bool CommentLinks::add(const std::string& id, std::string parent, Commenter author, bool mine) {
    if (m_links.size() >= m_max && !m_links.count(id)) return false;
    if (parent == "0") parent.clear();
    m_links[id] = Link{std::move(parent), std::move(author), mine};
    return true;
}

const CommentLinks::Link* CommentLinks::find(const std::string& id) const {
    const auto it = m_links.find(id);
    return it == m_links.end() ? nullptr : &it->second;
}

CommentLinks::Root CommentLinks::root_of(const std::string& id) const {
    Root root{id, true};
    // A chain longer than the map has a loop; the bound also cuts loops that avoid `id`.
    for (std::size_t steps = 0; steps <= m_links.size(); ++steps) {
        const Link* link = find(root.id);
        if (!link) {
            root.complete = false;  // the comment itself is unknown
            return root;
        }
        if (link->parent.empty() || link->parent == id) return root;
        if (!find(link->parent)) {
            root.complete = false;
            return root;
        }
        root.id = link->parent;
    }
    return root;
}

void make_outbound(CommentFields& f, const CommentLinks::Link* parent) {
    f.direction = core::Direction::out;
    f.personal = false;
    if (parent && !parent->mine) f.other = parent->author;
}

std::string canonical_or_raw(std::string_view url) {
    auto c = core::canonical_url(url);
    return c.empty() ? std::string(trim(url)) : c;
}

std::string site_host(std::string_view url) {
    auto c = core::canonical_url(url);
    if (const auto slash = c.find('/'); slash != std::string::npos) c.resize(slash);
    return c;
}

std::string wordpress_comment_id(std::string_view post_url, std::string_view comment_id) {
    return canonical_or_raw(post_url) + "#comment-" + std::string(trim(comment_id));
}

std::optional<std::pair<std::string, std::string>> split_comment_link(std::string_view link) {
    link = trim(link);
    const auto hash = link.rfind("#comment-");
    if (hash == std::string_view::npos) return std::nullopt;
    const auto id = link.substr(hash + 9);
    if (id.empty() || id.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    return std::pair{std::string(link.substr(0, hash)), std::string(id)};
}

}  // namespace kith::import
