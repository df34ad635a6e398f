#include "app/gui/person_panel.h"

#include <utility>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/utils.h>

#include "app/gui/launch_options.h"
#include "app/gui/sparkline.h"
#include "app/gui/today_presenter.h"
#include "app/gui/wx_text.h"
#include "core/identity_normalizer.h"
#include "core/when_parser.h"
#include "db/followup_repo.h"
#include "db/identity_repo.h"
#include "db/people_repo.h"

namespace kith::app {

namespace {

constexpr core::Channel kChannels[] = {
    core::Channel::email,     core::Channel::twitter, core::Channel::mastodon, core::Channel::blog,
    core::Channel::in_person, core::Channel::call,    core::Channel::other};

/// Lays out a tab page as a list with two buttons stacked on its right; returns the buttons.
std::pair<wxButton*, wxButton*> lay_out_list_page(wxPanel* page, wxWindow* list,
                                                  const wxString& first, const wxString& second) {
    const int gap = page->FromDIP(4);
    auto* a = new wxButton(page, wxID_ANY, first);
    auto* b = new wxButton(page, wxID_ANY, second);
    auto* buttons = new wxBoxSizer(wxVERTICAL);
    buttons->Add(a, wxSizerFlags().Expand());
    buttons->Add(b, wxSizerFlags().Expand().Border(wxTOP, gap));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(list, wxSizerFlags(1).Expand().Border(wxALL, gap));
    row->Add(buttons, wxSizerFlags().Border(wxALL, gap));
    page->SetSizer(row);
    page->Layout();
    return {a, b};
}
}  // namespace

/// The timeline: a virtual list over the rows loaded so far; reaching the last rows asks the
/// panel for the next page, so a person with 10,000 interactions opens as fast as one with ten.
class TimelineListCtrl : public wxListCtrl {
  public:
    TimelineListCtrl(wxWindow* parent, PersonPanel& panel, const std::vector<TimelineRow>& rows)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxBORDER_THEME),
          m_panel(panel),
          m_rows(rows) {}

  protected:
    wxString OnGetItemText(long item, long column) const override {
        if (item < 0 || static_cast<std::size_t>(item) >= m_rows.size()) return {};
        if (static_cast<std::size_t>(item) + 10 >= m_rows.size() && !m_more_pending) {
            // Painting must not change the list under wx's feet: fetch after this paint.
            m_more_pending = true;
            const_cast<TimelineListCtrl*>(this)->CallAfter([this] {
                m_panel.load_more_timeline();
                m_more_pending = false;
            });
        }
        const auto& r = m_rows[static_cast<std::size_t>(item)];
        switch (column) {
            case 0:
                return ui(r.when);
            case 1:
                return ui(r.channel);
            case 2:
                return ui(r.direction);
            default:
                return ui(r.text);
        }
    }

  private:
    PersonPanel& m_panel;
    const std::vector<TimelineRow>& m_rows;
    mutable bool m_more_pending = false;
};

