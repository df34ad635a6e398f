#include "import/importer_registry.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kith;

TEST_CASE("registry: every listed kind can be made, unknown kinds cannot") {
    const auto kinds = import::importer_kinds();
    REQUIRE(kinds.size() >= 2);
    CHECK(std::is_sorted(kinds.begin(), kinds.end(),
                         [](const auto& a, const auto& b) { return a.kind < b.kind; }));
    for (const auto& info : kinds) {
        CAPTURE(info.kind);
        CHECK(!info.description.empty());
        const auto importer = import::make_importer(info.kind);
        REQUIRE(importer);
        CHECK(importer->kind() == info.kind);
    }
    CHECK(import::make_importer("demo"));
    CHECK(import::make_importer("jsonl"));
    CHECK_FALSE(import::make_importer("fax"));
    CHECK_FALSE(import::make_importer(""));
    CHECK_FALSE(import::make_importer("Demo"));
}
