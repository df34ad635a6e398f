#pragma once
// Quick log (Ctrl+L): who, channel (in person by default), when, where, notes, and a follow-up
// with its due date — finished from the keyboard in seconds. Names complete as you type across
// names and identities; a name nobody has yet becomes a new person when saved.

#include <chrono>
#include <memory>
#include <optional>

#include <wx/dialog.h>
#include <wx/timer.h>

#include "app/gui/quick_log_presenter.h"
#include "core/clock.h"

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace kith::app {

/// Modal; writes on OK through the UI thread's connection. UI thread only.
class QuickLogDialog : public wxDialog {
  public:
    QuickLogDialog(wxWindow* parent, db::Database& db, std::shared_ptr<const core::Clock> clock,
                   const std::string& people = {});

    /// What OK does: checks and saves the form. On an error the dialog stays open and says what
    /// to fix; the database is untouched.
    core::Result<db::ManualLogResult> save();
    /// The form as typed.
    QuickLogForm form() const;
    /// The result of the last successful save.
    const std::optional<db::ManualLogResult>& saved() const { return m_saved; }

    wxTextCtrl* people() const { return m_people; }
    wxChoice* channel() const { return m_channel; }
    wxTextCtrl* when() const { return m_when; }
    wxTextCtrl* where() const { return m_where; }
    wxTextCtrl* notes() const { return m_notes; }
    wxTextCtrl* followup() const { return m_followup; }
    wxTextCtrl* due() const { return m_due; }
    wxStaticText* message() const { return m_message; }

  private:
    void OnOk(wxCommandEvent& event);
    void update_message();

    db::Database& m_db;
    std::shared_ptr<const core::Clock> m_clock;
    std::optional<db::ManualLogResult> m_saved;
    wxTimer m_check_timer;
    wxTextCtrl* m_people = nullptr;
    wxChoice* m_channel = nullptr;
    wxTextCtrl* m_when = nullptr;
    wxTextCtrl* m_where = nullptr;
    wxTextCtrl* m_notes = nullptr;
    wxTextCtrl* m_followup = nullptr;
    wxTextCtrl* m_due = nullptr;
    wxStaticText* m_message = nullptr;
};

}  // namespace kith::app
