#pragma once
// The injected clock: every rule takes "now" from a Clock, never from the system directly.

#include "core/time.h"

namespace kith::core {

/// Source of "now". Implementations are thread-safe.
class Clock {
  public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

/// The system's wall clock, truncated to seconds.
class SystemClock final : public Clock {
  public:
    TimePoint now() const override {
        return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    }
};

/// A clock stopped at one instant (tests, KITH_NOW).
class FixedClock final : public Clock {
  public:
    explicit FixedClock(TimePoint t) : m_now(t) {}
    TimePoint now() const override { return m_now; }

  private:
    TimePoint m_now;
};

}  // namespace kith::core
