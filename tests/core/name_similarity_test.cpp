#include "core/name_similarity.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace kith::core;

TEST_CASE("names fold diacritics and drop decoration") {
    struct Row {
        const char* in;
        std::vector<std::string> tokens;
    };
    const Row rows[] = {
        {"José Álvarez", {"jose", "alvarez"}},            // Spanish accents
        {"Łukasz Żółć", {"lukasz", "zolc"}},              // Polish: not decomposable in Unicode
        {"Søren Ærø", {"soren", "aero"}},                 // Danish slashed o, ligature
        {"Jürgen Straße", {"jurgen", "strasse"}},         // German umlaut, sharp s
        {"Dr. Ana  Ruiz-Díaz", {"ana", "ruiz", "diaz"}},  // title, double space, hyphen
        {"Ana Ruiz (she/her)", {"ana", "ruiz"}},          // pronouns in a Mastodon name
        {"Ana Ruiz 🌻 @ana@mastodon.social", {"ana", "ruiz"}},  // emoji and handle in a display name
        {"Sinéad O'Brien", {"sinead", "obrien"}},              // apostrophe inside a name
        {"Martin Luther King Jr.", {"martin", "luther", "king"}},  // suffix
        {"", {}},
    };
    for (const auto& r : rows) {
        CAPTURE(r.in);
        CHECK(name_tokens(r.in) == r.tokens);
    }
}

TEST_CASE("name comparison: the forms one person's name takes across channels") {
    using K = NameMatch::Kind;
    struct Row {
        const char* a;
        const char* b;
        K kind;
    };
    const Row rows[] = {
        {"Ana Ruiz", "ana ruiz", K::same},                  // case differs between sources
        {"José Álvarez", "Jose Alvarez", K::same},          // accents lost in an email header
        {"Ana Ruiz", "Ana Maria Ruiz", K::same},            // middle name on the vCard only
        {"Ruiz Ana", "Ana Ruiz", K::reordered},             // family name first (CSV export)
        {"J. Smith", "John Smith", K::initial},             // initial in a mail client's name
        {"Bob Miller", "Robert Miller", K::nickname},       // nickname on X, formal in email
        {"Liz Taylor", "Elizabeth Taylor", K::nickname},    // nickname table
        {"Chris Evans", "Christopher Evans", K::nickname},  // nickname table
        {"Alexandra Berg", "Alexa Berg", K::prefix},        // a short form not in the table
        {"anaruiz", "Ana Ruiz", K::joined},                 // a handle-like display name
        {"ghostwriter", "Ghostwriter", K::single},          // one-word name on two networks
        {"Anna Berg", "Axel Berg", K::none},                // family members share a surname
        {"Anna Berg", "Anna Lind", K::none},                // shared first names
        {"Ana", "Ana Ruiz", K::none},                       // a first name alone proves nothing
        {"Al", "Al", K::none},                              // too short to mean anything
    };
    for (const auto& r : rows) {
        CAPTURE(r.a);
        CAPTURE(r.b);
        const auto m = compare_names(r.a, r.b);
        CHECK(m.kind == r.kind);
        CHECK((m.kind == K::none) == (m.score == 0));
        CHECK(compare_names(r.b, r.a).kind == r.kind);  // symmetric
    }
}

TEST_CASE("block keys meet for the variants a comparison accepts") {
    const auto shares_key = [](const char* a, const char* b) {
        const auto ka = name_block_keys(a), kb = name_block_keys(b);
        return std::any_of(ka.begin(), ka.end(), [&](const std::string& k) {
            return std::find(kb.begin(), kb.end(), k) != kb.end();
        });
    };
    CHECK(shares_key("Bob Miller", "Robert Miller"));
    CHECK(shares_key("J. Smith", "John Smith"));
    CHECK(shares_key("Ruiz Ana", "Ana Ruiz"));
    CHECK(shares_key("anaruiz", "Ana Ruiz"));
    CHECK(shares_key("José Álvarez", "Jose Alvarez"));
    CHECK_FALSE(shares_key("Anna Berg", "Paul Berg"));
    CHECK(name_block_keys("").empty());
}

TEST_CASE("nicknames map to the formal first name") {
    CHECK(canonical_first_name("bob") == "robert");
    CHECK(canonical_first_name("bobby") == "robert");
    CHECK(canonical_first_name("robert") == "robert");
    CHECK(canonical_first_name("ana") == "ana");
}
