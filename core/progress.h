#pragma once
// Progress and cancel for long work (imports, demo generation). Core code reports through this
// interface; the app adapts it to a gauge, the CLI to stderr, tests to nothing.

#include <atomic>
#include <cstdint>
#include <string_view>

namespace kith::core {

/// Receives progress from a worker. `update` and `cancelled` are called on the worker thread (an
/// importer's own: import_pipeline.h); they must be safe there (the app posts to the UI thread).
class Progress {
  public:
    virtual ~Progress() = default;
    /// `done` out of `total` units (bytes, records); total 0 = unknown.
    virtual void update(std::uint64_t done, std::uint64_t total, std::string_view what) = 0;
    /// True once the user asked to stop; the worker stops at the next record boundary.
    virtual bool cancelled() const = 0;
    /// With cancelled(): true when the user wants the run undone (Cancel) rather than what was
    /// imported so far kept (Stop). How much can be undone depends on the runner's batching.
    virtual bool rollback_requested() const { return false; }
};

/// Ignores progress; cancelled when `cancel()` was called (thread-safe).
class NullProgress final : public Progress {
  public:
    void update(std::uint64_t, std::uint64_t, std::string_view) override {}
    bool cancelled() const override { return m_cancelled.load(); }
    void cancel() { m_cancelled.store(true); }

  private:
    std::atomic<bool> m_cancelled{false};
};

}  // namespace kith::core
