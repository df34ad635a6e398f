#pragma once
// What the Today view and the status bar say, as plain strings: the rows of the four groups, ages,
// due dates, empty states, counts. No wxWidgets here (the panels only copy these strings into
// controls), so it is tested headless.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/reminders.h"
#include "core/result.h"
#include "core/time.h"
#include "db/today_queries.h"

namespace kith::db {
class Database;
}

namespace kith::app {

/// At most this many items are shown per group; the rest are counted in a "more" row.
inline constexpr std::size_t kTodayGroupLimit = 50;

/// What a row of the Today list is.
enum class TodayRowKind {
    header,  ///< a group title with its count: person holds the title
    item,    ///< one reminder
    empty,   ///< the group has nothing: text says so
    more,    ///< the group has more than is shown: text says how many
};

/// One row of the Today list, in the four columns person, channel, when, text.
struct TodayRow {
    TodayRowKind kind = TodayRowKind::item;
    core::ReminderRule rule = core::ReminderRule::owe_reply;
    std::string person;   ///< person's name ("—" when the item names nobody), or group title
    std::string channel;  ///< "Email", "In person"…
    std::string when;     ///< "3 d ago", "due today", "overdue 2 d"
    std::string text;     ///< subject, excerpt, follow-up text or cadence; one line
    std::string item_id;  ///< the item's id for done/dismiss/snooze (items only)
    std::int64_t person_id = 0;  ///< whom the item is about (0: nobody)
    std::size_t count = 0;       ///< header: the group's total
    std::string url;             ///< the original (a web page, a mailto: or mid: link), if known
};

/// "You owe a reply", "Waiting on them", "Going cold", "Follow-ups due". Pure.
std::string_view group_title(core::ReminderRule rule);
/// What an empty group says ("Nobody is waiting for your reply."). Pure.
std::string_view empty_group_text(core::ReminderRule rule);
/// "Email", "Twitter/X", "Mastodon", "Blog", "In person", "Call", "Other". Pure.
std::string_view channel_label(core::Channel channel);

/// How long ago `at` was: "just now", "5 min ago", "3 d ago", "6 wk ago"; a time after `now`
/// reads "in 2 h". Pure.
std::string age_text(core::TimePoint at, core::TimePoint now);
/// A follow-up's due date relative to the user's local today: "due today", "overdue 1 d",
/// "overdue 3 wk", or for a date after today "due 2026-12-01". Pure.
std::string due_text(core::TimePoint due, core::TimePoint now, std::chrono::seconds utc_offset);
/// `text` on one line: runs of whitespace (newlines, tabs) become one space, ends trimmed, and
/// longer than `max_chars` code points it is cut on a UTF-8 boundary and ends with "…". Pure.
std::string one_line(std::string_view text, std::size_t max_chars);

/// One reminder as a row. Pure.
TodayRow present_item(const core::ReminderItem& item, core::TimePoint now,
                      std::chrono::seconds utc_offset);

/// The whole list: for each group in order (owe reply, waiting, going cold, follow-ups) a header
/// with the group's total (from `counts`, or the list size when the count is smaller), then at
/// most `per_group` items, then a "more" row when the total is larger, or one "empty" row. Pure.
std::vector<TodayRow> present_today(const core::TodayDigest& digest, const db::TodayCounts& counts,
                                    core::TimePoint now, std::chrono::seconds utc_offset,
                                    std::size_t per_group = kTodayGroupLimit);

/// The heading over the list: "Today · Wednesday 25 November 2026" in the local zone. Pure.
std::string today_heading(core::TimePoint now, std::chrono::seconds utc_offset);

/// "1,234" — thousands separated by commas (the UI is English). Pure.
std::string format_count(std::int64_t n);
/// Status bar counts: "300 people · 13,112 interactions" (singular for 1). Pure.
std::string counts_text(std::int64_t people, std::int64_t interactions);
/// Status bar location: the database path, or "Demo data · PATH" for the demo file. Pure.
std::string location_text(const std::filesystem::path& path, bool demo);
/// An error for a dialog or label: the message, a blank line and the hint (when there is one),
/// the message's first letter capitalised. Pure.
std::string error_text(const core::Error& error);

/// Loads the digest as the Today view shows it: due by the end of the local day, the user's
/// "waiting_days" setting, at most `per_group` items per group, and lays out the rows. Runs on
/// the caller's thread with the caller's connection. Errors are the database's.
core::Result<std::vector<TodayRow>> load_today_rows(db::Database& db, core::TimePoint now,
                                                    std::chrono::seconds utc_offset,
                                                    std::size_t per_group = kTodayGroupLimit);

}  // namespace kith::app
