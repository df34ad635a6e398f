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

TEST_CASE("registry: each kind says what it reads, for the app's pickers") {
    const auto kinds = import::importer_kinds();
    const auto jsonl =
        std::find_if(kinds.begin(), kinds.end(), [](const auto& k) { return k.kind == "jsonl"; });
    REQUIRE(jsonl != kinds.end());
    CHECK(jsonl->shape == core::SourceShape::file);
    CHECK(jsonl->file_patterns.find("*.jsonl") != std::string::npos);
    for (const auto& info : kinds) {
        CAPTURE(info.kind);
        // Patterns are for file pickers only, and each one is a glob.
        if (info.shape != core::SourceShape::file) CHECK(info.file_patterns.empty());
        if (!info.file_patterns.empty()) CHECK(info.file_patterns.front() == '*');
    }
}
