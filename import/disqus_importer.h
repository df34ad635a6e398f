#pragma once
// The "disqus" importer: comments from a Disqus export of my site.

#include <cstddef>
#include <string_view>

#include "core/importer.h"

namespace kith::import {

/// Kind "disqus": reads a Disqus export (Admin → Community → Export, a .xml) of my site,
/// streaming it through XmlReader: `category`s are passed over, `thread`s (dsq:id, link,
/// title) are remembered, then each `post` becomes a blog comment in its thread.
///
/// - Threads: "THREAD-LINK#comment-ROOT" with ROOT the top of the post's parent chain. Posts are
///   sent as soon as their chain is known; a post whose parent comes later in the file waits for
///   the end (at most kMaxDeferred wait; beyond, they go with the chain known so far).
/// - Deleted posts are not imported but still link their replies; spam is skipped; both are
///   counted as skipped. A post whose thread is missing is imported with a warning, in a thread
///   of its own thread id.
/// - Me: posts whose author email or Disqus profile (disqus.com/by/USERNAME, their website
///   identity) is one of my identities, or whose username is given with option me=USERNAME
///   (comma-separated). My posts are outbound to the author of the post they answer; the rest
///   are inbound and personal (they are on my site).
/// - Ids: ("disqus", dsq:id). `createdAt` with or without "Z" is UTC.
/// - Repaired XML (a stray byte before `<?xml`, bad characters, bare '&'…) is reported as
///   warnings and the rest imports; XML that cannot be read past ends the import with a format
///   error naming the line. Memory: the threads and one small link per post (parent, author)
///   are kept for threading, nothing of the messages.
class DisqusImporter final : public core::Importer {
  public:
    /// Posts waiting for a parent that comes later in the file.
    static constexpr std::size_t kMaxDeferred = 20000;

    std::string_view kind() const override { return "disqus"; }
    std::string_view description() const override {
        return "Disqus export (.xml): comments on my site and my replies";
    }
    std::string_view file_patterns() const override { return "*.xml"; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;
};

}  // namespace kith::import
