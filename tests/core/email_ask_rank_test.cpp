#include "core/email_ask_rank.h"

#include <doctest/doctest.h>

using namespace kith::core;

TEST_CASE("ask rank: only followers without a consent answer are worth asking") {
    EmailAskFacts f;
    CHECK(worth_asking(f));
    for (const auto s : {ConsentStatus::asked, ConsentStatus::opted_in, ConsentStatus::opted_out}) {
        f.consent = s;
        CHECK_FALSE(worth_asking(f));
    }
}

TEST_CASE("ask rank: the formula's terms, caps and order") {
    EmailAskFacts quiet;
    CHECK(email_ask_score(quiet) == 0);

    EmailAskFacts engaged;
    engaged.strength = 40;
    engaged.replies_from_them = 3;   // 12
    engaged.comments_from_them = 2;  // 8
    engaged.dms_from_them = 1;       // 6
    engaged.replies_from_me = 2;     // 2 × 2
    engaged.i_follow = true;         // 15
    CHECK(email_ask_score(engaged) == doctest::Approx(40 + 12 + 8 + 6 + 4 + 15));

    EmailAskFacts chatty;  // one endless thread is capped
    chatty.replies_from_them = 500;
    chatty.dms_from_them = 500;
    CHECK(email_ask_score(chatty) == doctest::Approx(4 * 10 + 6 * 5));

    EmailAskFacts known = quiet;
    known.email_known = true;
    known.follows_on_both = true;
    CHECK(email_ask_score(known) == doctest::Approx(15));
    CHECK(email_ask_score(engaged) > email_ask_score(chatty));
}

TEST_CASE("consent: status names, as stored and as typed") {
    CHECK(to_string(ConsentStatus::opted_in) == "opted_in");
    CHECK(parse_consent_status("opted-in") == ConsentStatus::opted_in);
    CHECK(parse_consent_status("opted_out") == ConsentStatus::opted_out);
    CHECK(parse_consent_status("asked") == ConsentStatus::asked);
    CHECK(parse_consent_status("unknown") == ConsentStatus::unknown);
    CHECK_FALSE(parse_consent_status("maybe"));
}
