#pragma once
// "Add source": which kind of history to import (from the importer registry) and where it is —
// a file, a folder or an address, with the matching picker.

#include <optional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "core/importer.h"
#include "import/importer_registry.h"

class wxButton;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace kith::app {

/// The kinds offered to users: every importer but the demo generator. Pure.
std::vector<import::ImporterInfo> user_import_kinds();
/// A wx file-dialog wildcard for `patterns` ("*.mbox;*.mbx" → "mbox files (*.mbox;*.mbx)|…|All
/// files (*)|*"). Pure.
std::string file_wildcard(const import::ImporterInfo& info);

/// Modal. After ShowModal() == wxID_OK, request() says what to import. UI thread only.
class AddSourceDialog : public wxDialog {
  public:
    explicit AddSourceDialog(wxWindow* parent);

    core::ImportRequest request() const;
    wxChoice* kind_choice() const { return m_kind; }
    wxTextCtrl* location() const { return m_location; }

  private:
    void OnKind(wxCommandEvent& event);
    void OnBrowse(wxCommandEvent& event);

    std::vector<import::ImporterInfo> m_kinds;
    wxChoice* m_kind = nullptr;
    wxStaticText* m_description = nullptr;
    wxStaticText* m_where = nullptr;
    wxTextCtrl* m_location = nullptr;
    wxButton* m_browse = nullptr;
};

}  // namespace kith::app
