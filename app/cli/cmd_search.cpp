// search TEXT, timeline PERSON, stats.
#include <CLI/CLI.hpp>

#include <ostream>

#include "app/cli/cli_context.h"
#include "app/cli/commands.h"
#include "app/cli/json_out.h"
#include "app/shared/person_lookup.h"
#include "db/people_repo.h"
#include "db/stats_repo.h"
#include "db/timeline_repo.h"

namespace kith::app {

using core::Result;

namespace {

struct SearchArgs {
    std::vector<std::string> words;
    std::string person, channel, before;
    int limit = 20;
};

std::string join(const std::vector<std::string>& words) {
    std::string s;
    for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
    return s;
}

void print_entry(std::ostream& o, const db::TimelineEntry& e) {
    o << core::format_date(e.at) << "  " << core::to_string(e.channel) << " "
      << core::to_string(e.kind) << " " << core::to_string(e.direction) << "  ";
    if (!e.person_name.empty()) o << e.person_name << ": ";
    if (!e.subject.empty()) o << e.subject << " — ";
    o << e.excerpt.substr(0, 100);
    if (!e.place.empty()) o << " @ " << e.place;
    o << "  (#" << e.id << ")\n";
}

Result<void> search(CliContext& ctx, const SearchArgs& a) {
    const auto text = join(a.words);
    auto db = ctx.existing_database();
    if (!db) return db.error();
    auto people = db::PeopleRepo(**db).search(text, a.limit);
    if (!people) return people.error();
    auto hits = db::TimelineRepo(**db).search(text, a.limit);
    if (!hits) return hits.error();
    const auto now = ctx.now();
    if (ctx.json) {
        nlohmann::json j = {{"people", nlohmann::json::array()},
                            {"interactions", nlohmann::json::array()}};
        for (const auto& p : *people) j["people"].push_back(to_json(p, now));
        for (const auto& e : *hits) j["interactions"].push_back(to_json(e));
        ctx.print_json(j);
        return {};
    }
    auto& o = ctx.out();
    if (people->empty() && hits->empty()) {
        o << "Nothing matches '" << text << "'.\n";
        return {};
    }
    if (!people->empty()) o << "People\n";
    for (const auto& p : *people) o << "  #" << p.id << "  " << p.name << "\n";
    if (!hits->empty()) o << "Interactions\n";
    for (const auto& e : *hits) {
        o << "  ";
        print_entry(o, e);
    }
    return {};
}

Result<void> timeline(CliContext& ctx, const SearchArgs& a) {
    std::optional<core::Channel> channel;
    if (!a.channel.empty()) {
        channel = core::parse_channel(a.channel);
        if (!channel)
            return core::make_error(
                core::ErrorCode::invalid_input, "unknown channel '" + a.channel + "'",
                "Channels: email, twitter, mastodon, blog, in_person, call, other.");
    }
    std::optional<core::TimePoint> before;
    if (!a.before.empty()) {
        auto t = ctx.when(a.before, core::WhenBias::past);
        if (!t) return t.error();
        before = *t;
    }
    auto db = ctx.existing_database();
    if (!db) return db.error();
    auto id = lookup_person(**db, a.person);
    if (!id) return id.error();
    auto rows = db::TimelineRepo(**db).for_person(*id, channel, a.limit, before);
    if (!rows) return rows.error();
    if (ctx.json) {
        auto arr = nlohmann::json::array();
        for (const auto& e : *rows) arr.push_back(to_json(e));
        ctx.print_json(arr);
        return {};
    }
    for (const auto& e : *rows) print_entry(ctx.out(), e);
    if (rows->empty())
        ctx.out() << "No interactions" << (channel ? " on that channel" : "") << " yet.\n";
    return {};
}

Result<void> stats(CliContext& ctx) {
    auto db = ctx.existing_database();
    if (!db) return db.error();
    auto s = db::load_stats(**db);
    if (!s) return s.error();
    if (ctx.json) {
        ctx.print_json(to_json(*s));
        return {};
    }
    auto& o = ctx.out();
    o << ctx.database_path().string() << "\n"
      << "  people        " << s->people << "\n"
      << "  identities    " << s->identities << "\n"
      << "  interactions  " << s->interactions << "\n"
      << "  follow edges  " << s->follow_edges << "\n"
      << "  follow-ups    " << s->followups << " (" << s->open_followups << " open)\n"
      << "  circles       " << s->circles << "\n";
    for (const auto& [channel, n] : s->by_channel)
        if (n) o << "    " << channel << ": " << n << "\n";
    return {};
}

}  // namespace

void register_search_commands(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<SearchArgs>();
    auto* search_cmd =
        app.add_subcommand("search", "Full-text search over people and interactions");
    search_cmd->add_option("text", a->words, "Words (prefixes match: 'gra rep')")->required();
    search_cmd->add_option("--limit", a->limit, "At most this many of each (default 20)");
    search_cmd->callback([&ctx, a] { ctx.action = [&ctx, a] { return search(ctx, *a); }; });

    auto* tl = app.add_subcommand("timeline", "One person's history across channels, newest first");
    tl->add_option("person", a->person, "Name, #id, email or handle")->required();
    tl->add_option("--channel,-c", a->channel, "Only this channel");
    tl->add_option("--limit", a->limit, "At most this many (default 20)");
    tl->add_option("--before", a->before, "Older than this (paging)");
    tl->callback([&ctx, a] { ctx.action = [&ctx, a] { return timeline(ctx, *a); }; });

    auto* st = app.add_subcommand("stats", "Counts of everything in the database");
    st->callback([&ctx] { ctx.action = [&ctx] { return stats(ctx); }; });
}

}  // namespace kith::app
