#include "app/gui/today_panel.h"
#include "app/gui/wx_text.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

namespace kith::app {

namespace {

enum Column { kPerson, kChannel, kWhen, kText };

}  // namespace

/// The digest's list, virtual: rows are drawn from the panel's rows on demand. Filling a plain
/// report list measured every cell of every row (about half a million instructions a row at 50,000
/// people's two hundred rows); a virtual one only draws the rows on screen.
class TodayListCtrl : public wxListCtrl {
  public:
    TodayListCtrl(wxWindow* parent, const std::vector<TodayRow>& rows)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxLC_HRULES | wxBORDER_THEME),
          m_rows(rows) {}

    /// The looks of group headers and notes, from the current theme.
    void set_styles(const wxListItemAttr& header, const wxListItemAttr& note) {
        m_header = header;
        m_note = note;
    }

  protected:
    wxString OnGetItemText(long item, long column) const override {
        const TodayRow* r = row(item);
        if (!r) return {};
        // Notes (an empty group, "… and 16 more") start at the left edge, under the group title.
        const bool note = r->kind == TodayRowKind::empty || r->kind == TodayRowKind::more;
        switch (column) {
            case kPerson:
                return ui(note ? r->text : r->person);
            case kChannel:
                return note ? wxString() : ui(r->channel);
            case kWhen:
                return note ? wxString() : ui(r->when);
            case kText:
                return note ? wxString() : ui(r->text);
            default:
                return {};
        }
    }

    wxItemAttr* OnGetItemAttr(long item) const override {
        const TodayRow* r = row(item);
        if (!r) return nullptr;
        switch (r->kind) {
            case TodayRowKind::header:
                return &m_header;
            case TodayRowKind::empty:
            case TodayRowKind::more:
                return &m_note;
            case TodayRowKind::item:
                break;
        }
        return nullptr;
    }

  private:
    const TodayRow* row(long item) const {
        if (item < 0 || static_cast<std::size_t>(item) >= m_rows.size()) return nullptr;
        return &m_rows[static_cast<std::size_t>(item)];
    }

    const std::vector<TodayRow>& m_rows;
    mutable wxListItemAttr m_header;
    mutable wxListItemAttr m_note;
};

TodayPanel::TodayPanel(wxWindow* parent, TodayHandlers handlers)
    : wxPanel(parent, wxID_ANY), m_handlers(std::move(handlers)) {
    m_heading = new wxStaticText(this, wxID_ANY, wxString());
    m_heading->SetFont(m_heading->GetFont().Scaled(1.3f).Bold());

    m_list = new TodayListCtrl(this, m_rows);
    // Widths in DIPs so the columns keep their proportions on a HiDPI screen.
    // Wide enough for a group's note ("Nobody is waiting for your reply."), drawn in this column.
    m_list->AppendColumn("Person", wxLIST_FORMAT_LEFT, FromDIP(250));
    m_list->AppendColumn("Channel", wxLIST_FORMAT_LEFT, FromDIP(95));
    m_list->AppendColumn("When", wxLIST_FORMAT_LEFT, FromDIP(110));
    m_list->AppendColumn("Subject", wxLIST_FORMAT_LEFT, FromDIP(400));

    m_open_person = new wxButton(this, wxID_ANY, "Open &person");
    m_open_original = new wxButton(this, wxID_ANY, "Open &original");
    m_done = new wxButton(this, wxID_ANY, "&Done");
    m_snooze = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Snooze ▾"));
    m_dismiss = new wxButton(this, wxID_ANY, "Dis&miss");
    m_open_original->SetToolTip("The message, post or comment in your browser or mail program");
    m_dismiss->SetToolTip("Not something to act on; a new message brings it back");
    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    for (wxButton* b : {m_open_person, m_open_original, m_done, m_snooze, m_dismiss})
        actions->Add(b, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_heading, wxSizerFlags().Border(wxALL, FromDIP(10)));
    sizer->Add(actions, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    SetSizer(sizer);

    m_list->Bind(wxEVT_SIZE, &TodayPanel::OnSize, this);
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, &TodayPanel::OnItemSelected, this);
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent& e) {
        e.Skip();
        update_buttons();
    });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED,
                 [this](wxListEvent&) { run(TodayCommand::open_person); });
    m_open_person->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { run(TodayCommand::open_person); });
    m_open_original->Bind(wxEVT_BUTTON,
                          [this](wxCommandEvent&) { run(TodayCommand::open_original); });
    m_done->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { run(TodayCommand::done); });
    m_dismiss->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { run(TodayCommand::dismiss); });
    m_snooze->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxMenu menu;
        menu.Append(1, "Until &tomorrow");
        menu.Append(2, "Until &next week");
        menu.Append(3, wxString::FromUTF8("Until a &date…"));
        menu.Bind(wxEVT_MENU, &TodayPanel::OnSnoozeMenu, this);
        m_snooze->PopupMenu(&menu, 0, m_snooze->GetSize().y);
    });
    update_buttons();
}

