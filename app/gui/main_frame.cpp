#include "app/gui/main_frame.h"

#include <wx/aboutdlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>

#include "app/gui/launch_options.h"
#include "app/gui/today_panel.h"
#include "app/gui/today_presenter.h"
#include "app/gui/welcome_panel.h"
#include "db/database.h"
#include "db/stats_repo.h"

#ifndef KITH_VERSION
#define KITH_VERSION "dev"
#endif

namespace kith::app {

namespace {

const int kIdOpenDemo = wxWindow::NewControlId();

wxString ui(const std::string& s) {
    return wxString::FromUTF8(s.data(), s.size());
}

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ec;
    return std::filesystem::equivalent(a, b, ec);
}

}  // namespace

MainFrame::MainFrame(std::unique_ptr<db::Database> database, MainFrameOptions options)
    : wxFrame(nullptr, wxID_ANY, "Kith", wxDefaultPosition, wxSize(1100, 720)),
      m_db(std::move(database)),
      m_options(std::move(options)) {
    SetMinSize(FromDIP(wxSize(640, 420)));

    auto* file = new wxMenu;
    file->Append(kIdOpenDemo, "Open &Demo Data",
                 "Show made-up people from the separate demo file; your own data stays as it is");
    file->AppendSeparator();
    file->Append(wxID_EXIT, "&Quit\tCtrl+Q", "Quit Kith");
    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, "&About Kith", "What Kith is and which version this is");
    auto* bar = new wxMenuBar;
    bar->Append(file, "&File");
    bar->Append(help, "&Help");
    SetMenuBar(bar);

    CreateStatusBar(2);
    const int widths[] = {-3, -2};
    SetStatusWidths(2, widths);

    SetSizer(new wxBoxSizer(wxVERTICAL));

    Bind(wxEVT_MENU, &MainFrame::OnOpenDemo, this, kIdOpenDemo);
    Bind(wxEVT_MENU, &MainFrame::OnQuit, this, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::OnAbout, this, wxID_ABOUT);

    if (auto r = reload(); !r) show_error(r.error());
}

MainFrame::~MainFrame() = default;

core::Result<void> MainFrame::show_database(std::unique_ptr<db::Database> database) {
    m_db = std::move(database);
    return reload();
}

core::Result<void> MainFrame::reload() {
    auto stats = db::load_stats(*m_db);
    if (!stats) return stats.error();
    auto marked = is_demo_database(*m_db);
    if (!marked) return marked.error();
    m_demo = *marked || same_file(m_db->path(), m_options.demo_path);
    SetStatusText(ui(location_text(m_db->path(), m_demo)), 0);
    SetStatusText(ui(counts_text(stats->people, stats->interactions)), 1);

    if (stats->people == 0) {
        show_welcome(true);
        return {};
    }
    const core::TimePoint now = m_options.clock->now();
    const auto offset = local_utc_offset(now);
    auto rows = load_today_rows(*m_db, now, offset);
    if (!rows) return rows.error();
    if (!m_today) {
        auto* today = new TodayPanel(this);
        set_content(today);
        m_today = today;
    }
    m_today->set_rows(today_heading(now, offset), std::move(*rows));
    return {};
}

void MainFrame::open_demo_data() {
    // A generation already on its way ends in the demo file by itself.
    if (m_welcome && m_welcome->demo_running()) return;
    if (m_demo && m_today) {
        // Already showing demo data: read it again, nothing to make.
        if (auto r = reload(); !r) show_error(r.error());
        return;
    }
    if (!m_demo) {
        auto opened = db::Database::open(m_options.demo_path);
        if (!opened) return show_error(opened.error());
        auto stats = db::load_stats(**opened);
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
}

void MainFrame::set_content(wxWindow* content) {
    wxWindow* old = m_content;
    m_content = content;
    m_today = nullptr;
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
