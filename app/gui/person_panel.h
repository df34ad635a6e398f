#pragma once
// One person's page: name, strength (with its "why" and a monthly sparkline), cadence, circles,
// and tabs for the cross-channel timeline (filterable, loaded a page at a time), identities,
// follow-ups and notes. Edits go straight to the database on the UI thread's connection.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <wx/panel.h>

#include "app/gui/person_presenter.h"
#include "core/clock.h"

class wxButton;
class wxChoice;
class wxListBox;
class wxListCtrl;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace kith::app {

class Sparkline;
class TimelineListCtrl;

/// UI thread only. Shows nothing until `show_person`.
class PersonPanel : public wxPanel {
  public:
    /// Rows fetched per timeline page.
    static constexpr int kTimelinePage = 100;
    /// The tabs, in order.
    enum Tab { kTimelineTab, kIdentitiesTab, kFollowUpsTab, kNotesTab };

    /// `on_changed` runs after every edit (so the frame can refresh lists and counts).
    PersonPanel(wxWindow* parent, std::shared_ptr<const core::Clock> clock,
                std::function<void()> on_changed);
    ~PersonPanel() override;

    /// Shows `person_id` from `db` (the first timeline page). Errors are reported in the panel.
    void show_person(db::Database& db, std::int64_t person_id);
    /// Shows nothing ("Choose someone…").
    void clear();
    /// Reads the shown person again (after an edit elsewhere).
    void reload();
    /// Fetches the next timeline page, if there is one. Returns how many rows came.
    int load_more_timeline();

    std::optional<std::int64_t> person_id() const;
    const PersonPage& page() const { return m_page; }
    /// The timeline rows loaded so far, newest first.
    const std::vector<db::TimelineEntry>& timeline() const { return m_entries; }
    /// Restricts the timeline to one channel (nullopt: all) and reloads it.
    void filter_timeline(std::optional<core::Channel> channel);

    // Controls, for tests and keyboard focus.
    wxStaticText* name_label() const { return m_name; }
    wxStaticText* strength_label() const { return m_strength; }
    wxChoice* channel_choice() const { return m_channel; }
    wxNotebook* tabs() const { return m_tabs; }
    wxListCtrl* timeline_list() const;
    /// The Identities, Follow-ups and Notes tabs' controls, built (and filled) on the first call
    /// or when their tab is first shown.
    wxListBox* identity_list();
    wxListCtrl* followup_list();
    wxTextCtrl* notes_box();
    Sparkline* sparkline() const { return m_sparkline; }

    /// Adds an identity typed as text ("ana@example.org", "@ana@mastodon.social"…). Errors are
    /// returned (and not shown).
    core::Result<void> add_identity(const std::string& text);
    core::Result<void> remove_identity(std::size_t index);
    core::Result<void> add_followup(const std::string& text, core::TimePoint due);
    core::Result<void> complete_followup(std::int64_t followup_id);
    core::Result<void> save_notes();

  private:
    void OnChannel(wxCommandEvent& event);
    void OnAddIdentity(wxCommandEvent& event);
    void OnRemoveIdentity(wxCommandEvent& event);
    void OnAddFollowUp(wxCommandEvent& event);
    void OnFollowUpDone(wxCommandEvent& event);
    void OnOpenOriginal(wxCommandEvent& event);
    void fill();
    void fill_identities();
    void fill_followups();
    void reload_timeline();
    void report(const core::Error& error);
    void edited();
    std::chrono::seconds utc_offset() const;

    db::Database* m_db = nullptr;
    std::shared_ptr<const core::Clock> m_clock;
    std::function<void()> m_on_changed;
    PersonPage m_page;
    bool m_shown = false;
    std::optional<core::Channel> m_channel_filter;
    std::vector<db::TimelineEntry> m_entries;
    std::vector<TimelineRow> m_rows;
    bool m_timeline_complete = false;

    wxStaticText* m_name = nullptr;
    wxStaticText* m_strength = nullptr;
    wxStaticText* m_facts = nullptr;
    Sparkline* m_sparkline = nullptr;
    wxNotebook* m_tabs = nullptr;
    wxChoice* m_channel = nullptr;
    TimelineListCtrl* m_timeline = nullptr;
    wxListBox* m_identities = nullptr;
    wxListCtrl* m_followups = nullptr;
    wxTextCtrl* m_notes = nullptr;
};

}  // namespace kith::app
