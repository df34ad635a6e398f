#include "core/reminders.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace kith::core {

namespace {

constexpr double kSecondsPerDay = 86400.0;

double days_between(TimePoint from, TimePoint to) {
    return static_cast<double>((to - from).count()) / kSecondsPerDay;
}

// Strong relationships rank higher: strength 50 doubles an item's weight, 100 triples it.
double strength_factor(int strength) {
    return 1.0 + static_cast<double>(std::clamp(strength, 0, 100)) / 50.0;
}

// How pressing an unanswered message is by age: it grows until `peak_days`, then fades (halving
// every `fade_days`), so a two-year-old thread never crowds out last week's question.
double urgency(double age_days, double peak_days, double fade_days) {
    if (age_days <= peak_days) return 0.5 + std::max(0.0, age_days) / (2.0 * peak_days);
    return std::pow(0.5, (age_days - peak_days) / fade_days);
}

// A reply I owe is most pressing after two weeks; a reply I await after a month ("I am still
// waiting and it is more than three weeks").
constexpr double kOwePeakDays = 14, kOweFadeDays = 60, kWaitPeakDays = 30, kWaitFadeDays = 90;

// A like, boost, follow or note at the end of a thread asks for no answer and awaits none.
bool is_conversational(const ThreadTail& t) {
    return t.personal && !t.bulk && is_meaningful(t.kind);
}

ReminderItem item_from_tail(ReminderRule rule, std::string_view id_prefix, const ThreadTail& t) {
    ReminderItem item;
    item.rule = rule;
    item.id = std::string(id_prefix) + ":" + std::to_string(t.interaction_id);
    item.person_id = t.person_id;
    item.person_name = t.person_name;
    item.channel = t.channel;
    item.at = t.at;
    item.subject = t.subject;
    item.excerpt = t.excerpt;
    item.thread_key = t.thread_key;
    item.external_id = t.external_id;
    item.url = t.url;
    item.thread_id = t.thread_id;
    item.interaction_id = t.interaction_id;
    item.strength = t.strength;
    item.subject_key = reminder_subject(item);
    return item;
}

// A candidate that passed its rule, before its item is built.
struct Ranked {
    double rank;
    TimePoint at;
    std::int64_t interaction_id, followup_id, person_id;
    std::size_t index;  ///< into the candidates
};

// Deterministic order: rank, then the older item, then the id, so equal ranks never shuffle.
bool ranks_before(const Ranked& a, const Ranked& b) {
    if (a.rank != b.rank) return a.rank > b.rank;
    if (a.at != b.at) return a.at < b.at;
    return std::tie(a.interaction_id, a.followup_id, a.person_id) <
           std::tie(b.interaction_id, b.followup_id, b.person_id);
}

// Orders the candidates and builds items for the best `limit` only (0 = all): digests rank tens
// of thousands of candidates, and building and moving items with several strings each was most
// of their cost.
template <class Build>
std::vector<ReminderItem> best(std::vector<Ranked>& ranked, std::size_t limit, std::size_t* total,
                               Build build) {
    if (total) *total = ranked.size();
    const std::size_t n = limit == 0 ? ranked.size() : std::min(limit, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n), ranked.end(),
                      ranks_before);
    std::vector<ReminderItem> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(build(ranked[i].index));
        out.back().rank = ranked[i].rank;
    }
    return out;
}

// Done/dismissed/snoozed is looked up only when there are states at all (usually few).
bool hidden(const ReminderStates& states, ReminderItem probe, TimePoint now) {
    if (states.empty()) return false;
    return is_hidden(states, reminder_subject(probe), now);
}

std::string days_text(double days) {
    const auto n = static_cast<long long>(days);
    return std::to_string(n) + (n == 1 ? " day" : " days");
}

}  // namespace

std::string_view to_string(ReminderRule r) {
    switch (r) {
        case ReminderRule::owe_reply:
            return "owe_reply";
        case ReminderRule::waiting:
            return "waiting";
        case ReminderRule::going_cold:
            return "going_cold";
        case ReminderRule::followup:
            return "followup";
    }
    return "owe_reply";
}

std::optional<ReminderRule> parse_reminder_rule(std::string_view s) {
    for (auto r : {ReminderRule::owe_reply, ReminderRule::waiting, ReminderRule::going_cold,
                   ReminderRule::followup})
        if (to_string(r) == s) return r;
    return std::nullopt;
}

std::string reminder_subject(const ReminderItem& item) {
    const std::string rule(to_string(item.rule));
    switch (item.rule) {
        case ReminderRule::owe_reply:
        case ReminderRule::waiting:
            return rule + ":i" + std::to_string(item.interaction_id);
        case ReminderRule::going_cold:
            return rule + ":p" + std::to_string(item.person_id) + "@" +
                   std::to_string(to_unix(item.at));
        case ReminderRule::followup:
            return rule + ":f" + std::to_string(item.followup_id);
    }
    return rule;
}

bool is_hidden(const ReminderStates& states, const std::string& subject_key, TimePoint now) {
    if (states.empty()) return false;
    const auto it = states.find(subject_key);
    if (it == states.end()) return false;
    switch (it->second.kind) {
        case ReminderStateKind::done:
        case ReminderStateKind::dismissed:
            return true;
        case ReminderStateKind::snoozed:
            return it->second.until > now;
    }
    return false;
}

