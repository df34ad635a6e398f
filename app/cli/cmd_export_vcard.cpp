// export vcard: people as vCard 4.0, one file or one per person.
#include <CLI/CLI.hpp>

#include <cctype>
#include <filesystem>
#include <ostream>

#include "app/cli/cli_context.h"
#include "app/cli/commands.h"
#include "app/cli/output_file.h"
#include "app/shared/person_lookup.h"
#include "core/vcard_writer.h"
#include "db/contact_repo.h"

namespace kith::app {

using core::Result;

namespace {

struct VcardArgs {
    std::string out_file, dir;
    std::vector<std::string> people;
};

/// A file name from a person's name: letters, digits and a few safe marks kept, the rest '_'
/// (no path separators, no leading dot), with the id so two "Ana Ruiz" never collide.
std::string file_name_for(const std::string& name, std::int64_t id) {
    std::string out;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        const bool keep = u >= 0x80 || std::isalnum(u) || c == ' ' || c == '-' || c == '_';
        out += keep ? c : '_';
    }
    while (!out.empty() && (out.front() == ' ' || out.front() == '.')) out.erase(0, 1);
    if (out.size() > 80) out.resize(80);
    return (out.empty() ? std::string("person") : out) + "-" + std::to_string(id) + ".vcf";
}

Result<void> export_vcard(CliContext& ctx, const VcardArgs& a) {
    auto db = ctx.existing_database();
    if (!db) return db.error();
    std::vector<std::int64_t> ids;
    for (const auto& p : a.people) {
        auto id = lookup_person(**db, p);
        if (!id) return id.error();
        ids.push_back(*id);
    }
    if (!a.dir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(a.dir, ec);
        if (ec)
            return core::make_error(core::ErrorCode::io, "cannot create the folder " + a.dir,
                                    "Check that its parent exists and is writable.");
    }
    std::string all;  // --out or standard output: one text of every card
    std::uint64_t count = 0;
    auto r = db::ContactRepo(**db).for_each_card(
        ids, [&](std::int64_t id, const core::ContactRecord& card) -> Result<void> {
            ++count;
            auto text = core::format_vcard(card);
            if (a.dir.empty()) {
                all += text;
                return {};
            }
            return write_output(
                ctx, (std::filesystem::path(a.dir) / file_name_for(card.display_name, id)).string(),
                text);
        });
    if (!r) return r;
    if (!a.out_file.empty()) {
        if (auto w = write_output(ctx, a.out_file, all); !w) return w;
    } else if (a.dir.empty()) {
        ctx.out() << all;
        return {};
    }
    const auto where = a.dir.empty() ? a.out_file : a.dir;
    if (ctx.json)
        ctx.print_json({{"format", "vcard"}, {"people", count}, {"path", where}});
    else
        ctx.out() << "Exported " << count << (count == 1 ? " person" : " people") << " to " << where
                  << "\n";
    return {};
}

}  // namespace

void register_export_vcard(CLI::App& exp, CliContext& ctx) {
    auto a = std::make_shared<VcardArgs>();
    auto* cmd = exp.add_subcommand(
        "vcard", "People as vCard 4.0 (all but you and the archived, or those named)");
    auto* out = cmd->add_option("--out", a->out_file, "One .vcf file with every card");
    auto* dir = cmd->add_option("--dir", a->dir, "A folder with one .vcf file per person");
    out->excludes(dir);
    cmd->add_option("people", a->people, "People (#id, identity or name); default everyone");
    cmd->callback([&ctx, a] { ctx.action = [&ctx, a] { return export_vcard(ctx, *a); }; });
}

}  // namespace kith::app
