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

}  // namespace kith::import::test
