// init, import KIND SRC, demo.
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <ostream>

#include "app/cli/cli_context.h"
#include "app/cli/commands.h"
#include "app/cli/secret_prompt.h"
#include "app/shared/demo_generator.h"
#include "app/shared/source_secret.h"
#include "db/identity_repo.h"
#include "db/import_runner.h"
#include "db/migrations.h"
#include "import/importer_registry.h"

namespace kith::app {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

struct ImportArgs {
    std::string kind, source;
    std::vector<std::string> options;
    int people = 300;
    std::uint64_t seed = 0;
    int interactions = 0;
    bool ask_password = false;
    std::size_t batch_size = db::RunOptions{}.batch_size;
};

/// Progress on stderr, at most every 200 ms, only when stderr is a terminal.
class TerminalProgress final : public core::Progress {
  public:
    explicit TerminalProgress(std::ostream& err) : m_err(err), m_tty(isatty(STDERR_FILENO)) {}
    ~TerminalProgress() override {
        if (m_drawn) m_err << "\r\033[K" << std::flush;
    }
    void update(std::uint64_t done, std::uint64_t total, std::string_view what) override {
        if (!m_tty) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last < std::chrono::milliseconds(200)) return;
        m_last = now;
        m_drawn = true;
        m_err << "\r\033[K" << done;
        if (total)
            m_err << " / " << total << " " << what << " (" << (done * 100 / total) << "%)";
        else
            m_err << " " << what;
        m_err << std::flush;
    }
    bool cancelled() const override { return false; }

  private:
    std::ostream& m_err;
    bool m_tty;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_last{};
};

std::string known_kinds() {
    std::string s;
    for (const auto& k : import::importer_kinds())
        if (k.kind != "demo") s += (s.empty() ? "" : ", ") + k.kind;
    return s;
}

Result<void> report(CliContext& ctx, const db::ImportResult& r) {
    const auto& c = r.counts;
    if (ctx.json) {
        nlohmann::json messages = nlohmann::json::array();
        for (const auto& m : c.messages)
            messages.push_back({{"location", m.location}, {"message", m.message}});
        ctx.print_json({{"added", c.added},
                        {"updated", c.updated},
                        {"skipped", c.skipped},
                        {"warnings", c.warnings},
                        {"messages", messages},
                        {"status", r.status},
                        {"run_id", r.run_id}});
        return {};
    }
    ctx.out() << "Imported: " << c.added << " added, " << c.updated << " updated, " << c.skipped
              << " skipped, " << c.warnings << " warnings\n";
    for (const auto& m : c.messages)
        ctx.out() << "  warning: " << m.location << ": " << m.message << "\n";
    if (c.warnings > c.messages.size())
        ctx.out() << "  … " << (c.warnings - c.messages.size()) << " more warnings\n";
    return {};
}

// Email direction comes from my addresses: without one every message counts as received and
// nobody can owe anyone a reply. Said after the run (nothing is lost: claiming the address later
// redoes what was imported), on stderr so that --json output stays clean.
void hint_if_no_address_of_mine(CliContext& ctx, db::Database& db, const std::string& kind,
                                const db::ImportCounts& counts) {
    static constexpr std::string_view kEmailKinds[] = {"mbox", "maildir", "eml", "imap"};
    if (counts.added == 0 ||
        std::find(std::begin(kEmailKinds), std::end(kEmailKinds), kind) == std::end(kEmailKinds))
        return;
    auto mine = db::IdentityRepo(db).mine();
    if (!mine) return;
    for (const auto& i : *mine)
        if (i.kind == core::IdentityKind::email) return;
    ctx.err() << "Note: Kith does not know your email address yet, so every message counts as "
                 "received and none as sent by you (no \"you owe a reply\", no \"waiting on "
                 "them\").\nTell it: kith-cli me add-identity you@example.org — what was just "
                 "imported is redone, no need to import again.\n";
}

Result<void> run(CliContext& ctx, core::ImportRequest req, bool ask_password,
                 std::size_t batch_size) {
    auto importer = import::make_importer(req.kind);
    if (!importer)
        return make_error(ErrorCode::unsupported, "unknown import kind '" + req.kind + "'",
                          "Known kinds: " + known_kinds() + ".");
    auto origin = fill_secret(req, ask_password, [&ctx](const std::string& what) {
        return read_secret(ctx.err(), what);
    });
    if (!origin) return origin.error();
    auto db = ctx.database();
    if (!db) return db.error();
    TerminalProgress progress(ctx.err());
    auto r = db::run_import(**db, *importer, req, progress, ctx.now(), {batch_size});
    if (!r) return explain_refused_secret(r.error(), req, *origin);
    if (auto shown = report(ctx, *r); !shown) return shown;
    hint_if_no_address_of_mine(ctx, **db, req.kind, r->counts);
    return {};
}

