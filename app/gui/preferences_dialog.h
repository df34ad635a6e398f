#pragma once
// Preferences: my identities (they decide what is in and out), when a message counts as
// "waiting on them", desktop notifications on or off, and where the database is.

#include <memory>
#include <vector>

#include <wx/dialog.h>

#include "core/clock.h"
#include "core/identity.h"
#include "core/result.h"

class wxCheckBox;
class wxListBox;
class wxSpinCtrl;

namespace kith::db {
class Database;
}

namespace kith::app {

/// Setting keys shared with kith-cli.
inline constexpr const char* kWaitingDaysKey = "waiting_days";
inline constexpr const char* kNotificationsKey = "notifications";

/// True unless notifications were turned off ("off"). Errors are the database's.
core::Result<bool> notifications_enabled(db::Database& db);

/// Modal; identities are added and removed at once, the other settings on OK. UI thread only.
class PreferencesDialog : public wxDialog {
  public:
    PreferencesDialog(wxWindow* parent, db::Database& db, std::shared_ptr<const core::Clock> clock);

    /// Adds one of my identities typed as text. Errors (not an identity, someone else's) are
    /// returned.
    core::Result<void> add_identity(const std::string& text);
    core::Result<void> remove_identity(std::size_t index);
    /// Writes the waiting days and the notifications switch.
    core::Result<void> save();

    wxListBox* identities() const { return m_identities; }
    wxSpinCtrl* waiting_days() const { return m_waiting; }
    wxCheckBox* notifications() const { return m_notify; }

  private:
    void reload_identities();
    void report(const core::Error& error);

    db::Database& m_db;
    std::shared_ptr<const core::Clock> m_clock;
    std::vector<core::Identity> m_mine;
    wxListBox* m_identities = nullptr;
    wxSpinCtrl* m_waiting = nullptr;
    wxCheckBox* m_notify = nullptr;
};

}  // namespace kith::app
