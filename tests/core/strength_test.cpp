#include "core/strength.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

using namespace kith::core;
using namespace std::chrono;

namespace {

// The injected "now" for every case; nothing here reads the system clock.
TimePoint now() {
    return parse_iso("2026-11-25T12:00:00Z").value();
}

StrengthInput make(TimePoint at, Channel ch, InteractionKind k, Direction d, bool bulk = false) {
    StrengthInput i;
    i.at = at;
    i.channel = ch;
    i.kind = k;
    i.direction = d;
    i.bulk = bulk;
    return i;
}

StrengthInput email(TimePoint at, Direction d) {
    return make(at, Channel::email, InteractionKind::message, d);
}
StrengthInput meeting(TimePoint at) {
    return make(at, Channel::in_person, InteractionKind::meeting, Direction::mutual);
}

StrengthSums sums_of(const std::vector<StrengthInput>& list) {
    StrengthSums s;
    for (const auto& i : list) s = add_to_sums(s, i);
    return s;
}

int score_of(const std::vector<StrengthInput>& list) {
    return strength_score(sums_of(list), now());
}

}  // namespace

TEST_CASE("strength weights by kind and channel") {
    const auto t = now();
    struct Row {
        StrengthInput in;
        double weight;
    };
    const Row rows[] = {
        {make(t, Channel::in_person, InteractionKind::meeting, Direction::mutual), 5.0},
        {make(t, Channel::call, InteractionKind::call, Direction::mutual), 4.0},
        // Any kind on the email channel is a letter: a message, a reply.
        {make(t, Channel::email, InteractionKind::message, Direction::in), 3.0},
        {make(t, Channel::email, InteractionKind::reply, Direction::out), 3.0},
        {make(t, Channel::twitter, InteractionKind::dm, Direction::in), 3.0},
        {make(t, Channel::mastodon, InteractionKind::dm, Direction::out), 3.0},
        {make(t, Channel::mastodon, InteractionKind::reply, Direction::in), 2.0},
        {make(t, Channel::blog, InteractionKind::comment, Direction::in), 2.0},
        // A plain message outside email: a public post addressed to them.
        {make(t, Channel::twitter, InteractionKind::message, Direction::out), 2.0},
        {make(t, Channel::twitter, InteractionKind::mention, Direction::in), 1.0},
        {make(t, Channel::twitter, InteractionKind::like, Direction::in), 0.5},
        {make(t, Channel::mastodon, InteractionKind::boost, Direction::out), 0.5},
        {make(t, Channel::twitter, InteractionKind::follow, Direction::in), 0.0},
        {make(t, Channel::other, InteractionKind::note, Direction::out), 0.0},
        {make(t, Channel::email, InteractionKind::note, Direction::out), 0.0},
        // Bulk mail weighs nothing whatever its kind.
        {make(t, Channel::email, InteractionKind::message, Direction::in, true), 0.0},
        {make(t, Channel::email, InteractionKind::reply, Direction::in, true), 0.0},
    };
    for (const auto& r : rows) {
        CAPTURE(to_string(r.in.channel));
        CAPTURE(to_string(r.in.kind));
        CHECK(strength_weight(r.in) == r.weight);
    }
}

TEST_CASE("strength_score exact values") {
    const auto t = now();
    CHECK(strength_score(StrengthSums{}, t) == 0);
    // One meeting today: 1 − e^(−5/10) = 0.393 → 39.
    CHECK(score_of({meeting(t)}) == 39);
    // One email received today: one-sided, half weight: 1 − e^(−1.5/10) → 14.
    CHECK(score_of({email(t, Direction::in)}) == 14);
    // An exchange today (in + out) is balanced: 1 − e^(−6/10) → 45.
    CHECK(score_of({email(t, Direction::in), email(t, Direction::out)}) == 45);
    // One meeting a half-life ago counts half: 1 − e^(−2.5/10) → 22.
    CHECK(score_of({meeting(t - Days{90})}) == 22);
    // The sums are evaluated at `now`: a meeting today scores 22 ninety days later.
    CHECK(strength_score(sums_of({meeting(t)}), t + Days{90}) == 22);
}

