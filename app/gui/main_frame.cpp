#include "app/gui/main_frame.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include <wx/aboutdlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notifmsg.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>
#include <wx/textdlg.h>
#include <wx/weakref.h>

#include "app/gui/add_source_dialog.h"
#include "app/gui/app_icon.h"
#include "app/gui/backup_scheduler.h"
#include "app/gui/import_dialog.h"
#include "app/gui/launch_options.h"
#include "app/gui/merge_review_dialog.h"
#include "app/gui/preferences_dialog.h"
#include "app/gui/quick_log_dialog.h"
#include "app/gui/startup_trace.h"
#include "app/gui/today_panel.h"
#include "app/gui/today_presenter.h"
#include "app/gui/tray_icon.h"
#include "app/gui/welcome_panel.h"
#include "app/gui/workspace.h"
#include "app/gui/workspace_snapshot.h"
#include "app/gui/wx_text.h"
#include "db/database.h"
#include "db/people_repo.h"
#include "db/stats_repo.h"

#ifndef KITH_VERSION
#define KITH_VERSION "dev"
#endif

namespace kith::app {

namespace {

const int kIdOpenDemo = wxWindow::NewControlId();
const int kIdImport = wxWindow::NewControlId();
const int kIdQuickLog = wxWindow::NewControlId();
const int kIdNewPerson = wxWindow::NewControlId();
const int kIdReviewMerges = wxWindow::NewControlId();
const int kIdFind = wxWindow::NewControlId();
const int kIdRefresh = wxWindow::NewControlId();
const int kIdViewFirst = wxWindow::NewControlId(5);

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ec;
    return std::filesystem::equivalent(a, b, ec);
}

}  // namespace

MainFrame::MainFrame(std::unique_ptr<db::Database> database, MainFrameOptions options)
    : wxFrame(nullptr, wxID_ANY, "Kith", wxDefaultPosition, wxSize(1280, 800)),
      m_db(std::move(database)),
      m_options(std::move(options)) {
    SetMinSize(FromDIP(wxSize(640, 420)));
    // The app decodes its icons once the window is drawn (start_desktop_integration): decoding
    // every size is ~3% of the UI thread's start, and no icon shows before the first paint.
    if (!m_options.desktop_integration) SetIcons(app_icons());

    auto* file = new wxMenu;
    file->Append(kIdImport, wxString::FromUTF8("&Import…\tCtrl+I"),
                 "Import history from a file, folder or account");
    file->Append(kIdOpenDemo, "Open &Demo Data",
                 "Show made-up people from the separate demo file; your own data stays as it is");
    file->AppendSeparator();
    file->Append(wxID_PREFERENCES, wxString::FromUTF8("&Preferences…\tCtrl+,"),
                 "My identities, reminders and notifications");
    file->AppendSeparator();
    file->Append(wxID_EXIT, "&Quit\tCtrl+Q", "Quit Kith");
    auto* people = new wxMenu;
    people->Append(kIdQuickLog, wxString::FromUTF8("Quick &Log…\tCtrl+L"),
                   "Log a meeting, call or message, with a follow-up, in seconds");
    people->Append(kIdNewPerson, wxString::FromUTF8("&New Person…\tCtrl+N"), "Add someone by name");
    people->Append(kIdReviewMerges, wxString::FromUTF8("&Review Merge Suggestions…"),
                   "People who may be one person on several channels");
    people->Append(kIdFind, wxString::FromUTF8("&Find…\tCtrl+F"),
                   "Search people by name, notes, email or handle");
    auto* view = new wxMenu;
    const char* views[] = {"&Today\tCtrl+1", "&People\tCtrl+2", "&Circles\tCtrl+3",
                           "&Followers → Email\tCtrl+4", "&Sources\tCtrl+5"};
    for (int i = 0; i < 5; ++i) view->Append(kIdViewFirst + i, wxString::FromUTF8(views[i]));
    view->AppendSeparator();
    view->Append(kIdRefresh, "&Refresh\tF5", "Read the database again");
    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, "&About Kith", "What Kith is and which version this is");
    auto* bar = new wxMenuBar;
    bar->Append(file, "&File");
    bar->Append(people, "&People");
    bar->Append(view, "&View");
    bar->Append(help, "&Help");
    SetMenuBar(bar);
    startup_mark("menus");

    CreateStatusBar(2);
    const int widths[] = {-3, -2};
    SetStatusWidths(2, widths);

    SetSizer(new wxBoxSizer(wxVERTICAL));

    Bind(wxEVT_MENU, &MainFrame::OnOpenDemo, this, kIdOpenDemo);
    Bind(wxEVT_MENU, &MainFrame::OnQuit, this, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::OnAbout, this, wxID_ABOUT);
    Bind(wxEVT_MENU, &MainFrame::OnNewPerson, this, kIdNewPerson);
    Bind(wxEVT_MENU, &MainFrame::OnReviewMerges, this, kIdReviewMerges);
    Bind(wxEVT_MENU, &MainFrame::OnPreferences, this, wxID_PREFERENCES);
    // The tray icon, the reminder timer and the daily backup wait until the window is drawn and
    // filled: none of them is visible at once, and a due backup (a copy of the whole file) would
    // compete for the CPU and the disk with reading the views.
    if (m_options.desktop_integration) Bind(wxEVT_IDLE, &MainFrame::OnIdleUntilFilled, this);
    for (int id : {kIdImport, kIdQuickLog, kIdFind, kIdRefresh})
        Bind(wxEVT_MENU, &MainFrame::OnWorkspaceCommand, this, id);
    Bind(wxEVT_MENU, &MainFrame::OnWorkspaceCommand, this, kIdViewFirst, kIdViewFirst + 4);

    // The app shows its window at once and fills it from a worker; tests read synchronously.
    if (m_options.desktop_integration)
        reload_in_background();
    else if (auto r = reload(); !r)
        show_error(r.error());
}

