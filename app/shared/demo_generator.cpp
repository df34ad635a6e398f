#include "app/shared/demo_generator.h"

#include <string>

#include "db/database.h"
#include "db/settings_repo.h"
#include "db/stats_repo.h"
#include "import/importer_registry.h"

namespace kith::app {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

// The marker `kith-cli demo` writes too, so either program recognises the other's demo file.
constexpr const char* kDemoMarker = "demo";

}  // namespace

Result<db::ImportResult> generate_demo(const DemoRequest& request, core::Progress& progress) {
    auto opened = db::Database::open(request.path);
    if (!opened) return opened.error();
    return generate_demo(**opened, request, progress);
}

Result<db::ImportResult> generate_demo(db::Database& database, const DemoRequest& request,
                                       core::Progress& progress) {
    if (request.people < 1)
        return make_error(ErrorCode::invalid_input, "the demo needs at least one person");
    auto demo = is_demo_database(database);
    if (!demo) return demo.error();
    if (!*demo) {
        auto stats = db::load_stats(database);
        if (!stats) return stats.error();
        if (stats->people > 0 || stats->interactions > 0)
            return make_error(
                ErrorCode::conflict,
                database.path().string() + " already holds your own data (" +
                    std::to_string(stats->people) + " people); demo data is never mixed into it",
                "Nothing was changed. Run the demo on a file of its own: kith-cli --db demo.db "
                "demo");
        if (auto s = db::SettingsRepo(database).set(kDemoMarker, "1"); !s) return s.error();
    }

    auto importer = import::make_importer("demo");
    if (!importer)
        return make_error(ErrorCode::internal, "this build of Kith has no demo generator");
    core::ImportRequest req{"demo", "generated", {}};
    req.options["people"] = std::to_string(request.people);
    req.options["now"] = core::format_iso(request.now);
    if (request.seed) req.options["seed"] = std::to_string(request.seed);
    if (request.interactions) req.options["interactions"] = std::to_string(request.interactions);
    return db::run_import(database, *importer, req, progress, request.now);
}

Result<bool> is_demo_database(db::Database& db) {
    auto marker = db::SettingsRepo(db).get(kDemoMarker);
    if (!marker) return marker.error();
    return marker->has_value();
}

}  // namespace kith::app
