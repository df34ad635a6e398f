#pragma once
// How often the user wants to be in touch with someone (DESIGN.md "Going cold").

#include <optional>
#include <span>
#include <string_view>

#include "core/time.h"

namespace kith::core {

enum class CadenceSource { none, explicit_, circle, inferred };
std::string_view to_string(CadenceSource s);  ///< "none", "explicit", "circle", "inferred"
std::optional<CadenceSource> parse_cadence_source(std::string_view s);

struct Cadence {
    CadenceSource source = CadenceSource::none;
    Days days{0};  ///< meaningful only when source != none
};

inline constexpr int kMinInferredCadenceDays = 7;
inline constexpr int kMaxInferredCadenceDays = 365;
inline constexpr int kMinInteractionsForInference = 4;
/// Contact days at most this many days after the previous contact day belong to one episode.
inline constexpr int kEpisodeGapDays = 2;
/// An episode ends after this many days even if contact goes on daily.
inline constexpr int kMaxEpisodeDays = 7;

/// Inferred cadence from the times of meaningful interactions (any order, duplicates allowed):
/// 1.5 × the median gap between contact *episodes* (the mean of the two middle gaps when their
/// number is even), rounded to whole days (halves away from zero) and clamped to 7–365 days.
/// Interactions on one UTC day are one contact; contact days at most kEpisodeGapDays apart form
/// one episode (an email thread answered over three days), cut after kMaxEpisodeDays so daily
/// contact still has a weekly rhythm. nullopt with fewer than 4 episodes. Pure.
std::optional<Days> infer_cadence(std::span<const TimePoint> meaningful_times);

/// Explicit beats circle beats inferred; none when all are absent. A value of zero or fewer days
/// counts as absent (it would make the person permanently overdue). Pure.
Cadence effective_cadence(std::optional<Days> explicit_days, std::optional<Days> circle_days,
                          std::optional<Days> inferred_days);

}  // namespace kith::core
