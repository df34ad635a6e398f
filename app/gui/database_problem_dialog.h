#pragma once
// The dialog for a database Kith cannot use: what happened, what to do, expandable details, and
// the way out (Restore backup for a damaged file, Try again for a busy one) beside Quit.

#include <wx/dialog.h>

#include "app/gui/database_problem.h"

class wxButton;

namespace kith::app {

/// Modal; ShowModal() returns wxID_OK for the main action (restore / retry) and wxID_CANCEL for
/// Quit. UI thread only.
class DatabaseProblemDialog : public wxDialog {
  public:
    DatabaseProblemDialog(wxWindow* parent, const DatabaseProblem& problem);

    /// "Restore backup" or "Try again"; nullptr when there is only Quit.
    wxButton* action_button() const { return m_action; }

  private:
    wxButton* m_action = nullptr;
};

}  // namespace kith::app
