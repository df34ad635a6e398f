#include "core/strength.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace kith::core {

namespace {

constexpr double kSecondsPerDay = 86400.0;

// Exact exponential decay over `dt_seconds`; 0.5 after one half-life.
double decay(double dt_seconds) {
    return std::exp2(-dt_seconds / (kStrengthHalfLifeDays * kSecondsPerDay));
}

double seconds_between(TimePoint from, TimePoint to) {
    return static_cast<double>((to - from).count());
}

// The explanation groups interactions the way the weights do, so the words match the maths.
enum class Category { meeting, call, email_dm, reply, comment, message, mention, like, count_ };

struct CategoryName {
    const char* one;
    const char* many;
};

constexpr std::array<CategoryName, static_cast<std::size_t>(Category::count_)> kCategoryNames = {{
    {"meeting", "meetings"},
    {"call", "calls"},
    {"email/DM", "emails/DMs"},
    {"reply", "replies"},
    {"comment", "comments"},
    {"message", "messages"},
    {"mention", "mentions"},
    {"like/boost", "likes/boosts"},
}};

// Mirrors strength_weight's order of precedence; only called for interactions of positive weight.
Category category_of(const StrengthInput& i) {
    switch (i.kind) {
        case InteractionKind::meeting:
            return Category::meeting;
        case InteractionKind::call:
            return Category::call;
        default:
            break;
    }
    if (i.channel == Channel::email || i.kind == InteractionKind::dm) return Category::email_dm;
    switch (i.kind) {
        case InteractionKind::reply:
            return Category::reply;
        case InteractionKind::comment:
            return Category::comment;
        case InteractionKind::mention:
            return Category::mention;
        case InteractionKind::like:
        case InteractionKind::boost:
            return Category::like;
        default:
            return Category::message;
    }
}

}  // namespace

double strength_weight(const StrengthInput& i) {
    // Bulk mail, follows and notes say nothing about the relationship itself.
    if (i.bulk) return 0.0;
    switch (i.kind) {
        case InteractionKind::follow:
        case InteractionKind::note:
            return 0.0;
        case InteractionKind::meeting:
            return 5.0;
        case InteractionKind::call:
            return 4.0;
        default:
            break;
    }
    // Any personal email (a reply, a message) is a written letter; a DM is its social equivalent.
    if (i.channel == Channel::email || i.kind == InteractionKind::dm) return 3.0;
    switch (i.kind) {
        case InteractionKind::reply:
        case InteractionKind::comment:
        case InteractionKind::message:
            return 2.0;
        case InteractionKind::mention:
            return 1.0;
        case InteractionKind::like:
        case InteractionKind::boost:
            return 0.5;
        default:
            return 0.0;
    }
}

StrengthSums add_to_sums(StrengthSums sums, const StrengthInput& i) {
    const double w = strength_weight(i);
    if (i.at > sums.ref) {
        // Re-base forward: everything held so far ages by the gap.
        const double f = decay(seconds_between(sums.ref, i.at));
        sums.in *= f;
        sums.out *= f;
        sums.mutual *= f;
        sums.ref = i.at;
    }
    const double contribution = w * decay(seconds_between(i.at, sums.ref));
    switch (i.direction) {
        case Direction::in:
            sums.in += contribution;
            break;
        case Direction::out:
            sums.out += contribution;
            break;
        case Direction::mutual:
            sums.mutual += contribution;
            break;
    }
    return sums;
}

int strength_score(const StrengthSums& sums, TimePoint now) {
    const double total = sums.in + sums.out + sums.mutual;
    if (!(total > 0.0)) return 0;
    // Interactions dated after `now` (clock skew, a meeting logged ahead) count at full weight
    // rather than being amplified by a negative age.
    const double raw = total * (now > sums.ref ? decay(seconds_between(sums.ref, now)) : 1.0);
    // Reciprocity: mutual contact and the matched part of in/out are two-way; the excess of one
    // direction over the other is one-sided. 1 = fully two-way, 0 = entirely one way.
    const double two_way = sums.mutual + 2.0 * std::min(sums.in, sums.out);
    const double r = std::clamp(two_way / total, 0.0, 1.0);
    // A one-sided relationship keeps half its weight; the saturating curve maps weight to 0–100.
    const double effective = raw * (0.5 + 0.5 * r);
    const double score = 100.0 * (1.0 - std::exp(-effective / kStrengthScale));
    if (!std::isfinite(score)) return 100;
    return static_cast<int>(std::clamp(std::lround(score), 0L, 100L));
}

StrengthExplanation explain_strength(std::span<const StrengthInput> interactions, TimePoint now) {
    StrengthSums sums;
    bool any_weight = false;
    for (const auto& i : interactions) {
        sums = add_to_sums(sums, i);
        any_weight = any_weight || strength_weight(i) > 0.0;
    }
    if (!any_weight) return {0, "No contact yet"};

    const auto year_ago = now - Days{365};
    std::array<int, static_cast<std::size_t>(Category::count_)> counts{};
    int total = 0, from_them = 0, from_me = 0;
    std::optional<TimePoint> last_contact;
    for (const auto& i : interactions) {
        if (strength_weight(i) <= 0.0) continue;
        // Likes and boosts weigh a little but are not contact (DESIGN.md "meaningful").
        if (is_meaningful(i.kind) && (!last_contact || i.at > *last_contact)) last_contact = i.at;
        if (i.at < year_ago) continue;
        ++counts[static_cast<std::size_t>(category_of(i))];
        ++total;
        if (i.direction == Direction::in) ++from_them;
        if (i.direction == Direction::out) ++from_me;
    }

    std::string why;
    if (total == 0) {
        why = "No interactions in the last 12 months";
    } else {
        why = std::to_string(total) + (total == 1 ? " interaction" : " interactions") +
              " in the last 12 months (";
        bool first = true;
        for (std::size_t c = 0; c < counts.size(); ++c) {
            if (counts[c] == 0) continue;
            if (!first) why += ", ";
            first = false;
            why += std::to_string(counts[c]) + " " +
                   (counts[c] == 1 ? kCategoryNames[c].one : kCategoryNames[c].many);
        }
        why += ")";
    }
    if (last_contact) {
        // A future-dated contact reads as "just now" rather than "3 d ahead ago".
        const auto age = format_age(std::min(*last_contact, now), now);
        why += age == "just now" ? "; last just now" : "; last " + age + " ago";
    }
    if (from_them + from_me > 0) {
        const auto pct = std::lround(100.0 * from_them / (from_them + from_me));
        why += "; " + std::to_string(pct) + "% from them";
    } else if (total > 0) {
        why += "; all two-way";
    }
    return {strength_score(sums, now), why};
}

}  // namespace kith::core
