#pragma once
// The Today digest as one list with four groups: You owe a reply, Waiting on them, Going cold,
// Follow-ups due. A view only: it shows the rows the presenter made (app/gui/today_presenter.h).

#include <string>
#include <vector>

#include <wx/panel.h>

#include "app/gui/today_presenter.h"

class wxListCtrl;
class wxListEvent;
class wxSizeEvent;
class wxStaticText;

namespace kith::app {

/// A heading ("Today · Wednesday 25 November 2026") over a report-mode list with the columns
/// Person, Channel, When, Subject. Group headers are bold on a shaded band; notes (an empty group,
/// "… and 16 more") are grey italics in the first column. UI thread only.
class TodayPanel : public wxPanel {
  public:
    explicit TodayPanel(wxWindow* parent);

    /// Replaces the heading and the rows.
    void set_rows(const std::string& heading, std::vector<TodayRow> rows);

    /// The rows shown, in list order (row i is list item i; a note's text is in column 0).
    const std::vector<TodayRow>& rows() const { return m_rows; }
    wxListCtrl* list() const { return m_list; }
    wxStaticText* heading() const { return m_heading; }

  private:
    void OnSize(wxSizeEvent& event);
    void OnItemSelected(wxListEvent& event);
    /// Gives the last column whatever width the others leave.
    void fit_last_column();

    wxStaticText* m_heading = nullptr;
    wxListCtrl* m_list = nullptr;
    std::vector<TodayRow> m_rows;
};

}  // namespace kith::app
