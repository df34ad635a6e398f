#pragma once
// What the workspace's views show, read in one go on a worker thread with its own connection,
// so the window appears at once and fills itself when the data arrives. The app starts the first
// read before the toolkit so reading and building the window overlap.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/gui/today_presenter.h"
#include "core/result.h"
#include "core/time.h"
#include "db/circle_repo.h"
#include "db/database.h"
#include "db/people_list.h"
#include "db/sources_repo.h"

namespace kith::app {

/// Everything the views show.
struct WorkspaceSnapshot {
    std::string heading;
    std::vector<TodayRow> today;
    std::vector<db::PeopleListRow> people;  ///< in name order (PeoplePresenter::order_by_name)
    std::vector<db::CircleRow> circles;
    std::vector<db::SourceSummary> sources;
    core::TimePoint now{};
};

/// Reads a snapshot through `db` (the calling thread's connection).
core::Result<WorkspaceSnapshot> read_workspace_snapshot(db::Database& db, core::TimePoint now);

/// Reads a snapshot of the database at `path` as of `now`. Today and People are read at the same
/// time on two connections (each about half the work at 50,000 people).
core::Result<WorkspaceSnapshot> read_workspace_snapshot(
    const std::filesystem::path& path, core::TimePoint now,
    db::OpenMode mode = db::OpenMode::read_write);

/// One snapshot read on a worker thread, started by the constructor. The result is handed to
/// `then`'s callback on the UI thread; destroying the read before that drops the result.
class SnapshotRead {
  public:
    using Ready = std::function<void(core::Result<WorkspaceSnapshot>)>;

    SnapshotRead(std::filesystem::path path, core::TimePoint now,
                 db::OpenMode mode = db::OpenMode::read_write);
    ~SnapshotRead();
    SnapshotRead(const SnapshotRead&) = delete;
    SnapshotRead& operator=(const SnapshotRead&) = delete;

    /// UI thread, once, after the wx app exists: `ready` runs on the UI thread when the read is
    /// done (from this call if it already is).
    void then(Ready ready);
    /// True until the result has been handed over.
    bool running() const;

  private:
    struct State;
    std::shared_ptr<State> m_state;  ///< shared with the worker
    std::thread m_worker;
};

}  // namespace kith::app
