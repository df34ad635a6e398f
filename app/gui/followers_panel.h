#pragma once
// The "Followers → email" view: who follows me, whether I can email them, consent, engagement;
// ranked by how worth asking they are; record consent; export a mailing list.

#include <wx/panel.h>

#include "app/gui/followers_presenter.h"

class wxButton;
class wxCheckBox;
class wxListCtrl;
class wxTextCtrl;

namespace kith::app {

/// UI thread only.
class FollowersPanel : public wxPanel {
  public:
    explicit FollowersPanel(wxWindow* parent);
    /// Reads and shows the followers.
    core::Result<void> show(db::Database& db, core::TimePoint now);
    /// What the consent buttons do for the selected row, with the evidence field's text.
    core::Result<void> record_consent(core::ConsentStatus status);
    /// What "Export mailing list…" does once format and file are chosen.
    core::Result<MailingListSummary> export_to(const std::string& path,
                                               core::MailingListFormat format,
                                               bool include_unconsented);

    const FollowersPresenter& presenter() const { return m_presenter; }
    wxListCtrl* list() const { return m_list; }
    wxCheckBox* ranked() const { return m_ranked; }
    wxTextCtrl* evidence() const { return m_evidence; }
    wxButton* opted_in_button() const { return m_opted_in; }

  private:
    void fill();
    void OnExport();
    void report(const core::Error& e);

    FollowersPresenter m_presenter;
    db::Database* m_db = nullptr;
    core::TimePoint m_now{};
    wxListCtrl* m_list = nullptr;
    wxCheckBox* m_ranked = nullptr;
    wxTextCtrl* m_evidence = nullptr;
    wxButton* m_opted_in = nullptr;
};

}  // namespace kith::app