MainFrame::~MainFrame() = default;

void MainFrame::OnIdleUntilFilled(wxIdleEvent& event) {
    event.Skip();
    // The first idle event comes once the window is drawn; the views may still be reading.
    if (m_workspace && m_workspace->loading()) return;
    Unbind(wxEVT_IDLE, &MainFrame::OnIdleUntilFilled, this);
    start_desktop_integration();
}

void MainFrame::start_desktop_integration() {
    SetIcons(app_icons());
    if (wxTaskBarIcon::IsAvailable()) {
        TrayActions tray;
        tray.show = [this] {
            Show();
            Raise();
        };
        tray.quick_log = [this] {
            wxCommandEvent e(wxEVT_MENU, kIdQuickLog);
            OnWorkspaceCommand(e);
        };
        tray.quit = [this] { Close(true); };
        m_tray = std::make_unique<TrayIcon>(tray);
    }
    m_reminder_timer.SetOwner(this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { reload_in_background(); });
    m_reminder_timer.Start(kReminderCheckMs);
    start_daily_backups();
    m_desktop_started = true;
    // The tray's tooltip and the notification: the views were read before they could be shown.
    update_reminders();
}

void MainFrame::start_daily_backups() {
    m_backups = std::make_unique<BackupScheduler>(
        [this]() -> std::optional<std::filesystem::path> {
            if (m_demo) return std::nullopt;  // demo data can be made again
            return m_db->path();
        },
        m_options.clock,
        [this](const core::Result<std::filesystem::path>& r) {
            if (r) {
                SetStatusText(ui("Backup saved: " + r->filename().string()), 0);
            } else if (!m_backup_failure_shown) {
                // Once per session: the hourly retry would otherwise repeat the dialog.
                m_backup_failure_shown = true;
                show_error(r.error());
            }
        });
    m_backups->start();
}

core::Result<void> MainFrame::show_database(std::unique_ptr<db::Database> database) {
    m_db = std::move(database);
    if (m_workspace) m_workspace->set_database(*m_db);
    return reload();
}

