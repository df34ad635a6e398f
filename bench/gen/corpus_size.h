#pragma once
// The three sizes of generated data: small (CI, seconds), medium, large (the targets' scale).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kith::bench {

/// How much of each kind of data a generated corpus holds.
struct CorpusSize {
    std::string name;
    std::uint64_t people = 0;           ///< roster: vCards, correspondents, commenters
    std::uint64_t messages = 0;         ///< email messages, written as mbox and as Maildir
    std::uint64_t tweets = 0;           ///< X archive tweets, split into tweets-partN files
    std::uint64_t dms = 0;              ///< X archive direct messages
    std::uint64_t followers = 0;        ///< X archive followers
    std::uint64_t mastodon_items = 0;   ///< Mastodon outbox activities
    std::uint64_t wxr_comments = 0;     ///< WordPress export comments
    std::uint64_t disqus_comments = 0;  ///< Disqus export posts
    std::uint64_t events = 0;           ///< calendar events
    std::uint64_t demo_people = 0;      ///< people in the demo database the query figures use
};

/// "small", "medium" or "large"; nullopt for anything else.
std::optional<CorpusSize> corpus_size(std::string_view name);

}  // namespace kith::bench
