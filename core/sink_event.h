#pragma once
// One call an importer made on its RecordSink, kept as a value so that it can be replayed later
// on another thread (see import_pipeline.h).

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "core/importer.h"

namespace kith::core {

/// RecordSink::follow_snapshot_complete's arguments.
struct SnapshotComplete {
    Channel network = Channel::twitter;
    FollowDirection direction = FollowDirection::follows_me;
    TimePoint seen_at{};
};

/// RecordSink::skipped's arguments.
struct SkippedRecords {
    std::uint64_t n = 0;
    std::string reason;
};

/// RecordSink::set_cursor's argument.
struct NewCursor {
    std::string value;
};

/// RecordSink::owner_identity's argument.
struct OwnerIdentity {
    Identity id;
};

/// Every RecordSink call that sends something (queries — is_me, cursor — are not events).
using SinkEvent =
    std::variant<InteractionRecord, FollowEdgeRecord, ContactRecord, FollowUpRecord,
                 SnapshotComplete, OwnerIdentity, ImportWarning, SkippedRecords, NewCursor>;

/// About how much memory `e` holds, for bounding what waits in a queue; cheap, not exact.
std::size_t approx_bytes(const SinkEvent& e);

/// Makes on `sink` the call `e` stands for; its strings are moved out where the sink takes them
/// by value. Returns what the sink returned (calls without a result return success).
Result<void> replay(SinkEvent& e, RecordSink& sink);

}  // namespace kith::core
