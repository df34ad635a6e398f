#include "app/gui/add_source_dialog.h"
#include "app/gui/wx_text.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace kith::app {

std::vector<import::ImporterInfo> user_import_kinds() {
    std::vector<import::ImporterInfo> out;
    for (auto& k : import::importer_kinds())
        if (k.kind != "demo") out.push_back(std::move(k));
    return out;
}

std::string file_wildcard(const import::ImporterInfo& info) {
    const std::string all = "All files (*)|*";
    if (info.file_patterns.empty()) return all;
    return info.kind + " files (" + info.file_patterns + ")|" + info.file_patterns + "|" + all;
}

AddSourceDialog::AddSourceDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, "Add source", wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_kinds(user_import_kinds()) {
    m_kind = new wxChoice(this, wxID_ANY);
    for (const auto& k : m_kinds) m_kind->Append(ui(k.kind));
    m_description = new wxStaticText(this, wxID_ANY, wxString());
    m_where = new wxStaticText(this, wxID_ANY, "File:");
    m_location =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(380), -1));
    m_browse = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Browse…"));

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(m_where, wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(6)));
    row->Add(m_location, wxSizerFlags(1).CentreVertical());
    row->Add(m_browse, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(6)));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const auto pad = wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    sizer->Add(new wxStaticText(this, wxID_ANY, "What do you want to import?"), pad);
    sizer->Add(m_kind, pad);
    sizer->Add(m_description, pad);
    sizer->Add(row, pad);
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL),
               wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(sizer);

    m_kind->Bind(wxEVT_CHOICE, &AddSourceDialog::OnKind, this);
    m_browse->Bind(wxEVT_BUTTON, &AddSourceDialog::OnBrowse, this);
    if (!m_kinds.empty()) {
        m_kind->SetSelection(0);
        wxCommandEvent e;
        OnKind(e);
    }
}

core::ImportRequest AddSourceDialog::request() const {
    core::ImportRequest r;
    const int k = m_kind->GetSelection();
    if (k >= 0) r.kind = m_kinds[static_cast<std::size_t>(k)].kind;
    r.location = m_location->GetValue().Strip(wxString::both).utf8_string();
    return r;
}

void AddSourceDialog::OnKind(wxCommandEvent&) {
    const int k = m_kind->GetSelection();
    if (k < 0) return;
    const auto& info = m_kinds[static_cast<std::size_t>(k)];
    m_description->SetLabel(ui(info.description));
    switch (info.shape) {
        case core::SourceShape::file:
            m_where->SetLabel("File:");
            break;
        case core::SourceShape::folder:
            m_where->SetLabel("Folder:");
            break;
        case core::SourceShape::url:
            m_where->SetLabel("Address:");
            break;
    }
    m_browse->Show(info.shape != core::SourceShape::url);
    Layout();
}

void AddSourceDialog::OnBrowse(wxCommandEvent&) {
    const int k = m_kind->GetSelection();
    if (k < 0) return;
    const auto& info = m_kinds[static_cast<std::size_t>(k)];
    if (info.shape == core::SourceShape::folder) {
        wxDirDialog dialog(this, "Choose the folder to import", m_location->GetValue());
        if (dialog.ShowModal() == wxID_OK) m_location->SetValue(dialog.GetPath());
        return;
    }
    wxFileDialog dialog(this, "Choose the file to import", wxString(), wxString(),
                        ui(file_wildcard(info)), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) m_location->SetValue(dialog.GetPath());
}

}  // namespace kith::app
