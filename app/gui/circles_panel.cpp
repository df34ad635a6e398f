#include "app/gui/circles_panel.h"
#include "app/gui/wx_text.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kith::app {

CirclesPanel::CirclesPanel(wxWindow* parent, std::function<void(std::int64_t)> on_open)
    : wxPanel(parent, wxID_ANY), m_on_open(std::move(on_open)) {
    auto* heading = new wxStaticText(this, wxID_ANY, "Circles");
    heading->SetFont(heading->GetFont().Scaled(1.3f).Bold());
    auto* hint = new wxStaticText(
        this, wxID_ANY,
        "Small named groups. A circle's cadence applies to members without their own. Open one "
        "to see its people.");
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    m_list->AppendColumn("Circle", wxLIST_FORMAT_LEFT, FromDIP(240));
    m_list->AppendColumn("Members", wxLIST_FORMAT_RIGHT, FromDIP(80));
    m_list->AppendColumn("Cadence", wxLIST_FORMAT_LEFT, FromDIP(120));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading, wxSizerFlags().Border(wxALL, FromDIP(10)));
    sizer->Add(hint, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    SetSizer(sizer);
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        const long i = e.GetIndex();
        if (i >= 0 && static_cast<std::size_t>(i) < m_circles.size() && m_on_open)
            m_on_open(m_circles[static_cast<std::size_t>(i)].id);
    });
}

void CirclesPanel::show_loaded(std::vector<db::CircleRow> rows) {
    m_circles = std::move(rows);
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_circles.size(); ++i) {
        const auto& c = m_circles[i];
        const long at = m_list->InsertItem(static_cast<long>(i), ui(c.name));
        m_list->SetItem(at, 1, ui(std::to_string(c.members)));
        m_list->SetItem(at, 2,
                        c.cadence_days ? ui("every " + std::to_string(*c.cadence_days) + " d")
                                       : wxString::FromUTF8("—"));
    }
}

}  // namespace kith::app
