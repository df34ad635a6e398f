#pragma once
// The main window's working area once there are people: navigation with live counts (Today,
// People, Circles, Followers → email, Sources), the chosen view in the centre and the selected
// person's page on the right. Wiring only: each view is its own panel.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include <wx/panel.h>

#include "app/gui/workspace_snapshot.h"
#include "core/clock.h"
#include "core/importer.h"
#include "core/result.h"

class wxListBox;
class wxSimplebook;
class wxSplitterWindow;

namespace kith::db {
class Database;
}

namespace kith::app {

class CirclesPanel;
class ImportDialog;
class FollowersPanel;
class PeoplePanel;
class PersonPanel;
class SourcesPanel;
class TodayPanel;

/// The views, in navigation order.
enum class View { today, people, circles, followers, sources };

/// UI thread only. Reads and writes through the frame's connection; imports run on workers.
class Workspace : public wxPanel {
  public:
    Workspace(wxWindow* parent, db::Database& db, std::shared_ptr<const core::Clock> clock);
    ~Workspace() override;

    /// Switches to another database (the frame's connection changed): the person page is
    /// cleared; call reload() next.
    void set_database(db::Database& db);
    /// Reads everything again: counts, Today, People, Circles, Sources and the person shown.
    core::Result<void> reload();
    /// Reads everything on a worker thread with its own connection and shows it when read, so
    /// the window appears at once even at 50,000 people. `done` runs on the UI thread after
    /// (with the error, if reading failed). A reload already running is waited for first.
    /// `started` is a read begun earlier (the app starts one before the toolkit); should it
    /// fail, a fresh read runs instead.
    void reload_in_background(std::function<void(const core::Result<void>&)> done,
                              std::shared_ptr<SnapshotRead> started = nullptr);
    /// True while a background reload runs.
    bool loading() const;
    void show_view(View view);
    View current_view() const { return m_view; }
    /// Shows a person's page (and selects them in People when listed).
    void open_person(std::int64_t person_id);
    /// Opens the quick log, prefilled with `people`. Returns true when something was logged.
    bool quick_log(const std::string& people = {});
    /// Opens "Add source", then the import window.
    void add_source();
    /// Starts an import in the import window (modeless); the workspace reloads when it ends. An
    /// account's secret missing from the request comes from the keyring, else (no keyring, or
    /// the user keeps none) a password prompt for this run only; nullptr when there is none.
    ImportDialog* start_import(core::ImportRequest request);
    /// Focuses the People search box.
    void focus_search();

    TodayPanel* today() const { return m_today; }
    PeoplePanel* people() const { return m_people; }
    /// Built on the first call (the Circles view is built when first shown).
    CirclesPanel* circles();
    /// nullptr until the Followers view was first shown.
    FollowersPanel* followers() const { return m_followers; }
    /// Built on the first call (the Sources view is built when first shown).
    SourcesPanel* sources();
    PersonPanel* person() const { return m_person; }
    wxListBox* navigation() const { return m_nav; }
    wxSplitterWindow* splitter() const { return m_split; }

  private:
    core::Result<void> show_snapshot(WorkspaceSnapshot snapshot);
    core::Result<void> reload_counts();
    /// Shows `page` of the view book.
    void show_page(wxWindow* page);
    /// Reads the followers list again if a reload came since (its view is showing).
    core::Result<void> refresh_followers();
    void on_today_command(const struct TodayRow& row, int command,
                          std::optional<std::string> until);
    void report(const core::Error& error);

    db::Database* m_db;
    std::shared_ptr<const core::Clock> m_clock;
    View m_view = View::today;
    wxListBox* m_nav = nullptr;
    wxSplitterWindow* m_split = nullptr;
    wxSimplebook* m_book = nullptr;
    TodayPanel* m_today = nullptr;
    PeoplePanel* m_people = nullptr;
    CirclesPanel* m_circles = nullptr;
    FollowersPanel* m_followers = nullptr;
    bool m_followers_stale = true;      ///< a reload came since the followers list was read
    core::TimePoint m_followers_now{};  ///< "now" of the last reload
    SourcesPanel* m_sources = nullptr;
    std::vector<db::CircleRow> m_circle_rows;      ///< for the Circles view and its count
    std::vector<db::SourceSummary> m_source_rows;  ///< for the Sources view and its count
    PersonPanel* m_person = nullptr;
    std::shared_ptr<SnapshotRead> m_read;  ///< the background reload, while it runs
};

}  // namespace kith::app
