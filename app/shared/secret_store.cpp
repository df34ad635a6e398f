#include "app/shared/secret_store.h"

#include <libsecret/secret.h>

#include "import/imap_connection.h"

namespace kith::app {

namespace {

using core::ErrorCode;
using core::make_error;

const SecretSchema* schema() {
    static const SecretSchema s = {"org.kith.Credential",
                                   SECRET_SCHEMA_NONE,
                                   {{"kind", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                    {"account", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                    {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING}},
                                   0,
                                   nullptr,
                                   nullptr,
                                   nullptr,
                                   nullptr,
                                   nullptr,
                                   nullptr,
                                   nullptr};
    return &s;
}

/// The error for a failed keyring call; consumes `error`.
core::Error keyring_error(GError* error, const SecretKey& key) {
    const std::string detail = error && error->message ? error->message : "unknown error";
    g_clear_error(&error);
    return make_error(
        ErrorCode::io,
        "the desktop keyring (Secret Service) is not available for the " + key.kind +
            " secret of " + key.account + ": " + detail,
        "Log in to a desktop session with GNOME Keyring or KWallet running (headless: "
        "dbus-run-session, then gnome-keyring-daemon --unlock --components=secrets), "
        "or add --ask-password to be asked every time (nothing is stored)");
}

std::string trimmed_base(std::string base) {
    while (!base.empty() && base.back() == '/') base.pop_back();
    if (base.find("://") == std::string::npos) base = "https://" + base;
    return base;
}

}  // namespace

core::Result<SecretKey> secret_key_for(const std::string& kind, const std::string& location) {
    if (kind == "imap") {
        auto url = import::parse_imap_url(location);
        if (!url) return url.error();
        // The user name is part of the key: two accounts on one server have two passwords.
        return SecretKey{kind, std::string(url->tls ? "imaps://" : "imap://") + url->user + "@" +
                                   url->host + ":" + std::to_string(url->port)};
    }
    if (kind == "mastodon") {
        const auto base = trimmed_base(location);
        if (base.rfind("https://", 0) != 0 && base.rfind("http://", 0) != 0)
            return make_error(ErrorCode::invalid_input,
                              "\"" + location + "\" is not an instance address",
                              "Give the instance as https://mastodon.social");
        return SecretKey{kind, base};
    }
    return make_error(ErrorCode::unsupported, "a " + kind + " source needs no password or token",
                      "Only imap and mastodon sources keep a secret in the keyring");
}

core::Result<std::optional<std::string>> keyring_lookup(const SecretKey& key) {
    GError* error = nullptr;
    gchar* secret = secret_password_lookup_sync(schema(), nullptr, &error, "kind", key.kind.c_str(),
                                                "account", key.account.c_str(), nullptr);
    if (error) return keyring_error(error, key);
    if (!secret) return std::optional<std::string>{};
    std::optional<std::string> out{std::string(secret)};
    secret_password_free(secret);  // wipes the copy libsecret made
    return out;
}

core::Result<void> keyring_store(const SecretKey& key, const std::string& secret) {
    GError* error = nullptr;
    const std::string label =
        "Kith: " + std::string(key.kind == "imap" ? "IMAP password" : "access token") + " for " +
        key.account;
    const bool ok = secret_password_store_sync(
        schema(), SECRET_COLLECTION_DEFAULT, label.c_str(), secret.c_str(), nullptr, &error, "kind",
        key.kind.c_str(), "account", key.account.c_str(), nullptr);
    if (!ok || error) return keyring_error(error, key);
    return {};
}

core::Result<bool> keyring_forget(const SecretKey& key) {
    GError* error = nullptr;
    const bool removed =
        secret_password_clear_sync(schema(), nullptr, &error, "kind", key.kind.c_str(), "account",
                                   key.account.c_str(), nullptr);
    if (error) return keyring_error(error, key);
    return removed;
}

}  // namespace kith::app
