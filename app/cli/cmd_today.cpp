// today: the digest, and done|dismiss|snooze on its items.
#include <CLI/CLI.hpp>

#include <ostream>

#include "app/cli/cli_context.h"
#include "app/cli/commands.h"
#include "app/cli/json_out.h"
#include "db/settings_repo.h"
#include "db/today_queries.h"

namespace kith::app {

using core::Result;

namespace {

struct TodayArgs {
    std::string id, until;
    int limit = 100;
    int within = 90;
    bool all = false;
};

void print_section(std::ostream& o, const char* title, const std::vector<core::ReminderItem>& items,
                   std::size_t total, core::TimePoint now, std::size_t shown) {
    o << title << " (" << total << ")\n";
    std::size_t n = 0;
    for (const auto& i : items) {
        if (n++ == shown) break;
        o << "  " << i.id << "  " << (i.person_name.empty() ? "—" : i.person_name) << " · "
          << core::to_string(i.channel) << " · ";
        switch (i.rule) {
            case core::ReminderRule::going_cold:
                o << "last contact " << core::format_relative(i.at, now) << ", cadence "
                  << i.cadence.days.count() << " d (" << core::to_string(i.cadence.source) << ")";
                break;
            case core::ReminderRule::followup:
                o << "due " << core::format_date(i.at) << (i.at < now ? " (overdue)" : "") << " · "
                  << i.subject;
                break;
            default:
                o << core::format_age(i.at, now) << " · "
                  << (i.subject.empty() ? i.excerpt.substr(0, 60) : i.subject);
        }
        o << "\n";
    }
    if (total > std::min(shown, items.size()))
        o << "  … and " << total - std::min(shown, items.size())
          << " more (kith-cli today --all)\n";
    if (items.empty()) o << "  nothing\n";
}

Result<void> today(CliContext& ctx, const TodayArgs& a) {
    auto db = ctx.existing_database();
    if (!db) return db.error();
    db::TodayOptions o;
    o.now = ctx.now();
    o.due_by = core::end_of_local_day(o.now, ctx.utc_offset());
    o.conversation_horizon = core::Days{a.within};
    if (auto w = db::SettingsRepo(**db).get("waiting_days"); w && *w) {
        try {
            o.waiting_after = core::Days{std::max(1, std::stoi(**w))};
        } catch (...) {
            // A hand-edited bad value falls back to the default.
        }
    }
    o.limit = a.all ? 0 : static_cast<std::size_t>(a.limit);
    db::TodayCounts counts;
    auto d = load_today(**db, o, &counts);
    if (!d) return d.error();
    if (ctx.json) {
        // The full counts travel with the (possibly shortened) lists.
        auto j = to_json(*d);
        j["counts"] = {{"owe_reply", counts.owe_reply},
                       {"waiting", counts.waiting},
                       {"going_cold", counts.going_cold},
                       {"followups", counts.followups}};
        ctx.print_json(j);
        return {};
    }
    auto& out = ctx.out();
    const std::size_t shown = a.all ? SIZE_MAX : 10;
    print_section(out, "You owe a reply", d->owe_reply, counts.owe_reply, o.now, shown);
    print_section(out, "Waiting on them", d->waiting, counts.waiting, o.now, shown);
    print_section(out, "Going cold", d->going_cold, counts.going_cold, o.now, shown);
    print_section(out, "Follow-ups due", d->followups, counts.followups, o.now, shown);
    out << "\nAct on an item: kith-cli today done|dismiss ID · kith-cli today snooze ID --until "
           "\"next week\"\n";
    return {};
}

Result<void> act(CliContext& ctx, const TodayArgs& a, db::TodayAction action) {
    std::optional<core::TimePoint> until;
    if (action == db::TodayAction::snooze) {
        auto t = ctx.when(a.until.empty() ? "tomorrow" : a.until, core::WhenBias::future);
        if (!t) return t.error();
        until = *t;
    }
    auto db = ctx.database();
    if (!db) return db.error();
    if (auto r = db::act_on_today_item(**db, a.id, action, until, ctx.now()); !r) return r;
    const char* verb = action == db::TodayAction::done      ? "done"
                       : action == db::TodayAction::dismiss ? "dismissed"
                                                            : "snoozed";
    if (ctx.json) {
        nlohmann::json j = {{"id", a.id}, {"state", verb}};
        if (until) j["until"] = core::format_iso(*until);
        ctx.print_json(j);
    } else {
        ctx.out() << a.id << " " << verb;
        if (until) ctx.out() << " until " << core::format_date(*until);
        ctx.out() << "\n";
    }
    return {};
}

}  // namespace

void register_today_commands(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<TodayArgs>();
    auto* today_cmd = app.add_subcommand(
        "today",
        "What needs me today: replies I owe, replies I await, people going cold, "
        "follow-ups due");
    today_cmd->require_subcommand(0, 1);
    today_cmd->add_option("--limit", a->limit, "At most this many items per list (default 100)");
    today_cmd->add_flag("--all", a->all, "Every item");
    today_cmd
        ->add_option("--within", a->within,
                     "Only conversations whose last message is at most this many days old "
                     "(default 90)")
        ->check(CLI::Range(1, 36500));
    today_cmd->callback([&ctx, a, today_cmd] {
        if (today_cmd->get_subcommands().empty()) ctx.action = [&ctx, a] { return today(ctx, *a); };
    });
    const std::pair<const char*, db::TodayAction> actions[] = {
        {"done", db::TodayAction::done},
        {"dismiss", db::TodayAction::dismiss},
        {"snooze", db::TodayAction::snooze}};
    for (const auto& [name, action] : actions) {
        auto* sub = today_cmd->add_subcommand(name, std::string("Mark an item ") + name);
        sub->add_option("id", a->id, "Item id from `kith-cli today`, e.g. owe_reply:12")
            ->required();
        if (action == db::TodayAction::snooze)
            sub->add_option("until,--until", a->until, "Until when (default tomorrow)");
        const auto act_kind = action;
        sub->callback([&ctx, a, act_kind] {
            ctx.action = [&ctx, a, act_kind] { return act(ctx, *a, act_kind); };
        });
    }
}

}  // namespace kith::app
