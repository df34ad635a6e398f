#include "app/gui/today_panel.h"

#include <algorithm>

#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kith::app {

namespace {

enum Column { kPerson, kChannel, kWhen, kText };

wxString ui(const std::string& s) {
    return wxString::FromUTF8(s.data(), s.size());
}

}  // namespace

TodayPanel::TodayPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
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

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_heading, wxSizerFlags().Border(wxALL, FromDIP(10)));
    sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    SetSizer(sizer);

    m_list->Bind(wxEVT_SIZE, &TodayPanel::OnSize, this);
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, &TodayPanel::OnItemSelected, this);
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
}

}  // namespace kith::app
