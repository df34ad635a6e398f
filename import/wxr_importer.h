#pragma once
// The "wxr" importer: comments from a WordPress export (WXR) of my blog.

#include <string_view>

#include "core/importer.h"

namespace kith::import {

/// Kind "wxr": reads a WordPress eXtended RSS export (Tools → Export) of my own blog, streaming
/// it through XmlReader (any size, bounded memory) and turning each approved comment of type
/// comment into a blog interaction in the thread of its post.
///
/// - Namespaces http://wordpress.org/export/1.0/, 1.1/ and https://…/1.2/ read alike (names are
///   matched by local name); values may be CDATA or plain text; empty elements may self-close.
/// - Me: the blog's authors (`wp:author`: email, login, display name, user id) and the
///   identities the database knows as mine. A comment whose email or URL is mine, whose user id
///   is an author's, or whose name is an author's is outbound (to the author of the comment it
///   answers); every other comment is inbound and personal (it is on my post).
/// - Threads: "post#comment-ROOT" where ROOT is the top of the comment's parent chain. Parents
///   are resolved when the post's `</item>` is reached, so children may precede parents; the
///   comments of one post are held until then (at most kMaxPending; beyond, they are sent early
///   and a later parent cannot reach them: their thread starts at the comment itself).
///   Unapproved comments still link chains but are not imported.
/// - Ids: wordpress_comment_id (the canonical comment permalink), shared with the feed and REST
///   importers; importing the same export again changes nothing.
/// - Dates: `comment_date_gmt`; when it is missing or zero, `comment_date` (site-local) shifted
///   by the offset learned from earlier comments that had both (else taken as UTC), with a
///   warning.
/// - Skipped and counted: unapproved, spam and trashed comments, pingbacks and trackbacks (with
///   option pingbacks=mentions they become inbound mentions from the linking site), other
///   comment types (order notes…).
/// - Commenters: name, email (when valid) and URL (see commenter_identities: a Twitter or
///   Mastodon profile is that account, other sites a website); email and URL are linked to one
///   person by a contact record (counted in added/skipped like the comments).
/// Bad comments (no id, no date) are warnings "FILE:LINE: …"; repaired XML is reported as
/// warnings; XML it cannot get past ends the import with a format error naming the line (what
/// came before stays imported). Progress in bytes; cancel between comments.
class WxrImporter final : public core::Importer {
  public:
    /// Comments of one post held for threading before they are sent anyway.
    static constexpr std::size_t kMaxPending = 20000;

    std::string_view kind() const override { return "wxr"; }
    std::string_view description() const override {
        return "WordPress export (WXR .xml): comments on my blog and my replies";
    }
    std::string_view file_patterns() const override { return "*.xml"; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;
};

}  // namespace kith::import
