#include "core/identity_normalizer.h"

#include <doctest/doctest.h>

#include <string>

using namespace kith::core;

namespace {

using K = IdentityKind;

struct Row {
    K kind;
    const char* raw;
    const char* value;    // expected normalized value
    const char* display;  // expected display; nullptr when the row does not care
    const char* cc = "";  // default country code (phones)
};

// One quirky real-world form per row, with where it comes from.
const Row kAccepted[] = {
    // --- email
    {K::email, "ana@example.org", "ana@example.org", "ana@example.org"},  // the plain form
    {K::email, "Ana@Example.ORG", "ana@example.org", "Ana@Example.ORG"},  // typed with caps
    {K::email, " mailto:ana@example.org ", "ana@example.org", "ana@example.org"},  // copied link
    {K::email, "MAILTO:Ana@Example.org", "ana@example.org", "Ana@Example.org"},    // shouted scheme
    {K::email, "mailto:ana@example.org?subject=Hi%20there", "ana@example.org",
     nullptr},                                                              // blog contact link
    {K::email, "<ana@example.org>", "ana@example.org", "ana@example.org"},  // bare Message header
    {K::email, "Ana Ruiz <Ana.Ruiz@Example.org>", "ana.ruiz@example.org",
     "Ana.Ruiz@Example.org"},  // From: header with display name
    {K::email, "\"Ruiz, Ana\" <ana@example.org>", "ana@example.org",
     nullptr},  // quoted name with a comma (Outlook)
    {K::email, "ana+kith@example.org", "ana+kith@example.org", nullptr},  // plus-addressing kept
    {K::email, "\tana@mail.example.co.uk\n", "ana@mail.example.co.uk", nullptr},  // CSV cell
    {K::email, "root@localhost", "root@localhost", nullptr},  // local mbox from cron
    {K::email, "jürgen@Bücher.example", "jürgen@bücher.example",
     nullptr},  // IDN: ASCII lower-cased, UTF-8 kept as given

    // --- twitter
    {K::twitter, "12", "12", "12"},  // numeric id from the archive (account-id)
    {K::twitter, "1334567890123456789", "1334567890123456789", nullptr},      // 19-digit id
    {K::twitter, "@Jack", "@jack", "@Jack"},                                  // typed handle
    {K::twitter, "jack", "@jack", "@jack"},                                   // without the @
    {K::twitter, " @Some_User_15ch ", "@some_user_15ch", "@Some_User_15ch"},  // longest allowed
    {K::twitter, "https://twitter.com/jack", "@jack", "@jack"},               // profile link
    {K::twitter, "http://www.twitter.com/Jack/", "@jack", "@Jack"},           // old www link
    {K::twitter, "x.com/jack/", "@jack", "@jack"},                            // pasted, no scheme
    {K::twitter, "https://x.com/Jack?s=21", "@jack", "@Jack"},  // iOS share sheet query
    {K::twitter, "https://mobile.twitter.com/jack?lang=en", "@jack", nullptr},  // mobile site
    {K::twitter, "https://twitter.com/jack/status/20", "@jack", nullptr},       // a tweet's link
    {K::twitter, "https://twitter.com/#!/jack", "@jack", nullptr},              // 2010 hashbang URL
    {K::twitter, "twitter.com/@jack", "@jack", nullptr},  // people paste the @ into the URL
    {K::twitter, "https://twitter.com/i/user/12", "12", nullptr},  // id link from the archive
    {K::twitter, "https://twitter.com/intent/user?screen_name=Jack", "@jack",
     nullptr},                                                            // follow button
    {K::twitter, "https://x.com/intent/user?user_id=12", "12", nullptr},  // follow button by id

    // --- mastodon
    {K::mastodon, "@ana@mastodon.social", "ana@mastodon.social", "@ana@mastodon.social"},
    {K::mastodon, "Ana@Mastodon.Social", "ana@mastodon.social", "@Ana@mastodon.social"},  // caps
    {K::mastodon, "acct:ana@mastodon.social", "ana@mastodon.social", nullptr},  // WebFinger
    {K::mastodon, "https://mastodon.social/@ana", "ana@mastodon.social",
     "@ana@mastodon.social"},  // profile page
    {K::mastodon, "https://fosstodon.org/@Ana/111222333444", "ana@fosstodon.org",
     nullptr},  // a status link
    {K::mastodon, "https://mastodon.social/users/ana", "ana@mastodon.social",
     nullptr},  // ActivityPub actor id in the archive
    {K::mastodon, "https://mastodon.social/@ana@fosstodon.org", "ana@fosstodon.org",
     nullptr},  // a remote account seen from another server
    {K::mastodon, "https://hachyderm.io/web/@ana", "ana@hachyderm.io", nullptr},  // old web UI
    {K::mastodon, "mastodon.social/@ana/", "ana@mastodon.social", nullptr},  // pasted, no scheme
    {K::mastodon, "@first.last@pleroma.example", "first.last@pleroma.example",
     nullptr},                                                               // Pleroma allows dots
    {K::mastodon, "@ana@Mastodon.Social.", "ana@mastodon.social", nullptr},  // FQDN root dot

    // --- website
    {K::website, "HTTPS://www.Example.org/blog/?utm_source=x#top", "example.org/blog",
     "example.org/blog"},                                         // newsletter link
    {K::website, "example.org", "example.org", nullptr},          // typed host
    {K::website, "http://example.org/", "example.org", nullptr},  // root with slash
    {K::website, "https://Example.org:443/Blog/Post-1/", "example.org/Blog/Post-1",
     nullptr},  // explicit default port; path case kept
    {K::website, "http://example.org:8080/", "example.org:8080", nullptr},     // dev server port
    {K::website, "https://example.org/%7Eana/", "example.org/~ana", nullptr},  // encoded tilde
    {K::website, "https://example.org/a%2fb", "example.org/a%2Fb", nullptr},   // reserved stays
    {K::website, "//www.example.org/feed", "example.org/feed", nullptr},       // protocol-relative
    {K::website, "www2.example.org", "www2.example.org", nullptr},       // only "www." is stripped
    {K::website, "https://Bücher.Example/", "bücher.example", nullptr},  // IDN host as given
    {K::website, "ana.blog.example.org/about//", "ana.blog.example.org/about", nullptr},

    // --- phone
    {K::phone, "+49 151 1234 5678", "+4915112345678", "+49 151 1234 5678"},  // German mobile
    {K::phone, "0151 1234 5678", "+4915112345678", nullptr, "49"},           // national, cc 49
    {K::phone, "0151/12345678", "+4915112345678", nullptr, "+49"},           // German slash style
    {K::phone, "0151 1234 5678", "015112345678", nullptr},  // no country known: as given
    {K::phone, "(415) 555-0100", "+14155550100", "(415) 555-0100", "1"},   // US
    {K::phone, "1-415-555-0100", "+14155550100", nullptr, "1"},            // US with trunk 1
    {K::phone, "415.555.0100", "4155550100", nullptr},                     // US dots, no cc
    {K::phone, "tel:+1-415-555-0100", "+14155550100", "+1-415-555-0100"},  // RFC 3966 link
    {K::phone, "tel:+1-415-555-0100;ext=22", "+14155550100", nullptr},     // with extension param
    {K::phone, "011 44 20 7946 0958", "+442079460958", nullptr, "1"},      // dialled from the US
    {K::phone, "00 44 20 7946 0958", "+442079460958", nullptr},            // European 00 prefix
    {K::phone, "+44 (0)20 7946 0958", "+442079460958", nullptr},           // UK trunk 0 in brackets
    {K::phone, "0049 (0)30 1234567", "+49301234567", nullptr},             // German business card
    {K::phone, "01.23.45.67.89", "+33123456789", nullptr, "33"},           // French dots
    {K::phone,
     "06\xC2\xA0"
     "12\xC2\xA0"
     "34\xC2\xA0"
     "56\xC2\xA0"
     "78",
     "+33612345678", nullptr, "33"},                                // French no-break spaces
    {K::phone, "06 1234 5678", "+390612345678", nullptr, "39"},     // Italy keeps its 0
    {K::phone, "+81 3-1234-5678", "+81312345678", nullptr},         // Tokyo
    {K::phone, "+55 (11) 91234-5678", "+5511912345678", nullptr},   // São Paulo mobile
    {K::phone, "+91 98765 43210", "+919876543210", nullptr},        // India
    {K::phone, "04 1234 5678", "+61412345678", nullptr, "61"},      // Australian mobile
    {K::phone, "+41 44 668 18 00", "+41446681800", nullptr, "49"},  // + wins over default cc

    // --- linkedin
    {K::linkedin, "https://www.linkedin.com/in/ana-ruiz/", "linkedin.com/in/ana-ruiz",
     "linkedin.com/in/ana-ruiz"},
    {K::linkedin, "linkedin.com/in/Ana-Ruiz", "linkedin.com/in/ana-ruiz",
     "linkedin.com/in/Ana-Ruiz"},  // typed with caps
    {K::linkedin, "https://de.linkedin.com/in/ana-ruiz-1a2b3c4d",
     "linkedin.com/in/ana-ruiz-1a2b3c4d", nullptr},  // country subdomain from Google results
    {K::linkedin, "http://uk.linkedin.com/in/anaruiz?trk=profile-badge", "linkedin.com/in/anaruiz",
     nullptr},  // badge tracking query
    {K::linkedin, "https://www.linkedin.com/in/ana-ruiz/?originalSubdomain=de",
     "linkedin.com/in/ana-ruiz", nullptr},  // LinkedIn's own redirect
    {K::linkedin, "www.linkedin.com/in/ana-ruiz/en", "linkedin.com/in/ana-ruiz",
     nullptr},  // language-specific profile
    {K::linkedin, "https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/",
     "linkedin.com/in/jürgen-müller", nullptr},  // accents percent-encoded in exports
    {K::linkedin, "ana-ruiz", "linkedin.com/in/ana-ruiz", nullptr},  // contact form field
};

struct Rejected {
    K kind;
    const char* raw;
    const char* why;  // a fragment the message must contain
    const char* cc = "";
};

const Rejected kRejected[] = {
    {K::email, "ana.example.org", "has no @"},
    {K::email, "ana@", "no domain"},
    {K::email, "ana@...", "no domain"},
    {K::email, "@example.org", "nothing before the @"},
    {K::email, "ana@example..org", "two dots"},
    {K::email, "ana@b@example.org", "more than one @"},
    {K::email, "ana@example.org, bo@example.org", "contains ','"},  // an address list
    {K::email, "Ana <ana@example.org", "without a closing"},
    {K::email, "   ", "empty"},
    {K::twitter, "@jack!", "only letters, digits and _"},
    {K::twitter, "@sixteen_chars_x1", "longer than 15"},
    {K::twitter, "https://facebook.com/jack", "twitter.com or x.com"},
    {K::twitter, "https://twitter.com/", "no Twitter handle"},
    {K::twitter, "https://twitter.com/search?q=kith", "not a profile"},
    {K::twitter, "@", "no Twitter handle"},
    {K::mastodon, "@ana", "instance is missing"},
    {K::mastodon, "ana@localhost", "not a host name"},
    {K::mastodon, "https://mastodon.social/about", "expected /@user"},
    {K::mastodon, "@an a@mastodon.social", "user name"},
    {K::website, "not a url", "needs a host"},
    {K::website, "ftp://example.org/pub", "needs a host"},
    {K::website, "ana@example.org", "needs a host"},
    {K::website, "localhost", "needs a host"},
    {K::phone, "+1 800 FLOWERS", "letters"},
    {K::phone, "1234", "fewer than 5"},
    {K::phone, "+1234567890123456", "more than 15"},
    {K::phone, "555+0100", "only at the start"},
    {K::phone, "+0 30 1234567", "cannot start with 0"},
    {K::phone, "(415) 555-0100", "default country code", "abcd"},
    {K::phone, "---", "no digits"},
    {K::linkedin, "https://www.linkedin.com/company/kith", "expected linkedin.com/in/"},
    {K::linkedin, "https://example.org/in/ana", "linkedin.com address"},
    {K::linkedin, "https://www.linkedin.com/in/", "only letters"},
};

}  // namespace

