#pragma once

namespace kith::db {

/// What an idempotent write did: re-importing the same record gives `unchanged`.
enum class WriteOutcome { added, updated, unchanged };

}  // namespace kith::db
