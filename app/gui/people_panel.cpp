#include "app/gui/people_panel.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include "app/gui/wx_text.h"
#include "db/circle_repo.h"
#include "db/people_list.h"

namespace kith::app {

namespace {

constexpr PeopleColumn kColumns[] = {PeopleColumn::name, PeopleColumn::channels,
                                     PeopleColumn::last_contact, PeopleColumn::strength,
                                     PeopleColumn::next_due};
constexpr int kColumnCount = 5;
constexpr int kSearchLimit = 500;

// The filter choice's entries, in order.
enum FilterEntry {
    kEveryone,
    kNeedsAttention,
    kHasEmail,
    kFollowers,
    kOnEmail,
    kOnTwitter,
    kOnMastodon,
    kOnBlog
};

}  // namespace

/// The virtual list: rows are drawn from the presenter on demand, so 50,000 people cost nothing
/// until they scroll into view.
class PeopleListCtrl : public wxListCtrl {
  public:
    PeopleListCtrl(wxWindow* parent, const PeoplePresenter& presenter)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxBORDER_THEME),
          m_presenter(presenter) {}

  protected:
    wxString OnGetItemText(long item, long column) const override {
        if (item < 0 || static_cast<std::size_t>(item) >= m_presenter.size() || column < 0 ||
            column >= kColumnCount)
            return {};
        return ui(m_presenter.cell(static_cast<std::size_t>(item), kColumns[column]));
    }

  private:
    const PeoplePresenter& m_presenter;
};

PeoplePanel::PeoplePanel(wxWindow* parent, std::function<void(std::int64_t)> on_select)
    : wxPanel(parent, wxID_ANY), m_on_select(std::move(on_select)), m_search_timer(this) {
    m_search = new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                                wxSize(FromDIP(260), -1), wxTE_PROCESS_ENTER);
    m_search->SetDescriptiveText("Search names, notes, emails, handles");
    m_search->ShowCancelButton(true);
    m_filter = new wxChoice(this, wxID_ANY);
    for (const char* label : {"Everyone", "Needs attention", "Has an email address", "Follows me",
                              "On email", "On X", "On Mastodon", "On a blog"})
        m_filter->Append(label);
    m_filter->SetSelection(kEveryone);
    m_circle = new wxChoice(this, wxID_ANY);
    m_circle->Append("All circles");
    m_circle->SetSelection(0);
    m_bulk = new wxCheckBox(this, wxID_ANY, "Show bulk senders");
    m_bulk->SetToolTip(
        "People you only ever got newsletters, automated mail or likes from are hidden");

    m_list = new PeopleListCtrl(this, m_presenter);
    const char* titles[kColumnCount] = {"Name", "Channels", "Last contact", "Strength", "Next due"};
    const int widths[kColumnCount] = {220, 170, 110, 70, 110};
    auto* config = wxConfigBase::Get();
    for (int c = 0; c < kColumnCount; ++c) {
        long width = FromDIP(widths[c]);
        if (config) config->Read(wxString::Format("/People/Column%d", c), &width, width);
        m_list->AppendColumn(titles[c], c == 3 ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT,
                             static_cast<int>(width));
    }
    m_summary = new wxStaticText(this, wxID_ANY, wxString());

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(m_search, wxSizerFlags(1).CentreVertical());
    bar->Add(m_filter, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(6)));
    bar->Add(m_circle, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(6)));
    bar->Add(m_bulk, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(6)));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(8)));
    sizer->Add(m_summary, wxSizerFlags().Border(wxALL, FromDIP(8)));
    SetSizer(sizer);

    m_search->Bind(wxEVT_TEXT, &PeoplePanel::OnSearchText, this);
    m_search->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        search_now();
        if (m_presenter.size() > 0) {
            m_list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            m_list->SetFocus();
        }
    });
    m_search->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
        m_search->ChangeValue(wxString());
        search_now();
    });
    Bind(wxEVT_TIMER, &PeoplePanel::OnSearchTimer, this);
    m_filter->Bind(wxEVT_CHOICE, &PeoplePanel::OnFilter, this);
    m_circle->Bind(wxEVT_CHOICE, &PeoplePanel::OnFilter, this);
    m_bulk->Bind(wxEVT_CHECKBOX, &PeoplePanel::OnFilter, this);
    m_list->Bind(wxEVT_LIST_COL_CLICK, &PeoplePanel::OnColumnClick, this);
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, &PeoplePanel::OnSelected, this);
    m_list->Bind(wxEVT_LIST_COL_END_DRAG, [this](wxListEvent& e) {
        e.Skip();
        CallAfter([this] { save_columns(); });
    });
}

PeoplePanel::~PeoplePanel() = default;

wxListCtrl* PeoplePanel::list() const {
    return m_list;
}

