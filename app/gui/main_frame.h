#pragma once
// The main window: menus, status bar, and in the centre either Today or, while the database has
// no people, the welcome panel. Wiring only: the panels draw, the presenters format, db/ queries.

#include <filesystem>
#include <memory>

#include <wx/frame.h>
#include <wx/timer.h>

#include "app/gui/notification_policy.h"

#include "app/shared/demo_generator.h"
#include "core/clock.h"
#include "core/result.h"

namespace kith::db {
class Database;
}

namespace kith::app {

class BackupScheduler;
class TodayPanel;
class WelcomePanel;
class TrayIcon;
class Workspace;

class SnapshotRead;

/// How the frame runs.
struct MainFrameOptions {
    std::shared_ptr<const core::Clock> clock;  ///< "now": the system clock, or KITH_NOW
    std::filesystem::path demo_path;           ///< the demo file (db::default_database_path(true))
    int demo_people = kDemoPeople;             ///< how many people "Explore with demo data" makes
    /// Desktop notifications and the tray icon (the app turns them on; tests leave them off).
    bool desktop_integration = false;
    /// The views' first read, started before the toolkit (with desktop_integration only).
    std::shared_ptr<SnapshotRead> first_read;
};

/// The window titled "Kith". Owns the UI thread's database connection (workers open their own).
/// UI thread only.
class MainFrame : public wxFrame {
  public:
    /// How often the open database is read again for reminders while the app runs.
    static constexpr int kReminderCheckMs = 10 * 60 * 1000;

    /// Shows `database` (Today, or the welcome panel when it has no people). A database that
    /// cannot be read is reported in a message box and the window stays empty.
    MainFrame(std::unique_ptr<db::Database> database, MainFrameOptions options);
    ~MainFrame() override;

    /// Switches to `database` and shows it. Errors (reading stats or Today) are returned and the
    /// old view is gone; the caller shows them.
    core::Result<void> show_database(std::unique_ptr<db::Database> database);
    /// Reads the current database again: status bar counts, then Today or the welcome panel.
    core::Result<void> reload();
    /// The same, with the views read on a worker thread (start-up, the periodic refresh): the
    /// window shows at once and fills when the data is read. Errors are shown in a dialog.
    void reload_in_background();
    /// File > Open Demo Data: shows the demo file, generating it first when it is empty.
    void open_demo_data();

    db::Database& database() const { return *m_db; }
    /// True when the open database is demo data (the demo file, or one marked as demo).
    bool showing_demo() const { return m_demo; }
    /// The Today panel, or nullptr while the welcome panel shows.
    TodayPanel* today_panel() const;
    /// Navigation, the views and the person page, or nullptr while the welcome panel shows.
    Workspace* workspace() const { return m_workspace; }
    /// True once the tray icon, the reminder timer and the daily backups run (desktop_integration
    /// only): they start after the window is drawn and its views are filled, not before.
    bool desktop_started() const { return m_desktop_started; }
    /// The welcome panel, or nullptr while Today shows.
    WelcomePanel* welcome_panel() const { return m_welcome; }

  private:
    void OnOpenDemo(wxCommandEvent& event);
    void OnQuit(wxCommandEvent& event);
    void OnAbout(wxCommandEvent& event);
    void OnNewPerson(wxCommandEvent& event);
    void OnReviewMerges(wxCommandEvent& event);
    void OnPreferences(wxCommandEvent& event);
    /// After every reload: the tray's tooltip and, when something new is due, a notification.
    void update_reminders();
    void OnWorkspaceCommand(wxCommandEvent& event);

    /// The demo worker finished: show the demo file, or after a failure or cancel started from
    /// the menu, go back to the user's Today. Deferred: the panel is still on the stack.
    void on_demo_done(const core::Result<db::ImportResult>& result);
    void switch_to_demo();
    void set_content(wxWindow* content);
    /// The welcome panel: with the first-run text, or (false) only the demo part.
    void show_welcome(bool first_run);
    void show_error(const core::Error& error);
    /// A backup of the open database once a day while the app runs (db/backup.h).
    void start_daily_backups();
    /// Tray icon, reminder timer and daily backups (desktop_integration), started by
    /// OnIdleUntilFilled once the window is drawn and its views are filled.
    void start_desktop_integration();
    void OnIdleUntilFilled(wxIdleEvent& event);

    std::unique_ptr<db::Database> m_db;
    MainFrameOptions m_options;
    bool m_demo = false;
    wxWindow* m_content = nullptr;
    Workspace* m_workspace = nullptr;
    WelcomePanel* m_welcome = nullptr;
    bool m_welcome_first_run = false;
    NotificationPolicy m_notifications;
    std::unique_ptr<TrayIcon> m_tray;
    bool m_desktop_started = false;  ///< start_desktop_integration() ran
    wxTimer m_reminder_timer;
    bool m_background_reload = false;  ///< the next reload reads the views on a worker
    std::unique_ptr<BackupScheduler> m_backups;
    bool m_backup_failure_shown = false;
};

}  // namespace kith::app
