#include "app/gui/followers_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choicdlg.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/wx_text.h"

namespace kith::app {

FollowersPanel::FollowersPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    auto* heading = new wxStaticText(this, wxID_ANY, wxString::FromUTF8("Followers → email"));
    heading->SetFont(heading->GetFont().Scaled(1.3f).Bold());
    m_ranked = new wxCheckBox(this, wxID_ANY, "Only those worth asking, best first");
    m_ranked->SetValue(m_presenter.ranked());
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
    const char* columns[] = {"Name", "Email", "Consent", "Strength", "Engagement", "Reciprocity"};
    const int widths[] = {160, 220, 130, 70, 200, 320};
    for (int c = 0; c < 6; ++c)
        m_list->AppendColumn(columns[c], wxLIST_FORMAT_LEFT, FromDIP(widths[c]));
    m_evidence = new wxTextCtrl(this, wxID_ANY);
    m_evidence->SetHint("Evidence: \"said yes in a DM on 20 Nov\"");
    m_opted_in = new wxButton(this, wxID_ANY, "Opted in");
    auto* opted_out = new wxButton(this, wxID_ANY, "Opted out");
    auto* asked = new wxButton(this, wxID_ANY, "Asked");
    auto* export_button = new wxButton(this, wxID_ANY, wxString::FromUTF8("Export mailing list…"));

    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    actions->Add(m_evidence, wxSizerFlags(1).CenterVertical());
    for (auto* b : {m_opted_in, opted_out, asked, export_button})
        actions->Add(b, wxSizerFlags().Border(wxLEFT, FromDIP(6)));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading, wxSizerFlags().Border(wxALL, FromDIP(10)));
    sizer->Add(m_ranked, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    sizer->Add(actions, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    SetSizer(sizer);

    m_ranked->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        m_presenter.set_ranked(m_ranked->GetValue());
        if (m_db) {
            if (auto r = m_presenter.load(*m_db, m_now); !r) return report(r.error());
            fill();
        }
    });
    const auto bind_consent = [this](wxButton* b, core::ConsentStatus s) {
        b->Bind(wxEVT_BUTTON, [this, s](wxCommandEvent&) {
            if (auto r = record_consent(s); !r) report(r.error());
        });
    };
    bind_consent(m_opted_in, core::ConsentStatus::opted_in);
    bind_consent(opted_out, core::ConsentStatus::opted_out);
    bind_consent(asked, core::ConsentStatus::asked);
    export_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnExport(); });
}

core::Result<void> FollowersPanel::show(db::Database& db, core::TimePoint now) {
    m_db = &db;
    m_now = now;
    if (auto r = m_presenter.load(db, now); !r) return r;
    fill();
    return {};
}

void FollowersPanel::fill() {
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_presenter.items().size(); ++i) {
        const auto cells = m_presenter.columns(i);
        const long at = m_list->InsertItem(static_cast<long>(i), ui(cells[0]));
        for (std::size_t c = 1; c < cells.size(); ++c)
            m_list->SetItem(at, static_cast<int>(c), ui(cells[c]));
    }
}

core::Result<void> FollowersPanel::record_consent(core::ConsentStatus status) {
    if (!m_db) return core::make_error(core::ErrorCode::invalid_input, "nothing loaded");
    const long selected = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (selected < 0)
        return core::make_error(core::ErrorCode::invalid_input, "no follower selected",
                                "Select someone in the list first.");
    auto r = m_presenter.record_consent(*m_db, static_cast<std::size_t>(selected), status,
                                        m_evidence->GetValue().utf8_string(), m_now);
    if (!r) return r;
    m_evidence->Clear();
    fill();
    return {};
}

core::Result<MailingListSummary> FollowersPanel::export_to(const std::string& path,
                                                           core::MailingListFormat format,
                                                           bool include_unconsented) {
    if (!m_db) return core::make_error(core::ErrorCode::invalid_input, "nothing loaded");
    return m_presenter.export_list(*m_db, path, format, include_unconsented);
}

void FollowersPanel::OnExport() {
    const wxString formats[] = {"listmonk", "mailchimp", "buttondown"};
    wxSingleChoiceDialog pick(this, "Which tool will import the list? Only opted-in people go in.",
                              "Export mailing list", 3, formats);
    if (pick.ShowModal() != wxID_OK) return;
    const auto format = core::parse_mailing_list_format(pick.GetStringSelection().utf8_string());
    wxFileDialog save(this, "Save the mailing list", "", pick.GetStringSelection() + ".csv",
                      "CSV files (*.csv)|*.csv", wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (!format || save.ShowModal() != wxID_OK) return;
    auto s = export_to(save.GetPath().utf8_string(), *format, false);
    if (!s) return report(s.error());
    wxMessageBox(ui(std::to_string(s->rows) + " opted-in subscribers written."),
                 "Export mailing list", wxOK | wxICON_INFORMATION, this);
}

void FollowersPanel::report(const core::Error& e) {
    wxMessageBox(ui(e.message + (e.hint.empty() ? "" : "\n\n" + e.hint)), "Kith",
                 wxOK | wxICON_WARNING, this);
}

}  // namespace kith::app