core::Result<void> MainFrame::reload() {
    auto stats = db::load_overview(*m_db);
    if (!stats) return stats.error();
    auto marked = is_demo_database(*m_db);
    if (!marked) return marked.error();
    m_demo = *marked || same_file(m_db->path(), m_options.demo_path);
    // Made-up people must never be mistaken for the user's own.
    SetTitle(m_demo ? wxString::FromUTF8("Kith — DEMO data") : wxString("Kith"));
    SetStatusText(ui(location_text(m_db->path(), m_demo)), 0);
    SetStatusText(ui(counts_text(stats->people, stats->interactions)), 1);

    if (stats->people == 0) {
        m_options.first_read.reset();  // nothing to show from it
        show_welcome(true);
        return {};
    }
    if (!m_workspace) {
        startup_mark("overview read");
        auto* workspace = new Workspace(this, *m_db, m_options.clock);
        startup_mark("workspace built");
        set_content(workspace);
        m_workspace = workspace;
    }
    if (m_background_reload) {
        m_background_reload = false;
        wxWeakRef<MainFrame> self(this);
        // The first read may have started before the toolkit; it is used once.
        auto started = std::move(m_options.first_read);
        m_workspace->reload_in_background(
            [self](const core::Result<void>& r) {
                if (!self) return;
                if (!r) return self->show_error(r.error());
                self->update_reminders();
                // The benchmark's figure for the window at 50,000 people.
                startup_mark("views filled");
                // Quit at the next idle, so that a fill faster than the first paint still
                // shows it.
                if (startup_trace_exits())
                    self->Bind(wxEVT_IDLE, [self](wxIdleEvent& e) {
                        trace_first_paint();
                        if (self) self->Close(true);
                        e.Skip();
                    });
            },
            std::move(started));
        return {};
    }
    if (auto r = m_workspace->reload(); !r) return r;
    update_reminders();
    return {};
}

void MainFrame::open_demo_data() {
    // A generation already on its way ends in the demo file by itself.
    if (m_welcome && m_welcome->demo_running()) return;
    if (m_demo && m_workspace) {
        // Already showing demo data: read it again, nothing to make.
        if (auto r = reload(); !r) show_error(r.error());
        return;
    }
    if (!m_demo) {
        auto opened = db::Database::open(m_options.demo_path);
        if (!opened) return show_error(opened.error());
        auto stats = db::load_overview(**opened);
        if (!stats) return show_error(stats.error());
        if (stats->people > 0) {
            if (auto r = show_database(std::move(*opened)); !r) show_error(r.error());
            return;
        }
    }
    // The demo file is empty: make it first, with the welcome panel's progress and Cancel. A
    // first-run panel already showing is kept; over the user's Today it shows the demo part only.
    show_welcome(false);
    m_welcome->start_demo();
}

void MainFrame::reload_in_background() {
    m_background_reload = true;
    if (auto r = reload(); !r) show_error(r.error());
    m_background_reload = false;
}

void MainFrame::update_reminders() {
    // Before the tray exists there is nowhere to show the count; it starts with a fresh one.
    if (!m_workspace || !m_desktop_started) return;
    DueSummary due;
    for (const auto& row : m_workspace->today()->rows()) {
        if (row.kind != TodayRowKind::header) continue;
        if (row.rule == core::ReminderRule::owe_reply) due.owe_reply = row.count;
        if (row.rule == core::ReminderRule::followup) due.followups = row.count;
        if (row.rule == core::ReminderRule::going_cold) due.going_cold = row.count;
    }
    if (m_tray) m_tray->set_due(due_text(due));
    auto enabled = notifications_enabled(*m_db);
    // The demo's made-up reminders are nobody's business.
    if (m_demo) return;
    if (auto text = m_notifications.check(m_options.clock->now(), due, enabled && *enabled)) {
        wxNotificationMessage note("Kith", ui(*text), this);
        note.Show(wxNotificationMessage::Timeout_Auto);
    }
}

void MainFrame::OnPreferences(wxCommandEvent&) {
    PreferencesDialog dialog(this, *m_db, m_options.clock);
    if (dialog.ShowModal() != wxID_OK) return;
    if (auto r = reload(); !r) show_error(r.error());
}

TodayPanel* MainFrame::today_panel() const {
    return m_workspace ? m_workspace->today() : nullptr;
}

void MainFrame::OnNewPerson(wxCommandEvent&) {
    wxTextEntryDialog dialog(this, "Name:", "New person");
    if (dialog.ShowModal() != wxID_OK) return;
    const std::string name = dialog.GetValue().Strip(wxString::both).utf8_string();
    if (name.empty()) return;
    auto id = db::PeopleRepo(*m_db).add(name, "", m_options.clock->now());
    if (!id) return show_error(id.error());
    if (auto r = reload(); !r) return show_error(r.error());
    if (m_workspace) m_workspace->open_person(*id);
}

void MainFrame::OnReviewMerges(wxCommandEvent&) {
    MergeReviewDialog dialog(this, *m_db, m_options.clock);
    dialog.ShowModal();
    if (!dialog.changed() && dialog.person_to_open() == 0) return;
    if (auto r = reload(); !r) return show_error(r.error());
    if (m_workspace && dialog.person_to_open() != 0)
        m_workspace->open_person(dialog.person_to_open());
}

