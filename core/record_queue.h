#pragma once
// A bounded queue of record batches between one producer thread and one consumer thread.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

#include "core/result.h"
#include "core/sink_event.h"

namespace kith::core {

/// Batches of SinkEvents from one producer to one consumer, at most `capacity` batches waiting:
/// a producer faster than its consumer waits, so memory stays bounded whatever the input size.
/// Whole batches change hands (one lock per batch, not per record). Thread-safe.
class RecordQueue {
  public:
    using Batch = std::vector<SinkEvent>;

    explicit RecordQueue(std::size_t capacity);

    /// Producer: hands `batch` over, waiting while the queue is full. Once the consumer has
    /// closed the queue the batch is dropped and the reason it gave is returned.
    Result<void> push(Batch batch);
    /// Producer: nothing more will come; the consumer takes what waits, then gets nothing.
    void finish();
    /// Consumer: the oldest batch, waiting for one; nullopt once finished and empty, or closed.
    std::optional<Batch> pop();
    /// Consumer: takes nothing more. Waiting and later pushes return `why`; what waits is dropped.
    void close(Error why);

  private:
    std::mutex m_mutex;
    std::condition_variable m_not_full, m_not_empty;
    std::deque<Batch> m_batches;
    std::size_t m_capacity;
    bool m_finished = false;
    std::optional<Error> m_closed;
};

}  // namespace kith::core
