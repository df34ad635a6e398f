#pragma once
// "Add source": which kind of history to import (from the importer registry) and where it is —
// a file, a folder or an address, with the matching picker; for accounts (IMAP, Mastodon) a form
// whose secret goes to the desktop keyring.

#include <optional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "app/gui/account_form.h"
#include "core/importer.h"
#include "import/importer_registry.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxFlexGridSizer;
class wxStaticText;
class wxTextCtrl;

namespace kith::app {

/// The kinds offered to users: every importer but the demo generator. Pure.
std::vector<import::ImporterInfo> user_import_kinds();
/// A wx file-dialog wildcard for `patterns` ("*.mbox;*.mbx" → "mbox files (*.mbox;*.mbx)|…|All
/// files (*)|*"). Pure.
std::string file_wildcard(const import::ImporterInfo& info);

/// Modal. After ShowModal() == wxID_OK, request() says what to import (for an account, with its
/// secret for this run; the keyring has it for later runs). UI thread only.
class AddSourceDialog : public wxDialog {
  public:
    explicit AddSourceDialog(wxWindow* parent);

    core::ImportRequest request() const;
    /// What OK does: for an account form, checks the fields and stores the secret in the keyring
    /// (unless "ask every time" is ticked); false with the reason shown in message() when that
    /// fails. True at once for files, folders and addresses.
    bool accept();
    /// Selects `kind` as if the user had picked it; false when it is not offered.
    bool select_kind(const std::string& kind);

    wxChoice* kind_choice() const { return m_kind; }
    wxTextCtrl* location() const { return m_location; }
    wxTextCtrl* server() const { return m_server; }
    wxTextCtrl* user() const { return m_user; }
    wxTextCtrl* folders() const { return m_folders; }
    wxTextCtrl* ca_file() const { return m_ca_file; }
    wxTextCtrl* secret() const { return m_secret; }
    wxCheckBox* ask_each_time() const { return m_ask; }
    wxStaticText* message() const { return m_message; }

  private:
    void OnKind(wxCommandEvent& event);
    void OnBrowse(wxCommandEvent& event);
    void OnOk(wxCommandEvent& event);
    std::string selected_kind() const;
    void build_account_form();
    AccountForm account_form() const;

    std::vector<import::ImporterInfo> m_kinds;
    wxChoice* m_kind = nullptr;
    wxStaticText* m_description = nullptr;
    wxStaticText* m_where = nullptr;
    wxTextCtrl* m_location = nullptr;
    wxButton* m_browse = nullptr;
    // The account form.
    wxFlexGridSizer* m_account = nullptr;
    wxTextCtrl *m_server = nullptr, *m_user = nullptr, *m_folders = nullptr, *m_ca_file = nullptr,
               *m_secret = nullptr;
    wxStaticText *m_server_label = nullptr, *m_secret_label = nullptr;
    std::vector<wxWindow*> m_imap_only;  ///< user, folders, CA file and their labels
    wxStaticText* m_hint = nullptr;
    wxCheckBox* m_ask = nullptr;
    wxStaticText* m_message = nullptr;
    core::ImportRequest m_account_request;  ///< set by accept()
};

}  // namespace kith::app
