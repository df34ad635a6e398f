#pragma once
// How often the user wants to be in touch with someone (DESIGN.md "Going cold").

#include <optional>
#include <span>
#include <string_view>

#include "core/time.h"

namespace kith::core {

enum class CadenceSource { none, explicit_, circle, inferred };
std::string_view to_string(CadenceSource s);  ///< "none", "explicit", "circle", "inferred"

struct Cadence {
    CadenceSource source = CadenceSource::none;
    Days days{0};  ///< meaningful only when source != none
};

inline constexpr int kMinInferredCadenceDays = 7;
inline constexpr int kMaxInferredCadenceDays = 365;
inline constexpr int kMinInteractionsForInference = 4;

/// Inferred cadence from the times of meaningful interactions (any order, duplicates allowed):
/// 1.5 × the median gap between consecutive distinct UTC days (the mean of the two middle gaps
/// when their number is even), rounded to whole days (halves away from zero) and clamped to
/// 7–365 days. Interactions on the same UTC day count once, so nullopt unless they fall on at
/// least 4 distinct days. Pure.
std::optional<Days> infer_cadence(std::span<const TimePoint> meaningful_times);

/// Explicit beats circle beats inferred; none when all are absent. A value of zero or fewer days
/// counts as absent (it would make the person permanently overdue). Pure.
Cadence effective_cadence(std::optional<Days> explicit_days, std::optional<Days> circle_days,
                          std::optional<Days> inferred_days);

}  // namespace kith::core
