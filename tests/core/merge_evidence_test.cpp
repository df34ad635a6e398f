#include "core/merge_evidence.h"

#include <doctest/doctest.h>

#include <vector>

#include "core/identity_match_keys.h"

using namespace kith::core;

TEST_CASE("mailbox keys join the spellings of one mailbox") {
    struct Row {
        const char* in;
        const char* key;
    };
    const Row rows[] = {
        {"ana@example.org", "ana@example.org"},               // nothing to do
        {"ana+blog@example.org", "ana@example.org"},          // sub-address given to a comment form
        {"ana.ruiz@gmail.com", "anaruiz@gmail.com"},          // Gmail ignores dots
        {"a.na.ruiz+x@googlemail.com", "anaruiz@gmail.com"},  // Gmail's old domain
        {"ana.ruiz@example.org", "ana.ruiz@example.org"},     // dots matter elsewhere
        {"+ana@example.org", "+ana@example.org"},  // a leading + is the local part itself
    };
    for (const auto& r : rows) {
        CAPTURE(r.in);
        CHECK(email_mailbox_key(r.in) == r.key);
    }
}

TEST_CASE("user names across services") {
    struct Row {
        Identity id;
        const char* key;
    };
    const Row rows[] = {
        {{IdentityKind::email, "ana.ruiz+news@example.org", ""}, "anaruiz"},
        {{IdentityKind::twitter, "@ana_ruiz", "@Ana_Ruiz"}, "anaruiz"},
        {{IdentityKind::twitter, "12345", "@Ana_Ruiz"}, "anaruiz"},  // numeric id, handle shown
        {{IdentityKind::twitter, "12345", "12345"}, ""},             // no handle known
        {{IdentityKind::mastodon, "ana.ruiz@mastodon.social", ""}, "anaruiz"},
        {{IdentityKind::email, "info@example.org", ""}, ""},  // a role address
        {{IdentityKind::email, "bo@example.org", ""}, ""},    // too short to mean anyone
        {{IdentityKind::website, "ana.blog", ""}, ""},
    };
    for (const auto& r : rows) {
        CAPTURE(r.id.value);
        CHECK(username_key(r.id) == r.key);
    }
    CHECK(twitter_handle({IdentityKind::twitter, "12345", "@Ana_Ruiz"}) == "@ana_ruiz");
    CHECK(is_free_mail_domain("gmail.com"));
    CHECK_FALSE(is_free_mail_domain("acme.example"));
    CHECK(email_domain("ana@acme.example") == "acme.example");
}

TEST_CASE("scores combine independent evidence") {
    const std::vector<Evidence> none;
    CHECK(merge_score(none) == 0);
    const std::vector<Evidence> two = {{EvidenceKind::similar_name, "", 0.5},
                                       {EvidenceKind::same_domain, "", 0.3}};
    CHECK(merge_score(two) == doctest::Approx(0.65));
    CHECK(default_weight(EvidenceKind::shared_threads, 100) <= 0.35);
    for (const auto k : {EvidenceKind::same_mailbox, EvidenceKind::linked,
                         EvidenceKind::same_x_account, EvidenceKind::similar_name}) {
        CHECK(parse_evidence_kind(to_string(k)) == k);
    }
}

TEST_CASE("decisions: certain links merge unless both sides talk on the same channel") {
    const std::vector<Evidence> link = {{EvidenceKind::linked, "vCard", 0.99}};
    const std::vector<Evidence> weak = {{EvidenceKind::same_domain, "acme.example", 0.3}};
    const std::vector<Evidence> name = {{EvidenceKind::similar_name, "same name", 0.55}};
    const MergeSide mail{false, {Channel::email}};
    const MergeSide mail2{false, {Channel::email, Channel::blog}};
    const MergeSide x{false, {Channel::twitter}};
    const MergeSide card{false, {}};
    const MergeSide me{true, {}};

    CHECK(decide(link, mail, x) == MergeDecision::auto_merge);
    CHECK(decide(link, card, mail) == MergeDecision::auto_merge);
    // Two email correspondents: even a vCard listing both addresses waits for review.
    CHECK(decide(link, mail, mail2) == MergeDecision::suggest);
    // Nobody is merged into me unreviewed.
    CHECK(decide(link, me, card) == MergeDecision::suggest);
    CHECK(decide(weak, mail, x) == MergeDecision::none);
    CHECK(decide(name, mail, x) == MergeDecision::suggest);
    CHECK_FALSE(may_auto_merge(mail, mail2));
    CHECK(may_auto_merge(mail, x));
}
