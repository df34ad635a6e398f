#pragma once
// Where an import's secret comes from, the same rules for kith-cli and the app: an explicit
// option, else the environment (for scripts), else the keyring, else — only when the user opted
// in — a prompt every time. Importers only ever see the secret in their request's options.

#include <functional>
#include <optional>
#include <string>

#include "app/shared/secret_store.h"
#include "core/importer.h"
#include "core/result.h"

namespace kith::app {

/// Where the secret of a request came from, to explain a refused one.
enum class SecretOrigin { none, option, environment, keyring, prompt };

/// The importer option that carries a kind's secret ("password" for imap, "token" for
/// mastodon); empty for kinds without one.
std::string secret_option(const std::string& kind);

/// The environment variable scripts may set instead (KITH_IMAP_PASSWORD, KITH_MASTODON_TOKEN).
std::string secret_environment(const std::string& kind);

/// Asks the user for `what` (no echo); nullopt when they gave nothing.
using AskSecret = std::function<std::optional<std::string>(const std::string& what)>;

/// Fills the request's secret option unless it is set: from the environment, else from the
/// keyring, or — with `ask_each_time` — from `ask` instead of the keyring. Errors: no keyring
/// (io, hint: --ask-password), no secret stored (not_found, hint: kith-cli source add …), nothing
/// typed (invalid_input). Kinds without a secret are left alone (origin none).
core::Result<SecretOrigin> fill_secret(core::ImportRequest& req, bool ask_each_time,
                                       const AskSecret& ask);

/// `error` of an import whose secret the server refused, with a hint naming the account and how
/// to enter the right one (for the keyring: kith-cli source add …); other errors unchanged.
core::Error explain_refused_secret(core::Error error, const core::ImportRequest& req,
                                   SecretOrigin origin);

/// What to call a kind's secret in prompts and messages ("IMAP password", "Mastodon access
/// token").
std::string secret_noun(const std::string& kind);

}  // namespace kith::app
