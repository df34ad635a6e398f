#pragma once
// The contract every channel importer implements: read a source, stream records into a sink.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/progress.h"
#include "core/records.h"
#include "core/result.h"

namespace kith::core {

/// Receives an importer's records. The database implementation batches them into transactions,
/// deduplicates by (ext_ns, ext_id) and counts added/updated/skipped. Used from one thread.
class RecordSink {
  public:
    virtual ~RecordSink() = default;
    virtual Result<void> interaction(const InteractionRecord& r) = 0;
    virtual Result<void> follow_edge(const FollowEdgeRecord& r) = 0;
    virtual Result<void> contact(const ContactRecord& r) = 0;
    virtual Result<void> followup(const FollowUpRecord& r) = 0;
    /// The importer has sent every edge of `network` in `direction` that the source holds as of
    /// `seen_at` (a complete followers or following list): edges of that network and direction
    /// last seen before `seen_at` have ended (unfollows). Sinks that keep no edges ignore it.
    virtual Result<void> follow_snapshot_complete(Channel network, FollowDirection direction,
                                                  TimePoint seen_at) {
        (void)network, (void)direction, (void)seen_at;
        return {};
    }
    /// The source says `id` is its owner's (an archive's account, the account an API token
    /// belongs to): it is one of my identities. Sent before the records that depend on it, in
    /// order with them. The database claims it as mine in the run's open transaction (an
    /// identity an earlier import gave someone else moves to me); sinks that keep no identities
    /// ignore it. It changes what `is_me` answers only from the next run on.
    virtual Result<void> owner_identity(const Identity& id) {
        (void)id;
        return {};
    }
    /// A malformed record that was skipped or repaired; the import goes on.
    virtual void warning(ImportWarning w) = 0;
    /// Records the importer skipped on purpose (spam, pingbacks…), counted in `skipped`.
    virtual void skipped(std::uint64_t n, std::string_view reason) = 0;
    /// True when the identity is one of mine (decides direction).
    virtual bool is_me(const Identity& id) const = 0;
    /// The source's incremental cursor from the last successful run, if any.
    virtual std::optional<std::string> cursor() const = 0;
    /// Stores the cursor; it is saved only if the run completes.
    virtual void set_cursor(std::string cursor) = 0;
};

/// What to import: a kind ("mbox"), a path or URL, and kind-specific options.
struct ImportRequest {
    std::string kind;
    std::string location;
    std::map<std::string, std::string> options;
};

/// What an importer reads: the app offers a file picker, a folder picker or an address field.
enum class SourceShape { file, folder, url };

/// One importer per format or API. `run` streams; it checks `progress.cancelled()` between records
/// and returns ErrorCode::cancelled when asked to stop. Format-level failures are Errors; bad
/// records are warnings. Implementations hold no state between runs.
class Importer {
  public:
    virtual ~Importer() = default;
    virtual std::string_view kind() const = 0;         ///< "mbox", "jsonl"…
    virtual std::string_view description() const = 0;  ///< one line for `import --help`
    /// What `ImportRequest::location` names. Files by default.
    virtual SourceShape source_shape() const { return SourceShape::file; }
    /// For file sources: the usual names as glob patterns separated by ';' ("*.mbox;*.mbx"),
    /// for the app's file picker; empty = any file.
    virtual std::string_view file_patterns() const { return {}; }
    virtual Result<void> run(const ImportRequest& req, RecordSink& sink, Progress& progress) = 0;
};

}  // namespace kith::core
