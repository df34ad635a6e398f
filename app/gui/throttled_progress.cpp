#include "app/gui/throttled_progress.h"

#include <utility>

namespace kith::app {

ThrottledProgress::ThrottledProgress(Sink sink, std::shared_ptr<const std::atomic<bool>> cancel,
                                     std::chrono::milliseconds interval, TimeSource now)
    : m_sink(std::move(sink)),
      m_cancel(std::move(cancel)),
      m_interval(interval),
      m_now(now ? std::move(now) : TimeSource([] { return std::chrono::steady_clock::now(); })) {}

void ThrottledProgress::update(std::uint64_t done, std::uint64_t total, std::string_view what) {
    const auto t = m_now();
    const bool final = total != 0 && done >= total;
    // The final update always goes through, or the gauge would stop short of full.
    if (m_forwarded != 0 && !final && t - m_last < m_interval) return;
    m_last = t;
    ++m_forwarded;
    if (m_sink) m_sink(done, total, std::string(what));
}

bool ThrottledProgress::cancelled() const {
    return m_cancel && m_cancel->load();
}

}  // namespace kith::app