TEST_CASE("strength calibration: monthly meetings high, one old email low") {
    const auto t = now();
    std::vector<StrengthInput> monthly;
    for (int k = 0; k < 12; ++k) monthly.push_back(meeting(t - Days{30 * k}));
    const int s = score_of(monthly);
    CHECK(s == 90);
    // Still high when the last meeting was two weeks ago.
    std::vector<StrengthInput> shifted;
    for (int k = 0; k < 12; ++k) shifted.push_back(meeting(t - Days{15 + 30 * k}));
    CHECK(score_of(shifted) == 87);

    CHECK(score_of({email(t - Days{365}, Direction::in)}) == 1);
    CHECK(score_of({email(t - Days{365}, Direction::out)}) < 10);
}

TEST_CASE("strength grows with recency and frequency") {
    const auto t = now();
    const int recent = score_of({email(t - Days{10}, Direction::in)});
    const int older = score_of({email(t - Days{100}, Direction::in)});
    CHECK(recent > older);
    CHECK(score_of({meeting(t - Days{1})}) > score_of({meeting(t - Days{30})}));

    std::vector<StrengthInput> list;
    int previous = 0;
    for (int k = 0; k < 6; ++k) {
        list.push_back(email(t - Days{7 * k}, k % 2 == 0 ? Direction::in : Direction::out));
        const int s = score_of(list);
        CAPTURE(k);
        CHECK(s > previous);
        previous = s;
    }
}

TEST_CASE("strength: balanced beats one-sided at equal total weight") {
    const auto t = now();
    const std::vector<StrengthInput> balanced = {
        email(t - Days{3}, Direction::in), email(t - Days{3}, Direction::out),
        email(t - Days{20}, Direction::in), email(t - Days{20}, Direction::out)};
    const std::vector<StrengthInput> only_them = {
        email(t - Days{3}, Direction::in), email(t - Days{3}, Direction::in),
        email(t - Days{20}, Direction::in), email(t - Days{20}, Direction::in)};
    const std::vector<StrengthInput> only_me = {
        email(t - Days{3}, Direction::out), email(t - Days{3}, Direction::out),
        email(t - Days{20}, Direction::out), email(t - Days{20}, Direction::out)};
    CHECK(score_of(balanced) > score_of(only_them));
    CHECK(score_of(only_them) == score_of(only_me));
    // Mutual contact counts as balanced: one call (weight 4) beats four one-sided mentions (4 × 1).
    const std::vector<StrengthInput> mentions(
        4, make(t, Channel::twitter, InteractionKind::mention, Direction::in));
    CHECK(score_of({make(t, Channel::call, InteractionKind::call, Direction::mutual)}) >
          score_of(mentions));
}

TEST_CASE("strength: meeting > call > email > reply > mention > like at equal time") {
    const auto t = now() - Days{5};
    for (const auto d : {Direction::in, Direction::out, Direction::mutual}) {
        CAPTURE(to_string(d));
        const int m = score_of({make(t, Channel::in_person, InteractionKind::meeting, d)});
        const int c = score_of({make(t, Channel::call, InteractionKind::call, d)});
        const int e = score_of({make(t, Channel::email, InteractionKind::message, d)});
        const int r = score_of({make(t, Channel::mastodon, InteractionKind::reply, d)});
        const int n = score_of({make(t, Channel::twitter, InteractionKind::mention, d)});
        const int l = score_of({make(t, Channel::twitter, InteractionKind::like, d)});
        CHECK(m > c);
        CHECK(c > e);
        CHECK(e > r);
        CHECK(r > n);
        CHECK(n > l);
        CHECK(l > 0);
    }
    // Follows, notes and bulk mail add nothing.
    CHECK(score_of({make(now(), Channel::twitter, InteractionKind::follow, Direction::in)}) == 0);
    CHECK(score_of({make(now(), Channel::other, InteractionKind::note, Direction::out)}) == 0);
    CHECK(score_of({make(now(), Channel::email, InteractionKind::message, Direction::in, true)}) ==
          0);
}

