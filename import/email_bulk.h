#pragma once
// Deciding whether a message is bulk mail (lists, newsletters, robots): never owe-reply.

#include <cstddef>
#include <string>
#include <string_view>

namespace kith::import {

/// A message with more To + Cc addresses than this is a broadcast, not a conversation.
inline constexpr std::size_t kBulkRecipients = 15;

/// The headers that say a message is bulk, as found (empty when absent).
struct BulkSignals {
    std::string list_id;           ///< List-Id (RFC 2919)
    std::string list_unsubscribe;  ///< List-Unsubscribe (RFC 2369)
    std::string precedence;        ///< Precedence: bulk, list, junk (RFC 2076)
    std::string auto_submitted;    ///< Auto-Submitted: anything but "no" (RFC 3834)
    std::string from_address;      ///< the sender's address, for no-reply senders
    std::size_t recipients = 0;    ///< To + Cc addresses
};

/// True when the local part is a robot's: noreply, no-reply, do-not-reply, mailer-daemon,
/// postmaster, bounce… (case-insensitive, also with a +tag or a suffix like "noreply-billing").
/// Pure and thread-safe.
bool is_noreply_address(std::string_view address);

/// The reason a message is bulk ("List-Id", "Precedence: bulk", "no-reply sender"…), or empty
/// when it is not. Pure and thread-safe.
std::string bulk_reason(const BulkSignals& s);

}  // namespace kith::import
