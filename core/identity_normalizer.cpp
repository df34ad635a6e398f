#include "core/identity_normalizer.h"

#include <array>
#include <optional>
#include <string>

namespace kith::core {

namespace {

// ---------------------------------------------------------------------------------------------
// Character helpers. We deliberately avoid <cctype>: its results depend on the C locale, and
// identities must normalize the same way on every machine. Bytes >= 0x80 (UTF-8 of IDN hosts,
// accented LinkedIn slugs) are passed through untouched: full Unicode case folding and IDNA
// would need ICU, and "lower-case what is ASCII" is stable enough for matching.

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
    return is_digit(c) || is_alpha(c);
}
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_high(char c) {
    return static_cast<unsigned char>(c) >= 0x80;
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!is_digit(c)) return false;
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    const char l = lower(c);
    if (l >= 'a' && l <= 'f') return l - 'a' + 10;
    return -1;
}

bool is_unreserved(char c) {
    return is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// RFC 3986 §6.2.2: decoding %XX of unreserved characters and upper-casing the hex of the rest
// does not change what a URL points to, so "/%7Eana" and "/~ana" become one identity. With
// `decode_all`, every escape is decoded (LinkedIn slugs with accents are matched by their UTF-8).
std::string normalize_percent(std::string_view s, bool decode_all) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            const int hi = hex_value(s[i + 1]);
            const int lo = hex_value(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                const char decoded = static_cast<char>(hi * 16 + lo);
                if (decode_all || is_unreserved(decoded)) {
                    out += decoded;
                } else {
                    constexpr std::string_view kHex = "0123456789ABCDEF";
                    out += '%';
                    out += kHex[static_cast<std::size_t>(hi)];
                    out += kHex[static_cast<std::size_t>(lo)];
                }
                i += 2;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

std::string quoted(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

Error invalid(std::string_view raw, std::string_view what, std::string_view hint) {
    return make_error(ErrorCode::invalid_input, quoted(raw) + " " + std::string(what),
                      std::string(hint));
}

constexpr std::string_view kEmailHint = "Try an address like ana@example.org";
constexpr std::string_view kTwitterHint = "Try @jack, jack, https://x.com/jack or a numeric id";
constexpr std::string_view kMastodonHint =
    "Try @ana@mastodon.social or https://mastodon.social/@ana";
constexpr std::string_view kWebsiteHint = "Try https://example.org/blog or example.org";
constexpr std::string_view kPhoneHint = "Try +49 151 1234 5678 or (415) 555-0100";
constexpr std::string_view kLinkedinHint = "Try https://www.linkedin.com/in/ana-ruiz";

// ---------------------------------------------------------------------------------------------
// A small URL splitter shared by every kind that accepts URLs. Case is preserved; callers decide
// what to lower-case (host yes, path no).

struct UrlParts {
    std::string scheme;  // lower-cased; empty when the input had none ("x.com/jack")
    std::string_view userinfo;
    std::string_view host;
    std::string_view port;
    std::string_view path;  // starts with '/' or is empty
    std::string_view query;
    bool has_userinfo = false;
};

bool valid_host(std::string_view host) {
    if (host.empty()) return false;
    if (host.front() == '[') return host.size() > 2 && host.back() == ']';  // IPv6 literal
    for (char c : host)
        if (!(is_alnum(c) || c == '-' || c == '.' || c == '_' || is_high(c))) return false;
    // At least one character that is not a dot: "..." is not a host.
    return host.find_first_not_of('.') != std::string_view::npos;
}

std::optional<UrlParts> split_url(std::string_view s) {
    UrlParts u;
    std::string_view rest = s;
    if (const auto sep = s.find("://"); sep != std::string_view::npos) {
        const auto scheme = s.substr(0, sep);
        if (scheme.empty() || !is_alpha(scheme.front())) return std::nullopt;
        for (char c : scheme)
            if (!(is_alnum(c) || c == '+' || c == '-' || c == '.')) return std::nullopt;
        u.scheme = to_lower(scheme);
        rest = s.substr(sep + 3);
    } else if (s.substr(0, 2) == "//") {  // protocol-relative links found in HTML
        rest = s.substr(2);
    }
    for (char c : rest)
        if (is_space(c)) return std::nullopt;

    const auto auth_end = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, auth_end);
    std::string_view tail = auth_end == std::string_view::npos ? "" : rest.substr(auth_end);
    if (const auto frag = tail.find('#'); frag != std::string_view::npos)
        tail = tail.substr(0, frag);
    if (const auto q = tail.find('?'); q != std::string_view::npos) {
        u.query = tail.substr(q + 1);
        tail = tail.substr(0, q);
    }
    u.path = tail;

    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        u.has_userinfo = true;
        u.userinfo = authority.substr(0, at);
        authority = authority.substr(at + 1);
    }
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        u.host = authority.substr(0, close + 1);
        const auto after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') return std::nullopt;
            u.port = after.substr(1);
        }
    } else if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
        u.host = authority.substr(0, colon);
        u.port = authority.substr(colon + 1);
    } else {
        u.host = authority;
    }
    if (!u.port.empty() && !all_digits(u.port)) return std::nullopt;
    if (!valid_host(u.host)) return std::nullopt;
    return u;
}