TEST_CASE("add_to_sums re-bases to the later time") {
    const auto t = now() - Days{200};
    auto s = add_to_sums(StrengthSums{}, meeting(t));
    CHECK(s.ref == t);
    CHECK(s.mutual == doctest::Approx(5.0));
    // A newer interaction one half-life later moves ref and halves what was there.
    s = add_to_sums(s, email(t + Days{90}, Direction::in));
    CHECK(s.ref == t + Days{90});
    CHECK(s.mutual == doctest::Approx(2.5));
    CHECK(s.in == doctest::Approx(3.0));
    // An older one (one half-life before the first) is decayed to ref: two half-lives.
    s = add_to_sums(s, email(t - Days{90}, Direction::out));
    CHECK(s.ref == t + Days{90});
    CHECK(s.out == doctest::Approx(0.75));
    // A zero-weight interaction still advances ref (and decays the sums with it).
    s = add_to_sums(s,
                    make(t + Days{180}, Channel::twitter, InteractionKind::follow, Direction::in));
    CHECK(s.ref == t + Days{180});
    CHECK(s.in == doctest::Approx(1.5));
    CHECK(s.mutual == doctest::Approx(1.25));
    CHECK(s.out == doctest::Approx(0.375));
}

TEST_CASE("add_to_sums is order independent and matches explain_strength") {
    const auto t = now();
    std::vector<StrengthInput> list;
    const Channel channels[] = {Channel::email, Channel::twitter,   Channel::mastodon,
                                Channel::blog,  Channel::in_person, Channel::call};
    // A deterministic spread over two years of mixed kinds and directions.
    for (int k = 0; k < 40; ++k) {
        const auto kind = kAllKinds[static_cast<std::size_t>(k * 7) % kAllKinds.size()];
        const auto dir = k % 3 == 0   ? Direction::in
                         : k % 3 == 1 ? Direction::out
                                      : Direction::mutual;
        list.push_back(
            make(t - hours{(k * 397) % (24 * 730)}, channels[k % 6], kind, dir, k % 11 == 0));
    }
    const int expected = explain_strength(list, t).score;
    CHECK(expected > 0);
    CHECK(expected < 100);

    auto check_order = [&](const std::vector<StrengthInput>& order) {
        const auto s = sums_of(order);
        CHECK(std::abs(strength_score(s, t) - expected) <= 1);
        const auto ref = sums_of(list);
        CHECK(s.ref == ref.ref);
        CHECK(s.in == doctest::Approx(ref.in));
        CHECK(s.out == doctest::Approx(ref.out));
        CHECK(s.mutual == doctest::Approx(ref.mutual));
    };
    check_order(list);
    auto reversed = list;
    std::reverse(reversed.begin(), reversed.end());
    check_order(reversed);
    auto by_time = list;
    std::sort(by_time.begin(), by_time.end(),
              [](const StrengthInput& a, const StrengthInput& b) { return a.at < b.at; });
    check_order(by_time);
    auto newest_first = by_time;
    std::reverse(newest_first.begin(), newest_first.end());
    check_order(newest_first);
    auto rotated = list;
    std::rotate(rotated.begin(), rotated.begin() + 17, rotated.end());
    check_order(rotated);
}

TEST_CASE("strength_score stays within 0..100") {
    const auto t = now();
    StrengthSums s;
    for (int k = 0; k < 100000; ++k) s = add_to_sums(s, meeting(t - minutes{k}));
    CHECK(strength_score(s, t) == 100);
    // A hundred years later it has decayed to nothing.
    CHECK(strength_score(s, t + Days{36500}) == 0);
    // Asked about a time before the latest interaction, the score is not amplified past 100.
    CHECK(strength_score(s, t - Days{3650}) == 100);
    const auto one = sums_of({email(t, Direction::in)});
    CHECK(strength_score(one, t - Days{365}) == 14);
    // Absurd raw sums (a corrupt row) still give a valid score.
    StrengthSums huge;
    huge.ref = t;
    huge.in = 1e300;
    huge.out = 1e300;
    huge.mutual = 1e300;
    CHECK(strength_score(huge, t) == 100);
}

TEST_CASE("explain_strength with no contact") {
    const auto e = explain_strength({}, now());
    CHECK(e.score == 0);
    CHECK(e.why == "No contact yet");
    // Follows, notes and bulk mail are not contact either.
    const std::vector<StrengthInput> noise = {
        make(now(), Channel::twitter, InteractionKind::follow, Direction::in),
        make(now(), Channel::other, InteractionKind::note, Direction::out),
        make(now(), Channel::email, InteractionKind::message, Direction::in, true)};
    const auto n = explain_strength(noise, now());
    CHECK(n.score == 0);
    CHECK(n.why == "No contact yet");
}

