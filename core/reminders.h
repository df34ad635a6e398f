#pragma once
// The four reminder rules of DESIGN.md as pure functions of the data and an injected "now".
// The database hands in candidates (thread tails, contact states, follow-ups) found by index
// lookups; these functions decide, apply done/dismissed/snoozed states and rank.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/cadence.h"
#include "core/channel.h"
#include "core/time.h"

namespace kith::core {

enum class ReminderRule { owe_reply, waiting, going_cold, followup };
std::string_view to_string(ReminderRule r);  ///< "owe_reply", "waiting", "going_cold", "followup"
std::optional<ReminderRule> parse_reminder_rule(std::string_view s);

/// The latest interaction of one conversation thread.
struct ThreadTail {
    std::int64_t thread_id = 0;
    std::int64_t interaction_id = 0;
    std::int64_t person_id = 0;  ///< the other party (for "in": the sender; "out": first recipient)
    std::string person_name;
    Channel channel = Channel::other;
    InteractionKind kind = InteractionKind::message;
    Direction direction = Direction::in;
    TimePoint at{};
    bool personal = false;
    bool bulk = false;
    std::string subject;
    std::string excerpt;
    std::string thread_key;
    std::string external_id;
    std::string url;
    int strength = 0;  ///< the person's strength now, 0–100
};

/// A person's contact state for "going cold".
struct ContactState {
    std::int64_t person_id = 0;
    std::string person_name;
    std::optional<TimePoint> last_contact;  ///< last meaningful interaction, any channel
    TimePoint added_at{};  ///< when the person was added: the clock start if never contacted
    Channel last_channel = Channel::other;
    Cadence cadence;
    int strength = 0;
};

/// An open follow-up.
struct FollowUpDue {
    std::int64_t followup_id = 0;
    std::int64_t person_id = 0;  ///< 0 when it names nobody
    std::string person_name;
    std::string text;
    TimePoint due{};
    Channel channel = Channel::in_person;  ///< channel of the originating interaction
};

enum class ReminderStateKind { done, dismissed, snoozed };
struct ReminderState {
    ReminderStateKind kind = ReminderStateKind::done;
    TimePoint until{};  ///< for snoozed
};
/// Reminder states keyed by subject key (see reminder_subject).
using ReminderStates = std::map<std::string, ReminderState, std::less<>>;

/// One line of the Today digest.
struct ReminderItem {
    ReminderRule rule = ReminderRule::owe_reply;
    std::string id;           ///< "owe_reply:<interaction id>", "waiting:<interaction id>",
                              ///< "going_cold:<person id>", "followup:<follow-up id>"
    std::string subject_key;  ///< key for ReminderStates (see reminder_subject)
    std::int64_t person_id = 0;
    std::string person_name;
    Channel channel = Channel::other;
    TimePoint at{};       ///< message time, last contact, or due date
    std::string subject;  ///< subject, or follow-up text
    std::string excerpt;
    std::string thread_key;
    std::string external_id;
    std::string url;
    std::int64_t thread_id = 0;
    std::int64_t interaction_id = 0;
    std::int64_t followup_id = 0;
    Cadence cadence;  ///< going_cold only
    int strength = 0;
    double rank = 0;  ///< higher first
};

/// The key under which done/dismissed/snoozed is stored for an item. For conversation items it
/// names the tail interaction (a new message makes a new item): "owe_reply:i<interaction id>",
/// "waiting:i<interaction id>"; for going-cold it names the person and the reference time `at`
/// (last contact, or added_at) in Unix seconds: "going_cold:p<person id>@<seconds>" (a new
/// contact ends the item, dismissing lasts until then); for follow-ups "followup:f<id>". Pure.
std::string reminder_subject(const ReminderItem& item);

/// True when a state hides the item at `now` (done, dismissed, or snoozed until after now).
bool is_hidden(const ReminderStates& states, const std::string& subject_key, TimePoint now);

/// Owe reply: tail inbound, personal, not bulk, of a meaningful kind (a like, boost, follow or
/// note asks for no answer), not hidden at `now`. rank = urgency(age) × (1 + strength/50), where
/// urgency rises from 0.5 to 1 over the first 14 days and then halves every 60 days, highest first
/// (ties: older first). Pure.
std::vector<ReminderItem> owe_reply(std::span<const ThreadTail> tails, const ReminderStates& states,
                                    TimePoint now, std::size_t limit = 0,
                                    std::size_t* total = nullptr);

/// Waiting on them: tail is my personal, non-bulk outbound message of a meaningful kind, strictly
/// older than `min_age` (exactly `min_age` old is not yet waiting), not hidden at `now`.
/// rank = urgency(age) × (1 + strength/50), urgency rising from 0.5 to 1 over 30 days and then
/// halving every 90 days. Pure.
std::vector<ReminderItem> waiting_on_them(std::span<const ThreadTail> tails,
                                          const ReminderStates& states, TimePoint now,
                                          Days min_age = Days{7}, std::size_t limit = 0,
                                          std::size_t* total = nullptr);

/// Going cold: last meaningful contact (or `added_at` if never) strictly older than the cadence;
/// people without a cadence (source none, or days ≤ 0) never go cold. Item `at` is that
/// reference time, `excerpt` a short English description ("Last contact 45 days ago; cadence 30
/// days (explicit)"). rank = (1 + strength) × min(1, (elapsed − cadence) / cadence), highest first:
/// a strong relationship slipping outranks one that faded long ago.
/// Pure.
std::vector<ReminderItem> going_cold(std::span<const ContactState> contacts,
                                     const ReminderStates& states, TimePoint now,
                                     std::size_t limit = 0, std::size_t* total = nullptr);

/// Follow-ups due: open follow-ups whose due time is at or before `due_by` (the last second of
/// the user's today, so that tomorrow's date-only follow-ups at 00:00 stay out). Snoozes are
/// evaluated at `due_by`: a follow-up snoozed until later today shows in today's digest.
/// rank = days past due; oldest due first. Pure.
std::vector<ReminderItem> followups_due(std::span<const FollowUpDue> followups,
                                        const ReminderStates& states, TimePoint due_by);

/// owe_reply, waiting_on_them and going_cold rank every candidate but build items only for the
/// best `limit` (0 = all); `total`, when given, receives how many candidates qualified.

/// The four lists.
struct TodayDigest {
    std::vector<ReminderItem> owe_reply, waiting, going_cold, followups;
};

}  // namespace kith::core
