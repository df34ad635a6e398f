#include "app/gui/account_form.h"

#include <algorithm>
#include <cctype>

#include "app/shared/secret_store.h"
#include "app/shared/source_secret.h"
#include "import/imap_connection.h"

namespace kith::app {

using core::ErrorCode;
using core::make_error;

const char* const kMastodonTokenHint =
    "To create a token: on your instance open Preferences → Development → New application, "
    "give it a name, keep only the \"read\" scope, save, open the application and copy \"Your "
    "access token\".";

namespace {

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    const auto e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

/// Percent-encodes what would break a URL's user part ("ana@work" → "ana%40work").
std::string url_user(const std::string& user) {
    std::string out;
    for (const unsigned char c : user) {
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '~' || c == '+') {
            out.push_back(static_cast<char>(c));
        } else {
            static const char* hex = "0123456789ABCDEF";
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

core::Result<core::ImportRequest> imap_request(const AccountForm& f) {
    std::string server = trim(f.server);
    const std::string user = trim(f.user);
    if (server.empty())
        return make_error(ErrorCode::invalid_input, "the server is missing",
                          "Type the IMAP server, e.g. imap.example.org (port 993 unless given)");
    if (user.empty())
        return make_error(ErrorCode::invalid_input, "the user name is missing",
                          "Type the user name of the mailbox, often the e-mail address");
    if (server.find("://") == std::string::npos) server = "imaps://" + server;
    if (const auto at = server.find('@'); at != std::string::npos)
        server.erase(server.find("://") + 3, at - server.find("://") - 2);  // a user typed in
    while (!server.empty() && server.back() == '/') server.pop_back();
    const auto scheme_end = server.find("://") + 3;
    if (server.find('/', scheme_end) != std::string::npos)
        return make_error(ErrorCode::invalid_input, "the server \"" + f.server + "\" names a path",
                          "Give only the server (and port); folders go in the Folders field");
    core::ImportRequest r{
        "imap",
        server.substr(0, scheme_end) + url_user(user) + "@" + server.substr(scheme_end) + "/",
        {}};
    if (auto parsed = import::parse_imap_url(r.location); !parsed) return parsed.error();
    std::string folders = trim(f.folders);
    if (!folders.empty()) r.options["folders"] = folders;
    if (!trim(f.ca_file).empty()) r.options["ca_file"] = trim(f.ca_file);
    return r;
}

core::Result<core::ImportRequest> mastodon_request(const AccountForm& f) {
    std::string base = trim(f.server);
    if (base.empty())
        return make_error(ErrorCode::invalid_input, "the instance is missing",
                          "Type your instance, e.g. mastodon.social");
    if (base.find("://") == std::string::npos) base = "https://" + base;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return core::ImportRequest{"mastodon", base, {}};
}

}  // namespace

bool is_account_kind(std::string_view kind) {
    return kind == "imap" || kind == "mastodon";
}

core::Result<core::ImportRequest> account_request(const AccountForm& form) {
    auto r = form.kind == "imap" ? imap_request(form)
             : form.kind == "mastodon"
                 ? mastodon_request(form)
                 : core::Result<core::ImportRequest>(
                       make_error(ErrorCode::unsupported, form.kind + " has no account"));
    if (!r) return r;
    if (form.secret.empty())
        return make_error(ErrorCode::invalid_input, "the " + secret_noun(form.kind) + " is missing",
                          form.kind == "mastodon" ? kMastodonTokenHint
                                                  : "Type the password of the mailbox (some "
                                                    "providers need an app password for IMAP)");
    r->options[secret_option(form.kind)] = form.secret;
    return r;
}

core::Result<void> keep_account_secret(const AccountForm& form,
                                       const core::ImportRequest& request) {
    if (form.ask_each_time) return {};
    auto key = secret_key_for(request.kind, request.location);
    if (!key) return key.error();
    return keyring_store(*key, form.secret);
}

}  // namespace kith::app
