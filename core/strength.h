#pragma once
// Relationship strength (DESIGN.md): recency, frequency, richness and reciprocity in one 0–100
// score that can explain itself.

#include <span>
#include <string>

#include "core/channel.h"
#include "core/time.h"

namespace kith::core {

/// One interaction as strength sees it.
struct StrengthInput {
    TimePoint at{};
    Channel channel = Channel::other;
    InteractionKind kind = InteractionKind::message;
    Direction direction = Direction::in;
    bool bulk = false;
};

inline constexpr double kStrengthHalfLifeDays = 90.0;

/// Weight of one interaction: meeting > call > email/DM > reply/comment > mention > like/boost;
/// 0 for follows, notes and bulk mail.
double strength_weight(const StrengthInput& i);

/// Decayed weight sums at a reference time, split by direction. Because decay is exponential the
/// sums can be stored once and evaluated exactly at any later time (see strength_score).
struct StrengthSums {
    TimePoint ref{};
    double in = 0, out = 0, mutual = 0;
};

/// Adds one interaction to the sums (re-basing `ref` to the later of the two times). Pure.
StrengthSums add_to_sums(StrengthSums sums, const StrengthInput& i);

/// Score 0–100 at `now`: grows with every meaningful interaction, decays with a 90-day half-life,
/// and is scaled by reciprocity (a balanced in/out relationship scores higher than a one-sided
/// one with the same total; mutual contact — meetings, calls — counts as balanced). Pure.
int strength_score(const StrengthSums& sums, TimePoint now);

/// The score with a short human explanation ("12 interactions in the last year, last 3 d ago, 40%
/// from them; meetings weigh most") for tooltips and `person show`. Pure.
struct StrengthExplanation {
    int score = 0;
    std::string why;
};
StrengthExplanation explain_strength(std::span<const StrengthInput> interactions, TimePoint now);

}  // namespace kith::core
