#pragma once
// What the Mastodon importers (archive, API) share: visibility from ActivityPub addressing and
// accounts from mentions and status URIs.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/identity.h"

namespace kith::import {

enum class Visibility { public_, unlisted, private_, direct };

/// FORMATS.md's rules: Public in `to` → public; Public in `cc` → unlisted; the author's
/// followers collection in `to` → private; anything else → direct. `to`/`cc` may be an array or
/// one string; Public is the full IRI, "as:Public" or "Public".
Visibility visibility_from_addressing(const nlohmann::json& object, std::string_view followers);

/// A mention's account: `name` "@user@host" as is, a local "@user" qualified with the host of
/// `href` (FORMATS.md: local mentions carry no domain). nullopt when neither gives an account.
std::optional<core::Identity> mention_identity(std::string_view name, std::string_view href);

/// The author of a status from its URI: "https://host/users/bob/statuses/1" or
/// "https://host/@bob/1" → bob@host.
std::optional<core::Identity> status_author(std::string_view uri);

/// The Mention tags of a Note ({"type":"Mention","href","name"}) as identities, without
/// duplicates.
std::vector<core::Identity> note_mentions(const nlohmann::json& note);

/// The account owner's identities: `acct` and what each of its actor URLs (the ActivityPub id
/// "https://host/users/me", the profile page "https://host/@me") normalise to, without
/// duplicates. They differ when the instance serves its accounts under another domain than its
/// web host: mentions qualified from `tag.href` then name the web host.
std::vector<core::Identity> owner_identities(const core::Identity& acct,
                                             const std::vector<std::string>& actor_urls);

/// The host of an http(s) URL, lower-cased; empty when there is none.
std::string url_host(std::string_view url);

}  // namespace kith::import
