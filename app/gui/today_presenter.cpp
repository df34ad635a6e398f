#include "app/gui/today_presenter.h"

#include <algorithm>
#include <array>

#include "core/cadence.h"
#include "core/when_parser.h"
#include "db/settings_repo.h"

namespace kith::app {

using core::ReminderRule;

namespace {

constexpr std::size_t kTextChars = 140;

std::int64_t local_day(core::TimePoint t, std::chrono::seconds utc_offset) {
    return std::chrono::floor<std::chrono::days>(t + utc_offset).time_since_epoch().count();
}

}  // namespace

std::string_view group_title(ReminderRule rule) {
    switch (rule) {
        case ReminderRule::owe_reply:
            return "You owe a reply";
        case ReminderRule::waiting:
            return "Waiting on them";
        case ReminderRule::going_cold:
            return "Going cold";
        case ReminderRule::followup:
            return "Follow-ups due";
    }
    return "";
}

std::string_view empty_group_text(ReminderRule rule) {
    switch (rule) {
        case ReminderRule::owe_reply:
            return "Nobody is waiting for your reply.";
        case ReminderRule::waiting:
            return "You are not waiting on anyone.";
        case ReminderRule::going_cold:
            return "No one is going cold.";
        case ReminderRule::followup:
            return "No follow-ups due today.";
    }
    return "";
}

std::string_view channel_label(core::Channel channel) {
    switch (channel) {
        case core::Channel::email:
            return "Email";
        case core::Channel::twitter:
            return "Twitter/X";
        case core::Channel::mastodon:
            return "Mastodon";
        case core::Channel::blog:
            return "Blog";
        case core::Channel::in_person:
            return "In person";
        case core::Channel::call:
            return "Call";
        case core::Channel::other:
            return "Other";
    }
    return "Other";
}

std::string age_text(core::TimePoint at, core::TimePoint now) {
    return core::format_relative(at, now);
}

std::string due_text(core::TimePoint due, core::TimePoint now, std::chrono::seconds utc_offset) {
    const auto due_day = local_day(due, utc_offset);
    const auto today = local_day(now, utc_offset);
    if (due_day == today) return "due today";
    if (due_day > today) return "due " + core::format_date(due + utc_offset);
    return "overdue " + core::format_age(core::TimePoint{} + std::chrono::days{due_day},
                                         core::TimePoint{} + std::chrono::days{today});
}

std::string one_line(std::string_view text, std::size_t max_chars) {
    std::string flat;
    flat.reserve(text.size());
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
            space = !flat.empty();
            continue;
        }
        if (space) flat += ' ';
        space = false;
        flat += c;
    }
    // Count code points (bytes that do not continue a UTF-8 sequence); cut before the one that
    // would leave no room for the ellipsis.
    std::size_t chars = 0, cut = std::string::npos;
    for (std::size_t i = 0; i < flat.size(); ++i) {
        if ((static_cast<unsigned char>(flat[i]) & 0xC0) == 0x80) continue;
        if (chars + 1 == max_chars) cut = i;
        ++chars;
    }
    if (chars <= max_chars) return flat;
    if (max_chars == 0) return {};
    flat.resize(cut);
    while (!flat.empty() && flat.back() == ' ') flat.pop_back();
    return flat + "…";
}

TodayRow present_item(const core::ReminderItem& item, core::TimePoint now,
                      std::chrono::seconds utc_offset) {
    TodayRow row;
    row.kind = TodayRowKind::item;
    row.rule = item.rule;
    row.item_id = item.id;
    row.person_id = item.person_id;
    row.url = item.url;
    row.person = item.person_name.empty() ? "—" : one_line(item.person_name, 60);
    row.channel = std::string(channel_label(item.channel));
    switch (item.rule) {
        case ReminderRule::owe_reply:
        case ReminderRule::waiting:
            row.when = age_text(item.at, now);
            row.text = one_line(item.subject.empty() ? item.excerpt : item.subject, kTextChars);
            break;
        case ReminderRule::going_cold: {
            row.when = age_text(item.at, now);
            const auto days = item.cadence.days.count();
            row.text = "Cadence: every " + std::to_string(days) + (days == 1 ? " day" : " days");
            if (item.cadence.source != core::CadenceSource::none)
                row.text += " (" + std::string(core::to_string(item.cadence.source)) + ")";
            break;
        }
        case ReminderRule::followup:
            row.when = due_text(item.at, now, utc_offset);
            row.text = one_line(item.subject.empty() ? item.excerpt : item.subject, kTextChars);
            break;
    }
    return row;
}