PersonPanel::PersonPanel(wxWindow* parent, std::shared_ptr<const core::Clock> clock,
                         std::function<void()> on_changed)
    : wxPanel(parent, wxID_ANY), m_clock(std::move(clock)), m_on_changed(std::move(on_changed)) {
    m_name = new wxStaticText(this, wxID_ANY, "Choose someone to see their page");
    m_name->SetFont(m_name->GetFont().Scaled(1.4f).Bold());
    m_strength = new wxStaticText(this, wxID_ANY, wxString());
    m_sparkline = new Sparkline(this);
    m_sparkline->SetToolTip("Meaningful contact per month, the last twelve months");
    m_facts = new wxStaticText(this, wxID_ANY, wxString());

    m_tabs = new wxNotebook(this, wxID_ANY);

    auto* timeline_page = new wxPanel(m_tabs);
    m_channel = new wxChoice(timeline_page, wxID_ANY);
    m_channel->Append("All channels");
    for (const auto c : kChannels) m_channel->Append(ui(std::string(channel_label(c))));
    m_channel->SetSelection(0);
    auto* open_original = new wxButton(timeline_page, wxID_ANY, "&Open original");
    m_timeline = new TimelineListCtrl(timeline_page, *this, m_rows);
    m_timeline->AppendColumn("When", wxLIST_FORMAT_LEFT, FromDIP(130));
    m_timeline->AppendColumn("Channel", wxLIST_FORMAT_LEFT, FromDIP(80));
    m_timeline->AppendColumn("", wxLIST_FORMAT_LEFT, FromDIP(60));
    m_timeline->AppendColumn("What", wxLIST_FORMAT_LEFT, FromDIP(420));
    auto* tl_bar = new wxBoxSizer(wxHORIZONTAL);
    tl_bar->Add(m_channel, wxSizerFlags().CentreVertical());
    tl_bar->AddStretchSpacer();
    tl_bar->Add(open_original, wxSizerFlags().CentreVertical());
    auto* tl = new wxBoxSizer(wxVERTICAL);
    tl->Add(tl_bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(4)));
    tl->Add(m_timeline, wxSizerFlags(1).Expand());
    timeline_page->SetSizer(tl);
    m_tabs->AddPage(timeline_page, "Timeline");

    // Identities, Follow-ups and Notes get their controls when first shown (or asked for): a
    // page nobody opened costs nothing at start-up (they were a third of this panel's start).
    for (const char* tab : {"Identities", "Follow-ups", "Notes"})
        m_tabs->AddPage(new wxPanel(m_tabs), tab);
    m_tabs->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        e.Skip();
        switch (e.GetSelection()) {
            case kIdentitiesTab:
                identity_list();
                break;
            case kFollowUpsTab:
                followup_list();
                break;
            case kNotesTab:
                notes_box();
                break;
            default:
                break;
        }
    });

    auto* head = new wxBoxSizer(wxHORIZONTAL);
    head->Add(m_strength, wxSizerFlags().CentreVertical());
    head->Add(m_sparkline, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(10)));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_name, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(10)));
    sizer->Add(head, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(10)));
    sizer->Add(m_facts, wxSizerFlags().Border(wxALL, FromDIP(10)));
    sizer->Add(m_tabs, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    SetSizer(sizer);

    m_channel->Bind(wxEVT_CHOICE, &PersonPanel::OnChannel, this);
    open_original->Bind(wxEVT_BUTTON, &PersonPanel::OnOpenOriginal, this);
    m_timeline->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        wxCommandEvent e;
        OnOpenOriginal(e);
    });
    clear();
}

wxListBox* PersonPanel::identity_list() {
    if (m_identities) return m_identities;
    auto* id_page = static_cast<wxPanel*>(m_tabs->GetPage(kIdentitiesTab));
    m_identities = new wxListBox(id_page, wxID_ANY);
    auto [add_id, remove_id] =
        lay_out_list_page(id_page, m_identities, wxString::FromUTF8("&Add…"), "&Remove");
    add_id->Bind(wxEVT_BUTTON, &PersonPanel::OnAddIdentity, this);
    remove_id->Bind(wxEVT_BUTTON, &PersonPanel::OnRemoveIdentity, this);
    fill_identities();
    return m_identities;
}

wxListCtrl* PersonPanel::followup_list() {
    if (m_followups) return m_followups;
    auto* fu_page = static_cast<wxPanel*>(m_tabs->GetPage(kFollowUpsTab));
    m_followups = new wxListCtrl(fu_page, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                 wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    m_followups->AppendColumn("Follow-up", wxLIST_FORMAT_LEFT, FromDIP(320));
    m_followups->AppendColumn("Due", wxLIST_FORMAT_LEFT, FromDIP(130));
    auto [add_fu, done_fu] =
        lay_out_list_page(fu_page, m_followups, wxString::FromUTF8("A&dd…"), "Do&ne");
    add_fu->Bind(wxEVT_BUTTON, &PersonPanel::OnAddFollowUp, this);
    done_fu->Bind(wxEVT_BUTTON, &PersonPanel::OnFollowUpDone, this);
    fill_followups();
    return m_followups;
}

wxTextCtrl* PersonPanel::notes_box() {
    if (m_notes) return m_notes;
    auto* notes_page = static_cast<wxPanel*>(m_tabs->GetPage(kNotesTab));
    m_notes = new wxTextCtrl(notes_page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                             wxTE_MULTILINE);
    auto* save_notes_button = new wxButton(notes_page, wxID_ANY, "&Save notes");
    auto* notes = new wxBoxSizer(wxVERTICAL);
    notes->Add(m_notes, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(4)));
    notes->Add(save_notes_button, wxSizerFlags().Right().Border(wxALL, FromDIP(4)));
    notes_page->SetSizer(notes);
    notes_page->Layout();
    save_notes_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto r = save_notes(); !r) report(r.error());
    });
    m_notes->ChangeValue(m_shown ? ui(m_page.notes) : wxString());
    return m_notes;
}

PersonPanel::~PersonPanel() = default;

wxListCtrl* PersonPanel::timeline_list() const {
    return m_timeline;
}

