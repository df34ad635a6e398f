#include "app/gui/workspace_snapshot.h"

#include <future>
#include <mutex>
#include <optional>

#include <wx/app.h>

#include "app/gui/launch_options.h"
#include "app/gui/people_presenter.h"
#include "app/gui/startup_trace.h"
#include "db/database.h"

namespace kith::app {

namespace {

core::Result<std::vector<db::PeopleListRow>> read_people(db::Database& db) {
    auto people = db::load_people_list(db, false);
    if (!people) return people.error();
    // Sorted here, off the UI thread.
    PeoplePresenter::order_by_name(*people);
    startup_mark("people read");
    return people;
}

// Everything but People.
core::Result<void> read_rest(db::Database& db, core::TimePoint now, WorkspaceSnapshot& s) {
    const auto offset = local_utc_offset(now);
    s.now = now;
    s.heading = today_heading(now, offset);
    auto rows = load_today_rows(db, now, offset);
    if (!rows) return rows.error();
    s.today = std::move(*rows);
    startup_mark("today read");
    auto circles = db::CircleRepo(db).list();
    if (!circles) return circles.error();
    s.circles = std::move(*circles);
    auto sources = db::list_sources(db);
    if (!sources) return sources.error();
    s.sources = std::move(*sources);
    return {};
}

}  // namespace

core::Result<WorkspaceSnapshot> read_workspace_snapshot(db::Database& db, core::TimePoint now) {
    WorkspaceSnapshot s;
    if (auto r = read_rest(db, now, s); !r) return r.error();
    auto people = read_people(db);
    if (!people) return people.error();
    s.people = std::move(*people);
    return s;
}

core::Result<WorkspaceSnapshot> read_workspace_snapshot(const std::filesystem::path& path,
                                                        core::TimePoint now, db::OpenMode mode) {
    // Each thread its own connection: SQLite connections are never shared across threads here.
    auto people =
        std::async(std::launch::async, [&]() -> core::Result<std::vector<db::PeopleListRow>> {
            auto db = db::Database::open(path, mode);
            if (!db) return db.error();
            return read_people(**db);
        });
    WorkspaceSnapshot s;
    auto rest = [&]() -> core::Result<void> {
        auto db = db::Database::open(path, mode);
        if (!db) return db.error();
        return read_rest(**db, now, s);
    }();
    auto listed = people.get();
    if (!rest) return rest.error();
    if (!listed) return listed.error();
    s.people = std::move(*listed);
    return s;
}

struct SnapshotRead::State {
    std::mutex mutex;
    std::optional<core::Result<WorkspaceSnapshot>> result;  ///< read, not yet handed over
    Ready ready;                                            ///< set by then()
    bool dropped = false;                                   ///< the SnapshotRead is gone
    bool delivered = false;
};

SnapshotRead::SnapshotRead(std::filesystem::path path, core::TimePoint now, db::OpenMode mode)
    : m_state(std::make_shared<State>()) {
    m_worker = std::thread([state = m_state, path = std::move(path), now, mode] {
        auto snapshot = read_workspace_snapshot(path, now, mode);
        std::lock_guard lock(state->mutex);
        if (!state->ready) {
            // then() has not been called yet: it takes the result itself.
            state->result = std::move(snapshot);
            return;
        }
        // then() ran, so the app exists and its event loop hands the result over.
        wxTheApp->CallAfter([state, snapshot = std::move(snapshot)]() mutable {
            Ready ready;
            {
                std::lock_guard ui_lock(state->mutex);
                if (state->dropped) return;
                state->delivered = true;
                ready = state->ready;
            }
            ready(std::move(snapshot));
        });
    });
}

SnapshotRead::~SnapshotRead() {
    {
        std::lock_guard lock(m_state->mutex);
        m_state->dropped = true;
    }
    if (m_worker.joinable()) m_worker.join();
}

void SnapshotRead::then(Ready ready) {
    std::optional<core::Result<WorkspaceSnapshot>> done;
    {
        std::lock_guard lock(m_state->mutex);
        m_state->ready = ready;
        if (m_state->result) {
            done = std::move(m_state->result);
            m_state->result.reset();
            m_state->delivered = true;
        }
    }
    if (done) ready(std::move(*done));
}

bool SnapshotRead::running() const {
    std::lock_guard lock(m_state->mutex);
    return !m_state->delivered;
}

}  // namespace kith::app
