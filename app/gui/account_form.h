#pragma once
// The account forms of "Add source" (IMAP, Mastodon) without wx: what the fields mean, how they
// become an import request, and the secret's way into the keyring.

#include <string>
#include <string_view>

#include "core/importer.h"
#include "core/result.h"

namespace kith::app {

/// True for kinds whose source is an account with a secret (imap, mastodon). Pure.
bool is_account_kind(std::string_view kind);

/// What the user typed into an account form.
struct AccountForm {
    std::string kind;     ///< "imap" or "mastodon"
    std::string server;   ///< imap: "imap.example.org", "imap.example.org:993" or an imaps:// URL;
                          ///< mastodon: the instance ("mastodon.social" or https://…)
    std::string user;     ///< imap only
    std::string folders;  ///< imap only: comma-separated; empty = INBOX and the Sent folder
    std::string ca_file;  ///< imap only, optional: a PEM CA for a server with its own CA
    std::string secret;   ///< the password or access token
    bool ask_each_time = false;  ///< keep the secret out of the keyring (asked every run)
};

/// How to get a Mastodon access token, shown under the token field.
extern const char* const kMastodonTokenHint;

/// The import request the form describes, with the secret in the importer's option (for this
/// run only). invalid_input naming the field that is missing or wrong. Pure.
core::Result<core::ImportRequest> account_request(const AccountForm& form);

/// Stores the form's secret in the keyring for `request`'s account, unless `ask_each_time`.
/// The keyring's error (with its fix) when there is none.
core::Result<void> keep_account_secret(const AccountForm& form, const core::ImportRequest& request);

}  // namespace kith::app
