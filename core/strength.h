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

/// K of the saturating curve in strength_score: about one meeting a month for a year scores
/// ~90, a single email received a year ago scores 1.
inline constexpr double kStrengthScale = 10.0;

/// Weight of one interaction, first match wins: bulk mail, follows and notes 0; meeting 5; call 4;
/// anything else on the email channel and any DM 3; reply, comment, or a message on another
/// channel 2; mention 1; like/boost 0.5. Pure.
double strength_weight(const StrengthInput& i);

/// Decayed weight sums at a reference time, split by direction. Because decay is exponential the
/// sums can be stored once and evaluated exactly at any later time (see strength_score).
struct StrengthSums {
    TimePoint ref{};
    double in = 0, out = 0, mutual = 0;
};

/// Adds one interaction to the sums (re-basing `ref` to the later of the two times): an older
/// interaction is decayed to `ref`; a newer one first decays the existing sums forward to its
/// time. The result does not depend on the order of additions (up to rounding). Start from a
/// default StrengthSums. Pure.
StrengthSums add_to_sums(StrengthSums sums, const StrengthInput& i);

/// Score 0–100 at `now`: grows with every meaningful interaction, decays with a 90-day half-life,
/// and is scaled by reciprocity (a balanced in/out relationship scores higher than a one-sided
/// one with the same total; mutual contact — meetings, calls — counts as balanced). Precisely:
/// raw = (in + out + mutual) decayed to `now` (not amplified when `now` < ref);
/// r = (mutual + 2·min(in, out)) / (in + out + mutual);
/// score = round(100 · (1 − exp(−raw · (0.5 + 0.5·r) / kStrengthScale))). Pure.
int strength_score(const StrengthSums& sums, TimePoint now);

/// The score with a short human explanation for tooltips and `person show`, e.g. "14 interactions
/// in the last 12 months (3 meetings, 9 emails/DMs, 2 replies); last 5 d ago; 45% from them".
/// Counts cover interactions of positive weight in the 365 days before `now`; "last" is the
/// latest meaningful contact (not likes/boosts) at any age; the share counts in/out interactions
/// (mutual ones excluded; "all two-way" when there are only those). No interaction of positive
/// weight → score 0 and "No contact yet". The score equals strength_score of the sums built with
/// add_to_sums. Pure.
struct StrengthExplanation {
    int score = 0;
    std::string why;
};
StrengthExplanation explain_strength(std::span<const StrengthInput> interactions, TimePoint now);

}  // namespace kith::core
