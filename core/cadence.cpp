#include "core/cadence.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace kith::core {

namespace {

// Median of a non-empty list (sorted in place); the mean of the two middle values when even,
// so that two gaps of 10 and 20 days read as 15 rather than whichever happened to sort first.
double median(std::vector<double>& values) {
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    if (n % 2 == 1) return values[n / 2];
    return (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

// A non-positive cadence would make someone permanently "cold"; treat it as absent instead.
bool usable(const std::optional<Days>& d) {
    return d && d->count() > 0;
}

}  // namespace

std::string_view to_string(CadenceSource s) {
    switch (s) {
        case CadenceSource::none:
            return "none";
        case CadenceSource::explicit_:
            return "explicit";
        case CadenceSource::circle:
            return "circle";
        case CadenceSource::inferred:
            return "inferred";
    }
    return "none";
}

std::optional<CadenceSource> parse_cadence_source(std::string_view s) {
    for (auto c : {CadenceSource::none, CadenceSource::explicit_, CadenceSource::circle,
                   CadenceSource::inferred})
        if (to_string(c) == s) return c;
    return std::nullopt;
}

std::optional<Days> infer_cadence(std::span<const TimePoint> meaningful_times) {
    // Several messages on one day are one conversation, not several contacts: count days.
    std::vector<std::chrono::sys_days> days;
    days.reserve(meaningful_times.size());
    for (const auto t : meaningful_times) days.push_back(std::chrono::floor<Days>(t));
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    // An email thread answered over three days is one contact too: days closer than
    // kEpisodeGapDays to the previous one join its episode, so bursts do not make the typical gap
    // look like a day. An episode lasts at most a week, so daily contact still has a rhythm.
    std::vector<std::chrono::sys_days> episodes;
    for (std::size_t i = 0; i < days.size(); ++i) {
        if (i == 0 || (days[i] - days[i - 1]).count() > kEpisodeGapDays ||
            (days[i] - episodes.back()).count() >= kMaxEpisodeDays)
            episodes.push_back(days[i]);
    }
    if (episodes.size() < static_cast<std::size_t>(kMinInteractionsForInference))
        return std::nullopt;
    std::vector<double> gaps;
    gaps.reserve(episodes.size() - 1);
    for (std::size_t i = 1; i < episodes.size(); ++i)
        gaps.push_back(static_cast<double>((episodes[i] - episodes[i - 1]).count()));
    // 1.5 × the typical gap: a person is "cold" only once clearly later than usual.
    const auto raw = std::llround(1.5 * median(gaps));
    const auto clamped =
        std::clamp<long long>(raw, kMinInferredCadenceDays, kMaxInferredCadenceDays);
    return Days{clamped};
}

Cadence effective_cadence(std::optional<Days> explicit_days, std::optional<Days> circle_days,
                          std::optional<Days> inferred_days) {
    if (usable(explicit_days)) return {CadenceSource::explicit_, *explicit_days};
    if (usable(circle_days)) return {CadenceSource::circle, *circle_days};
    if (usable(inferred_days)) return {CadenceSource::inferred, *inferred_days};
    return {};
}

}  // namespace kith::core
