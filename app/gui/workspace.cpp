#include "app/gui/workspace.h"

#include "app/gui/startup_trace.h"

#include <wx/app.h>
#include <wx/config.h>
#include <wx/listbox.h>
#include <wx/msgdlg.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/textdlg.h>
#include <wx/utils.h>
#include <wx/weakref.h>

#include "app/gui/add_source_dialog.h"
#include "app/gui/circles_panel.h"
#include "app/gui/followers_panel.h"
#include "app/gui/import_dialog.h"
#include "app/gui/launch_options.h"
#include "app/gui/people_panel.h"
#include "app/gui/person_panel.h"
#include "app/gui/quick_log_dialog.h"
#include "app/gui/sources_panel.h"
#include "app/gui/today_panel.h"
#include "app/gui/today_presenter.h"
#include "app/gui/wx_text.h"
#include "app/shared/source_secret.h"
#include "core/when_parser.h"
#include "db/circle_repo.h"
#include "db/database.h"
#include "db/people_list.h"
#include "db/sources_repo.h"
#include "db/today_queries.h"

namespace kith::app {

namespace {

constexpr const char* kViewNames[] = {"Today", "People", "Circles", "Followers → email", "Sources"};

}  // namespace

Workspace::Workspace(wxWindow* parent, db::Database& db, std::shared_ptr<const core::Clock> clock)
    : wxPanel(parent, wxID_ANY), m_db(&db), m_clock(std::move(clock)) {
    m_nav = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(170), -1));
    for (const char* name : kViewNames) m_nav->Append(ui(name));
    m_nav->SetSelection(0);

    m_split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                   wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_split->SetMinimumPaneSize(FromDIP(260));
    m_split->SetSashGravity(0.55);
    m_book = new wxSimplebook(m_split);

    TodayHandlers today;
    today.act = [this](const TodayRow& row, TodayCommand c, std::optional<std::string> until) {
        on_today_command(row, static_cast<int>(c), std::move(until));
    };
    m_today = new TodayPanel(m_book, today);
    m_people =
        new PeoplePanel(m_book, [this](std::int64_t id) { m_person->show_person(*m_db, id); });
    m_book->AddPage(m_today, "Today");
    m_book->AddPage(m_people, "People");
    // Circles, Followers and Sources are built when first shown (circles(), sources(),
    // show_view): none is visible at start, and building them was ~6% of the UI thread's start.

    m_person = new PersonPanel(m_split, m_clock, [this] {
        if (auto r = reload(); !r) report(r.error());
    });
    long sash = FromDIP(620);
    if (auto* config = wxConfigBase::Get()) config->Read("/Main/Sash", &sash, sash);
    m_split->SplitVertically(m_book, m_person, static_cast<int>(sash));
    m_split->Bind(wxEVT_SPLITTER_SASH_POS_CHANGED, [this](wxSplitterEvent& e) {
        e.Skip();
        if (auto* config = wxConfigBase::Get())
            config->Write("/Main/Sash", static_cast<long>(e.GetSashPosition()));
    });

    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(m_nav, wxSizerFlags().Expand());
    sizer->Add(m_split, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    m_nav->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) {
        show_view(static_cast<View>(std::max(0, e.GetSelection())));
    });
}

Workspace::~Workspace() = default;

bool Workspace::loading() const {
    return m_read && m_read->running();
}

void Workspace::reload_in_background(std::function<void(const core::Result<void>&)> done,
                                     std::shared_ptr<SnapshotRead> started) {
    const bool early = started != nullptr;
    m_read =
        early ? std::move(started) : std::make_shared<SnapshotRead>(m_db->path(), m_clock->now());
    m_today->set_rows("Loading…", {});
    wxWeakRef<Workspace> self(this);
    m_read->then([self, early, done](core::Result<WorkspaceSnapshot> snapshot) {
        if (!self) return;
        // The early read opens read-only and may meet a database this start has just
        // upgraded; read again the usual way.
        if (!snapshot && early) {
            wxTheApp->CallAfter([self, done] {
                if (self) self->reload_in_background(done);
            });
            return;
        }
        core::Result<void> shown = snapshot ? self->show_snapshot(std::move(*snapshot))
                                            : core::Result<void>(snapshot.error());
        if (done) done(shown);
    });
}

