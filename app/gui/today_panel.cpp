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

TodayPanel::TodayPanel(wxWindow* parent, TodayHandlers handlers)
    : wxPanel(parent, wxID_ANY), m_handlers(std::move(handlers)) {
    m_heading = new wxStaticText(this, wxID_ANY, wxString());
    m_heading->SetFont(m_heading->GetFont().Scaled(1.3f).Bold());

    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES | wxBORDER_THEME);
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
    const wxFont bold = m_list->GetFont().Bold();
    const wxFont italic = m_list->GetFont().Italic();

    // Freeze: two hundred inserts would otherwise each repaint the list.
    m_list->Freeze();
    m_list->DeleteAllItems();
    long first_item = -1;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const TodayRow& r = m_rows[i];
        // Notes (an empty group, "… and 16 more") start at the left edge, under the group title.
        const bool note = r.kind == TodayRowKind::empty || r.kind == TodayRowKind::more;
        const long at = m_list->InsertItem(static_cast<long>(i), ui(note ? r.text : r.person));
        if (!note) {
            m_list->SetItem(at, kChannel, ui(r.channel));
            m_list->SetItem(at, kWhen, ui(r.when));
            m_list->SetItem(at, kText, ui(r.text));
        }
        switch (r.kind) {
            case TodayRowKind::header:
                m_list->SetItemFont(at, bold);
                m_list->SetItemBackgroundColour(at, band);
                break;
            case TodayRowKind::empty:
            case TodayRowKind::more:
                m_list->SetItemFont(at, italic);
                m_list->SetItemTextColour(at, grey);
                break;
            case TodayRowKind::item:
                if (first_item < 0) first_item = at;
                break;
        }
    }
    // The list's current item gets a focus frame; on a group title it would hide the band.
    if (first_item >= 0)
        m_list->SetItemState(first_item, wxLIST_STATE_FOCUSED, wxLIST_STATE_FOCUSED);
    m_list->Thaw();
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
