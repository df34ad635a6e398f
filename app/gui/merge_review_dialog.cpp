#include "app/gui/merge_review_dialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/gui/wx_text.h"

namespace kith::app {

MergeReviewDialog::MergeReviewDialog(wxWindow* parent, db::Database& db,
                                     std::shared_ptr<const core::Clock> clock)
    : wxDialog(parent, wxID_ANY, ui("Review merge suggestions"), wxDefaultPosition,
               wxSize(900, 480), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_presenter(db),
      m_clock(std::move(clock)) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(new wxStaticText(this, wxID_ANY,
                              ui("These may be one person on several channels. Accept merges "
                                 "them (undo with kith-cli unmerge); Reject keeps them apart "
                                 "for good.")),
             0, wxALL, 10);
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->AppendColumn(ui("Score"), wxLIST_FORMAT_RIGHT, 60);
    m_list->AppendColumn(ui("Person"), wxLIST_FORMAT_LEFT, 180);
    m_list->AppendColumn(ui("Same as"), wxLIST_FORMAT_LEFT, 180);
    m_list->AppendColumn(ui("Evidence"), wxLIST_FORMAT_LEFT, 440);
    top->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    m_message = new wxStaticText(this, wxID_ANY, "");
    top->Add(m_message, 0, wxEXPAND | wxALL, 10);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_accept = new wxButton(this, wxID_ANY, ui("&Accept (merge)"));
    m_reject = new wxButton(this, wxID_ANY, ui("&Reject"));
    m_open = new wxButton(this, wxID_ANY, ui("&Open person"));
    buttons->Add(m_accept, 0, wxRIGHT, 6);
    buttons->Add(m_reject, 0, wxRIGHT, 6);
    buttons->Add(m_open, 0, wxRIGHT, 6);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CLOSE, ui("&Close")));
    top->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
    SetSizer(top);
    SetEscapeId(wxID_CLOSE);

    m_accept->Bind(wxEVT_BUTTON, &MergeReviewDialog::OnAccept, this);
    m_reject->Bind(wxEVT_BUTTON, &MergeReviewDialog::OnReject, this);
    m_open->Bind(wxEVT_BUTTON, &MergeReviewDialog::OnOpen, this);
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { update_buttons(); });
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { update_buttons(); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        wxCommandEvent e;
        OnOpen(e);
    });
    if (auto r = m_presenter.load(); !r) m_message->SetLabel(ui(r.error().message));
    fill();
}

void MergeReviewDialog::fill() {
    m_list->DeleteAllItems();
    const auto& rows = m_presenter.rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const long item = m_list->InsertItem(static_cast<long>(i), ui(rows[i].score));
        m_list->SetItem(item, 1,
                        ui(rows[i].name_a + " (#" + std::to_string(rows[i].person_a) + ")"));
        m_list->SetItem(item, 2,
                        ui(rows[i].name_b + " (#" + std::to_string(rows[i].person_b) + ")"));
        m_list->SetItem(item, 3, ui(rows[i].evidence));
    }
    if (!rows.empty()) m_list->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    if (rows.empty()) m_message->SetLabel(ui("No suggestions waiting for review."));
    update_buttons();
}

long MergeReviewDialog::selected() const {
    return m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

void MergeReviewDialog::update_buttons() {
    const bool any = selected() >= 0;
    m_accept->Enable(any);
    m_reject->Enable(any);
    m_open->Enable(any);
}

void MergeReviewDialog::OnAccept(wxCommandEvent&) {
    const long row = selected();
    if (row < 0) return;
    const std::string who = m_presenter.rows()[static_cast<std::size_t>(row)].name_b;
    auto kept = m_presenter.accept(static_cast<std::size_t>(row), m_clock->now());
    if (!kept) {
        m_message->SetLabel(ui(kept.error().message));
        return;
    }
    m_changed = true;
    fill();
    m_message->SetLabel(ui("Merged " + who + " into #" + std::to_string(*kept) + "."));
}

void MergeReviewDialog::OnReject(wxCommandEvent&) {
    const long row = selected();
    if (row < 0) return;
    if (auto r = m_presenter.reject(static_cast<std::size_t>(row), m_clock->now()); !r) {
        m_message->SetLabel(ui(r.error().message));
        return;
    }
    m_changed = true;
    fill();
}

void MergeReviewDialog::OnOpen(wxCommandEvent&) {
    const long row = selected();
    if (row < 0) return;
    m_person_to_open = m_presenter.rows()[static_cast<std::size_t>(row)].person_a;
    EndModal(wxID_OK);
}

}  // namespace kith::app
