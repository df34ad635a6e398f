#include "core/search_fold.h"

#include <doctest/doctest.h>

using kith::core::search_alias;

TEST_CASE("search aliases spell letters the tokenizer cannot fold") {
    struct Row {
        const char* name;
        const char* alias;
    };
    const Row rows[] = {
        {"Łukasz Nowak", "Lukasz Nowak"},      // Polish stroke
        {"Søren Ørsted", "Soren Orsted"},      // Danish slashed o
        {"Đorđe Petrović", "Dorde Petrović"},  // Serbian d with stroke; ć folds in FTS itself
        {"Straße", "Strasse"},                 // German sharp s
        {"Æsa Œuvre", "AEsa OEuvre"},          // ligatures
        {"Þóra", "THóra"},                     // Icelandic thorn
        {"Yıldız", "Yildiz"},                  // Turkish dotless i
    };
    for (const auto& r : rows) {
        CAPTURE(r.name);
        CHECK(search_alias(r.name) == r.alias);
    }
}

TEST_CASE("no alias when nothing needs folding") {
    CHECK(search_alias("Ana Ruiz").empty());
    CHECK(search_alias("José Álvarez").empty());  // decomposable accents: FTS folds them
    CHECK(search_alias("Nguyễn Thị Lan").empty());
    CHECK(search_alias("").empty());
}