TEST_CASE("normalize_identity accepts the real-world forms of every kind") {
    CHECK(std::size(kAccepted) >= 50);
    for (const auto& row : kAccepted) {
        CAPTURE(to_string(row.kind));
        CAPTURE(std::string(row.raw));
        const auto id = normalize_identity(row.kind, row.raw, row.cc);
        REQUIRE_MESSAGE(id.ok(), id.error().message);
        CHECK(id->kind == row.kind);
        CHECK(id->value == row.value);
        if (row.display) CHECK(id->display == row.display);
    }
}

TEST_CASE("normalize_identity rejects malformed values with a quoted message and an example") {
    for (const auto& row : kRejected) {
        CAPTURE(to_string(row.kind));
        CAPTURE(std::string(row.raw));
        const auto id = normalize_identity(row.kind, row.raw, row.cc);
        REQUIRE_FALSE(id.ok());
        CHECK(id.error().code == ErrorCode::invalid_input);
        CHECK(id.error().message.find(row.why) != std::string::npos);
        CHECK_FALSE(id.error().hint.empty());
        // The message quotes the input so the user sees which value was wrong (the country-code
        // error quotes the code instead).
        const std::string quoted_input = "\"" + std::string(row.raw) + "\"";
        const std::string quoted_cc = "\"" + std::string(row.cc) + "\"";
        CHECK((id.error().message.find(quoted_input) != std::string::npos ||
               id.error().message.find(quoted_cc) != std::string::npos));
    }
}