void TodayPanel::OnSnoozeMenu(wxCommandEvent& event) {
    switch (event.GetId()) {
        case 1:
            run(TodayCommand::snooze, "tomorrow");
            break;
        case 2:
            run(TodayCommand::snooze, "next week");
            break;
        default: {
            wxTextEntryDialog dialog(
                this, "Snooze until (fri, +3d, in 2 weeks, 2026-12-24):", "Snooze", "next week");
            if (dialog.ShowModal() == wxID_OK)
                run(TodayCommand::snooze, dialog.GetValue().utf8_string());
        }
    }
}

wxListCtrl* TodayPanel::list() const {
    return m_list;
}

const TodayRow* TodayPanel::selected() const {
    const long i = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (i < 0 || static_cast<std::size_t>(i) >= m_rows.size()) return nullptr;
    const TodayRow& r = m_rows[static_cast<std::size_t>(i)];
    return r.kind == TodayRowKind::item ? &r : nullptr;
}

void TodayPanel::select(long index) {
    m_list->SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                         wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    update_buttons();
}

bool TodayPanel::run(TodayCommand command, std::optional<std::string> until) {
    const TodayRow* row = selected();
    if (!row || !m_handlers.act) return false;
    // The handler reloads the rows: act on a copy.
    const TodayRow chosen = *row;
    m_handlers.act(chosen, command, std::move(until));
    return true;
}

void TodayPanel::update_buttons() {
    const TodayRow* row = selected();
    m_open_person->Enable(row && row->person_id != 0);
    m_open_original->Enable(row && !row->url.empty());
    for (wxButton* b : {m_done, m_snooze, m_dismiss}) b->Enable(row != nullptr);
}

void TodayPanel::set_rows(const std::string& heading, std::vector<TodayRow> rows) {
    m_heading->SetLabel(ui(heading));
    m_rows = std::move(rows);

    // A band a shade off the list's background, so it reads as a heading in light and dark themes.
    const wxColour band =
        wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)
            .ChangeLightness(wxSystemSettings::GetAppearance().IsDark() ? 125 : 92);
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    m_list->set_styles(wxListItemAttr(wxNullColour, band, m_list->GetFont().Bold()),
                       wxListItemAttr(grey, wxNullColour, m_list->GetFont().Italic()));

    // Selection and focus belong to the old rows: start afresh.
    m_list->DeleteAllItems();
    m_list->SetItemCount(static_cast<long>(m_rows.size()));
    long first_item = -1;
    for (std::size_t i = 0; i < m_rows.size() && first_item < 0; ++i)
        if (m_rows[i].kind == TodayRowKind::item) first_item = static_cast<long>(i);
    // The list's current item gets a focus frame; on a group title it would hide the band.
    if (first_item >= 0)
        m_list->SetItemState(first_item, wxLIST_STATE_FOCUSED, wxLIST_STATE_FOCUSED);
    m_list->Refresh();
    update_buttons();
    Layout();
}

void TodayPanel::OnSize(wxSizeEvent& event) {
    event.Skip();
    fit_last_column();
}

void TodayPanel::fit_last_column() {
    int used = 0;
    for (int c = 0; c < kText; ++c) used += m_list->GetColumnWidth(c);
    const int available = m_list->GetClientSize().GetWidth() - used;
    // Below a useful width the list scrolls sideways instead of squeezing the subject to nothing.
    m_list->SetColumnWidth(kText, std::max(available, FromDIP(200)));
}

void TodayPanel::OnItemSelected(wxListEvent& event) {
    const long index = event.GetIndex();
    // Group headers and notes are labels, not things to act on.
    if (index >= 0 && static_cast<std::size_t>(index) < m_rows.size() &&
        m_rows[static_cast<std::size_t>(index)].kind != TodayRowKind::item)
        m_list->SetItemState(index, 0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    event.Skip();
    update_buttons();
}

}  // namespace kith::app
