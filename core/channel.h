#pragma once
// The closed vocabularies of DESIGN.md: channels, interaction kinds, directions.

#include <array>
#include <optional>
#include <string_view>

namespace kith::core {

enum class Channel { email, twitter, mastodon, blog, in_person, call, other };
enum class InteractionKind {
    message,
    reply,
    mention,
    dm,
    comment,
    meeting,
    call,
    note,
    follow,
    like,
    boost
};
/// in: from them to me; out: from me to them; mutual: both present (a meeting, a call).
enum class Direction { in, out, mutual };

inline constexpr std::array<Channel, 7> kAllChannels = {
    Channel::email,     Channel::twitter, Channel::mastodon, Channel::blog,
    Channel::in_person, Channel::call,    Channel::other};
inline constexpr std::array<InteractionKind, 11> kAllKinds = {
    InteractionKind::message, InteractionKind::reply,   InteractionKind::mention,
    InteractionKind::dm,      InteractionKind::comment, InteractionKind::meeting,
    InteractionKind::call,    InteractionKind::note,    InteractionKind::follow,
    InteractionKind::like,    InteractionKind::boost};

/// Stable lower-case names used in the database, the CLI and JSON ("in_person", "dm").
std::string_view to_string(Channel c);
std::string_view to_string(InteractionKind k);
std::string_view to_string(Direction d);

/// Inverse of to_string; also accepts a few aliases ("in-person", "meet", "x", "toot").
std::optional<Channel> parse_channel(std::string_view s);
std::optional<InteractionKind> parse_kind(std::string_view s);
std::optional<Direction> parse_direction(std::string_view s);

/// The kind a manual log gets by default on a channel (in_person → meeting, call → call…).
InteractionKind default_kind(Channel c);

/// "Meaningful" contact resets a cadence (DESIGN.md): everything but likes, follows, boosts and
/// notes; bulk mail is excluded by the caller, which knows the bulk flag.
bool is_meaningful(InteractionKind k);

}  // namespace kith::core
