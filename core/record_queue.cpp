#include "core/record_queue.h"

namespace kith::core {

RecordQueue::RecordQueue(std::size_t capacity) : m_capacity(capacity == 0 ? 1 : capacity) {}

Result<void> RecordQueue::push(Batch batch) {
    std::unique_lock lock(m_mutex);
    m_not_full.wait(lock, [&] { return m_closed || m_batches.size() < m_capacity; });
    if (m_closed) return *m_closed;
    m_batches.push_back(std::move(batch));
    lock.unlock();
    m_not_empty.notify_one();
    return {};
}

void RecordQueue::finish() {
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
    }
    m_not_empty.notify_one();
}

std::optional<RecordQueue::Batch> RecordQueue::pop() {
    std::unique_lock lock(m_mutex);
    m_not_empty.wait(lock, [&] { return m_closed || m_finished || !m_batches.empty(); });
    if (m_closed || m_batches.empty()) return std::nullopt;
    Batch b = std::move(m_batches.front());
    m_batches.pop_front();
    lock.unlock();
    m_not_full.notify_one();
    return b;
}

void RecordQueue::close(Error why) {
    {
        std::lock_guard lock(m_mutex);
        if (!m_closed) m_closed = std::move(why);
        m_batches.clear();
    }
    m_not_full.notify_all();
    m_not_empty.notify_all();
}

}  // namespace kith::core