std::optional<std::int64_t> PersonPanel::person_id() const {
    return m_shown ? std::optional(m_page.id) : std::nullopt;
}

std::chrono::seconds PersonPanel::utc_offset() const {
    return local_utc_offset(m_clock->now());
}

void PersonPanel::clear() {
    m_shown = false;
    m_page = {};
    m_entries.clear();
    m_rows.clear();
    m_name->SetLabel("Choose someone to see their page");
    m_strength->SetLabel(wxString());
    m_facts->SetLabel(wxString());
    m_sparkline->set_values({});
    m_tabs->Enable(false);
    m_timeline->SetItemCount(0);
    if (m_identities) m_identities->Clear();
    if (m_followups) m_followups->DeleteAllItems();
    if (m_notes) m_notes->ChangeValue(wxString());
    Layout();
}

void PersonPanel::show_person(db::Database& db, std::int64_t person_id) {
    const bool same = m_shown && m_page.id == person_id && m_db == &db;
    m_db = &db;
    auto page = load_person_page(db, person_id, m_clock->now(), utc_offset());
    if (!page) {
        clear();
        m_name->SetLabel(ui(error_text(page.error())));
        return;
    }
    m_page = std::move(*page);
    m_shown = true;
    if (!same) {
        m_channel_filter.reset();
        m_channel->SetSelection(0);
    }
    fill();
    reload_timeline();
}

void PersonPanel::reload() {
    if (m_shown && m_db) show_person(*m_db, m_page.id);
}

void PersonPanel::fill() {
    m_tabs->Enable(true);
    m_name->SetLabel(ui(m_page.name + (m_page.archived ? "  (archived)" : "")));
    m_strength->SetLabel(ui("Strength " + std::to_string(m_page.strength)));
    m_strength->SetToolTip(ui(m_page.strength_why));
    m_sparkline->set_values(m_page.monthly);
    m_facts->SetLabel(ui("Cadence " + m_page.cadence + "\n" + m_page.last_contact +
                         "\nCircles: " + m_page.circles));
    fill_identities();
    fill_followups();
    if (m_notes && !m_notes->IsModified()) m_notes->ChangeValue(ui(m_page.notes));
    Layout();
}

void PersonPanel::fill_identities() {
    if (!m_identities) return;  // built with the page, filled then
    m_identities->Clear();
    if (!m_shown) return;
    for (const auto& line : m_page.identities) m_identities->Append(ui(line.text));
}

