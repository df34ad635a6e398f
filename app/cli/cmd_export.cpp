// export ics|csv|mailing-list (export vcard: cmd_export_vcard.cpp).
#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <sstream>

#include "app/cli/cli_context.h"
#include "app/cli/commands.h"
#include "app/cli/output_file.h"
#include "app/shared/mailing_list_export.h"
#include "app/shared/people_csv.h"
#include "app/shared/person_lookup.h"
#include "app/shared/reminder_calendar.h"
#include "core/consent.h"
#include "db/people_repo.h"

namespace kith::app {

using core::Result;

namespace {

struct ExportArgs {
    std::string out, fields, circle, format, list{core::kDefaultMailingList};
    std::vector<std::string> people;
    bool todo = false, include_unconsented = false;
};

/// "a,b, c" → {"a", "b", "c"}.
std::vector<std::string> split_fields(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string f; std::getline(in, f, ',');) {
        const auto b = f.find_first_not_of(' '), e = f.find_last_not_of(' ');
        if (b != std::string::npos) out.push_back(f.substr(b, e - b + 1));
    }
    return out;
}

/// The one-line report of an export written to a file (stdout carries the data otherwise).
void report(CliContext& ctx, const ExportArgs& a, const nlohmann::json& summary,
            const std::string& text) {
    if (a.out.empty()) return;
    if (ctx.json)
        ctx.print_json(summary);
    else
        ctx.out() << text << "\n";
}

Result<void> export_ics(CliContext& ctx, const ExportArgs& a) {
    auto db = ctx.existing_database();
    if (!db) return db.error();
    ReminderCalendarOptions o;
    o.now = ctx.now();
    o.due_by = core::end_of_local_day(o.now, ctx.utc_offset());
    o.kind = a.todo ? core::CalendarItemKind::todo : core::CalendarItemKind::event;
    auto ics = reminder_calendar(**db, o);
    if (!ics) return ics.error();
    if (auto w = write_output(ctx, a.out, *ics); !w) return w;
    report(ctx, a, {{"out", a.out}, {"format", "ics"}},
           "Wrote " + a.out + " (subscribe to it from your calendar app)");
    return {};
}

Result<void> export_csv(CliContext& ctx, const ExportArgs& a) {
    auto db = ctx.existing_database();
    if (!db) return db.error();
    std::vector<std::int64_t> ids;
    if (!a.people.empty()) {
        if (!a.circle.empty())
            return core::make_error(core::ErrorCode::invalid_input,
                                    "give either --circle or people, not both");
        for (const auto& p : a.people) {
            auto id = lookup_person(**db, p);
            if (!id) return id.error();
            ids.push_back(*id);
        }
    } else {
        db::PeopleFilter f;
        f.circle = a.circle;
        auto rows = db::PeopleRepo(**db).list(f);
        if (!rows) return rows.error();
        for (const auto& r : *rows)
            if (!r.is_me) ids.push_back(r.id);
    }
    const auto fields = a.fields.empty() ? default_people_csv_fields() : split_fields(a.fields);
    std::ostringstream csv;
    auto n = write_people_csv(**db, csv, fields, ids, ctx.now());
    if (!n) return n.error();
    if (auto w = write_output(ctx, a.out, csv.str()); !w) return w;
    report(ctx, a, {{"out", a.out}, {"format", "csv"}, {"rows", *n}},
           "Wrote " + std::to_string(*n) + " people to " + a.out);
    return {};
}

Result<void> export_mailing_list_cmd(CliContext& ctx, const ExportArgs& a) {
    const auto format = core::parse_mailing_list_format(a.format);
    if (!format)
        return core::make_error(core::ErrorCode::invalid_input,
                                "unknown mailing-list format '" + a.format + "'",
                                "Formats: listmonk, mailchimp, buttondown.");
    auto db = ctx.existing_database();
    if (!db) return db.error();
    std::ostringstream csv;
    auto s = export_mailing_list(**db, csv, *format, a.list, a.include_unconsented);
    if (!s) return s.error();
    if (auto w = write_output(ctx, a.out, csv.str()); !w) return w;
    if (a.include_unconsented)
        ctx.err() << "kith-cli: --include-unconsented was used: " << s->unconsented << " of "
                  << s->rows << " rows have not opted in to '" << a.list << "'\n";
    report(
        ctx, a,
        {{"out", a.out},
         {"format", a.format},
         {"list", a.list},
         {"rows", s->rows},
         {"include_unconsented", a.include_unconsented},
         {"unconsented", s->unconsented}},
        "Wrote " + std::to_string(s->rows) + " subscribers of '" + a.list + "' to " + a.out +
            (a.include_unconsented
                 ? " (--include-unconsented: " + std::to_string(s->unconsented) + " without opt-in)"
                 : " (opted-in only)"));
    return {};
}

}  // namespace

void register_export_commands(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<ExportArgs>();
    auto* exp = app.add_subcommand("export", "Export people, reminders and mailing lists");
    exp->require_subcommand(1);
    register_export_vcard(*exp, ctx);

    auto* ics = exp->add_subcommand(
        "ics", "Open follow-ups and due reminders as a calendar file (iCalendar) to subscribe to");
    ics->add_option("--out,-o", a->out, "Write to FILE (default: standard output)");
    ics->add_flag("--todo", a->todo, "Write tasks (VTODO) instead of events (VEVENT)");
    ics->callback([&ctx, a] { ctx.action = [&ctx, a] { return export_ics(ctx, *a); }; });

    auto* csv = exp->add_subcommand("csv", "People as CSV (chosen people and fields)");
    csv->add_option("people", a->people, "Names, #ids, emails or handles (default: everyone)");
    csv->add_option("--circle", a->circle, "Only this circle");
    csv->add_option("--fields", a->fields,
                    "Comma-separated: id, name, email, twitter, mastodon, website, phone, "
                    "linkedin, circles, notes, cadence_days, last_contact, strength, created "
                    "(default: name,email,phone,circles)");
    csv->add_option("--out,-o", a->out, "Write to FILE (default: standard output)");
    csv->callback([&ctx, a] { ctx.action = [&ctx, a] { return export_csv(ctx, *a); }; });

    auto* ml = exp->add_subcommand(
        "mailing-list", "Opted-in people as the CSV listmonk, Mailchimp or Buttondown imports");
    ml->add_option("--format", a->format, "listmonk, mailchimp or buttondown")->required();
    ml->add_option("--list", a->list, "The mailing list consent is for (default: newsletter)");
    ml->add_flag("--include-unconsented", a->include_unconsented,
                 "Also followers with a known email who have not opted in (never opted-out)");
    ml->add_option("--out,-o", a->out, "Write to FILE (default: standard output)");
    ml->callback(
        [&ctx, a] { ctx.action = [&ctx, a] { return export_mailing_list_cmd(ctx, *a); }; });
}

}  // namespace kith::app
