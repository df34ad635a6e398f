#include "app/gui/welcome_panel.h"

#include <algorithm>
#include <atomic>
#include <utility>

#include <wx/app.h>
#include <wx/button.h>
#include <wx/dcclient.h>
#include <wx/gauge.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/weakref.h>

#include "app/gui/launch_options.h"
#include "app/gui/throttled_progress.h"
#include "app/gui/today_presenter.h"
#include "app/gui/wx_text.h"

namespace kith::app {

/// What the worker shares with the UI thread. `panel` is read and reset on the UI thread only
/// (wxWeakRef is not thread-safe); the worker only copies the shared_ptr and reads `cancel`.
struct WelcomePanel::Job {
    wxWeakRef<WelcomePanel> panel;
    std::atomic<bool> cancel{false};
};

namespace {

// Runs `fn` on the UI thread if the panel still exists. Posted through the application object, so
// the worker never touches the panel, not even to post to it.
template <class Fn>
void post_to_panel(const std::shared_ptr<WelcomePanel::Job>& job, Fn fn) {
    wxTheApp->CallAfter([job, fn]() mutable {
        if (WelcomePanel* panel = job->panel.get()) fn(*panel);
    });
}

// Commands the user can copy: read-only text that looks like a label in a fixed-width font. A
// command wider than `width` is broken into shell continuation lines, so it still pastes whole.
wxTextCtrl* command_text(wxWindow* parent, const std::string& text, int width) {
    wxFont mono(wxFontInfo(parent->GetFont().GetPointSize()).Family(wxFONTFAMILY_TELETYPE));
    wxClientDC dc(parent);
    dc.SetFont(mono);
    const wxSize cell = dc.GetTextExtent("M");
    const auto columns = static_cast<std::size_t>(std::max(20, width / std::max(1, cell.x) - 1));
    const std::string wrapped = wrap_command(text, columns);
    const int lines = 1 + static_cast<int>(std::count(wrapped.begin(), wrapped.end(), '\n'));
    long style = wxTE_READONLY | wxBORDER_NONE;
    if (lines > 1) style |= wxTE_MULTILINE | wxTE_DONTWRAP | wxTE_NO_VSCROLL;
    auto* t =
        new wxTextCtrl(parent, wxID_ANY, ui(wrapped), wxDefaultPosition, wxDefaultSize, style);
    t->SetFont(mono);
    t->SetBackgroundColour(parent->GetBackgroundColour());
    if (lines > 1) t->SetMinSize(wxSize(-1, lines * cell.y + parent->FromDIP(8)));
    return t;
}

}  // namespace

wxButton* WelcomePanel::add_action(const wxString& label, std::function<void()> action) {
    if (!m_actions) return nullptr;
    auto* button = new wxButton(this, wxID_ANY, label);
    button->Bind(wxEVT_BUTTON, [action = std::move(action)](wxCommandEvent&) { action(); });
    m_actions->Add(button, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    Layout();
    return button;
}

WelcomePanel::WelcomePanel(wxWindow* parent,
                           const std::optional<std::filesystem::path>& empty_database,
                           DemoRequest demo, std::shared_ptr<const core::Clock> clock,
                           DoneHandler on_done)
    : wxPanel(parent, wxID_ANY),
      m_demo(std::move(demo)),
      m_clock(std::move(clock)),
      m_on_done(std::move(on_done)) {
    const int wrap = FromDIP(620);
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto paragraph = [&](const std::string& text, int gap_after = 8) {
        auto* t = new wxStaticText(this, wxID_ANY, ui(text));
        t->Wrap(wrap);
        column->Add(t, wxSizerFlags().Border(wxBOTTOM, FromDIP(gap_after)));
        return t;
    };
    auto title = [&](const std::string& text) {
        auto* t = new wxStaticText(this, wxID_ANY, ui(text));
        t->SetFont(t->GetFont().Scaled(1.8f).Bold());
        column->Add(t, wxSizerFlags().Border(wxBOTTOM, FromDIP(14)));
    };

    if (empty_database) {
        const std::filesystem::path& database = *empty_database;
        title("Welcome to Kith");
        paragraph(
            "Kith is your personal CRM. Every day it answers three questions: who is waiting for "
            "your reply, who you are losing touch with, and what you promised whom, across "
            "email, Twitter/X, Mastodon, blogs and real-life meetings.",
            10);
        paragraph("Everything stays in one file on this computer. Yours is still empty:", 2);
        column->Add(command_text(this, shell_quote(database.string()), wrap),
                    wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(16)));

        auto* next = new wxStaticText(this, wxID_ANY, "What to do next");
        next->SetFont(next->GetFont().Bold());
        column->Add(next, wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
        m_actions = new wxBoxSizer(wxHORIZONTAL);
        column->Add(m_actions, wxSizerFlags().Border(wxBOTTOM, FromDIP(12)));
        paragraph("Or from a terminal, for scripts and cron:", 6);
        paragraph("Log a meeting right after it happens, with what you promised:", 2);
        column->Add(command_text(this,
                                 cli_command(database,
                                             "log \"Ana Ruiz\" --notes \"grant writing\" "
                                             "--follow-up \"send the report\" --due fri --yes"),
                                 wrap),
                    wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(10)));
        paragraph("Import your history from mail, social networks and your blog:", 2);
        column->Add(command_text(this, cli_command(database, "import --help"), wrap),
                    wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(10)));
        paragraph("Or look around first: Kith can make up " + std::to_string(m_demo.people) +
                      " people with a few years of history, in a separate demo file. Your own "
                      "database stays untouched.",
                  12);
    } else {
        title("Demo data");
        paragraph("Kith makes up " + std::to_string(m_demo.people) +
                      " people with a few years of history, in a separate demo file:",
                  2);
        column->Add(command_text(this, shell_quote(m_demo.path.string()), wrap),
                    wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(10)));
        paragraph("Your own database stays untouched.", 12);
    }

    m_demo_button = new wxButton(this, wxID_ANY, "Explore with demo data");
    m_demo_button->SetDefault();
    column->Add(m_demo_button, wxSizerFlags().Border(wxBOTTOM, FromDIP(10)));

    auto* progress_row = new wxBoxSizer(wxHORIZONTAL);
    m_gauge = new wxGauge(this, wxID_ANY, std::max(1, m_demo.people), wxDefaultPosition,
                          FromDIP(wxSize(360, -1)));
    m_cancel_button = new wxButton(this, wxID_CANCEL, "Cancel");
    progress_row->Add(m_gauge, wxSizerFlags(1).CentreVertical().Border(wxRIGHT, FromDIP(8)));
    progress_row->Add(m_cancel_button, wxSizerFlags().CentreVertical());
    column->Add(progress_row, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(6)));
    m_status = new wxStaticText(this, wxID_ANY, wxString());
    column->Add(m_status, wxSizerFlags().Expand());
    m_gauge->Hide();
    m_cancel_button->Hide();

    // The text keeps a readable line length and sits in the middle of a large window.
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->AddStretchSpacer(1);
    outer->Add(column, wxSizerFlags().CentreHorizontal().Border(wxALL, FromDIP(24)));
    outer->AddStretchSpacer(2);
    SetSizer(outer);

    // The button, not the first copyable command, takes the keyboard once the panel is shown.
    CallAfter([this] { m_demo_button->SetFocus(); });

    m_demo_button->Bind(wxEVT_BUTTON, &WelcomePanel::OnExploreDemo, this);
    m_cancel_button->Bind(wxEVT_BUTTON, &WelcomePanel::OnCancel, this);
}

