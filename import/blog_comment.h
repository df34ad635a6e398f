#pragma once
// What every blog-comment importer (WXR, Disqus, feeds, WordPress REST) shares: commenters as
// identities, the comment's interaction record, and ids that agree across WordPress sources.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/importer.h"

namespace kith::import {

/// A comment's author as the source gives it; any field may be empty.
struct Commenter {
    std::string name;
    std::string email;
    std::string url;
};

/// The commenter's identities: email (when valid) first, then the URL as the identity its form
/// says (a twitter.com, Mastodon or LinkedIn profile is that network's account, anything else
/// a website by canonical URL; a bare platform home page such as "facebook.com" is dropped). A
/// name alone gives none. Pure.
std::vector<core::Identity> commenter_identities(const Commenter& c);

/// The commenters of one run: their identities, normalised once per commenter (the same people
/// come back comment after comment, and normalising URLs is the costliest step of a big export),
/// and whether their email and URL were already linked to one person. Holds at most kMaxEntries
/// commenters, then starts afresh (a repeated link only costs the sink a lookup). Not
/// thread-safe.
class CommenterBook {
  public:
    static constexpr std::size_t kMaxEntries = 50000;
    struct Entry {
        std::vector<core::Identity> ids;  ///< commenter_identities
        bool linked = false;
    };
    /// The commenter's entry; valid until the next call.
    Entry& get(const Commenter& c);
    /// Sends a contact record linking the entry's email and URL to one person, once per entry
    /// (nothing when it has fewer than two identities).
    static core::Result<void> link(std::string_view name, Entry& e, core::RecordSink& sink);

  private:
    std::unordered_map<std::string, Entry> m_entries;
    std::string m_key;  ///< reused: a lookup allocates nothing
};

/// True when any of the commenter's identities is mine.
bool commenter_is_me(const Commenter& c, const core::RecordSink& sink);
bool commenter_is_me(const std::vector<core::Identity>& ids, const core::RecordSink& sink);

/// One comment about to become an interaction.
struct CommentFields {
    std::string ext_ns;
    std::string ext_id;
    std::string thread_key;
    std::string post_title;
    std::string text;  ///< plain text (see comment_html_to_text)
    std::string url;   ///< link to the comment
    core::TimePoint at{};
    core::Direction direction = core::Direction::in;
    bool personal = true;
    core::InteractionKind kind = core::InteractionKind::comment;
    /// Them: the author of an inbound comment, the one I answer for an outbound one (may be
    /// empty: a top-level comment of mine, or a parent nobody can name).
    std::optional<Commenter> other;
    /// commenter_identities(*other) when the caller has them already (saves normalising twice).
    std::optional<std::vector<core::Identity>> other_ids;
    /// Where a commenter known only by name commented ("blog.example"): their identity is then
    /// "blog.example/#commenter=ben okafor", so one name on one blog stays one person across
    /// polls (comment feeds carry nothing else). Empty: a name alone gives no participant.
    std::string name_scope;
};

/// The interaction for a comment: channel blog, subject "Comment on “TITLE”" ("Link to …" for a
/// mention), text as given, participant `other` (role from for inbound, to for outbound) under its
/// first identity with its name. Pure.
core::InteractionRecord comment_record(CommentFields f);

/// Comments as links of parent chains, for threading when children may come before parents.
/// Holds at most `max_links` comments (memory stays bounded). Not thread-safe.
class CommentLinks {
  public:
    struct Link {
        std::string parent;  ///< empty for a top-level comment
        Commenter author;
        bool mine = false;
    };
    struct Root {
        std::string id;
        bool complete = true;  ///< false when the chain stops at a parent not (yet) known
    };

    explicit CommentLinks(std::size_t max_links) : m_max(max_links) {}
    /// Remembers a comment ("0" or "" parent = top level); false when full (not remembered).
    bool add(const std::string& id, std::string parent, Commenter author, bool mine);
    const Link* find(const std::string& id) const;
    /// The top of `id`'s parent chain; loops are cut where they close.
    Root root_of(const std::string& id) const;
    void clear() { m_links.clear(); }

  private:
    std::size_t m_max;
    std::unordered_map<std::string, Link> m_links;
};

/// Makes `f` my outbound comment answering `parent` (when known and not mine too): direction
/// out, not personal, `other` the parent's author.
void make_outbound(CommentFields& f, const CommentLinks::Link* parent);

/// Namespace of WordPress comment ids. The id is the comment's permalink, canonical:
/// "blog.example/2024/post#comment-12", the same whether the comment came from a WXR export, a
/// comment feed or the REST API, so importing one blog by several routes never duplicates.
inline constexpr std::string_view kWordPressNs = "wordpress";

/// "blog.example/2024/post#comment-12" for post "https://www.blog.example/2024/post/" and id
/// "12". A post link that is not a URL is used as given (trimmed).
std::string wordpress_comment_id(std::string_view post_url, std::string_view comment_id);

/// The canonical URL (core::canonical_url) of `url`, or `url` trimmed when it is not one.
std::string canonical_or_raw(std::string_view url);

/// Splits "https://blog/post/#comment-12" into ("https://blog/post/", "12"); nullopt when the
/// link has no "#comment-N" fragment.
std::optional<std::pair<std::string, std::string>> split_comment_link(std::string_view link);

/// The canonical host of `url` ("blog.example"); empty when it is not a URL.
std::string site_host(std::string_view url);

/// Trims ASCII white space.
std::string_view trim(std::string_view s);

}  // namespace kith::import