// Host as used in identities: ASCII lower-cased, without the root dot of an FQDN.
std::string clean_host(std::string_view host) {
    while (host.size() > 1 && host.back() == '.') host.remove_suffix(1);
    return to_lower(host);
}

std::string strip_prefix(std::string host, std::string_view prefix) {
    if (host.size() > prefix.size() && host.compare(0, prefix.size(), prefix) == 0)
        host.erase(0, prefix.size());
    return host;
}

// The first path segment after `prefix` segments, e.g. segment(path, 1) of "/in/ana/" = "ana".
std::string_view path_segment(std::string_view path, std::size_t index) {
    std::size_t i = 0;
    while (!path.empty()) {
        while (!path.empty() && path.front() == '/') path.remove_prefix(1);
        const auto end = path.find('/');
        const auto seg = path.substr(0, end);
        if (i == index) return seg;
        ++i;
        if (end == std::string_view::npos) break;
        path.remove_prefix(end);
    }
    return {};
}

std::optional<std::string_view> query_param(std::string_view query, std::string_view name) {
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        const auto eq = pair.find('=');
        if (eq != std::string_view::npos && iequals(pair.substr(0, eq), name))
            return pair.substr(eq + 1);
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return std::nullopt;
}

bool is_twitter_host(std::string_view host) {
    const std::string h = clean_host(host);
    for (std::string_view base : {"twitter.com", "x.com"})
        for (std::string_view sub : {"", "www.", "mobile.", "m."})
            if (h == std::string(sub) + std::string(base)) return true;
    return false;
}

bool is_linkedin_host(std::string_view host) {
    const std::string h = clean_host(host);
    constexpr std::string_view base = "linkedin.com";
    if (h == base) return true;
    // Country and language subdomains: www., de., uk., ca., mobile. …
    return h.size() > base.size() + 1 &&
           h.compare(h.size() - base.size(), base.size(), base) == 0 &&
           h[h.size() - base.size() - 1] == '.';
}

// ---------------------------------------------------------------------------------------------
// email

bool valid_email_char(char c) {
    // Characters that appear in real addresses; anything else (spaces, commas of an address list,
    // stray brackets or quotes) means the text is not one address.
    return !(is_space(c) || c == ',' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')' ||
             c == '[' || c == ']' || c == '"' || c == '\\' || c == ':');
}

