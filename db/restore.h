#pragma once
// Replacing a Kith database with a backup: the file is checked first, the database as it was is
// saved, and the swap is a rename, so a killed restore leaves either the old or the new file.

#include <filesystem>
#include <optional>

#include "core/result.h"
#include "core/time.h"
#include "db/backup.h"

namespace kith::db {

/// What a restore did.
struct RestoreResult {
    DatabaseCheck check;                            ///< what the restored file holds
    std::optional<std::filesystem::path> saved_as;  ///< the database as it was, when there was one
    bool saved_raw = false;  ///< saved byte for byte (`.raw`): it could not be opened
};

/// Replaces `database` with a copy of `from`. `from` must pass check_database_file. The current
/// database is saved into the backups folder first (an online backup; a byte-for-byte copy of the
/// file and its WAL when it cannot be opened). Refuses, changing nothing, while another connection
/// (the app, a running kith-cli) has the database open. The copy is built beside the database,
/// switched to WAL and renamed over it; stale -wal/-shm/-journal files are removed first, so they
/// can never be replayed onto the restored file.
core::Result<RestoreResult> restore_database(const std::filesystem::path& database,
                                             const std::filesystem::path& from,
                                             core::TimePoint now);

}  // namespace kith::db
