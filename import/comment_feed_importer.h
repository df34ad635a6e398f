#pragma once
// The "feed" importer: polls a comment feed (RSS 2.0 or Atom) over HTTP.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/importer.h"

namespace kith::import {

/// Kind "feed": fetches a comment feed — my blog's `/comments/feed/`, or the per-post feed
/// (`/<post>/feed/`) of a blog where I commented — with libcurl (16 MiB cap, timeout 30 s or
/// option timeout=SECONDS) and parses it from memory with XmlReader (same XML defences as the
/// file importers). RSS 2.0 items (dc:creator, link "…#comment-N", guid, pubDate,
/// content:encoded or description) and Atom entries (author name/uri/email, link, id,
/// published/updated, content or summary, thr:in-reply-to) are read.
///
/// - Polling: the cursor remembers the last kMaxSeen guids and the posts where I commented, so
///   each run adds only new comments (and a reply can be recognised after my comment even when
///   my comment came in an earlier poll).
/// - Me: a commenter whose email or URL is one of my identities, or whose name is given with
///   option me=NAME (comma-separated), wrote an outbound comment.
/// - My blog: when the feed's site is one of my website identities (or option mine=yes), every
///   other comment is inbound and personal. On someone else's blog, a comment after mine on the
///   same post is inbound and personal (I may owe a reply); earlier comments by others are
///   skipped (they were not addressed to me).
/// - Threads: the post's canonical URL. Ids: WordPress comment permalinks are shared with the
///   wxr and wp-rest importers (kWordPressNs); other feeds use ("feed", guid).
/// - Commenters known only by name get a per-blog identity (see CommentFields::name_scope).
class CommentFeedImporter final : public core::Importer {
  public:
    static constexpr std::size_t kMaxSeen = 2000;

    std::string_view kind() const override { return "feed"; }
    std::string_view description() const override {
        return "Comment feed (RSS or Atom URL): new comments on my blog or after mine elsewhere";
    }
    core::SourceShape source_shape() const override { return core::SourceShape::url; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;
    /// What run() does once the feed is fetched: parses `body` (the feed document; `req` gives
    /// its address and the options) and sends its comments. Exposed for the fuzzer.
    static core::Result<void> import_body(std::string body, const core::ImportRequest& req,
                                          core::RecordSink& sink, core::Progress& progress);
};

}  // namespace kith::import