Result<Identity> normalize_email(std::string_view raw) {
    std::string_view s = trim(raw);
    // "Ana Ruiz <ana@example.org>" and "<ana@example.org>": the address is what is in brackets.
    if (const auto open = s.rfind('<'); open != std::string_view::npos) {
        const auto close = s.find('>', open);
        if (close == std::string_view::npos)
            return invalid(raw, "has a '<' without a closing '>'", kEmailHint);
        s = trim(s.substr(open + 1, close - open - 1));
    }
    if (istarts_with(s, "mailto:")) {
        s.remove_prefix(7);
        // mailto: links carry ?subject=… and friends.
        s = trim(s.substr(0, s.find('?')));
    }
    if (s.empty()) return invalid(raw, "is not an email address: it is empty", kEmailHint);
    const auto at = s.find('@');
    if (at == std::string_view::npos)
        return invalid(raw, "is not an email address: it has no @", kEmailHint);
    for (char c : s)
        if (!valid_email_char(c))
            return invalid(raw,
                           "is not an email address: it contains '" + std::string(1, c) +
                               "' (a space, list separator or bracket)",
                           kEmailHint);
    if (s.find('@', at + 1) != std::string_view::npos)
        return invalid(raw, "is not one email address: it has more than one @", kEmailHint);
    const auto local = s.substr(0, at);
    const auto domain = s.substr(at + 1);
    if (local.empty())
        return invalid(raw, "is not an email address: nothing before the @", kEmailHint);
    if (domain.find_first_not_of('.') == std::string_view::npos)
        return invalid(raw, "is not an email address: no domain after the @", kEmailHint);
    if (domain.front() == '.' || domain.back() == '.' ||
        domain.find("..") != std::string_view::npos)
        return invalid(raw,
                       "is not an email address: the domain starts or ends with a dot or has two "
                       "dots in a row",
                       kEmailHint);
    // The local part is case-sensitive on paper, but no real provider treats it so; lower-casing
    // it is what makes "Ana@Example.org" and "ana@example.org" one person.
    return Identity{IdentityKind::email, to_lower(s), std::string(s)};
}

// ---------------------------------------------------------------------------------------------
// twitter

constexpr std::size_t kMaxTwitterHandle = 15;

Result<Identity> twitter_handle(std::string_view raw, std::string_view handle) {
    if (!handle.empty() && handle.front() == '@') handle.remove_prefix(1);
    if (handle.empty()) return invalid(raw, "has no Twitter handle", kTwitterHint);
    for (char c : handle)
        if (!(is_alnum(c) || c == '_'))
            return invalid(
                raw,
                "is not a Twitter handle: only letters, digits and _ are allowed, not '" +
                    std::string(1, c) + "'",
                kTwitterHint);
    if (handle.size() > kMaxTwitterHandle)
        return invalid(raw, "is not a Twitter handle: longer than 15 characters", kTwitterHint);
    return Identity{IdentityKind::twitter, "@" + to_lower(handle), "@" + std::string(handle)};
}

Result<Identity> twitter_id(std::string_view digits) {
    return Identity{IdentityKind::twitter, std::string(digits), std::string(digits)};
}

Result<Identity> twitter_from_url(std::string_view raw, std::string_view s) {
    auto u = split_url(s);
    if (!u || !is_twitter_host(u->host))
        return invalid(raw, "is not a twitter.com or x.com profile address", kTwitterHint);
    std::string_view path = u->path;
    // Old links from 2010–2012 look like twitter.com/#!/jack; the handle sits in the fragment.
    if (const auto bang = s.find("#!/"); bang != std::string_view::npos && path.size() <= 1)
        path = s.substr(bang + 2, s.find_first_of("?#", bang + 3) - (bang + 2));
    const auto first = path_segment(path, 0);
    const std::string first_lower = to_lower(first);
    if (first_lower == "i" && path_segment(path, 1) == "user" && all_digits(path_segment(path, 2)))
        return twitter_id(path_segment(path, 2));
    if (first_lower == "intent") {  // twitter.com/intent/user?screen_name=jack (follow buttons)
        if (const auto id = query_param(u->query, "user_id"); id && all_digits(*id))
            return twitter_id(*id);
        if (const auto name = query_param(u->query, "screen_name"))
            return twitter_handle(raw, *name);
    }
    // Site sections that look like handles in a URL but are not profiles.
    static constexpr std::array<std::string_view, 13> kReserved = {
        "home",   "search", "explore", "settings", "notifications", "messages", "i",
        "intent", "share",  "hashtag", "login",    "signup",        "compose"};
    for (auto r : kReserved)
        if (first_lower == r)
            return invalid(raw, "is a Twitter page, not a profile address", kTwitterHint);
    if (first.empty()) return invalid(raw, "has no Twitter handle after the host", kTwitterHint);
    return twitter_handle(raw, first);
}

Result<Identity> normalize_twitter(std::string_view raw) {
    const std::string_view s = trim(raw);
    if (s.empty()) return invalid(raw, "is not a Twitter account: it is empty", kTwitterHint);
    // A bare number is the account id from an archive or the API; ids survive handle changes.
    if (all_digits(s)) return twitter_id(s);
    if (s.find_first_of("/.:") != std::string_view::npos) return twitter_from_url(raw, s);
    return twitter_handle(raw, s);
}