TEST_CASE("error texts read well") {
    const auto e = normalize_identity(K::email, "ana.example.org");
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().message == "\"ana.example.org\" is not an email address: it has no @");
    CHECK(e.error().hint == "Try an address like ana@example.org");

    const auto t = normalize_identity(K::twitter, "@sixteen_chars_x1");
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().message ==
          "\"@sixteen_chars_x1\" is not a Twitter handle: longer than 15 characters");
    CHECK(t.error().hint.find("@jack") != std::string::npos);
}

TEST_CASE("identities compare by kind and value, not display") {
    const auto a = normalize_identity(K::twitter, "@Jack");
    const auto b = normalize_identity(K::twitter, "https://x.com/jack/");
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(*a == *b);
    CHECK(a->display != b->display);
    const auto m = normalize_identity(K::mastodon, "jack@x.com");
    REQUIRE(m.ok());
    CHECK_FALSE(*m == *b);
}

TEST_CASE("parse_identity guesses the kind from the form") {
    struct Guess {
        const char* raw;
        K kind;
        const char* value;
    };
    const Guess rows[] = {
        {"Ana@Example.org", K::email, "ana@example.org"},
        {"Ana Ruiz <ana@example.org>", K::email, "ana@example.org"},
        {"mailto:ana@example.org", K::email, "ana@example.org"},
        {"@ana@mastodon.social", K::mastodon, "ana@mastodon.social"},
        {"acct:ana@mastodon.social", K::mastodon, "ana@mastodon.social"},
        {"https://mastodon.social/@ana", K::mastodon, "ana@mastodon.social"},
        {"fosstodon.org/@Ana", K::mastodon, "ana@fosstodon.org"},
        {"@Jack", K::twitter, "@jack"},
        {"https://twitter.com/jack", K::twitter, "@jack"},
        {"x.com/jack", K::twitter, "@jack"},
        {"+49 151 1234 5678", K::phone, "+4915112345678"},
        {"tel:+1-415-555-0100", K::phone, "+14155550100"},
        {"00 44 20 7946 0958", K::phone, "+442079460958"},
        {"https://www.linkedin.com/in/ana-ruiz/", K::linkedin, "linkedin.com/in/ana-ruiz"},
        {"https://www.linkedin.com/company/kith", K::website, "linkedin.com/company/kith"},
        {"https://www.example.org/blog/", K::website, "example.org/blog"},
        {"example.org/blog", K::website, "example.org/blog"},
        {"https://example.org/users/ana", K::website, "example.org/users/ana"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.raw));
        const auto id = parse_identity(row.raw);
        REQUIRE_MESSAGE(id.ok(), id.error().message);
        CHECK(to_string(id->kind) == to_string(row.kind));
        CHECK(id->value == row.value);
    }
    // The default country code reaches national phone numbers.
    const auto national = parse_identity("(415) 555-0100", "1");
    REQUIRE(national.ok());
    CHECK(national->value == "+14155550100");
}

