#pragma once
// Email threading from Message-ID, In-Reply-To and References (RFC 5322 section 3.6.4).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kith::import {

/// Ids longer than this are replaced by a digest (see normalize_message_id): real mail carries
/// multi-kilobyte ids (broken generators, attacks) that would bloat every key that repeats them.
inline constexpr std::size_t kMaxMessageIdBytes = 250;

/// The message ids in a Message-ID, In-Reply-To or References value, in order, each in the form
/// normalize_message_id gives. Accepts folded values, comments and junk between ids, and ids
/// without angle brackets when the value holds no bracketed id at all (some clients write
/// `In-Reply-To: id@host`). Pure and thread-safe.
std::vector<std::string> parse_message_ids(std::string_view value);

/// "<local@domain>" with white space removed; ids longer than kMaxMessageIdBytes become
/// "<sha256:HEX@kith.invalid>" (stable, so every message naming the id gets the same key).
/// Empty for an empty id. Pure and thread-safe.
std::string normalize_message_id(std::string_view id);

/// The thread key of a message: the root of its References chain (the first id that is not the
/// message itself), else its In-Reply-To, else its own Message-ID. A root that was never
/// imported (a "ghost") is still the key every reply shares. Loops (a message that references
/// itself) are ignored. Arguments are normalized ids as parse_message_ids returns them; empty when
/// the message has no id at all. Pure and thread-safe.
std::string thread_root(const std::string& own_id, const std::vector<std::string>& in_reply_to,
                        const std::vector<std::string>& references);

}  // namespace kith::import
