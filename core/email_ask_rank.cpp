#include "core/email_ask_rank.h"

#include <algorithm>

namespace kith::core {

bool worth_asking(const EmailAskFacts& f) {
    return f.consent == ConsentStatus::unknown;
}

double email_ask_score(const EmailAskFacts& f) {
    const auto cap = [](int v, int max) { return std::clamp(v, 0, max); };
    double s = std::clamp(f.strength, 0, 100);
    s += 4.0 * cap(f.replies_from_them, 10) + 4.0 * cap(f.comments_from_them, 10) +
         6.0 * cap(f.dms_from_them, 5);
    s += 2.0 * cap(f.replies_from_me + f.comments_from_me + f.dms_from_me, 10);
    if (f.i_follow) s += 15;
    if (f.follows_on_both) s += 5;
    if (f.email_known) s += 10;
    return s;
}

}  // namespace kith::core
