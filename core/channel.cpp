#include "core/channel.h"

#include <string>

namespace kith::core {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c == '-' || c == ' ') c = '_';
    }
    return out;
}

}  // namespace

std::string_view to_string(Channel c) {
    switch (c) {
        case Channel::email:
            return "email";
        case Channel::twitter:
            return "twitter";
        case Channel::mastodon:
            return "mastodon";
        case Channel::blog:
            return "blog";
        case Channel::in_person:
            return "in_person";
        case Channel::call:
            return "call";
        case Channel::other:
            return "other";
    }
    return "other";
}

std::string_view to_string(InteractionKind k) {
    switch (k) {
        case InteractionKind::message:
            return "message";
        case InteractionKind::reply:
            return "reply";
        case InteractionKind::mention:
            return "mention";
        case InteractionKind::dm:
            return "dm";
        case InteractionKind::comment:
            return "comment";
        case InteractionKind::meeting:
            return "meeting";
        case InteractionKind::call:
            return "call";
        case InteractionKind::note:
            return "note";
        case InteractionKind::follow:
            return "follow";
        case InteractionKind::like:
            return "like";
        case InteractionKind::boost:
            return "boost";
    }
    return "message";
}

std::string_view to_string(Direction d) {
    switch (d) {
        case Direction::in:
            return "in";
        case Direction::out:
            return "out";
        case Direction::mutual:
            return "mutual";
    }
    return "in";
}

std::optional<Channel> parse_channel(std::string_view s) {
    const auto v = lower(s);
    for (auto c : kAllChannels)
        if (to_string(c) == v) return c;
    if (v == "x" || v == "tweet") return Channel::twitter;
    if (v == "toot" || v == "fediverse") return Channel::mastodon;
    if (v == "mail") return Channel::email;
    if (v == "inperson" || v == "meet" || v == "meeting" || v == "irl") return Channel::in_person;
    if (v == "phone" || v == "video") return Channel::call;
    if (v == "comment" || v == "comments") return Channel::blog;
    return std::nullopt;
}

std::optional<InteractionKind> parse_kind(std::string_view s) {
    const auto v = lower(s);
    for (auto k : kAllKinds)
        if (to_string(k) == v) return k;
    if (v == "direct" || v == "direct_message") return InteractionKind::dm;
    if (v == "retweet" || v == "reblog") return InteractionKind::boost;
    if (v == "favourite" || v == "favorite") return InteractionKind::like;
    return std::nullopt;
}

std::optional<Direction> parse_direction(std::string_view s) {
    const auto v = lower(s);
    if (v == "in" || v == "inbound" || v == "from_them") return Direction::in;
    if (v == "out" || v == "outbound" || v == "from_me") return Direction::out;
    if (v == "mutual" || v == "both") return Direction::mutual;
    return std::nullopt;
}

InteractionKind default_kind(Channel c) {
    switch (c) {
        case Channel::in_person:
            return InteractionKind::meeting;
        case Channel::call:
            return InteractionKind::call;
        case Channel::blog:
            return InteractionKind::comment;
        case Channel::other:
            return InteractionKind::note;
        default:
            return InteractionKind::message;
    }
}

bool is_meaningful(InteractionKind k) {
    switch (k) {
        case InteractionKind::like:
        case InteractionKind::follow:
        case InteractionKind::boost:
        case InteractionKind::note:
            return false;
        default:
            return true;
    }
}

}  // namespace kith::core