core::Result<void> PeoplePanel::show_loaded(db::Database& db, std::vector<db::PeopleListRow> rows,
                                            const std::vector<db::CircleRow>& circles,
                                            core::TimePoint now) {
    m_db = &db;
    // Keep the chosen circle by id across reloads.
    const auto chosen = m_presenter.filters().circle;
    m_circle_ids.clear();
    m_circle->Clear();
    m_circle->Append("All circles");
    int selection = 0;
    for (const auto& c : circles) {
        m_circle_ids.push_back(c.id);
        m_circle->Append(ui(c.name));
        if (chosen && *chosen == c.id) selection = static_cast<int>(m_circle_ids.size());
    }
    m_circle->SetSelection(selection);
    m_presenter.set_people(std::move(rows), now);
    if (selection > 0) {
        auto members = db::circle_member_ids(db, m_circle_ids[selection - 1]);
        if (!members) return members.error();
        m_presenter.set_circle_members(*members);
    }
    if (!m_search->GetValue().IsEmpty()) {
        auto ids = db::search_people_ids(db, m_search->GetValue().utf8_string(), kSearchLimit);
        if (!ids) return ids.error();
        m_presenter.set_search_results(std::move(*ids));
    }
    apply_filters();
    return {};
}

void PeoplePanel::OnSearchText(wxCommandEvent&) {
    // Typing fast runs one query per pause, not one per key.
    m_search_timer.StartOnce(120);
}

void PeoplePanel::OnSearchTimer(wxTimerEvent&) {
    search_now();
}

void PeoplePanel::search_now() {
    m_search_timer.Stop();
    if (!m_db) return;
    const std::string text = m_search->GetValue().utf8_string();
    if (text.find_first_not_of(" \t") == std::string::npos) {
        m_presenter.set_search_results(std::nullopt);
    } else {
        auto ids = db::search_people_ids(*m_db, text, kSearchLimit);
        // A failed search (the database busy for seconds) shows nobody rather than stale rows.
        m_presenter.set_search_results(ids ? std::move(*ids) : std::vector<std::int64_t>{});
    }
    refresh_list();
}

void PeoplePanel::OnFilter(wxCommandEvent&) {
    apply_filters();
}

void PeoplePanel::apply_filters() {
    PeopleFilters f;
    switch (m_filter->GetSelection()) {
        case kNeedsAttention:
            f.needs_attention = true;
            break;
        case kHasEmail:
            f.has_email = true;
            break;
        case kFollowers:
            f.follower = true;
            break;
        case kOnEmail:
            f.channel = db::kChannelEmail;
            break;
        case kOnTwitter:
            f.channel = db::kChannelTwitter;
            break;
        case kOnMastodon:
            f.channel = db::kChannelMastodon;
            break;
        case kOnBlog:
            f.channel = db::kChannelBlog;
            break;
        default:
            break;
    }
    const int circle = m_circle->GetSelection();
    if (circle > 0 && static_cast<std::size_t>(circle) <= m_circle_ids.size()) {
        f.circle = m_circle_ids[static_cast<std::size_t>(circle - 1)];
        if (m_db && f.circle != m_presenter.filters().circle) {
            if (auto members = db::circle_member_ids(*m_db, *f.circle))
                m_presenter.set_circle_members(*members);
        }
    }
    f.show_bulk = m_bulk->GetValue();
    m_presenter.set_filters(f);
    refresh_list();
}

void PeoplePanel::OnColumnClick(wxListEvent& event) {
    const int c = event.GetColumn();
    if (c < 0 || c >= kColumnCount) return;
    m_presenter.sort_by(kColumns[c]);
    refresh_list();
}

void PeoplePanel::refresh_list() {
    m_list->SetItemCount(static_cast<long>(m_presenter.size()));
    m_list->Refresh();
    m_summary->SetLabel(ui(m_presenter.summary()));
}

void PeoplePanel::OnSelected(wxListEvent& event) {
    const long i = event.GetIndex();
    if (i < 0 || static_cast<std::size_t>(i) >= m_presenter.size()) return;
    if (m_on_select) m_on_select(m_presenter.row(static_cast<std::size_t>(i)).id);
}

void PeoplePanel::show_circle(std::int64_t circle_id) {
    for (std::size_t i = 0; i < m_circle_ids.size(); ++i)
        if (m_circle_ids[i] == circle_id) m_circle->SetSelection(static_cast<int>(i) + 1);
    apply_filters();
}

void PeoplePanel::show_followers() {
    m_filter->SetSelection(kFollowers);
    apply_filters();
}

void PeoplePanel::select_person(std::int64_t person_id) {
    const auto i = m_presenter.index_of(person_id);
    if (!i) return;
    const long item = static_cast<long>(*i);
    m_list->SetItemState(item, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                         wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    m_list->EnsureVisible(item);
}

void PeoplePanel::save_columns() {
    auto* config = wxConfigBase::Get();
    if (!config) return;
    for (int c = 0; c < kColumnCount; ++c)
        config->Write(wxString::Format("/People/Column%d", c),
                      static_cast<long>(m_list->GetColumnWidth(c)));
}

}  // namespace kith::app
