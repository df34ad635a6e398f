#pragma once
// Twitter/X archive elements (a tweet, a DM conversation, a follower) as Kith records; the
// archive importer streams the elements, this decides what they mean.

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/importer.h"
#include "import/json_value_parser.h"

namespace kith::import {

/// The archive's owner (account.js, the manifest's userInfo or Grailbird's user_details.js).
struct TwitterOwner {
    std::string id, handle, name;
    std::string email;  ///< account.js's "email": the address the account was registered with
};

/// The owner's identities as the converter names accounts: the numeric account id (shown as
/// "@handle") and, when known, the handle on its own (mentions by handle only use it); and the
/// account's email address when the archive gives one.
std::vector<core::Identity> owner_identities(const TwitterOwner& me);

/// Turns archive elements into records on a sink (ext_ns "twitter"; see
/// twitter_archive_importer.h for what becomes what). Remembers the handles and names tweets
/// show for account ids (up to a million), so DMs and follower lists, which name ids only, get
/// them when fed afterwards. Bad elements are warnings at `where`. One run; not thread-safe.
class TwitterConverter {
  public:
    TwitterConverter(core::RecordSink& sink, TwitterOwner me);
    ~TwitterConverter();
    TwitterConverter(const TwitterConverter&) = delete;
    TwitterConverter& operator=(const TwitterConverter&) = delete;

    /// Every key tweet() reads, at any depth: what the streaming parser must build of a tweet
    /// (the rest, e.g. "edit_info", "source", "urls", is checked and dropped). A key tweet()
    /// starts to read must be added here.
    static const JsonKeyFilter& tweet_keys();
    /// One element of tweets.js / tweet.js (wrapped in {"tweet":…} or not) or a Grailbird file.
    core::Result<void> tweet(const nlohmann::json& element, const std::string& where);
    /// One {"dmConversation":…} of direct-messages.js or, with `group`, direct-messages-group.js.
    core::Result<void> dm_conversation(const nlohmann::json& element, const std::string& where,
                                       bool group);
    /// One {"follower":…} or {"following":…} element, seen at the archive's date.
    core::Result<void> follow(const nlohmann::json& element, const std::string& where,
                              core::FollowDirection direction, core::TimePoint seen);

  private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace kith::import
