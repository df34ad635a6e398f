#pragma once
// The Today digest as one list with four groups: You owe a reply, Waiting on them, Going cold,
// Follow-ups due. A view only: it shows the rows the presenter made (app/gui/today_presenter.h).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "app/gui/today_presenter.h"

class wxButton;
class wxListCtrl;
class wxListEvent;
class wxSizeEvent;
class wxStaticText;

namespace kith::app {

class TodayListCtrl;

/// What the user asked to do with a Today row.
enum class TodayCommand { open_person, open_original, done, snooze, dismiss };

/// The panel's requests, carried out by whoever owns the database (the workspace).
struct TodayHandlers {
    /// A row's action; `until` is set for snooze. The handler reloads the panel.
    std::function<void(const TodayRow&, TodayCommand, std::optional<std::string> until)> act;
};

/// A heading ("Today · Wednesday 25 November 2026") over a report-mode list with the columns
/// Person, Channel, When, Subject, and the actions for the selected row: Open person (Enter),
/// Open original, Done, Snooze (tomorrow, next week, pick a date), Dismiss. Group headers are bold
/// on a shaded band; notes (an empty group, "… and 16 more") are grey italics in the first column.
/// UI thread only.
class TodayPanel : public wxPanel {
  public:
    explicit TodayPanel(wxWindow* parent, TodayHandlers handlers = {});

    /// Replaces the heading and the rows.
    void set_rows(const std::string& heading, std::vector<TodayRow> rows);

    /// The rows shown, in list order (row i is list item i; a note's text is in column 0).
    const std::vector<TodayRow>& rows() const { return m_rows; }
    wxListCtrl* list() const;
    wxStaticText* heading() const { return m_heading; }
    /// The selected item row, if an item (not a header or note) is selected.
    const TodayRow* selected() const;
    /// Selects list row `index` (tests, keyboard).
    void select(long index);
    /// Runs `command` on the selected row, as its button would; false when nothing is selected.
    /// Snooze takes `until` ("tomorrow", "next week", a date).
    bool run(TodayCommand command, std::optional<std::string> until = std::nullopt);

  private:
    void OnSize(wxSizeEvent& event);
    void OnItemSelected(wxListEvent& event);
    void OnSnoozeMenu(wxCommandEvent& event);
    void update_buttons();
    /// Gives the last column whatever width the others leave.
    void fit_last_column();

    wxStaticText* m_heading = nullptr;
    TodayListCtrl* m_list = nullptr;
    std::vector<TodayRow> m_rows;
    TodayHandlers m_handlers;
    wxButton* m_open_person = nullptr;
    wxButton* m_open_original = nullptr;
    wxButton* m_done = nullptr;
    wxButton* m_snooze = nullptr;
    wxButton* m_dismiss = nullptr;
};

}  // namespace kith::app
