#pragma once
// The People view: search-as-you-type over names, notes and identities (full-text), filters, a
// bulk-sender toggle and a virtual list that stays smooth at 50,000 people. A view only: what to
// show comes from PeoplePresenter; db/ reads on the UI thread's connection.

#include <cstdint>
#include <functional>
#include <vector>

#include <wx/panel.h>
#include <wx/timer.h>

#include "app/gui/people_presenter.h"
#include "core/result.h"
#include "db/circle_repo.h"

class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxListEvent;
class wxSearchCtrl;
class wxStaticText;

namespace kith::db {
class Database;
}

namespace kith::app {

class PeopleListCtrl;

/// UI thread only.
class PeoplePanel : public wxPanel {
  public:
    /// `on_select` is called with the person chosen (selection or Enter).
    PeoplePanel(wxWindow* parent, std::function<void(std::int64_t)> on_select);
    ~PeoplePanel() override;

    /// Shows people and circles already read (by the workspace, maybe on a worker); filters,
    /// search and sort stay; `db` answers the cheap
    /// follow-up queries (circle members, the search in the box). Errors are the database's.
    core::Result<void> show_loaded(db::Database& db, std::vector<db::PeopleListRow> rows,
                                   const std::vector<db::CircleRow>& circles, core::TimePoint now);
    /// Runs the search box's text now (the panel otherwise waits for a pause in typing).
    void search_now();
    /// Shows only the members of circle `circle_id`.
    void show_circle(std::int64_t circle_id);
    /// Shows only the people who follow me (Followers → email).
    void show_followers();
    /// Selects and shows `person_id` if it is in the list.
    void select_person(std::int64_t person_id);

    PeoplePresenter& presenter() { return m_presenter; }
    wxSearchCtrl* search_box() const { return m_search; }
    wxChoice* filter_choice() const { return m_filter; }
    wxChoice* circle_choice() const { return m_circle; }
    wxCheckBox* bulk_toggle() const { return m_bulk; }
    wxListCtrl* list() const;
    wxStaticText* summary() const { return m_summary; }

  private:
    void OnSearchText(wxCommandEvent& event);
    void OnSearchTimer(wxTimerEvent& event);
    void OnFilter(wxCommandEvent& event);
    void OnColumnClick(wxListEvent& event);
    void OnSelected(wxListEvent& event);
    void refresh_list();
    void apply_filters();
    void save_columns();

    db::Database* m_db = nullptr;
    PeoplePresenter m_presenter;
    std::function<void(std::int64_t)> m_on_select;
    std::vector<std::int64_t> m_circle_ids;  ///< per circle choice entry after "All circles"
    wxSearchCtrl* m_search = nullptr;
    wxChoice* m_filter = nullptr;
    wxChoice* m_circle = nullptr;
    wxCheckBox* m_bulk = nullptr;
    PeopleListCtrl* m_list = nullptr;
    wxStaticText* m_summary = nullptr;
    wxTimer m_search_timer;
};

}  // namespace kith::app
