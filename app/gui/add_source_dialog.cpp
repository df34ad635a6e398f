#include "app/gui/add_source_dialog.h"
#include "app/gui/wx_text.h"

#include <tuple>
#include <utility>

#include <wx/button.h>
#include <wx/checkbox.h>
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
    build_account_form();
    sizer->Add(m_account, pad);
    sizer->Add(m_hint, pad);
    sizer->Add(m_ask, pad);
    sizer->Add(m_message, pad);
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL),
               wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(sizer);

    m_kind->Bind(wxEVT_CHOICE, &AddSourceDialog::OnKind, this);
    m_browse->Bind(wxEVT_BUTTON, &AddSourceDialog::OnBrowse, this);
    Bind(wxEVT_BUTTON, &AddSourceDialog::OnOk, this, wxID_OK);
    if (!m_kinds.empty()) {
        m_kind->SetSelection(0);
        wxCommandEvent e;
        OnKind(e);
    }
}

void AddSourceDialog::build_account_form() {
    m_account = new wxFlexGridSizer(2, FromDIP(6), FromDIP(6));
    m_account->AddGrowableCol(1);
    const auto field = [this](const char* label, long style = 0) {
        auto* l = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(label));
        auto* t = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                                 wxSize(FromDIP(320), -1), style);
        m_account->Add(l, wxSizerFlags().CentreVertical());
        m_account->Add(t, wxSizerFlags(1).Expand());
        return std::pair{l, t};
    };
    std::tie(m_server_label, m_server) = field("Server:");
    auto [user_label, user] = field("User:");
    auto [folders_label, folders] = field("Folders:");
    auto [ca_label, ca] = field("CA file:");
    std::tie(m_secret_label, m_secret) = field("Password:", wxTE_PASSWORD);
    m_user = user;
    m_folders = folders;
    m_ca_file = ca;
    m_imap_only = {user_label, user, folders_label, folders, ca_label, ca};
    m_server->SetHint("imap.example.org");
    m_user->SetHint("ana@example.org");
    m_folders->SetHint("INBOX and Sent unless you list them: INBOX, Archive");
    m_ca_file->SetHint("only for a server with its own certificate authority");
    m_hint = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(kMastodonTokenHint));
    m_hint->Wrap(FromDIP(420));
    m_ask =
        new wxCheckBox(this, wxID_ANY, "Do not keep it in the keyring; ask for it at every import");
    m_message = new wxStaticText(this, wxID_ANY, wxString());
    m_message->SetForegroundColour(wxColour(176, 0, 32));
}

std::string AddSourceDialog::selected_kind() const {
    const int k = m_kind->GetSelection();
    return k < 0 ? std::string() : m_kinds[static_cast<std::size_t>(k)].kind;
}

bool AddSourceDialog::select_kind(const std::string& kind) {
    for (std::size_t i = 0; i < m_kinds.size(); ++i) {
        if (m_kinds[i].kind != kind) continue;
        m_kind->SetSelection(static_cast<int>(i));
        wxCommandEvent e;
        OnKind(e);
        return true;
    }
    return false;
}

AccountForm AddSourceDialog::account_form() const {
    AccountForm f;
    f.kind = selected_kind();
    f.server = m_server->GetValue().utf8_string();
    f.user = m_user->GetValue().utf8_string();
    f.folders = m_folders->GetValue().utf8_string();
    f.ca_file = m_ca_file->GetValue().utf8_string();
    f.secret = m_secret->GetValue().utf8_string();
    f.ask_each_time = m_ask->GetValue();
    return f;
}

bool AddSourceDialog::accept() {
    if (!is_account_kind(selected_kind())) return true;
    const auto form = account_form();
    auto request = account_request(form);
    if (request) {
        if (auto kept = keep_account_secret(form, *request); !kept) request = kept.error();
    }
    if (!request) {
        m_message->SetLabel(ui(request.error().message + ". " + request.error().hint));
        m_message->Wrap(FromDIP(420));
        Layout();
        Fit();
        return false;
    }
    m_account_request = std::move(*request);
    m_message->SetLabel(wxString());
    return true;
}

void AddSourceDialog::OnOk(wxCommandEvent&) {
    if (accept()) EndModal(wxID_OK);
}

core::ImportRequest AddSourceDialog::request() const {
    if (is_account_kind(selected_kind())) return m_account_request;
    core::ImportRequest r;
    r.kind = selected_kind();
    r.location = m_location->GetValue().Strip(wxString::both).utf8_string();
    return r;
}

void AddSourceDialog::OnKind(wxCommandEvent&) {
    const int k = m_kind->GetSelection();
    if (k < 0) return;
    const auto& info = m_kinds[static_cast<std::size_t>(k)];
    m_description->SetLabel(ui(info.description));
    const bool account = is_account_kind(info.kind);
    const bool imap = info.kind == "imap";
    GetSizer()->Show(m_account, account, true);
    for (auto* w : m_imap_only) w->Show(imap);
    m_server_label->SetLabel(imap ? "Server:" : "Instance:");
    m_server->SetHint(imap ? "imap.example.org" : "mastodon.social");
    m_secret_label->SetLabel(imap ? "Password:" : "Access token:");
    m_hint->Show(account && !imap);
    m_ask->Show(account);
    m_message->SetLabel(wxString());
    m_where->Show(!account);
    m_location->Show(!account);
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
    m_browse->Show(!account && info.shape != core::SourceShape::url);
    Layout();
    Fit();
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