// ---------------------------------------------------------------------------------------------
// mastodon

bool valid_mastodon_user(std::string_view user) {
    if (user.empty()) return false;
    // Mastodon allows [A-Za-z0-9_]; Pleroma, Akkoma and GoToSocial also allow '.' and '-'.
    for (char c : user)
        if (!(is_alnum(c) || c == '_' || c == '.' || c == '-')) return false;
    return true;
}

Result<Identity> mastodon_account(std::string_view raw, std::string_view user,
                                  std::string_view host) {
    if (!valid_mastodon_user(user))
        return invalid(raw,
                       "is not a Mastodon account: the user name may contain only letters, digits, "
                       "_ . and -",
                       kMastodonHint);
    if (!valid_host(host) || host.find('.') == std::string_view::npos)
        return invalid(raw, "is not a Mastodon account: the instance is not a host name",
                       kMastodonHint);
    const std::string h = clean_host(host);
    return Identity{IdentityKind::mastodon, to_lower(user) + "@" + h,
                    "@" + std::string(user) + "@" + h};
}

Result<Identity> mastodon_from_url(std::string_view raw, std::string_view s) {
    const auto u = split_url(s);
    if (!u || u->has_userinfo)
        return invalid(raw, "is not a Mastodon profile address", kMastodonHint);
    std::string_view seg = path_segment(u->path, 0);
    if (iequals(seg, "web")) seg = path_segment(u->path, 1);  // the old /web/@user links
    if (seg.size() > 1 && seg.front() == '@') {
        seg.remove_prefix(1);
        // https://mastodon.social/@ana@fosstodon.org: a remote account seen from another server.
        if (const auto at = seg.find('@'); at != std::string_view::npos)
            return mastodon_account(raw, seg.substr(0, at), seg.substr(at + 1));
        return mastodon_account(raw, seg, u->host);
    }
    if (iequals(seg, "users") && !path_segment(u->path, 1).empty())  // the ActivityPub actor id
        return mastodon_account(raw, path_segment(u->path, 1), u->host);
    return invalid(raw, "is not a Mastodon profile address: expected /@user or /users/user",
                   kMastodonHint);
}

Result<Identity> normalize_mastodon(std::string_view raw) {
    std::string_view s = trim(raw);
    if (s.empty()) return invalid(raw, "is not a Mastodon account: it is empty", kMastodonHint);
    if (s.find("://") != std::string_view::npos || s.find('/') != std::string_view::npos)
        return mastodon_from_url(raw, s);
    if (istarts_with(s, "acct:")) s.remove_prefix(5);  // WebFinger subjects
    if (!s.empty() && s.front() == '@') s.remove_prefix(1);
    const auto at = s.find('@');
    if (at == std::string_view::npos)
        return invalid(raw, "is not a Mastodon account: the instance is missing (user@host)",
                       kMastodonHint);
    return mastodon_account(raw, s.substr(0, at), s.substr(at + 1));
}

// ---------------------------------------------------------------------------------------------
// website

Result<Identity> normalize_website(std::string_view raw) {
    std::string url = canonical_url(raw);
    if (url.empty())
        return invalid(raw, "is not a web address: it needs a host such as example.org",
                       kWebsiteHint);
    return Identity{IdentityKind::website, url, url};
}

// ---------------------------------------------------------------------------------------------
// phone

constexpr std::size_t kMinPhoneDigits = 5;
constexpr std::size_t kMaxPhoneDigits = 15;  // E.164