TEST_CASE("parse_identity says when it cannot tell") {
    for (const char* raw : {"", "jack", "Ana Ruiz", "x.com/home", "@@"}) {
        CAPTURE(std::string(raw));
        const auto id = parse_identity(raw);
        REQUIRE_FALSE(id.ok());
        CHECK(id.error().code == ErrorCode::invalid_input);
        CHECK_FALSE(id.error().hint.empty());
    }
    const auto e = parse_identity("jack");
    CHECK(e.error().message.find("\"jack\"") != std::string::npos);
}

TEST_CASE("canonical_url") {
    struct Case {
        const char* raw;
        const char* expected;
    };
    const Case rows[] = {
        {"HTTPS://www.Example.org/blog/?utm_source=x#top", "example.org/blog"},
        {"http://example.org:80/a", "example.org/a"},
        {"https://example.org:443", "example.org"},
        {"http://example.org:443/", "example.org:443"},  // 443 is only default for https
        {"https://example.org:80/", "example.org:80"},
        {"example.org:80/x", "example.org/x"},
        {"https://user:pw@example.org/x", "example.org/x"},  // credentials are not identity
        {"https://example.org/%41%62%2D%5F%2e%7e", "example.org/Ab-_.~"},
        {"https://example.org/caf%c3%a9", "example.org/caf%C3%A9"},  // hex case normalized
        {"https://example.org/100%", "example.org/100%"},            // a stray % is left alone
        {"https://example.org.", "example.org"},
        {"https://[2001:db8::1]:8080/x/", "[2001:db8::1]:8080/x"},
        {"http://localhost:3000/", "localhost:3000"},  // with a scheme, any host
        {"https://WWW.Example.org/", "example.org"},
        // Not URLs with a host: empty.
        {"", ""},
        {"https://", ""},
        {"localhost", ""},
        {"ana@example.org", ""},
        {"mailto:ana@example.org", ""},
        {"tel:+14155550100", ""},
        {"ftp://example.org/", ""},
        {"http://exa mple.org/", ""},
        {"https://.../", ""},
        {"https://example.org:http/", ""},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.raw));
        CHECK(canonical_url(row.raw) == row.expected);
    }
}
