#include "app/gui/quick_log_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textcompleter.h>
#include <wx/textctrl.h>

#include "app/gui/launch_options.h"
#include "app/gui/today_presenter.h"
#include "app/gui/wx_text.h"
#include "db/people_repo.h"

namespace kith::app {

namespace {

/// Completes the last name in a comma-separated list from full-text search over names, notes
/// and identities. GTK asks on the UI thread, which owns the connection.
class PeopleCompleter final : public wxTextCompleterSimple {
  public:
    explicit PeopleCompleter(db::Database& db) : m_db(db) {}
    void GetCompletions(const wxString& prefix, wxArrayString& out) override {
        const std::string text = prefix.utf8_string();
        const auto cut = text.find_last_of(",;");
        const std::string head = cut == std::string::npos ? "" : text.substr(0, cut + 1) + " ";
        std::string word = cut == std::string::npos ? text : text.substr(cut + 1);
        word.erase(0, word.find_first_not_of(' '));
        if (word.size() < 2) return;
        auto people = db::PeopleRepo(m_db).search(word, 8);
        if (!people) return;
        for (const auto& p : *people) out.Add(ui(head + p.name));
    }

  private:
    db::Database& m_db;
};

}  // namespace

QuickLogDialog::QuickLogDialog(wxWindow* parent, db::Database& db,
                               std::shared_ptr<const core::Clock> clock, const std::string& people)
    : wxDialog(parent, wxID_ANY, "Quick log", wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_db(db),
      m_clock(std::move(clock)),
      m_check_timer(this) {
    const wxSize wide(FromDIP(360), -1);
    m_people = new wxTextCtrl(this, wxID_ANY, ui(people), wxDefaultPosition, wide);
    m_people->SetHint("Ana Ruiz, bob@example.org");
    m_people->AutoComplete(new PeopleCompleter(db));
    m_channel = new wxChoice(this, wxID_ANY);
    for (const auto c : kQuickLogChannels) m_channel->Append(ui(std::string(channel_label(c))));
    m_channel->SetSelection(0);
    m_when = new wxTextCtrl(this, wxID_ANY, "now", wxDefaultPosition, wide);
    m_when->SetHint("now, yesterday 18:30, fri 2pm, 2026-11-20");
    m_where = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wide);
    m_where->SetHint("DevConf Brno");
    m_notes = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                             wxSize(FromDIP(360), FromDIP(70)), wxTE_MULTILINE);
    m_followup = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wide);
    m_followup->SetHint("send her the report");
    m_due = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wide);
    m_due->SetHint("fri, +3d, next week (tomorrow if empty)");
    m_message = new wxStaticText(this, wxID_ANY, wxString());
    m_message->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    grid->AddGrowableCol(1);
    auto row = [&](const char* label, wxWindow* field) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CentreVertical().Right());
        grid->Add(field, wxSizerFlags().Expand());
    };
    row("&Who:", m_people);
    row("&Channel:", m_channel);
    row("W&hen:", m_when);
    row("Whe&re:", m_where);
    row("&Notes:", m_notes);
    row("&Follow-up:", m_followup);
    row("&Due:", m_due);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    sizer->Add(m_message, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL),
               wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(sizer);
    m_people->SetFocus();

    Bind(wxEVT_BUTTON, &QuickLogDialog::OnOk, this, wxID_OK);
    // Say who is new while typing, after a pause (each check is a few lookups).
    m_people->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { m_check_timer.StartOnce(300); });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { update_message(); });
}

QuickLogForm QuickLogDialog::form() const {
    QuickLogForm f;
    f.people = m_people->GetValue().utf8_string();
    const int c = m_channel->GetSelection();
    if (c >= 0) f.channel = kQuickLogChannels[c];
    f.when = m_when->GetValue().utf8_string();
    f.where = m_where->GetValue().utf8_string();
    f.notes = m_notes->GetValue().utf8_string();
    f.followup = m_followup->GetValue().utf8_string();
    f.due = m_due->GetValue().utf8_string();
    return f;
}

void QuickLogDialog::update_message() {
    const auto now = m_clock->now();
    auto plan = plan_quick_log(m_db, form(), now, local_utc_offset(now));
    m_message->SetLabel(plan ? ui(new_people_note(plan->to_create)) : wxString());
    Layout();
}

core::Result<db::ManualLogResult> QuickLogDialog::save() {
    const auto now = m_clock->now();
    auto r = save_quick_log(m_db, form(), now, local_utc_offset(now));
    if (r)
        m_saved = *r;
    else
        m_message->SetLabel(ui(error_text(r.error())));
    Layout();
    return r;
}

void QuickLogDialog::OnOk(wxCommandEvent&) {
    if (save()) EndModal(wxID_OK);
}

}  // namespace kith::app