TEST_CASE("explain_strength counts by type, last contact and share") {
    const auto t = now();
    std::vector<StrengthInput> list = {
        meeting(t - Days{5}),
        meeting(t - Days{40}),
        meeting(t - Days{100}),
        make(t - Days{50}, Channel::mastodon, InteractionKind::reply, Direction::out),
        make(t - Days{60}, Channel::blog, InteractionKind::reply, Direction::in),
        // Excluded from the counts: noise, and an email older than 12 months.
        make(t - Days{1}, Channel::twitter, InteractionKind::follow, Direction::in),
        make(t - Days{1}, Channel::email, InteractionKind::message, Direction::in, true),
        make(t - Days{2}, Channel::other, InteractionKind::note, Direction::out),
        email(t - Days{400}, Direction::in),
    };
    // Nine emails/DMs: 4 emails from them, 4 emails and a DM from me.
    for (int k = 0; k < 4; ++k) list.push_back(email(t - Days{10 + 20 * k}, Direction::in));
    for (int k = 0; k < 4; ++k) list.push_back(email(t - Days{12 + 20 * k}, Direction::out));
    list.push_back(make(t - Days{30}, Channel::twitter, InteractionKind::dm, Direction::out));
    const auto e = explain_strength(list, t);
    // From them: 4 emails + 1 reply = 5; from me: 4 emails + 1 DM + 1 reply = 6; 5/11 → 45%.
    CHECK(e.why ==
          "14 interactions in the last 12 months (3 meetings, 9 emails/DMs, 2 replies); last 5 d "
          "ago; 45% from them");
    CHECK(e.score == strength_score(sums_of(list), t));
    CHECK(e.score > 50);
}

TEST_CASE("explain_strength wording edge cases") {
    const auto t = now();
    // One like in range: it counts as an interaction but not as contact; the last contact is
    // the meeting two years ago.
    const auto like = explain_strength(
        std::vector<StrengthInput>{
            make(t - Days{3}, Channel::twitter, InteractionKind::like, Direction::in),
            meeting(t - Days{730})},
        t);
    CHECK(like.why ==
          "1 interaction in the last 12 months (1 like/boost); last 2 yr ago; 100% from them");

    // Only meetings: no direction share, "all two-way"; a contact right now reads "just now".
    const auto met =
        explain_strength(std::vector<StrengthInput>{meeting(t), meeting(t - Days{3})}, t);
    CHECK(met.why ==
          "2 interactions in the last 12 months (2 meetings); last just now; all two-way");
    CHECK(met.score == 63);

    // Only old contact: no counts, no share.
    const auto old =
        explain_strength(std::vector<StrengthInput>{email(t - Days{400}, Direction::out)}, t);
    CHECK(old.why == "No interactions in the last 12 months; last 13 mo ago");
    CHECK(old.score == 1);

    // Every category, singular, in weight order; all from me.
    const std::vector<StrengthInput> each = {
        make(t - Days{1}, Channel::call, InteractionKind::call, Direction::out),
        make(t - Days{2}, Channel::mastodon, InteractionKind::comment, Direction::out),
        make(t - Days{3}, Channel::twitter, InteractionKind::message, Direction::out),
        make(t - Days{4}, Channel::twitter, InteractionKind::mention, Direction::out),
        make(t - Days{5}, Channel::mastodon, InteractionKind::boost, Direction::out),
        make(t - Days{6}, Channel::email, InteractionKind::message, Direction::out),
        make(t - Days{7}, Channel::blog, InteractionKind::reply, Direction::out),
        meeting(t - Days{8}),
    };
    CHECK(
        explain_strength(each, t).why ==
        "8 interactions in the last 12 months (1 meeting, 1 call, 1 email/DM, 1 reply, 1 comment, "
        "1 message, 1 mention, 1 like/boost); last 1 d ago; 0% from them");
    // A contact dated in the future reads as "just now", not "ahead".
    CHECK(explain_strength(std::vector<StrengthInput>{email(t + Days{2}, Direction::in)}, t).why ==
          "1 interaction in the last 12 months (1 email/DM); last just now; 100% from them");
}
