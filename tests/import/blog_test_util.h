#pragma once
// Helpers for the blog importers' tests: running an importer on a file or text, and one line
// per comment record with the fields that matter for blogs.

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/importer.h"
#include "core/time.h"
#include "tests/db/test_db.h"
#include "tests/import/collecting_sink.h"

namespace kith::import::test {

struct BlogRun {
    CollectingSink sink;
    core::Result<void> result;
};

/// Runs `importer` on `location` with `options` into a fresh CollectingSink.
inline BlogRun run_importer(core::Importer& importer, const std::string& location,
                            std::map<std::string, std::string> options = {},
                            std::vector<core::Identity> mine = {},
                            core::Progress* progress = nullptr) {
    core::NullProgress none;
    BlogRun run{CollectingSink{}, {}};
    run.sink.mine = std::move(mine);
    run.result = importer.run({std::string(importer.kind()), location, std::move(options)},
                              run.sink, progress ? *progress : none);
    return run;
}

/// "ID DIR thread=T at=ISO who=IDENTITY(NAME) personal=P text=TEXT" for a comment.
inline std::string brief(const core::InteractionRecord& r) {
    std::string who;
    for (const auto& p : r.participants)
        who += " who=" + std::string(core::to_string(p.identity.kind)) + ":" + p.identity.value +
               "(" + p.display_name + ")";
    return r.ext_id + " " + std::string(core::to_string(r.direction)) + " " +
           std::string(core::to_string(r.kind)) + " thread=" + r.thread_key +
           " at=" + core::format_iso(r.at) + who + " personal=" + (r.personal ? "1" : "0") +
           " text=" + r.text;
}

inline std::vector<std::string> briefs(const CollectingSink& sink) {
    std::vector<std::string> out;
    for (const auto& r : sink.interactions) out.push_back(brief(r));
    return out;
}

inline std::string all_warnings(const CollectingSink& sink) {
    std::string out;
    for (const auto& w : sink.warnings) out += w.location + ": " + w.message + "\n";
    return out;
}

inline core::Identity website(const std::string& v) {
    return {core::IdentityKind::website, v, v};
}
inline core::Identity email(const std::string& v) {
    return {core::IdentityKind::email, v, v};
}

/// One quirky input of a table-driven test and what it must give.
struct QuirkRow {
    const char* quirk;  ///< what the row covers and where it comes from
    std::string input;
    std::vector<std::string> records;  ///< brief() of each interaction, in order
    std::uint64_t skipped = 0;
    std::vector<std::string> warnings{};  ///< parts of the warnings' messages, in order
};

/// Imports each row's input with `import_text` and checks records, skips and warnings.
template <class Import>
void check_rows(const std::vector<QuirkRow>& rows, Import import_text) {
    for (const auto& row : rows) {
        const std::string quirk = row.quirk;
        CAPTURE(quirk);
        const auto run = import_text(row.input);
        REQUIRE_MESSAGE(run.result.ok(), run.result.error().message);
        CHECK(briefs(run.sink) == row.records);
        CHECK(run.sink.skipped_count == row.skipped);
        const auto warnings = all_warnings(run.sink);
        CAPTURE(warnings);
        std::size_t at = 0;
        for (const auto& w : row.warnings) {
            const auto found = warnings.find(w, at);
            CHECK_MESSAGE(found != std::string::npos, w);
            if (found != std::string::npos) at = found;
        }
        if (row.warnings.empty()) CHECK(run.sink.warnings.empty());
    }
}

}  // namespace kith::import::test