// Phone numbers copied from web pages or formatted by French/Swiss locales group digits with
// U+00A0 or U+202F (no-break spaces); treat them like ordinary spaces.
std::string without_no_break_spaces(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.substr(i, 2) == "\xC2\xA0") {
            out += ' ';
            i += 1;
        } else if (s.substr(i, 3) == "\xE2\x80\xAF") {
            out += ' ';
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

Result<Identity> normalize_phone(std::string_view raw, std::string_view default_cc) {
    std::string_view s = trim(raw);
    if (istarts_with(s, "tel:")) {
        s.remove_prefix(4);
        s = s.substr(0, s.find(';'));  // RFC 3966 parameters (;ext=, ;phone-context=)
    }
    const std::string_view display = trim(s);
    if (!default_cc.empty() && default_cc.front() == '+') default_cc.remove_prefix(1);
    if (!default_cc.empty() &&
        (!all_digits(default_cc) || default_cc.size() > 3 || default_cc.front() == '0'))
        return make_error(
            ErrorCode::invalid_input,
            "The default country code " + quoted(default_cc) + " is not 1 to 3 digits",
            "Use a country calling code such as 1, 44 or 49");

    std::string text = without_no_break_spaces(display);
    bool international = false;
    if (!text.empty() && text.front() == '+') {
        international = true;
        text.erase(0, 1);
    }
    // "+44 (0)20 7946 0958": the bracketed 0 is the trunk prefix dialled only inside the country.
    if (const auto p = text.find("(0)");
        p != std::string::npos && (international || text.rfind("00", 0) == 0))
        text.erase(p, 3);

    std::string digits;
    for (const char c : text) {
        if (is_digit(c)) {
            digits += c;
        } else if (c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '/' ||
                   c == '\t') {
            continue;  // grouping differs per country; it never carries meaning
        } else if (c == '+') {
            return invalid(raw, "is not a phone number: '+' may appear only at the start",
                           kPhoneHint);
        } else if (is_alpha(c)) {
            return invalid(raw, "is not a phone number: it contains letters", kPhoneHint);
        } else {
            return invalid(raw, "is not a phone number: it contains '" + std::string(1, c) + "'",
                           kPhoneHint);
        }
    }
    if (digits.empty()) return invalid(raw, "is not a phone number: it has no digits", kPhoneHint);

    if (!international && digits.rfind("00", 0) == 0) {  // European international prefix
        international = true;
        digits.erase(0, 2);
    } else if (!international && default_cc == "1" && digits.rfind("011", 0) == 0) {
        international = true;  // the North American international prefix
        digits.erase(0, 3);
    } else if (!international && !default_cc.empty()) {
        if (default_cc == "1" && digits.size() == 11 && digits.front() == '1') {
            digits.erase(0, 1);  // "1 415 555 0100": NANP trunk prefix
        } else if (default_cc != "39" && digits.front() == '0') {
            // Trunk prefix 0 (Germany, France, UK…). Italy keeps its leading 0 in E.164.
            digits.erase(0, 1);
        }
        digits.insert(0, default_cc);
        international = true;
    }
    if (international && (digits.empty() || digits.front() == '0'))
        return invalid(raw, "is not a phone number: a country code cannot start with 0",
                       kPhoneHint);
    if (digits.size() < kMinPhoneDigits)
        return invalid(raw, "is not a phone number: fewer than 5 digits", kPhoneHint);
    if (digits.size() > kMaxPhoneDigits)
        return invalid(raw, "is not a phone number: more than 15 digits", kPhoneHint);
    return Identity{IdentityKind::phone, international ? "+" + digits : digits,
                    std::string(display)};
}

// ---------------------------------------------------------------------------------------------
// linkedin

bool valid_linkedin_slug(std::string_view slug) {
    if (slug.empty()) return false;
    for (char c : slug)
        if (!(is_alnum(c) || c == '-' || c == '_' || is_high(c))) return false;
    return true;
}

Result<Identity> linkedin_slug(std::string_view raw, std::string_view encoded) {
    const std::string slug = normalize_percent(encoded, /*decode_all=*/true);
    if (!valid_linkedin_slug(slug))
        return invalid(raw,
                       "is not a LinkedIn profile: the name after /in/ may contain only letters, "
                       "digits and -",
                       kLinkedinHint);
    return Identity{IdentityKind::linkedin, "linkedin.com/in/" + to_lower(slug),
                    "linkedin.com/in/" + slug};
}

Result<Identity> normalize_linkedin(std::string_view raw) {
    const std::string_view s = trim(raw);
    if (s.empty()) return invalid(raw, "is not a LinkedIn profile: it is empty", kLinkedinHint);
    // A bare profile name from a contact form field ("ana-ruiz").
    if (s.find_first_of("/.:") == std::string_view::npos) return linkedin_slug(raw, s);
    const auto u = split_url(s);
    if (!u || !is_linkedin_host(u->host))
        return invalid(raw, "is not a linkedin.com address", kLinkedinHint);
    if (!iequals(path_segment(u->path, 0), "in"))
        return invalid(raw, "is not a LinkedIn profile: expected linkedin.com/in/<name>",
                       kLinkedinHint);
    return linkedin_slug(raw, path_segment(u->path, 1));
}

// ---------------------------------------------------------------------------------------------
// guessing

bool is_phone_like(std::string_view s) {
    bool digit = false;
    for (char c : s) {
        if (is_digit(c))
            digit = true;
        else if (!(c == '+' || c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' ||
                   c == '/'))
            return false;
    }
    return digit;
}

}  // namespace

