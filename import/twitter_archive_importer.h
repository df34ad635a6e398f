#pragma once
// The "twitter" importer: the "Download your data" archive of Twitter/X, every generation.

#include "core/importer.h"
#include "import/archive_reader.h"

namespace kith::import {

/// Kind "twitter": reads the archive .zip in place (nothing is extracted) in four passes:
///  1. check: every entry name and size is checked (zip-slip names, bombs and damage are
///     Errors) and every data file is parsed for syntax, so a broken archive writes nothing;
///     the owner is read from data/account.js (or the manifest's userInfo, or Grailbird's
///     data/js/user_details.js);
///  2. tweets, 3. DMs, 4. followers and following (DMs and lists name account ids only; the
///     handles and names the tweets show are attached to those ids). Files are those listed by
///     data/manifest.js when present, else found by name (data/tweets.js, tweets-partN.js,
///     data/tweet.js, data/js/tweets/YYYY_MM.js, direct-messages[-group][-partN].js,
///     follower.js, following.js), parts in any order.
/// Records (ext_ns "twitter"):
///  - my reply to someone else → reply, out, thread "twitter:status:<replied id>";
///  - my tweet mentioning others → mention, out; a retweet ("RT @x:" or retweeted_status) →
///    boost, out; a retweeted tweet by someone else that mentions me (Grailbird keeps it) →
///    mention, in. Self-replies and tweets naming no one else are counted as skipped;
///  - every DM → dm, in or out, thread "twitter:dm:<conversation id>"; group DMs name every
///    participant seen in the conversation (senders and join/leave events);
///  - follower.js / following.js → follow edges keyed by account id, seen at the archive's
///    generation date; when a list is read whole, edges missing from it are ended (unfollows).
/// Ids stay exact (never via double); numbers written as strings are accepted; text is
/// HTML-unescaped and cut to the display range in code points. like.js is not read (it names
/// no author). Bad elements are warnings located "archive.zip:data/tweets.js#123".
class TwitterArchiveImporter final : public core::Importer {
  public:
    explicit TwitterArchiveImporter(ArchiveLimits limits = {}) : m_limits(limits) {}
    std::string_view kind() const override { return "twitter"; }
    std::string_view description() const override {
        return "Twitter/X archive (.zip): replies, mentions, DMs, followers and following";
    }
    std::string_view file_patterns() const override { return "*.zip"; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;

  private:
    ArchiveLimits m_limits;
};

}  // namespace kith::import
