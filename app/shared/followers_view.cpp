#include "app/shared/followers_view.h"

#include <algorithm>

namespace kith::app {

namespace {

core::EmailAskFacts facts(const db::FollowerRow& r) {
    core::EmailAskFacts f;
    f.strength = r.strength;
    f.replies_from_them = r.reciprocity.replies_from_them;
    f.comments_from_them = r.reciprocity.comments_from_them;
    f.dms_from_them = r.reciprocity.dms_from_them;
    f.replies_from_me = r.reciprocity.replies_from_me;
    f.comments_from_me = r.reciprocity.comments_from_me;
    f.dms_from_me = r.reciprocity.dms_from_me;
    f.i_follow = r.reciprocity.i_follow();
    f.follows_on_both = r.reciprocity.follows_me_x && r.reciprocity.follows_me_mastodon;
    f.email_known = !r.email.empty();
    f.consent = r.consent;
    return f;
}

std::string networks(bool x, bool mastodon) {
    if (x && mastodon) return "X, Mastodon";
    return x ? "X" : "Mastodon";
}

}  // namespace

core::Result<std::vector<FollowerItem>> load_follower_items(db::Database& db,
                                                            const std::string& list,
                                                            core::TimePoint now, bool ranked) {
    auto rows = db::load_followers(db, list, now);
    if (!rows) return rows.error();
    std::vector<FollowerItem> out;
    out.reserve(rows->size());
    for (auto& r : *rows) {
        const auto f = facts(r);
        FollowerItem item{std::move(r), core::worth_asking(f), core::email_ask_score(f)};
        if (!ranked || item.worth_asking) out.push_back(std::move(item));
    }
    if (ranked)  // stable: equal scores stay in name order
        std::stable_sort(out.begin(), out.end(), [](const FollowerItem& a, const FollowerItem& b) {
            return a.ask_score > b.ask_score;
        });
    return out;
}

std::string reciprocity_line(const db::Reciprocity& r) {
    std::string out;
    const auto add = [&out](const std::string& part) {
        if (!out.empty()) out += " · ";
        out += part;
    };
    if (r.follows_me()) add("follows me on " + networks(r.follows_me_x, r.follows_me_mastodon));
    if (r.i_follow()) add("I follow on " + networks(r.i_follow_x, r.i_follow_mastodon));
    const auto both = [&add](const char* what, int theirs, int mine) {
        if (theirs || mine)
            add(std::string(what) + " " + std::to_string(theirs) + " from them, " +
                std::to_string(mine) + " from me");
    };
    both("comments", r.comments_from_them, r.comments_from_me);
    both("replies", r.replies_from_them, r.replies_from_me);
    both("DMs", r.dms_from_them, r.dms_from_me);
    return out.empty() ? "no follows, comments, replies or DMs either way" : out;
}

}  // namespace kith::app