Result<void> import_cmd(CliContext& ctx, const ImportArgs& a) {
    core::ImportRequest req{a.kind, a.source, {}};
    for (const auto& kv : a.options) {
        const auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0)
            return make_error(ErrorCode::invalid_input, "option '" + kv + "' is not KEY=VALUE",
                              "Example: --option folder=INBOX");
        req.options[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    if (req.kind == "ics") req.options.emplace("now", core::format_iso(ctx.now()));
    if (req.kind == "demo")
        return make_error(ErrorCode::invalid_input, "demo data has its own command",
                          "Run: kith-cli demo --people 300");
    if (a.batch_size == 0)
        return make_error(ErrorCode::invalid_input, "--batch-size must be at least 1",
                          "The default, 10000, suits almost every import.");
    return run(ctx, std::move(req), a.ask_password, a.batch_size);
}

Result<void> demo_cmd(CliContext& ctx, const ImportArgs& a) {
    if (a.people < 1 || a.people > 1'000'000)
        return make_error(ErrorCode::invalid_input, "--people must be between 1 and 1000000");
    auto db = ctx.database(true);
    if (!db) return db.error();
    DemoRequest req;
    req.people = a.people;
    req.now = ctx.now();
    req.seed = a.seed;
    req.interactions = a.interactions;
    TerminalProgress progress(ctx.err());
    auto r = generate_demo(**db, req, progress);
    if (!r) return r.error();
    if (auto shown = report(ctx, *r); !shown) return shown;
    if (!ctx.json)
        ctx.out() << "Demo data is in " << (*db)->path().string() << ". Try: kith-cli --db "
                  << (*db)->path().string() << " today\n";
    return {};
}

Result<void> init_cmd(CliContext& ctx) {
    auto db = ctx.database();
    if (!db) return db.error();
    if (ctx.json)
        ctx.print_json(
            {{"path", (*db)->path().string()}, {"schema_version", db::latest_schema_version()}});
    else
        ctx.out()
            << "Kith database ready: " << (*db)->path().string() << " (schema "
            << db::latest_schema_version() << ")\n"
            << "Next: kith-cli me add-identity you@example.org, then kith-cli log \"Ana Ruiz\" "
               "--notes \"…\"\n";
    return {};
}

}  // namespace

void register_import_commands(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<ImportArgs>();
    auto* init = app.add_subcommand("init", "Create (or upgrade) the database");
    init->callback([&ctx] { ctx.action = [&ctx] { return init_cmd(ctx); }; });

    std::string kinds_help = "Import history from a file, folder or account. Kinds:";
    for (const auto& k : import::importer_kinds())
        if (k.kind != "demo") kinds_help += "\n  " + k.kind + "  " + k.description;
    auto* imp = app.add_subcommand("import", kinds_help);
    imp->add_option("kind", a->kind, "What kind of source")->required();
    imp->add_option("source", a->source, "Path or URL")->required();
    imp->add_option("--option,-o", a->options, "KEY=VALUE passed to the importer (repeatable)");
    imp->add_flag("--ask-password", a->ask_password,
                  "Ask for the IMAP password or Mastodon token now instead of reading it from "
                  "the keyring (for machines without one; nothing is stored)");
    imp->add_option("--batch-size", a->batch_size,
                    "Records per transaction (default 10000); a killed import keeps every "
                    "committed batch");
    imp->callback([&ctx, a] { ctx.action = [&ctx, a] { return import_cmd(ctx, *a); }; });

    auto* demo = app.add_subcommand(
        "demo", "Fill a database with realistic demo data (demo.db unless --db is given)");
    demo->add_option("--people", a->people, "How many people (default 300)");
    demo->add_option("--seed", a->seed, "Random seed (same seed, same data)");
    demo->add_option("--interactions", a->interactions, "Average interactions per person (40)");
    demo->callback([&ctx, a] { ctx.action = [&ctx, a] { return demo_cmd(ctx, *a); }; });
}

}  // namespace kith::app
