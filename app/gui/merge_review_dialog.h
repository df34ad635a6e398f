#pragma once
// People → Review Merge Suggestions…: the probable duplicates identity resolution found, with
// their score and evidence; Accept merges the two, Reject keeps them apart for good, Open shows
// the first person.

#include <cstdint>
#include <functional>
#include <memory>

#include <wx/dialog.h>

#include "app/gui/merge_review_presenter.h"
#include "core/clock.h"

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace kith::app {

/// Modal; decides through the UI thread's connection. UI thread only.
class MergeReviewDialog : public wxDialog {
  public:
    /// `open_person` is called (after the dialog closes) with the person the user asked to see.
    MergeReviewDialog(wxWindow* parent, db::Database& db, std::shared_ptr<const core::Clock> clock);

    wxListCtrl* list() const { return m_list; }
    wxButton* accept_button() const { return m_accept; }
    wxButton* reject_button() const { return m_reject; }
    wxButton* open_button() const { return m_open; }
    wxStaticText* message() const { return m_message; }
    /// True once something was merged or rejected (the caller reloads its views).
    bool changed() const { return m_changed; }
    /// The person Open asked for, 0 when none.
    std::int64_t person_to_open() const { return m_person_to_open; }

    void OnAccept(wxCommandEvent& event);
    void OnReject(wxCommandEvent& event);
    void OnOpen(wxCommandEvent& event);

  private:
    void fill();
    long selected() const;
    void update_buttons();

    MergeReviewPresenter m_presenter;
    std::shared_ptr<const core::Clock> m_clock;
    wxListCtrl* m_list = nullptr;
    wxButton* m_accept = nullptr;
    wxButton* m_reject = nullptr;
    wxButton* m_open = nullptr;
    wxStaticText* m_message = nullptr;
    bool m_changed = false;
    std::int64_t m_person_to_open = 0;
};

}  // namespace kith::app
