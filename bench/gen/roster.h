#pragma once
// The generated people: realistic names (diacritics, other scripts, shared first names) and
// several identities each across email, X, Mastodon and the web, the same in every file the
// generator writes so that one person shows up through several channels.

#include <cstdint>
#include <string>
#include <vector>

namespace kith::bench {

/// One generated person and their identities (empty = not on that channel).
struct RosterPerson {
    std::string name;            ///< display name, UTF-8 ("José Álvarez", "李娜")
    std::string given, family;   ///< the two parts of the name (vCard N)
    std::string email;           ///< primary address
    std::string work_email;      ///< a second address for some
    std::string twitter_id;      ///< numeric account id
    std::string twitter_handle;  ///< screen name without '@'
    std::string mastodon_user;   ///< user part of @user@host
    std::string mastodon_host;
    std::string website;  ///< personal site
    std::string phone;
};

/// Me: the owner of every archive and mailbox.
struct RosterMe {
    std::string name = "Mira Kowalczyk";
    std::string email = "mira@kith-bench.example";
    std::string twitter_id = "12";
    std::string twitter_handle = "mira_k";
    std::string mastodon_host = "mastodon.example";
    std::string mastodon_user = "mira";
    std::string disqus_user = "mira_k";
};

/// The people of one generated corpus, deterministic for a seed.
class Roster {
  public:
    Roster(std::uint64_t people, std::uint64_t seed);
    const std::vector<RosterPerson>& people() const { return m_people; }
    const RosterMe& me() const { return m_me; }
    /// Indices of the people with an X account / a Mastodon account (never empty).
    const std::vector<std::size_t>& on_twitter() const { return m_twitter; }
    const std::vector<std::size_t>& on_mastodon() const { return m_mastodon; }

  private:
    RosterMe m_me;
    std::vector<RosterPerson> m_people;
    std::vector<std::size_t> m_twitter, m_mastodon;
};

}  // namespace kith::bench
