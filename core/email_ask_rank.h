#pragma once
// "Worth asking for an email": ranking followers (DESIGN.md, job 5). Pure.

#include "core/consent.h"

namespace kith::core {

/// What the ranking looks at for one follower.
struct EmailAskFacts {
    int strength = 0;  ///< relationship strength now, 0–100
    int replies_from_them = 0, comments_from_them = 0, dms_from_them = 0;
    int replies_from_me = 0, comments_from_me = 0, dms_from_me = 0;
    bool i_follow = false;         ///< mutual follow
    bool follows_on_both = false;  ///< follows me on X and on Mastodon
    bool email_known = false;
    ConsentStatus consent = ConsentStatus::unknown;
};

/// True when the follower belongs on the "worth asking" list: no answer yet (consent unknown —
/// people already asked, opted in or opted out are not asked again).
bool worth_asking(const EmailAskFacts& f);

/// The ranking score, higher first:
///   strength
///   + 4 × min(replies from them, 10) + 4 × min(comments from them, 10) + 6 × min(DMs, 5)
///   + 2 × min(my replies + comments + DMs to them, 10)     (two-way conversations)
///   + 15 if I follow them too + 5 if they follow me on both networks
///   + 10 if their email is already known (only consent is missing: the cheapest ask).
/// Caps keep one chatty thread from outranking a relationship; the weights follow DESIGN.md's
/// "meaningful" order (DMs > replies/comments > follows).
double email_ask_score(const EmailAskFacts& f);

}  // namespace kith::core
