#pragma once
// The import window: a gauge with counts and time left while an import runs on its worker, Stop
// (keep what was read) and Cancel (undo the run), then what happened with the first warnings.
// Modeless, so the main window stays usable while it runs.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <wx/dialog.h>

#include "app/gui/import_job.h"

class wxButton;
class wxGauge;
class wxListBox;
class wxStaticText;

namespace kith::app {

/// What the summary says about a finished run: "Imported: 120 added, 3 updated, 40 already
/// there. 2 warnings." / "Stopped: kept 60 added…" / "Cancelled: nothing was imported." /
/// the error. Pure.
std::string import_summary(const core::Result<db::ImportResult>& result, bool rolled_back);
/// "12.4 MB of 40.0 MB · about 2 min left" for byte counts (or "1,200 records" when the total
/// is unknown). Pure.
std::string import_progress_text(const ImportProgress& p);

/// UI thread only.
class ImportDialog : public wxDialog {
  public:
    /// Starts importing `request` into the database at `db_path`. `on_finished` runs on the UI
    /// thread when the run has ended (whatever the outcome), e.g. to refresh the main window.
    ImportDialog(wxWindow* parent, const std::filesystem::path& db_path,
                 core::ImportRequest request, core::TimePoint now,
                 std::function<void()> on_finished);
    ~ImportDialog() override;

    bool running() const { return m_job && m_job->running(); }
    /// The Stop and Cancel buttons' actions.
    void stop();
    void cancel();
    /// The finished run's result, once there is one.
    const std::optional<core::Result<db::ImportResult>>& result() const { return m_result; }
    wxGauge* gauge() const { return m_gauge; }
    wxStaticText* status() const { return m_status; }
    wxListBox* warnings() const { return m_warnings; }

  private:
    void on_progress(const ImportProgress& p);
    void on_done(const core::Result<db::ImportResult>& result);

    std::unique_ptr<ImportJob> m_job;
    std::function<void()> m_on_finished;
    std::optional<core::Result<db::ImportResult>> m_result;
    bool m_rolled_back = false;
    wxGauge* m_gauge = nullptr;
    wxStaticText* m_status = nullptr;
    wxListBox* m_warnings = nullptr;
    wxButton* m_stop = nullptr;
    wxButton* m_cancel = nullptr;
    wxButton* m_close = nullptr;
};

}  // namespace kith::app
