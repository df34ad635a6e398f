#include "core/import_pipeline.h"

#include <exception>
#include <thread>
#include <utility>

#include "core/record_queue.h"

namespace kith::core {

namespace {

/// The producer's sink: every call becomes an event in the current batch, which goes into the
/// queue when full. Used on the producer thread only.
class QueueingSink final : public RecordSink {
  public:
    QueueingSink(RecordQueue& queue, const RecordSink& consumer, const PipelineOptions& options)
        : m_queue(queue), m_consumer(consumer), m_cursor(consumer.cursor()), m_options(options) {
        m_batch.reserve(m_options.batch_records);
    }

    Result<void> interaction(const InteractionRecord& r) override { return add(r); }
    Result<void> follow_edge(const FollowEdgeRecord& r) override { return add(r); }
    Result<void> contact(const ContactRecord& r) override { return add(r); }
    Result<void> followup(const FollowUpRecord& r) override { return add(r); }
    Result<void> follow_snapshot_complete(Channel network, FollowDirection direction,
                                          TimePoint seen_at) override {
        return add(SnapshotComplete{network, direction, seen_at});
    }
    Result<void> owner_identity(const Identity& id) override { return add(OwnerIdentity{id}); }
    // These return nothing: if the consumer has failed, the next record call says so.
    void warning(ImportWarning w) override { (void)add(std::move(w)); }
    void skipped(std::uint64_t n, std::string_view reason) override {
        (void)add(SkippedRecords{n, std::string(reason)});
    }
    void set_cursor(std::string cursor) override { (void)add(NewCursor{std::move(cursor)}); }
    bool is_me(const Identity& id) const override { return m_consumer.is_me(id); }
    std::optional<std::string> cursor() const override { return m_cursor; }

    /// Hands the current batch over, even if not full.
    Result<void> flush() {
        if (m_failed) return *m_failed;
        if (m_batch.empty()) return {};
        auto pushed = m_queue.push(std::exchange(m_batch, {}));
        m_batch.reserve(m_options.batch_records);
        m_bytes = 0;
        if (!pushed) m_failed = pushed.error();
        return pushed;
    }

  private:
    Result<void> add(SinkEvent e) {
        if (m_failed) return *m_failed;
        m_bytes += approx_bytes(e);
        m_batch.push_back(std::move(e));
        if (m_batch.size() < m_options.batch_records && m_bytes < m_options.batch_bytes) return {};
        return flush();
    }

    RecordQueue& m_queue;
    const RecordSink& m_consumer;
    const std::optional<std::string> m_cursor;
    const PipelineOptions& m_options;
    RecordQueue::Batch m_batch;
    std::size_t m_bytes = 0;
    std::optional<Error> m_failed;  ///< the consumer's error, once the queue said so
};

/// Joins the producer thread on every way out; on an unusual one (an exception on the consumer
/// side) first closes the queue so that a producer waiting on a full queue wakes and stops.
class ProducerThread {
  public:
    ProducerThread(RecordQueue& queue, std::thread thread)
        : m_queue(queue), m_thread(std::move(thread)) {}
    ProducerThread(const ProducerThread&) = delete;
    ProducerThread& operator=(const ProducerThread&) = delete;
    ~ProducerThread() {
        if (!m_thread.joinable()) return;
        m_queue.close(make_error(ErrorCode::internal, "the import stopped writing"));
        m_thread.join();
    }
    void join() { m_thread.join(); }

  private:
    RecordQueue& m_queue;
    std::thread m_thread;
};

}  // namespace

Result<void> run_pipeline(const std::function<Result<void>(RecordSink&)>& produce,
                          RecordSink& consumer, const PipelineOptions& options) {
    RecordQueue queue(options.queued_batches);
    QueueingSink queued(queue, consumer, options);
    Result<void> produced;
    std::exception_ptr thrown;
    ProducerThread producer(queue, std::thread([&] {
                                try {
                                    produced = produce(queued);
                                } catch (...) {
                                    thrown = std::current_exception();
                                }
                                // What was sent before an error or exception is written, as it
                                // was when the importer wrote directly.
                                try {
                                    (void)queued.flush();
                                } catch (...) {
                                    if (!thrown) thrown = std::current_exception();
                                }
                                queue.finish();
                            }));

    std::optional<Error> failed;
    while (!failed) {
        auto batch = queue.pop();
        if (!batch) break;
        for (auto& e : *batch) {
            if (auto r = replay(e, consumer); !r) {
                failed = r.error();
                queue.close(r.error());
                break;
            }
        }
    }
    producer.join();
    if (failed) return *failed;
    if (thrown) std::rethrow_exception(thrown);
    return produced;
}

}  // namespace kith::core