void PersonPanel::fill_followups() {
    if (!m_followups) return;  // built with the page, filled then
    m_followups->DeleteAllItems();
    if (!m_shown) return;
    for (std::size_t i = 0; i < m_page.followups.size(); ++i) {
        const auto& f = m_page.followups[i];
        const long at = m_followups->InsertItem(static_cast<long>(i), ui(f.text));
        m_followups->SetItem(at, 1, ui(f.due));
        if (f.done)
            m_followups->SetItemTextColour(at, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    }
}

void PersonPanel::reload_timeline() {
    m_entries.clear();
    m_rows.clear();
    m_timeline_complete = false;
    m_timeline->SetItemCount(0);
    load_more_timeline();
}

int PersonPanel::load_more_timeline() {
    if (!m_shown || !m_db || m_timeline_complete) return 0;
    std::optional<core::TimePoint> before;
    if (!m_entries.empty()) before = m_entries.back().at;
    auto page =
        db::TimelineRepo(*m_db).for_person(m_page.id, m_channel_filter, kTimelinePage, before);
    if (!page) {
        m_timeline_complete = true;
        report(page.error());
        return 0;
    }
    if (static_cast<int>(page->size()) < kTimelinePage) m_timeline_complete = true;
    const auto offset = utc_offset();
    for (auto& e : *page) {
        m_rows.push_back(present_timeline_entry(e, offset));
        m_entries.push_back(std::move(e));
    }
    m_timeline->SetItemCount(static_cast<long>(m_rows.size()));
    m_timeline->Refresh();
    return static_cast<int>(page->size());
}

void PersonPanel::filter_timeline(std::optional<core::Channel> channel) {
    m_channel_filter = channel;
    int selection = 0;
    for (std::size_t i = 0; i < std::size(kChannels); ++i)
        if (channel && kChannels[i] == *channel) selection = static_cast<int>(i) + 1;
    m_channel->SetSelection(selection);
    reload_timeline();
}

void PersonPanel::OnChannel(wxCommandEvent&) {
    const int s = m_channel->GetSelection();
    filter_timeline(s <= 0 ? std::nullopt : std::optional(kChannels[s - 1]));
}

void PersonPanel::OnOpenOriginal(wxCommandEvent&) {
    const long i = m_timeline->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (i < 0 || static_cast<std::size_t>(i) >= m_entries.size()) return;
    const auto& e = m_entries[static_cast<std::size_t>(i)];
    if (e.url.empty()) {
        wxMessageBox("This interaction has no link to an original.", "Kith",
                     wxOK | wxICON_INFORMATION, this);
        return;
    }
    wxLaunchDefaultBrowser(ui(e.url));
}

core::Result<void> PersonPanel::add_identity(const std::string& text) {
    if (!m_shown || !m_db)
        return core::make_error(core::ErrorCode::invalid_input, "no person shown");
    auto id = core::parse_identity(text);
    if (!id) return id.error();
    auto added = db::IdentityRepo(*m_db).add(m_page.id, *id, m_clock->now());
    if (!added) return added.error();
    edited();
    return {};
}

core::Result<void> PersonPanel::remove_identity(std::size_t index) {
    if (!m_shown || !m_db || index >= m_page.identities.size())
        return core::make_error(core::ErrorCode::invalid_input, "choose an identity first");
    if (auto r = db::IdentityRepo(*m_db).remove(m_page.id, m_page.identities[index].identity); !r)
        return r;
    edited();
    return {};
}

core::Result<void> PersonPanel::add_followup(const std::string& text, core::TimePoint due) {
    if (!m_shown || !m_db)
        return core::make_error(core::ErrorCode::invalid_input, "no person shown");
    db::NewFollowUp f;
    f.text = text;
    f.due = due;
    f.person_ids = {m_page.id};
    auto added = db::FollowUpRepo(*m_db).add(f, m_clock->now());
    if (!added) return added.error();
    edited();
    return {};
}

core::Result<void> PersonPanel::complete_followup(std::int64_t followup_id) {
    if (!m_db) return core::make_error(core::ErrorCode::invalid_input, "no person shown");
    if (auto r = db::FollowUpRepo(*m_db).mark_done(followup_id, m_clock->now()); !r) return r;
    edited();
    return {};
}

core::Result<void> PersonPanel::save_notes() {
    if (!m_shown || !m_db)
        return core::make_error(core::ErrorCode::invalid_input, "no person shown");
    auto* box = notes_box();
    if (auto r = db::PeopleRepo(*m_db).set_notes(m_page.id, box->GetValue().utf8_string(),
                                                 m_clock->now());
        !r)
        return r;
    box->DiscardEdits();
    edited();
    return {};
}

void PersonPanel::OnAddIdentity(wxCommandEvent&) {
    wxTextEntryDialog dialog(
        this, "An email address, @handle, @user@instance, web address or phone:", "Add identity");
    if (dialog.ShowModal() != wxID_OK) return;
    if (auto r = add_identity(dialog.GetValue().utf8_string()); !r) report(r.error());
}

void PersonPanel::OnRemoveIdentity(wxCommandEvent&) {
    const int i = identity_list()->GetSelection();
    if (i == wxNOT_FOUND) return;
    if (auto r = remove_identity(static_cast<std::size_t>(i)); !r) report(r.error());
}

void PersonPanel::OnAddFollowUp(wxCommandEvent&) {
    wxTextEntryDialog what(this, "What did you promise?", "Add follow-up");
    if (what.ShowModal() != wxID_OK || what.GetValue().IsEmpty()) return;
    wxTextEntryDialog when(this, "Due when? (today, tomorrow, fri, +3d, next week, 2026-12-01)",
                           "Add follow-up", "tomorrow");
    if (when.ShowModal() != wxID_OK) return;
    const auto now = m_clock->now();
    auto due =
        core::parse_when(when.GetValue().utf8_string(), now, utc_offset(), core::WhenBias::future);
    if (!due) return report(due.error());
    if (auto r = add_followup(what.GetValue().utf8_string(), *due); !r) report(r.error());
}

void PersonPanel::OnFollowUpDone(wxCommandEvent&) {
    const long i = followup_list()->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (i < 0 || static_cast<std::size_t>(i) >= m_page.followups.size()) return;
    if (auto r = complete_followup(m_page.followups[static_cast<std::size_t>(i)].id); !r)
        report(r.error());
}

void PersonPanel::report(const core::Error& error) {
    wxMessageBox(ui(error_text(error)), "Kith", wxOK | wxICON_ERROR, this);
}

void PersonPanel::edited() {
    reload();
    if (m_on_changed) m_on_changed();
}

}  // namespace kith::app