void Workspace::set_database(db::Database& db) {
    m_db = &db;
    m_person->clear();
}

core::Result<void> Workspace::reload() {
    auto snapshot = read_workspace_snapshot(*m_db, m_clock->now());
    if (!snapshot) return snapshot.error();
    return show_snapshot(std::move(*snapshot));
}

core::Result<void> Workspace::show_snapshot(WorkspaceSnapshot snapshot) {
    m_today->set_rows(snapshot.heading, std::move(snapshot.today));
    startup_mark("today shown");
    if (auto r = m_people->show_loaded(*m_db, std::move(snapshot.people), snapshot.circles,
                                       snapshot.now);
        !r)
        return r;
    startup_mark("people shown");
    m_circle_rows = std::move(snapshot.circles);
    m_source_rows = std::move(snapshot.sources);
    if (m_circles) m_circles->show_loaded(m_circle_rows);
    if (m_sources) m_sources->show_loaded(m_source_rows);
    // The followers list counts every follower's replies, comments and DMs (seconds at 50,000
    // people): it is read when its view is shown, not with every reload.
    m_followers_stale = true;
    m_followers_now = snapshot.now;
    if (m_view == View::followers)
        if (auto r = refresh_followers(); !r) return r;
    if (auto id = m_person->person_id()) m_person->show_person(*m_db, *id);
    return reload_counts();
}

core::Result<void> Workspace::reload_counts() {
    // Everything is loaded already: counting again in the database would cost a scan.
    std::size_t due = 0;
    for (const auto& row : m_today->rows())
        if (row.kind == TodayRowKind::header &&
            (row.rule == core::ReminderRule::owe_reply || row.rule == core::ReminderRule::followup))
            due += row.count;
    const auto& people = m_people->presenter();
    std::size_t followers = 0;
    for (const auto& r : people.all()) followers += r.follows_me ? 1 : 0;
    const std::size_t counts[] = {due, people.all().size(), m_circle_rows.size(), followers,
                                  m_source_rows.size()};
    for (int i = 0; i < 5; ++i)
        m_nav->SetString(static_cast<unsigned>(i),
                         ui(std::string(kViewNames[i]) + "  (" +
                            format_count(static_cast<std::int64_t>(counts[i])) + ")"));
    return {};
}

void Workspace::show_view(View view) {
    m_view = view;
    m_nav->SetSelection(static_cast<int>(view));
    switch (view) {
        case View::today:
            m_book->ChangeSelection(0);
            break;
        case View::people:
            m_book->ChangeSelection(1);
            break;
        case View::followers: {
            // Followers → email: the people who follow me, to find their addresses and ask.
            if (!m_followers) {
                m_followers = new FollowersPanel(m_book);
                m_book->AddPage(m_followers, "Followers");
            }
            show_page(m_followers);
            if (auto r = refresh_followers(); !r) report(r.error());
            break;
        }
        case View::circles:
            show_page(circles());
            break;
        case View::sources:
            show_page(sources());
            break;
    }
}

void Workspace::show_page(wxWindow* page) {
    // Pages are added as they are first shown, so their order in the book varies.
    m_book->ChangeSelection(static_cast<std::size_t>(m_book->FindPage(page)));
}

CirclesPanel* Workspace::circles() {
    if (!m_circles) {
        m_circles = new CirclesPanel(m_book, [this](std::int64_t circle) {
            show_view(View::people);
            m_people->show_circle(circle);
        });
        m_book->AddPage(m_circles, "Circles");
        m_circles->show_loaded(m_circle_rows);
    }
    return m_circles;
}