void MainFrame::OnWorkspaceCommand(wxCommandEvent& event) {
    const int id = event.GetId();
    if (id == kIdRefresh) {
        if (auto r = reload(); !r) show_error(r.error());
        return;
    }
    if (!m_workspace) {
        // First run: logging a meeting or importing is how the database gets its first people.
        if (id == kIdQuickLog) {
            QuickLogDialog dialog(this, *m_db, m_options.clock);
            if (dialog.ShowModal() == wxID_OK)
                if (auto r = reload(); !r) show_error(r.error());
        } else if (id == kIdImport) {
            AddSourceDialog dialog(this);
            if (dialog.ShowModal() != wxID_OK) return;
            wxWeakRef<MainFrame> self(this);
            auto* import = new ImportDialog(this, m_db->path(), dialog.request(),
                                            m_options.clock->now(), [self] {
                                                if (self)
                                                    if (auto r = self->reload(); !r)
                                                        self->show_error(r.error());
                                            });
            import->Show();
        }
        return;
    }
    if (id == kIdImport)
        m_workspace->add_source();
    else if (id == kIdQuickLog)
        m_workspace->quick_log();
    else if (id == kIdFind)
        m_workspace->focus_search();
    else if (id >= kIdViewFirst && id < kIdViewFirst + 5)
        m_workspace->show_view(static_cast<View>(id - kIdViewFirst));
}

void MainFrame::OnOpenDemo(wxCommandEvent&) {
    open_demo_data();
}

void MainFrame::OnQuit(wxCommandEvent&) {
    Close(true);
}

void MainFrame::OnAbout(wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName("Kith");
    info.SetVersion(KITH_VERSION);
    info.SetDescription(
        "The personal CRM for relationships across email, Twitter/X, Mastodon, blogs and real "
        "life.\nYour data stays in one file on this computer.");
    wxAboutBox(info, this);
}

void MainFrame::on_demo_done(const core::Result<db::ImportResult>& result) {
    // The welcome panel is inside its own handler: replace it once that has returned.
    if (result) {
        CallAfter([this] { switch_to_demo(); });
        return;
    }
    // On first run the panel shows what happened and offers to go on; over the user's own data,
    // the way back is their Today.
    if (m_welcome_first_run) return;
    if (result.error().code != core::ErrorCode::cancelled) show_error(result.error());
    CallAfter([this] {
        if (IsBeingDeleted()) return;
        if (auto r = reload(); !r) show_error(r.error());
    });
}

void MainFrame::switch_to_demo() {
    if (IsBeingDeleted()) return;
    auto opened = db::Database::open(m_options.demo_path);
    if (!opened) return show_error(opened.error());
    if (auto r = show_database(std::move(*opened)); !r) show_error(r.error());
}

void MainFrame::show_welcome(bool first_run) {
    if (m_welcome) return;
    DemoRequest demo;
    demo.path = m_options.demo_path;
    demo.people = m_options.demo_people;
    auto* welcome = new WelcomePanel(
        this, first_run ? std::optional(m_db->path()) : std::nullopt, demo, m_options.clock,
        [this](const core::Result<db::ImportResult>& r) { on_demo_done(r); });
    set_content(welcome);
    m_welcome = welcome;
    m_welcome_first_run = first_run;
    // The first steps, one click each: the same commands as the menus.
    auto command = [this](int id) {
        return [this, id] {
            wxCommandEvent e(wxEVT_MENU, id);
            ProcessWindowEvent(e);
        };
    };
    welcome->add_action(wxString::FromUTF8("Add my identities…"), command(wxID_PREFERENCES));
    welcome->add_action(wxString::FromUTF8("Log a meeting…"), command(kIdQuickLog));
    welcome->add_action(wxString::FromUTF8("Import history…"), command(kIdImport));
}

void MainFrame::set_content(wxWindow* content) {
    wxWindow* old = m_content;
    m_content = content;
    m_workspace = nullptr;
    m_welcome = nullptr;
    GetSizer()->Clear();
    GetSizer()->Add(content, wxSizerFlags(1).Expand());
    // A running demo worker stops here (the panel's destructor cancels and joins it).
    if (old) old->Destroy();
    Layout();
}

void MainFrame::show_error(const core::Error& error) {
    wxMessageBox(ui(error_text(error)), "Kith", wxOK | wxICON_ERROR, this);
}

}  // namespace kith::app
