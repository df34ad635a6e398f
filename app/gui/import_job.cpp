#include "app/gui/import_job.h"

#include <wx/app.h>

#include "app/gui/throttled_progress.h"
#include "db/database.h"
#include "import/importer_registry.h"

namespace kith::app {

/// State shared by the UI thread and the worker. `alive` is read and written on the UI thread
/// only: posted callbacks check it, so none runs after the job is gone.
struct ImportJob::Shared {
    std::atomic<bool> cancel{false};
    std::atomic<bool> rollback{false};
    bool alive = true;
    bool running = true;
    OnProgress on_progress;
    OnDone on_done;
};

namespace {

/// Throttled progress plus the Stop/Cancel distinction the runner asks about.
class JobProgress final : public core::Progress {
  public:
    JobProgress(ThrottledProgress::Sink sink, std::shared_ptr<const std::atomic<bool>> cancel,
                const std::atomic<bool>& rollback)
        : m_inner(std::move(sink), std::move(cancel)), m_rollback(rollback) {}
    void update(std::uint64_t done, std::uint64_t total, std::string_view what) override {
        m_inner.update(done, total, what);
    }
    bool cancelled() const override { return m_inner.cancelled(); }
    bool rollback_requested() const override { return m_rollback.load(); }

  private:
    ThrottledProgress m_inner;
    const std::atomic<bool>& m_rollback;
};

}  // namespace

ImportJob::ImportJob(std::filesystem::path db_path, core::ImportRequest request,
                     core::TimePoint now, OnProgress on_progress, OnDone on_done)
    : m_shared(std::make_shared<Shared>()) {
    m_shared->on_progress = std::move(on_progress);
    m_shared->on_done = std::move(on_done);
    auto shared = m_shared;
    m_worker = std::thread([shared, path = std::move(db_path), request = std::move(request), now] {
        const auto started = std::chrono::steady_clock::now();
        // The cancel flag lives in `shared`; the aliasing pointer keeps it alive with it.
        std::shared_ptr<const std::atomic<bool>> cancel(shared, &shared->cancel);
        JobProgress progress(
            [shared, started](std::uint64_t done, std::uint64_t total, std::string what) {
                ImportProgress p{done, total, std::move(what),
                                 std::chrono::steady_clock::now() - started};
                wxTheApp->CallAfter([shared, p] {
                    if (shared->alive && shared->on_progress) shared->on_progress(p);
                });
            },
            cancel, shared->rollback);
        core::Result<db::ImportResult> result = [&]() -> core::Result<db::ImportResult> {
            auto importer = import::make_importer(request.kind);
            if (!importer)
                return core::make_error(core::ErrorCode::invalid_input,
                                        "unknown import kind '" + request.kind + "'");
            // Its own connection: SQLite connections are never shared across threads here.
            auto db = db::Database::open(path);
            if (!db) return db.error();
            db::RunOptions options;
            options.batch_size = 0;  // one transaction: Cancel can undo the whole run
            return db::run_import(**db, *importer, request, progress, now, options);
        }();
        wxTheApp->CallAfter([shared, result = std::move(result)] {
            shared->running = false;
            if (shared->alive && shared->on_done) shared->on_done(result);
        });
    });
}

ImportJob::~ImportJob() {
    m_shared->alive = false;
    cancel();
    if (m_worker.joinable()) m_worker.join();
}

void ImportJob::stop() {
    m_shared->cancel = true;
}

void ImportJob::cancel() {
    m_shared->rollback = true;
    m_shared->cancel = true;
}

bool ImportJob::running() const {
    return m_shared->running;
}

std::optional<std::chrono::seconds> ImportJob::eta(const ImportProgress& p) {
    using namespace std::chrono;
    if (p.total == 0 || p.done == 0 || p.done >= p.total) return std::nullopt;
    const double per_unit = duration<double>(p.elapsed).count() / static_cast<double>(p.done);
    return seconds{static_cast<std::int64_t>(per_unit * static_cast<double>(p.total - p.done))};
}

}  // namespace kith::app
