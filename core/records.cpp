#include "core/records.h"

namespace kith::core {

std::string_view to_string(ParticipantRole r) {
    switch (r) {
        case ParticipantRole::from:
            return "from";
        case ParticipantRole::to:
            return "to";
        case ParticipantRole::cc:
            return "cc";
        case ParticipantRole::attendee:
            return "attendee";
        case ParticipantRole::author:
            return "author";
        case ParticipantRole::mentioned:
            return "mentioned";
    }
    return "to";
}

std::string_view to_string(FollowDirection d) {
    return d == FollowDirection::follows_me ? "follows_me" : "i_follow";
}

}  // namespace kith::core
