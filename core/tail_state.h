#pragma once
// Which reminder a conversation's latest interaction can raise (the database caches this per
// thread so owe-reply and waiting candidates are index lookups; core/reminders.cpp decides).

#include "core/channel.h"

namespace kith::core {

enum class TailState { none = 0, theirs_personal = 1, mine_personal = 2 };

/// Their personal, non-bulk message last → theirs_personal (owe reply); mine → mine_personal
/// (waiting on them); meetings, bulk, broadcast posts, likes, boosts and notes → none.
constexpr TailState tail_state(Direction d, bool personal, bool bulk, InteractionKind kind) {
    if (!personal || bulk || !is_meaningful(kind)) return TailState::none;
    if (d == Direction::in) return TailState::theirs_personal;
    if (d == Direction::out) return TailState::mine_personal;
    return TailState::none;
}

}  // namespace kith::core
