#include "core/identity_match_keys.h"

#include <algorithm>

#include <cctype>
#include <string_view>

namespace kith::core {

namespace {

constexpr std::string_view kFreeMail[] = {
    "gmail.com",   "googlemail.com", "yahoo.com",   "yahoo.co.uk", "yahoo.fr",       "ymail.com",
    "hotmail.com", "hotmail.co.uk",  "hotmail.fr",  "outlook.com", "live.com",       "msn.com",
    "aol.com",     "icloud.com",     "me.com",      "mac.com",     "gmx.de",         "gmx.net",
    "gmx.com",     "web.de",         "t-online.de", "proton.me",   "protonmail.com", "pm.me",
    "yandex.ru",   "yandex.com",     "mail.ru",     "zoho.com",    "fastmail.com",   "posteo.de",
    "mailbox.org", "qq.com",         "163.com",     "free.fr",     "orange.fr",      "libero.it",
    "hey.com",     "tutanota.com",   "seznam.cz",   "wp.pl",       "o2.pl",
};

// Local parts and handles that name a role or a service, not a person.
constexpr std::string_view kRoleNames[] = {
    "info",          "contact", "hello", "admin", "noreply",   "donotreply", "mail", "office",
    "team",          "support", "sales", "press", "webmaster", "postmaster", "news", "newsletter",
    "notifications", "billing", "help",  "jobs",  "marketing", "service",    "root", "user",
};

std::string alnum_lower(std::string_view s) {
    std::string out;
    for (const char c : s)
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string local_part(const std::string& email) {
    const auto at = email.rfind('@');
    std::string local = email.substr(0, at == std::string::npos ? email.size() : at);
    if (const auto plus = local.find('+'); plus != std::string::npos && plus > 0)
        local.resize(plus);
    return local;
}

}  // namespace

std::string email_domain(const std::string& email) {
    const auto at = email.rfind('@');
    return at == std::string::npos ? std::string() : email.substr(at + 1);
}

std::string email_mailbox_key(const std::string& email) {
    std::string domain = email_domain(email);
    if (domain.empty()) return email;
    std::string local = local_part(email);
    if (domain == "googlemail.com") domain = "gmail.com";
    if (domain == "gmail.com")
        local.erase(std::remove(local.begin(), local.end(), '.'), local.end());
    return local + "@" + domain;
}

bool is_free_mail_domain(const std::string& domain) {
    return std::find(std::begin(kFreeMail), std::end(kFreeMail), domain) != std::end(kFreeMail);
}

std::string twitter_handle(const Identity& id) {
    if (id.kind != IdentityKind::twitter) return {};
    if (!id.value.empty() && id.value.front() == '@') return id.value;
    if (id.display.size() > 1 && id.display.front() == '@') {
        std::string h = id.display;
        std::transform(h.begin(), h.end(), h.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return h;
    }
    return {};
}

std::string username_key(const Identity& id) {
    std::string raw;
    switch (id.kind) {
        case IdentityKind::email:
            raw = local_part(id.value);
            break;
        case IdentityKind::twitter:
            raw = twitter_handle(id);
            break;
        case IdentityKind::mastodon:
            raw = id.value.substr(0, id.value.find('@'));
            break;
        default:
            return {};
    }
    std::string key = alnum_lower(raw);
    const bool digits =
        std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
    const bool role =
        std::find(std::begin(kRoleNames), std::end(kRoleNames), key) != std::end(kRoleNames);
    if (key.size() < 4 || digits || role) return {};
    return key;
}

}  // namespace kith::core
