#pragma once
// Parsing and writing an import on two threads: the importer fills batches on a thread of its
// own while the calling thread (the one that owns the database connection) writes them.

#include <cstddef>
#include <functional>

#include "core/importer.h"

namespace kith::core {

/// How records travel from the producer to the consumer. The defaults keep at most about
/// (queued_batches + 2) × batch_records records, or that many × batch_bytes, in memory.
struct PipelineOptions {
    std::size_t batch_records = 256;     ///< records per hand-over: one lock per batch
    std::size_t batch_bytes = 1u << 20;  ///< a batch of big records (photos) is handed over sooner
    std::size_t queued_batches = 8;      ///< batches waiting for the consumer at most
};

/// Runs `produce` on a new thread with a sink that queues every call, and replays the calls in
/// their order into `consumer` on the calling thread; returns when both are done. The consumer
/// therefore sees exactly the calls, in the order, that `produce` would have made on it directly:
/// the same batch boundaries, warnings in the same order, everything sent before an error or a
/// cancel. Queries are answered on the producer thread: `is_me` by `consumer.is_me`, which must
/// read only state fixed before the run (ImportSink's does), and `cursor` from a copy taken
/// before the run (the consumer's cursor is the last run's, it does not change during a run).
///
/// When the consumer fails, the queue closes: the producer's next call returns that error (as it
/// would have directly), so it stops, and that error is returned. Otherwise `produce`'s result is
/// returned, or the exception it threw is rethrown here after everything it sent was replayed.
/// An exception from the consumer propagates after the producer thread has been stopped and
/// joined.
Result<void> run_pipeline(const std::function<Result<void>(RecordSink&)>& produce,
                          RecordSink& consumer, const PipelineOptions& options = {});

}  // namespace kith::core
