#include "app/gui/preferences_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/listbox.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

#include "app/gui/today_presenter.h"
#include "app/gui/wx_text.h"
#include "app/shared/me_claim_text.h"
#include "core/identity_normalizer.h"
#include "db/database.h"
#include "db/identity_repo.h"
#include "db/me_claim.h"
#include "db/people_repo.h"
#include "db/settings_repo.h"

namespace kith::app {

core::Result<bool> notifications_enabled(db::Database& db) {
    auto v = db::SettingsRepo(db).get(kNotificationsKey);
    if (!v) return v.error();
    return !(*v && **v == "off");
}

PreferencesDialog::PreferencesDialog(wxWindow* parent, db::Database& db,
                                     std::shared_ptr<const core::Clock> clock)
    : wxDialog(parent, wxID_ANY, "Preferences", wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_db(db),
      m_clock(std::move(clock)) {
    m_identities = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(360, 110)));
    auto* add = new wxButton(this, wxID_ANY, wxString::FromUTF8("&Add…"));
    auto* remove = new wxButton(this, wxID_ANY, "&Remove");
    m_waiting = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxSP_ARROW_KEYS, 1, 90, 7);
    m_notify =
        new wxCheckBox(this, wxID_ANY, "Show a desktop notification when reminders come due");
    auto* where = new wxTextCtrl(this, wxID_ANY, ui(db.path().string()), wxDefaultPosition,
                                 wxDefaultSize, wxTE_READONLY);

    auto* id_buttons = new wxBoxSizer(wxVERTICAL);
    id_buttons->Add(add, wxSizerFlags().Expand());
    id_buttons->Add(remove, wxSizerFlags().Expand().Border(wxTOP, FromDIP(4)));
    auto* ids = new wxBoxSizer(wxHORIZONTAL);
    ids->Add(m_identities, wxSizerFlags(1).Expand());
    ids->Add(id_buttons, wxSizerFlags().Border(wxLEFT, FromDIP(6)));
    auto* waiting = new wxBoxSizer(wxHORIZONTAL);
    waiting->Add(new wxStaticText(this, wxID_ANY, "My message is \"waiting on them\" after"),
                 wxSizerFlags().CentreVertical());
    waiting->Add(m_waiting, wxSizerFlags().CentreVertical().Border(wxLEFT | wxRIGHT, FromDIP(6)));
    waiting->Add(new wxStaticText(this, wxID_ANY, "days"), wxSizerFlags().CentreVertical());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const auto pad = wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                "My identities (messages from these are mine, to them are to me):"),
               pad);
    sizer->Add(ids, pad);
    sizer->Add(waiting, pad);
    sizer->Add(m_notify, pad);
    sizer->Add(
        new wxStaticText(this, wxID_ANY, "Database (start Kith with --db PATH to use another):"),
        pad);
    sizer->Add(where, pad);
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL),
               wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(sizer);

    if (auto w = db::SettingsRepo(db).get(kWaitingDaysKey); w && *w) {
        try {
            m_waiting->SetValue(std::stoi(**w));
        } catch (const std::exception&) {
            // A hand-edited bad value shows the default; saving writes a good one.
        }
    }
    auto enabled = notifications_enabled(db);
    m_notify->SetValue(!enabled || *enabled);
    reload_identities();

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxTextEntryDialog dialog(
            this, "An email address, @handle, @user@instance or web address:", "Add my identity");
        if (dialog.ShowModal() != wxID_OK) return;
        if (auto r = add_identity(dialog.GetValue().utf8_string()); !r) report(r.error());
    });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int i = m_identities->GetSelection();
        if (i == wxNOT_FOUND) return;
        if (auto r = remove_identity(static_cast<std::size_t>(i)); !r) report(r.error());
    });
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            if (auto r = save(); !r) return report(r.error());
            EndModal(wxID_OK);
        },
        wxID_OK);
}

void PreferencesDialog::reload_identities() {
    m_identities->Clear();
    auto mine = db::IdentityRepo(m_db).mine();
    m_mine = mine ? *mine : std::vector<core::Identity>{};
    for (const auto& id : m_mine)
        m_identities->Append(ui(std::string(core::to_string(id.kind)) + "  " + id.value));
}

core::Result<void> PreferencesDialog::add_identity(const std::string& text) {
    auto id = core::parse_identity(text);
    if (!id) return id.error();
    // An import before Kith knew this address may have made it someone else's: claiming it
    // redoes what was imported as if Kith had known.
    auto claim = db::claim_identity_as_mine(m_db, *id, m_clock->now());
    if (!claim) return claim.error();
    reload_identities();
    if (claim->previous_person_id)
        wxMessageBox(ui(me_claim_text(*id, *claim)), "Kith", wxOK | wxICON_INFORMATION, this);
    return {};
}

core::Result<void> PreferencesDialog::remove_identity(std::size_t index) {
    if (index >= m_mine.size())
        return core::make_error(core::ErrorCode::invalid_input, "choose an identity first");
    auto me = db::PeopleRepo(m_db).me(m_clock->now());
    if (!me) return me.error();
    if (auto r = db::IdentityRepo(m_db).remove(*me, m_mine[index]); !r) return r;
    reload_identities();
    return {};
}

core::Result<void> PreferencesDialog::save() {
    db::SettingsRepo settings(m_db);
    if (auto r = settings.set(kWaitingDaysKey, std::to_string(m_waiting->GetValue())); !r) return r;
    return settings.set(kNotificationsKey, m_notify->GetValue() ? "on" : "off");
}

void PreferencesDialog::report(const core::Error& error) {
    wxMessageBox(ui(error_text(error)), "Kith", wxOK | wxICON_ERROR, this);
}

}  // namespace kith::app
