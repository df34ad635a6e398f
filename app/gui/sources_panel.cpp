#include "app/gui/sources_panel.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/gui/today_presenter.h"
#include "app/gui/wx_text.h"

namespace kith::app {

std::string last_run_text(const db::SourceSummary& s) {
    if (!s.last_started) return "never run";
    std::string t = s.last_status + " · " + core::format_date(*s.last_started) + " · " +
                    format_count(s.last_added) + " added, " + format_count(s.last_updated) +
                    " updated";
    if (s.last_warnings > 0)
        t += " · " + format_count(s.last_warnings) +
             (s.last_warnings == 1 ? " warning" : " warnings");
    if (!s.last_error.empty()) t += " · " + s.last_error;
    return t;
}

SourcesPanel::SourcesPanel(wxWindow* parent, SourcesHandlers handlers)
    : wxPanel(parent, wxID_ANY), m_handlers(std::move(handlers)) {
    auto* heading = new wxStaticText(this, wxID_ANY, "Sources");
    heading->SetFont(heading->GetFont().Scaled(1.3f).Bold());
    auto* add = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Add source…"));
    auto* again = new wxButton(this, wxID_ANY, "&Run again");
    again->SetToolTip("Import the selected source again; only what is new is added");
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    m_list->AppendColumn("Kind", wxLIST_FORMAT_LEFT, FromDIP(90));
    m_list->AppendColumn("Where", wxLIST_FORMAT_LEFT, FromDIP(300));
    m_list->AppendColumn("Runs", wxLIST_FORMAT_RIGHT, FromDIP(50));
    m_list->AppendColumn("Last run", wxLIST_FORMAT_LEFT, FromDIP(380));
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(add, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    bar->Add(again);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading, wxSizerFlags().Border(wxALL, FromDIP(10)));
    sizer->Add(bar, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    SetSizer(sizer);
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_handlers.add) m_handlers.add();
    });
    again->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        run_again(m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED));
    });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { run_again(e.GetIndex()); });
}

void SourcesPanel::show_loaded(std::vector<db::SourceSummary> rows) {
    m_sources = std::move(rows);
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_sources.size(); ++i) {
        const auto& s = m_sources[i];
        const long at = m_list->InsertItem(static_cast<long>(i), ui(s.kind));
        m_list->SetItem(at, 1, ui(s.location));
        m_list->SetItem(at, 2, ui(std::to_string(s.runs)));
        m_list->SetItem(at, 3, ui(last_run_text(s)));
    }
}

void SourcesPanel::run_again(long index) {
    if (index < 0 || static_cast<std::size_t>(index) >= m_sources.size() || !m_handlers.run) return;
    const auto& s = m_sources[static_cast<std::size_t>(index)];
    m_handlers.run(core::ImportRequest{s.kind, s.location, {}});
}

}  // namespace kith::app
