#pragma once
// Why two people might be one: evidence, its score, and whether it may merge them unreviewed.

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>

#include "core/channel.h"

namespace kith::core {

/// One reason to think two people are the same.
enum class EvidenceKind {
    // Deterministic: the sources say so.
    same_mailbox,    ///< two addresses of one mailbox (ana+blog@x.org, a.na@gmail.com)
    linked,          ///< one record names both (a vCard, a verified Mastodon link, a commenter's
                     ///< email + URL, a profile field or bio naming the other identity)
    same_x_account,  ///< an X handle and the numeric account shown with that handle
    // Probable: worth a look.
    similar_name,      ///< see NameMatch (diacritics, initials, nicknames, order)
    same_username,     ///< the same user name on two services (ana.ruiz@x.org, @anaruiz)
    name_as_username,  ///< one's user name is the other's name run together
    same_domain,       ///< addresses at the same, non-free-mail domain
    shared_threads,    ///< both took part in the same conversations
};

std::string_view to_string(EvidenceKind k);
std::optional<EvidenceKind> parse_evidence_kind(std::string_view s);

/// Certain evidence: enough on its own to merge (subject to `may_auto_merge`).
bool is_deterministic(EvidenceKind k);

/// One piece of evidence: what, a human-readable detail ("ana@x.org = ana+blog@x.org") and its
/// weight 0..1 (the probability-like strength it adds on its own).
struct Evidence {
    EvidenceKind kind = EvidenceKind::similar_name;
    std::string detail;
    double weight = 0;
};

/// Weight of the evidence kinds whose weight does not depend on details.
double default_weight(EvidenceKind k, int count = 1);

/// Combined score 0..1 of independent pieces of evidence: 1 − Π(1 − weight). Pure.
double merge_score(std::span<const Evidence> evidence);

/// Scores below this are not suggested.
inline constexpr double kSuggestThreshold = 0.5;

/// What the resolver knows about one side of a candidate pair.
struct MergeSide {
    bool is_me = false;
    /// Channels on which this person has interactions of their own (through an identity).
    std::set<Channel> channels;
};

/// The outcome for a candidate pair.
enum class MergeDecision { none, suggest, auto_merge };

/// Decides a pair: auto-merge when some evidence is deterministic, neither side is me, and
/// `may_auto_merge` allows it; else suggest when the score reaches kSuggestThreshold (a
/// deterministic link that may not auto-merge is always suggested); else none. Pure.
MergeDecision decide(std::span<const Evidence> evidence, const MergeSide& a, const MergeSide& b);

/// The review rule: two people who both have their own interactions on the same channel under
/// different identities (two email correspondents, two Mastodon accounts that each wrote to me)
/// are never merged without review; nor is anyone merged into me unreviewed. Pure.
bool may_auto_merge(const MergeSide& a, const MergeSide& b);

}  // namespace kith::core