SourcesPanel* Workspace::sources() {
    if (!m_sources) {
        SourcesHandlers handlers;
        handlers.add = [this] { add_source(); };
        handlers.run = [this](const core::ImportRequest& r) { start_import(r); };
        m_sources = new SourcesPanel(m_book, handlers);
        m_book->AddPage(m_sources, "Sources");
        m_sources->show_loaded(m_source_rows);
    }
    return m_sources;
}

core::Result<void> Workspace::refresh_followers() {
    if (!m_followers_stale || !m_followers) return {};
    wxBusyCursor busy;
    if (auto r = m_followers->show(*m_db, m_followers_now); !r) return r;
    m_followers_stale = false;
    return {};
}

void Workspace::open_person(std::int64_t person_id) {
    m_person->show_person(*m_db, person_id);
    m_people->select_person(person_id);
}

void Workspace::focus_search() {
    show_view(View::people);
    m_people->search_box()->SetFocus();
    m_people->search_box()->SelectAll();
}

bool Workspace::quick_log(const std::string& people) {
    QuickLogDialog dialog(this, *m_db, m_clock, people);
    if (dialog.ShowModal() != wxID_OK) return false;
    if (auto r = reload(); !r) report(r.error());
    return true;
}

void Workspace::add_source() {
    AddSourceDialog dialog(this);
    if (dialog.ShowModal() != wxID_OK) return;
    const auto request = dialog.request();
    if (request.kind.empty() || request.location.empty()) return;
    start_import(request);
}

ImportDialog* Workspace::start_import(core::ImportRequest request) {
    if (auto secret = fill_secret(request, false, {}); !secret) {
        const auto& why = secret.error();
        if (why.code != core::ErrorCode::io && why.code != core::ErrorCode::not_found) {
            report(why);
            return nullptr;
        }
        // No keyring, or the user chose not to keep the secret: asked for this run only.
        auto asked = fill_secret(request, true, [&](const std::string& what) {
            wxPasswordEntryDialog ask(
                this,
                ui(why.message + ".\n\n" + what + " (for this import only; it is not stored):"),
                "Kith");
            return ask.ShowModal() == wxID_OK ? std::optional(ask.GetValue().utf8_string())
                                              : std::nullopt;
        });
        if (!asked) {
            report(asked.error());
            return nullptr;
        }
    }
    wxWeakRef<Workspace> self(this);
    auto* dialog = new ImportDialog(this, m_db->path(), request, m_clock->now(), [self] {
        if (!self) return;
        if (auto r = self->reload(); !r) self->report(r.error());
    });
    dialog->Show();
    return dialog;
}

void Workspace::on_today_command(const TodayRow& row, int command,
                                 std::optional<std::string> until) {
    const auto now = m_clock->now();
    switch (static_cast<TodayCommand>(command)) {
        case TodayCommand::open_person:
            if (row.person_id) open_person(row.person_id);
            return;
        case TodayCommand::open_original:
            if (!row.url.empty()) wxLaunchDefaultBrowser(ui(row.url));
            return;
        case TodayCommand::done:
        case TodayCommand::dismiss:
        case TodayCommand::snooze:
            break;
    }
    db::TodayAction action = db::TodayAction::done;
    std::optional<core::TimePoint> until_time;
    if (static_cast<TodayCommand>(command) == TodayCommand::dismiss)
        action = db::TodayAction::dismiss;
    if (static_cast<TodayCommand>(command) == TodayCommand::snooze) {
        action = db::TodayAction::snooze;
        auto t = core::parse_when(until.value_or("tomorrow"), now, local_utc_offset(now),
                                  core::WhenBias::future);
        if (!t) return report(t.error());
        until_time = *t;
    }
    if (auto r = db::act_on_today_item(*m_db, row.item_id, action, until_time, now); !r)
        return report(r.error());
    if (auto r = reload(); !r) report(r.error());
}

void Workspace::report(const core::Error& error) {
    wxMessageBox(ui(error_text(error)), "Kith", wxOK | wxICON_ERROR, this);
}

}  // namespace kith::app