namespace {

// The two conversation rules differ only in whose word is last, how old it must be and how
// urgency grows and fades.
struct ConversationRule {
    ReminderRule rule;
    Direction last_word;
    Days min_age;
    double peak_days, fade_days;
};

std::vector<ReminderItem> conversation_items(const ConversationRule& r,
                                             std::span<const ThreadTail> tails,
                                             const ReminderStates& states, TimePoint now,
                                             std::size_t limit, std::size_t* total) {
    std::vector<Ranked> ranked;
    ReminderItem probe;
    probe.rule = r.rule;
    for (std::size_t i = 0; i < tails.size(); ++i) {
        const auto& t = tails[i];
        if (t.direction != r.last_word || !is_conversational(t)) continue;
        if (now - t.at <= r.min_age) continue;
        probe.interaction_id = t.interaction_id;
        if (hidden(states, probe, now)) continue;
        ranked.push_back({urgency(days_between(t.at, now), r.peak_days, r.fade_days) *
                              strength_factor(t.strength),
                          t.at, t.interaction_id, 0, t.person_id, i});
    }
    return best(ranked, limit, total,
                [&](std::size_t i) { return item_from_tail(r.rule, to_string(r.rule), tails[i]); });
}

}  // namespace

std::vector<ReminderItem> owe_reply(std::span<const ThreadTail> tails, const ReminderStates& states,
                                    TimePoint now, std::size_t limit, std::size_t* total) {
    // Any age counts, even a message dated a little ahead of now (clock skew).
    const ConversationRule rule{ReminderRule::owe_reply, Direction::in, Days{-36500}, kOwePeakDays,
                                kOweFadeDays};
    return conversation_items(rule, tails, states, now, limit, total);
}

std::vector<ReminderItem> waiting_on_them(std::span<const ThreadTail> tails,
                                          const ReminderStates& states, TimePoint now, Days min_age,
                                          std::size_t limit, std::size_t* total) {
    const ConversationRule rule{ReminderRule::waiting, Direction::out, min_age, kWaitPeakDays,
                                kWaitFadeDays};
    return conversation_items(rule, tails, states, now, limit, total);
}

std::vector<ReminderItem> going_cold(std::span<const ContactState> contacts,
                                     const ReminderStates& states, TimePoint now, std::size_t limit,
                                     std::size_t* total) {
    std::vector<Ranked> ranked;
    ReminderItem probe;
    probe.rule = ReminderRule::going_cold;
    for (std::size_t i = 0; i < contacts.size(); ++i) {
        const auto& c = contacts[i];
        if (c.cadence.source == CadenceSource::none || c.cadence.days.count() <= 0) continue;
        // Someone never contacted has been waiting since they were added.
        const TimePoint reference = c.last_contact.value_or(c.added_at);
        if (now - reference <= c.cadence.days) continue;
        probe.person_id = c.person_id;
        probe.at = reference;
        if (hidden(states, probe, now)) continue;
        const double elapsed = days_between(reference, now);
        const double cadence_days = static_cast<double>(c.cadence.days.count());
        // Strength leads: a strong relationship slipping matters more than a long-faded one,
        // whose strength has decayed to nothing however overdue it is; how far past due is
        // relative to the cadence (10 days late on a weekly cadence outranks 10 on a yearly one).
        ranked.push_back({(1.0 + std::clamp(c.strength, 0, 100)) *
                              std::min(1.0, (elapsed - cadence_days) / cadence_days),
                          reference, 0, 0, c.person_id, i});
    }
    return best(ranked, limit, total, [&](std::size_t i) {
        const auto& c = contacts[i];
        const TimePoint reference = c.last_contact.value_or(c.added_at);
        const double elapsed = days_between(reference, now);
        ReminderItem item;
        item.rule = ReminderRule::going_cold;
        item.id = "going_cold:" + std::to_string(c.person_id);
        item.person_id = c.person_id;
        item.person_name = c.person_name;
        item.channel = c.last_channel;
        item.at = reference;
        item.cadence = c.cadence;
        item.strength = c.strength;
        item.subject_key = reminder_subject(item);
        item.excerpt = (c.last_contact ? "Last contact " + days_text(elapsed) + " ago"
                                       : "No contact since added " + days_text(elapsed) + " ago") +
                       "; cadence " + days_text(static_cast<double>(c.cadence.days.count())) +
                       " (" + std::string(to_string(c.cadence.source)) + ")";
        return item;
    });
}

std::vector<ReminderItem> followups_due(std::span<const FollowUpDue> followups,
                                        const ReminderStates& states, TimePoint due_by) {
    std::vector<Ranked> ranked;
    ReminderItem probe;
    probe.rule = ReminderRule::followup;
    for (std::size_t i = 0; i < followups.size(); ++i) {
        const auto& f = followups[i];
        if (f.due > due_by) continue;
        probe.followup_id = f.followup_id;
        if (hidden(states, probe, due_by)) continue;
        // Days past due, so that "higher rank first" and "oldest due first" agree.
        ranked.push_back({days_between(f.due, due_by), f.due, 0, f.followup_id, f.person_id, i});
    }
    return best(ranked, 0, nullptr, [&](std::size_t i) {
        const auto& f = followups[i];
        ReminderItem item;
        item.rule = ReminderRule::followup;
        item.id = "followup:" + std::to_string(f.followup_id);
        item.person_id = f.person_id;
        item.person_name = f.person_name;
        item.channel = f.channel;
        item.at = f.due;
        item.subject = f.text;
        item.followup_id = f.followup_id;
        item.subject_key = reminder_subject(item);
        return item;
    });
}

}  // namespace kith::core
