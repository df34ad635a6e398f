#pragma once
// A core::Progress for a worker thread that forwards at most a few updates a second: a gauge does
// not need 10,000 repaints, and every forwarded update is an event queued on the UI thread.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/progress.h"

namespace kith::app {

/// Forwards `update` to a sink when at least `interval` has passed since the last forwarded one,
/// and always forwards the first and the final (done == total) update. `cancelled` reads a shared
/// flag the UI thread sets. Used from one worker thread; the sink is called on that thread (it
/// posts to the UI thread itself). The flag may be set from any thread.
class ThrottledProgress final : public core::Progress {
  public:
    using Sink = std::function<void(std::uint64_t done, std::uint64_t total, std::string what)>;
    using TimeSource = std::function<std::chrono::steady_clock::time_point()>;

    /// `now` defaults to std::chrono::steady_clock::now (tests pass a fake).
    ThrottledProgress(Sink sink, std::shared_ptr<const std::atomic<bool>> cancel,
                      std::chrono::milliseconds interval = std::chrono::milliseconds{100},
                      TimeSource now = {});

    void update(std::uint64_t done, std::uint64_t total, std::string_view what) override;
    bool cancelled() const override;

    /// How many updates reached the sink.
    std::uint64_t forwarded() const { return m_forwarded; }

  private:
    Sink m_sink;
    std::shared_ptr<const std::atomic<bool>> m_cancel;
    std::chrono::milliseconds m_interval;
    TimeSource m_now;
    std::chrono::steady_clock::time_point m_last{};
    std::uint64_t m_forwarded = 0;
};

}  // namespace kith::app
