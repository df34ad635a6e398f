#include "core/channel.h"
#include "core/identity.h"

#include <doctest/doctest.h>

using namespace kith::core;

TEST_CASE("every channel, kind and identity kind round-trips through its name") {
    for (auto c : kAllChannels) CHECK(parse_channel(to_string(c)) == c);
    for (auto k : kAllKinds) CHECK(parse_kind(to_string(k)) == k);
    for (auto d : {Direction::in, Direction::out, Direction::mutual})
        CHECK(parse_direction(to_string(d)) == d);
    for (auto k : {IdentityKind::email, IdentityKind::twitter, IdentityKind::mastodon,
                   IdentityKind::website, IdentityKind::phone, IdentityKind::linkedin})
        CHECK(parse_identity_kind(to_string(k)) == k);
}

TEST_CASE("channel aliases people type") {
    CHECK(parse_channel("In-Person") == Channel::in_person);
    CHECK(parse_channel("x") == Channel::twitter);
    CHECK(parse_channel("phone") == Channel::call);
    CHECK_FALSE(parse_channel("carrier pigeon"));
}

TEST_CASE("meaningful contact excludes likes, follows, boosts and notes") {
    CHECK(is_meaningful(InteractionKind::meeting));
    CHECK(is_meaningful(InteractionKind::dm));
    CHECK(is_meaningful(InteractionKind::comment));
    CHECK_FALSE(is_meaningful(InteractionKind::like));
    CHECK_FALSE(is_meaningful(InteractionKind::follow));
    CHECK_FALSE(is_meaningful(InteractionKind::boost));
    CHECK_FALSE(is_meaningful(InteractionKind::note));
}
