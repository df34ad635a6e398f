#pragma once
// The "mastodon-archive" importer: a Mastodon account archive (.tar.gz or .zip).

#include "core/importer.h"
#include "import/archive_reader.h"

namespace kith::import {

/// Kind "mastodon-archive": reads the archive in place (nothing is extracted) in two passes —
/// first every entry is checked (zip-slip names, bombs, damage) and outbox.json is parsed for
/// syntax while actor.json (me) is read; then outbox.json's orderedItems are streamed one by one
/// (totalItems is not trusted; it rarely matches). likes.json, bookmarks.json and media are not
/// read. Records (ext_ns "mastodon", ext_id the status URI, as the API importer uses):
///  - a Create of a Note addressed directly (no Public, not to my followers) → dm, out, to the
///    mentioned accounts, thread "mastodon:conv:<conversation>";
///  - a reply to someone else's post → reply, out, to the mentioned accounts; a post that
///    mentions accounts → mention, out. Self-replies and posts naming no one are skipped;
///  - an Announce of someone else's post → boost, out, to its author (from the status URI).
/// Local mentions ("@bob") are qualified with the host of their href. Bad items are warnings
/// located "archive.tar.gz:outbox.json#12".
class MastodonArchiveImporter final : public core::Importer {
  public:
    explicit MastodonArchiveImporter(ArchiveLimits limits = {}) : m_limits(limits) {}
    std::string_view kind() const override { return "mastodon-archive"; }
    std::string_view description() const override {
        return "Mastodon account archive (.tar.gz): replies, mentions, direct messages, boosts";
    }
    std::string_view file_patterns() const override { return "*.tar.gz;*.tgz;*.zip"; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;

  private:
    ArchiveLimits m_limits;
};

}  // namespace kith::import
