#include "app/shared/source_secret.h"

#include <cstdlib>

namespace kith::app {

using core::ErrorCode;
using core::make_error;

std::string secret_option(const std::string& kind) {
    if (kind == "imap") return "password";
    if (kind == "mastodon") return "token";
    return {};
}

std::string secret_environment(const std::string& kind) {
    if (kind == "imap") return "KITH_IMAP_PASSWORD";
    if (kind == "mastodon") return "KITH_MASTODON_TOKEN";
    return {};
}

std::string secret_noun(const std::string& kind) {
    return kind == "imap" ? "IMAP password" : "Mastodon access token";
}

core::Result<SecretOrigin> fill_secret(core::ImportRequest& req, bool ask_each_time,
                                       const AskSecret& ask) {
    const auto option = secret_option(req.kind);
    if (option.empty()) return SecretOrigin::none;
    if (const auto it = req.options.find(option); it != req.options.end() && !it->second.empty())
        return SecretOrigin::option;
    if (const char* env = std::getenv(secret_environment(req.kind).c_str()); env && *env) {
        req.options[option] = env;
        return SecretOrigin::environment;
    }
    auto key = secret_key_for(req.kind, req.location);
    if (!key) return key.error();
    if (ask_each_time) {
        auto typed = ask ? ask(secret_noun(req.kind) + " for " + key->account)
                         : std::optional<std::string>{};
        if (!typed || typed->empty())
            return make_error(ErrorCode::invalid_input,
                              "no " + secret_noun(req.kind) + " given for " + key->account,
                              "Type it when asked (the input is not shown)");
        req.options[option] = std::move(*typed);
        return SecretOrigin::prompt;
    }
    auto stored = keyring_lookup(*key);
    if (!stored) return stored.error();
    if (!*stored)
        return make_error(
            ErrorCode::not_found,
            "no " + secret_noun(req.kind) + " for " + key->account + " in the keyring",
            "Store it once with: kith-cli source add " + req.kind + " " + req.location +
                " (or add --ask-password to type it each time; " + secret_environment(req.kind) +
                " for scripts)");
    req.options[option] = std::move(**stored);
    return SecretOrigin::keyring;
}

core::Error explain_refused_secret(core::Error error, const core::ImportRequest& req,
                                   SecretOrigin origin) {
    // The importers' wording for a refused login or token (imap_connection.cpp,
    // mastodon_api_importer.cpp).
    const bool refused = error.code == ErrorCode::network &&
                         (error.message.find("refused the login of") != std::string::npos ||
                          error.message.find("access token was refused") != std::string::npos);
    if (!refused) return error;
    const auto key = secret_key_for(req.kind, req.location);
    const std::string account = key ? key->account : req.location;
    switch (origin) {
        case SecretOrigin::keyring:
            error.hint = "The " + secret_noun(req.kind) + " stored in the keyring for " + account +
                         " is wrong or expired. Enter the right one with: kith-cli source add " +
                         req.kind + " " + req.location + " (or in the app: Add source)";
            break;
        case SecretOrigin::environment:
            error.hint = "The " + secret_noun(req.kind) + " for " + account + " in " +
                         secret_environment(req.kind) + " is wrong or expired; " + error.hint;
            break;
        default:
            error.hint = "The " + secret_noun(req.kind) + " for " + account +
                         " is wrong or expired; " + error.hint;
            break;
    }
    return error;
}

}  // namespace kith::app