std::string canonical_url(std::string_view raw) {
    const std::string_view s = trim(raw);
    const auto u = split_url(s);
    if (!u) return {};
    if (u->scheme.empty()) {
        // Without a scheme, "ana@example.org" or "localhost" are not web addresses.
        if (u->has_userinfo) return {};
        if (u->host.find('.') == std::string_view::npos && u->host.front() != '[') return {};
    } else if (u->scheme != "http" && u->scheme != "https") {
        return {};  // website identities are web pages; ftp:// or feed:// are something else
    }
    std::string host = strip_prefix(clean_host(u->host), "www.");
    std::string_view port = u->port;
    if ((port == "80" && u->scheme != "https") || (port == "443" && u->scheme != "http")) port = {};
    if (!port.empty()) host += ":" + std::string(port);

    std::string path = normalize_percent(u->path, /*decode_all=*/false);
    while (!path.empty() && path.back() == '/') path.pop_back();
    return host + path;
}

Result<Identity> normalize_identity(IdentityKind kind, std::string_view raw,
                                    std::string_view default_country_code) {
    switch (kind) {
        case IdentityKind::email:
            return normalize_email(raw);
        case IdentityKind::twitter:
            return normalize_twitter(raw);
        case IdentityKind::mastodon:
            return normalize_mastodon(raw);
        case IdentityKind::website:
            return normalize_website(raw);
        case IdentityKind::phone:
            return normalize_phone(raw, default_country_code);
        case IdentityKind::linkedin:
            return normalize_linkedin(raw);
    }
    return make_error(ErrorCode::internal, "Unknown identity kind");
}

Result<Identity> parse_identity(std::string_view raw, std::string_view default_country_code) {
    const std::string_view s = trim(raw);
    constexpr std::string_view kHint =
        "Try ana@example.org, @jack, @ana@mastodon.social, +49 151 1234 5678, example.org/blog or "
        "https://www.linkedin.com/in/ana-ruiz";
    if (s.empty())
        return make_error(ErrorCode::invalid_input, "No identity given: the text is empty",
                          std::string(kHint));
    if (istarts_with(s, "mailto:")) return normalize_email(raw);
    if (istarts_with(s, "tel:")) return normalize_phone(raw, default_country_code);
    if (istarts_with(s, "acct:")) return normalize_mastodon(raw);
    if (s.front() == '@') {
        return s.find('@', 1) == std::string_view::npos ? normalize_twitter(raw)
                                                        : normalize_mastodon(raw);
    }
    const auto slash = s.find('/');
    const auto at = s.find('@');
    const bool has_scheme = s.find("://") != std::string_view::npos;
    // An '@' before any '/' is an address ("Ana <ana@x.org>"); after one it is a profile path.
    if (!has_scheme && at != std::string_view::npos &&
        (slash == std::string_view::npos || at < slash))
        return normalize_email(raw);
    if (is_phone_like(s)) return normalize_phone(raw, default_country_code);
    if (const auto u = split_url(s)) {
        if (is_twitter_host(u->host)) return normalize_twitter(raw);
        // Only profiles are people; a company or post page on LinkedIn is just a web page.
        if (is_linkedin_host(u->host) && iequals(path_segment(u->path, 0), "in"))
            return normalize_linkedin(raw);
        const auto first = path_segment(u->path, 0);
        if (first.size() > 1 && first.front() == '@') return normalize_mastodon(raw);
        if (!canonical_url(s).empty()) return normalize_website(raw);
    }
    return make_error(ErrorCode::invalid_input,
                      "Cannot tell what kind of identity " + quoted(raw) +
                          " is: it is not an email address, handle, phone number or URL",
                      std::string(kHint));
}

}  // namespace kith::core
