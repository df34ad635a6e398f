#pragma once
// First run: what Kith is, what to do next, and "Explore with demo data", which generates demo
// people into the separate demo file on a worker thread while the window stays responsive.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include <wx/panel.h>

#include "app/shared/demo_generator.h"
#include "core/clock.h"
#include "core/result.h"

class wxButton;
class wxGauge;
class wxStaticText;

namespace kith::app {

/// Shown instead of Today while the open database has no people (first run), or on its own while
/// File > Open Demo Data makes the demo file. UI thread only; the demo worker reaches the panel
/// only through events posted to the UI thread, and only while the panel exists.
class WelcomePanel : public wxPanel {
  public:
    /// Called on the UI thread when the worker has finished: completed, cancelled
    /// (ErrorCode::cancelled) or failed. The panel has already shown the outcome. The handler must
    /// not destroy the panel synchronously (defer with CallAfter): it is inside its own handler.
    using DoneHandler = std::function<void(const core::Result<db::ImportResult>& result)>;

    /// `empty_database`: the user's empty file for the first-run text (what Kith is, what to do
    /// next); nullopt shows only the demo part. `demo` says where and how many (its `now` is
    /// replaced by `clock`'s at the click).
    WelcomePanel(wxWindow* parent, const std::optional<std::filesystem::path>& empty_database,
                 DemoRequest demo, std::shared_ptr<const core::Clock> clock, DoneHandler on_done);
    /// Cancels a running generation and waits for the worker: it stops at the next person, so
    /// this takes a fraction of a second; the batches committed so far stay complete.
    ~WelcomePanel() override;

    /// What "Explore with demo data" does: starts the worker. Does nothing while one runs.
    void start_demo();
    /// What Cancel does: asks the worker to stop; the panel reports "stopped" when it has.
    void cancel_demo();
    bool demo_running() const { return m_worker.joinable(); }

    wxButton* demo_button() const { return m_demo_button; }
    /// Adds a first-step button ("Add my identities…") to the first-run page; nothing on the
    /// demo-only page. Returns the button.
    wxButton* add_action(const wxString& label, std::function<void()> action);
    wxButton* cancel_button() const { return m_cancel_button; }
    wxGauge* gauge() const { return m_gauge; }
    wxStaticText* status() const { return m_status; }

    /// The state the worker shares with the UI thread (defined in the .cpp).
    struct Job;

  private:
    void OnExploreDemo(wxCommandEvent& event);
    void OnCancel(wxCommandEvent& event);
    void on_progress(std::uint64_t done, std::uint64_t total);
    void on_finished(const core::Result<db::ImportResult>& result);
    void set_status(const std::string& text, bool error = false);

    DemoRequest m_demo;
    std::shared_ptr<const core::Clock> m_clock;
    DoneHandler m_on_done;

    wxButton* m_demo_button = nullptr;
    wxSizer* m_actions = nullptr;  ///< first-step buttons (first run only)
    wxButton* m_cancel_button = nullptr;
    wxGauge* m_gauge = nullptr;
    wxStaticText* m_status = nullptr;

    std::shared_ptr<Job> m_job;  ///< shared with the worker and the events it posts
    std::thread m_worker;
};

}  // namespace kith::app