std::vector<TodayRow> present_today(const core::TodayDigest& digest, const db::TodayCounts& counts,
                                    core::TimePoint now, std::chrono::seconds utc_offset,
                                    std::size_t per_group) {
    struct Group {
        ReminderRule rule;
        const std::vector<core::ReminderItem>* items;
        std::size_t total;
    };
    const std::array<Group, 4> groups = {{
        {ReminderRule::owe_reply, &digest.owe_reply, counts.owe_reply},
        {ReminderRule::waiting, &digest.waiting, counts.waiting},
        {ReminderRule::going_cold, &digest.going_cold, counts.going_cold},
        {ReminderRule::followup, &digest.followups, counts.followups},
    }};
    std::vector<TodayRow> rows;
    for (const auto& g : groups) {
        // A caller without counts passes zeros; the list itself is then the truth.
        const std::size_t total = std::max(g.total, g.items->size());
        TodayRow header;
        header.kind = TodayRowKind::header;
        header.rule = g.rule;
        header.person = std::string(group_title(g.rule)) + " (" + std::to_string(total) + ")";
        header.count = total;
        rows.push_back(std::move(header));
        const std::size_t shown = std::min(per_group, g.items->size());
        for (std::size_t i = 0; i < shown; ++i)
            rows.push_back(present_item((*g.items)[i], now, utc_offset));
        if (total == 0) {
            TodayRow empty;
            empty.kind = TodayRowKind::empty;
            empty.rule = g.rule;
            empty.text = std::string(empty_group_text(g.rule));
            rows.push_back(std::move(empty));
        } else if (total > shown) {
            TodayRow more;
            more.kind = TodayRowKind::more;
            more.rule = g.rule;
            more.text = "… and " + format_count(static_cast<std::int64_t>(total - shown)) +
                        " more: kith-cli today --all";
            rows.push_back(std::move(more));
        }
    }
    return rows;
}

std::string today_heading(core::TimePoint now, std::chrono::seconds utc_offset) {
    static constexpr std::array<const char*, 7> kWeekdays = {
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static constexpr std::array<const char*, 12> kMonths = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    const auto day = std::chrono::floor<std::chrono::days>(now + utc_offset);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::weekday wd{day};
    return std::string("Today · ") + kWeekdays[wd.c_encoding()] + " " +
           std::to_string(static_cast<unsigned>(ymd.day())) + " " +
           kMonths[static_cast<unsigned>(ymd.month()) - 1] + " " +
           std::to_string(static_cast<int>(ymd.year()));
}

std::string format_count(std::int64_t n) {
    // Built forwards rather than with std::string::insert, which trips GCC 12's -Wrestrict.
    const std::string digits =
        std::to_string(n < 0 ? -static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n));
    std::string out = n < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string counts_text(std::int64_t people, std::int64_t interactions) {
    return format_count(people) + (people == 1 ? " person" : " people") + " · " +
           format_count(interactions) + (interactions == 1 ? " interaction" : " interactions");
}

std::string location_text(const std::filesystem::path& path, bool demo) {
    return demo ? "Demo data · " + path.string() : path.string();
}

std::string error_text(const core::Error& error) {
    std::string m = error.message;
    if (!m.empty() && m[0] >= 'a' && m[0] <= 'z') m[0] = static_cast<char>(m[0] - 'a' + 'A');
    if (!error.hint.empty()) m += "\n\n" + error.hint;
    return m;
}

core::Result<std::vector<TodayRow>> load_today_rows(db::Database& db, core::TimePoint now,
                                                    std::chrono::seconds utc_offset,
                                                    std::size_t per_group) {
    db::TodayOptions o;
    o.now = now;
    o.due_by = core::end_of_local_day(now, utc_offset);
    o.limit = per_group;
    // The same setting kith-cli today honours, so both show the same digest.
    auto waiting = db::SettingsRepo(db).get("waiting_days");
    if (!waiting) return waiting.error();
    if (*waiting) {
        try {
            o.waiting_after = core::Days{std::max(1, std::stoi(**waiting))};
        } catch (const std::exception&) {
            // A hand-edited bad value falls back to the default, as in kith-cli.
        }
    }
    db::TodayCounts counts;
    auto digest = db::load_today(db, o, &counts);
    if (!digest) return digest.error();
    return present_today(*digest, counts, now, utc_offset, per_group);
}

}  // namespace kith::app
