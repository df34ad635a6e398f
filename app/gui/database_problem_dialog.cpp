#include "app/gui/database_problem_dialog.h"

#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/collpane.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/wx_text.h"

namespace kith::app {

DatabaseProblemDialog::DatabaseProblemDialog(wxWindow* parent, const DatabaseProblem& problem)
    : wxDialog(parent, wxID_ANY, "Kith", wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticBitmap(this, wxID_ANY,
                                wxArtProvider::GetBitmap(wxART_ERROR, wxART_MESSAGE_BOX)),
             0, wxALL, 12);
    auto* text = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, ui(problem.title));
    title->SetFont(title->GetFont().Bold().Larger());
    text->Add(title, 0, wxBOTTOM, 8);
    auto* message = new wxStaticText(this, wxID_ANY, ui(problem.message));
    message->Wrap(FromDIP(520));
    text->Add(message, 0, wxEXPAND);
    top->Add(text, 1, wxTOP | wxRIGHT | wxBOTTOM | wxEXPAND, 12);

    auto* details = new wxCollapsiblePane(this, wxID_ANY, "Details");
    auto* details_text =
        new wxTextCtrl(details->GetPane(), wxID_ANY, ui(problem.details), wxDefaultPosition,
                       FromDIP(wxSize(520, 90)), wxTE_MULTILINE | wxTE_READONLY);
    auto* pane = new wxBoxSizer(wxVERTICAL);
    pane->Add(details_text, 1, wxEXPAND);
    details->GetPane()->SetSizer(pane);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    if (problem.action != ProblemAction::quit) {
        m_action = new wxButton(
            this, wxID_OK,
            problem.action == ProblemAction::restore ? "&Restore backup" : "&Try again");
        m_action->SetDefault();
        buttons->Add(m_action, 0, wxRIGHT, 8);
    }
    buttons->Add(new wxButton(this, wxID_CANCEL, "&Quit"));

    auto* all = new wxBoxSizer(wxVERTICAL);
    all->Add(top, 0, wxEXPAND);
    all->Add(details, 0, wxLEFT | wxRIGHT | wxEXPAND, 12);
    all->Add(buttons, 0, wxALL | wxEXPAND, 12);
    SetSizerAndFit(all);
    CentreOnParent();
}

}  // namespace kith::app
