#include "core/merge_evidence.h"

#include <algorithm>
#include <array>
#include <utility>

namespace kith::core {

namespace {

constexpr std::array<std::pair<EvidenceKind, std::string_view>, 8> kNames = {{
    {EvidenceKind::same_mailbox, "same_mailbox"},
    {EvidenceKind::linked, "linked"},
    {EvidenceKind::same_x_account, "same_x_account"},
    {EvidenceKind::similar_name, "similar_name"},
    {EvidenceKind::same_username, "same_username"},
    {EvidenceKind::name_as_username, "name_as_username"},
    {EvidenceKind::same_domain, "same_domain"},
    {EvidenceKind::shared_threads, "shared_threads"},
}};

}  // namespace

std::string_view to_string(EvidenceKind k) {
    for (const auto& [kind, name] : kNames)
        if (kind == k) return name;
    return "unknown";
}

std::optional<EvidenceKind> parse_evidence_kind(std::string_view s) {
    for (const auto& [kind, name] : kNames)
        if (name == s) return kind;
    return std::nullopt;
}

bool is_deterministic(EvidenceKind k) {
    return k == EvidenceKind::same_mailbox || k == EvidenceKind::linked ||
           k == EvidenceKind::same_x_account;
}

double default_weight(EvidenceKind k, int count) {
    switch (k) {
        case EvidenceKind::same_mailbox:
        case EvidenceKind::linked:
        case EvidenceKind::same_x_account:
            return 0.99;
        case EvidenceKind::similar_name:
            return 0.5;
        case EvidenceKind::same_username:
            return 0.45;
        case EvidenceKind::name_as_username:
            return 0.4;
        case EvidenceKind::same_domain:
            return 0.3;
        case EvidenceKind::shared_threads:
            // Each shared conversation adds a little; a mailing list's hundred do not add up to
            // proof.
            return std::min(0.35, 0.12 * count);
    }
    return 0;
}

double merge_score(std::span<const Evidence> evidence) {
    double miss = 1.0;
    for (const auto& e : evidence) miss *= 1.0 - std::clamp(e.weight, 0.0, 1.0);
    return 1.0 - miss;
}

bool may_auto_merge(const MergeSide& a, const MergeSide& b) {
    if (a.is_me || b.is_me) return false;
    for (const auto c : a.channels)
        if (b.channels.count(c) != 0) return false;
    return true;
}

MergeDecision decide(std::span<const Evidence> evidence, const MergeSide& a, const MergeSide& b) {
    const bool certain = std::any_of(evidence.begin(), evidence.end(),
                                     [](const Evidence& e) { return is_deterministic(e.kind); });
    if (certain) return may_auto_merge(a, b) ? MergeDecision::auto_merge : MergeDecision::suggest;
    return merge_score(evidence) >= kSuggestThreshold ? MergeDecision::suggest
                                                      : MergeDecision::none;
}

}  // namespace kith::core