WelcomePanel::~WelcomePanel() {
    if (m_worker.joinable()) {
        m_job->cancel.store(true);
        m_worker.join();
    }
}

void WelcomePanel::OnExploreDemo(wxCommandEvent&) {
    start_demo();
}

void WelcomePanel::OnCancel(wxCommandEvent&) {
    cancel_demo();
}

void WelcomePanel::start_demo() {
    if (m_worker.joinable()) return;
    auto job = std::make_shared<Job>();
    job->panel = this;
    m_job = job;
    DemoRequest request = m_demo;
    request.now = m_clock->now();

    m_demo_button->Disable();
    m_gauge->SetRange(std::max(1, request.people));
    m_gauge->SetValue(0);
    m_gauge->Show();
    m_cancel_button->Enable();
    m_cancel_button->Show();
    set_status("Making up " + std::to_string(request.people) + " people…");
    Layout();

    m_worker = std::thread([job, request] {
        ThrottledProgress progress(
            [job](std::uint64_t done, std::uint64_t total, std::string) {
                post_to_panel(job, [done, total](WelcomePanel& p) { p.on_progress(done, total); });
            },
            std::shared_ptr<const std::atomic<bool>>(job, &job->cancel));
        auto result = generate_demo(request, progress);
        post_to_panel(job, [result](WelcomePanel& p) { p.on_finished(result); });
    });
}

void WelcomePanel::cancel_demo() {
    if (!m_worker.joinable()) return;
    m_job->cancel.store(true);
    m_cancel_button->Disable();
    set_status("Stopping…");
}

void WelcomePanel::on_progress(std::uint64_t done, std::uint64_t total) {
    if (!m_worker.joinable() || m_job->cancel.load()) return;
    if (total > 0 && static_cast<int>(total) != m_gauge->GetRange())
        m_gauge->SetRange(static_cast<int>(total));
    m_gauge->SetValue(static_cast<int>(std::min<std::uint64_t>(done, total ? total : done)));
    set_status("Making up people… " + format_count(static_cast<std::int64_t>(done)) + " of " +
               format_count(static_cast<std::int64_t>(total)));
}

void WelcomePanel::on_finished(const core::Result<db::ImportResult>& result) {
    // The worker posted this as its last act, so the join returns at once.
    if (m_worker.joinable()) m_worker.join();
    m_job.reset();
    m_cancel_button->Hide();
    m_demo_button->Enable();
    if (result) {
        m_gauge->SetValue(m_gauge->GetRange());
        set_status("Demo data is ready.");
    } else {
        m_gauge->Hide();
        if (result.error().code == core::ErrorCode::cancelled)
            set_status("Stopped. Click the button again to finish the demo data.");
        else
            set_status(error_text(result.error()), true);
    }
    Layout();
    if (m_on_done) m_on_done(result);
}

void WelcomePanel::set_status(const std::string& text, bool error) {
    m_status->SetForegroundColour(error ? wxColour(0xB0, 0x1C, 0x1C)
                                        : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    m_status->SetLabel(ui(text));
    m_status->Wrap(FromDIP(620));
}

}  // namespace kith::app
