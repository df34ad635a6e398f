#pragma once
// The desktop keyring (the freedesktop Secret Service through libsecret): where IMAP passwords
// and API tokens live. Never the database, never a file, never a log.

#include <optional>
#include <string>

#include "core/result.h"

namespace kith::app {

/// Which secret: the source kind ("imap", "mastodon") and the account it unlocks
/// ("imaps://ana@imap.example.org:993", "https://mastodon.social"). Both are stored as the
/// keyring item's attributes (schema "org.kith.Credential"); the secret never is.
struct SecretKey {
    std::string kind;
    std::string account;
};

/// The key for a source: IMAP URLs by server and user (every folder shares the password),
/// Mastodon by its instance address. invalid_input when the location cannot be read, unsupported
/// for kinds that need no secret.
core::Result<SecretKey> secret_key_for(const std::string& kind, const std::string& location);

/// The stored secret, or nullopt when there is none. An `io` error when no Secret Service can be
/// reached (no D-Bus session, no keyring daemon) says so and how to fix it, or to use
/// --ask-password.
core::Result<std::optional<std::string>> keyring_lookup(const SecretKey& key);

/// Stores (or replaces) the secret in the default collection, labelled for people browsing
/// their keyring ("Kith: IMAP password for imaps://ana@…").
core::Result<void> keyring_store(const SecretKey& key, const std::string& secret);

/// Deletes the secret; true when there was one.
core::Result<bool> keyring_forget(const SecretKey& key);

}  // namespace kith::app
