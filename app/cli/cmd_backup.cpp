// backup [--to FILE|DIR] [--list], restore FILE.
#include <CLI/CLI.hpp>

#include <ostream>
#include <system_error>

#include "app/cli/cli_context.h"
#include "app/cli/commands.h"
#include "db/backup.h"
#include "db/restore.h"

namespace kith::app {

namespace fs = std::filesystem;
using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

struct BackupArgs {
    std::string to;
    bool list = false;
    std::string from;
};

// Listing reads only the folder: it works when the database itself cannot be opened.
Result<void> list_cmd(CliContext& ctx) {
    const auto path = ctx.database_path();
    const auto all = db::list_backups(path);
    if (ctx.json) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& b : all)
            rows.push_back({{"path", b.path.string()},
                            {"taken", b.stamp},
                            {"reason", b.reason},
                            {"bytes", b.bytes}});
        ctx.print_json({{"folder", db::backup_folder(path).string()}, {"backups", rows}});
        return {};
    }
    if (all.empty()) {
        ctx.out() << "No backups of " << path.string() << " in " << db::backup_folder(path).string()
                  << " yet. Make one: kith-cli backup\n";
        return {};
    }
    for (const auto& b : all)
        ctx.out() << b.path.string() << "  " << b.reason << "  " << (b.bytes + 1023) / 1024
                  << " KB\n";
    return {};
}

// --to DIR (an existing folder, or a path ending in '/') gets a timestamped name inside it.
Result<fs::path> explicit_target(const CliContext& ctx, const db::Database& db,
                                 const std::string& to) {
    std::error_code ec;
    fs::path target = to;
    if (to.ends_with('/') || fs::is_directory(target, ec)) {
        fs::create_directories(target, ec);
        if (ec)
            return make_error(ErrorCode::io, "backup: cannot create the folder " + to,
                              "Give a writable folder or file with --to.");
        target /= db.path().stem().string() + "-" + db::backup_stamp(ctx.now()) + "-manual.db";
    }
    return target;
}

Result<void> backup_cmd(CliContext& ctx, const BackupArgs& a) {
    if (a.list) return list_cmd(ctx);
    auto db = ctx.existing_database();
    if (!db) return db.error();
    fs::path written;
    const int keep = db::backup_keep(**db);
    if (a.to.empty()) {
        auto r = db::rotate_backup(**db, "manual", ctx.now(), keep);
        if (!r) return r.error();
        written = *r;
    } else {
        auto target = explicit_target(ctx, **db, a.to);
        if (!target) return target.error();
        if (auto r = db::backup_into(**db, *target); !r) return r;
        written = *target;
    }
    std::error_code ec;
    const auto bytes = fs::file_size(written, ec);
    if (ctx.json) {
        ctx.print_json({{"path", written.string()}, {"bytes", bytes}, {"keep", keep}});
        return {};
    }
    ctx.out() << "Backup written: " << written.string() << " (" << (bytes + 1023) / 1024
              << " KB)\n";
    if (a.to.empty())
        ctx.out() << "The newest " << keep << " backups are kept in "
                  << db::backup_folder((*db)->path()).string() << ".\n";
    return {};
}

Result<void> restore_cmd(CliContext& ctx, const BackupArgs& a) {
    const auto path = ctx.database_path();
    auto r = db::restore_database(path, a.from, ctx.now());
    if (!r) return r.error();
    if (ctx.json) {
        ctx.print_json({{"path", path.string()},
                        {"restored_from", a.from},
                        {"schema_version", r->check.schema_version},
                        {"people", r->check.people},
                        {"interactions", r->check.interactions},
                        {"previous_saved_as", r->saved_as ? r->saved_as->string() : ""}});
        return {};
    }
    ctx.out() << "Restored " << path.string() << " from " << a.from << " (" << r->check.people
              << (r->check.people == 1 ? " person, " : " people, ") << r->check.interactions
              << (r->check.interactions == 1 ? " interaction).\n" : " interactions).\n");
    if (r->saved_as)
        ctx.out() << "The database as it was is saved as " << r->saved_as->string()
                  << (r->saved_raw ? " (a raw copy: it could not be opened)" : "") << ".\n";
    return {};
}

}  // namespace

void register_backup_commands(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<BackupArgs>();
    auto* backup = app.add_subcommand(
        "backup",
        "Copy the database consistently (while Kith runs) into the backups folder beside it, "
        "keeping the newest N (setting backup.keep, default 10), or --to a file or folder");
    backup->add_option("--to", a->to, "A new file, or a folder to put a timestamped copy in");
    backup->add_flag("--list", a->list, "List the backups, newest first");
    backup->callback([&ctx, a] { ctx.action = [&ctx, a] { return backup_cmd(ctx, *a); }; });

    auto* restore = app.add_subcommand(
        "restore",
        "Replace the database with a backup: the file is checked first and the database as it "
        "is saved into the backups folder (close Kith first)");
    restore->add_option("file", a->from, "The backup to restore")->required();
    restore->callback([&ctx, a] { ctx.action = [&ctx, a] { return restore_cmd(ctx, *a); }; });
}

}  // namespace kith::app
