#pragma once
// The Sources view: every file, folder or account imported from, its last run, and "Run again"
// (incremental where the source keeps a cursor).

#include <functional>
#include <vector>

#include <wx/panel.h>

#include "core/importer.h"
#include "core/result.h"
#include "db/sources_repo.h"

class wxListCtrl;

namespace kith::db {
class Database;
}

namespace kith::app {

/// "completed · 2026-11-20 · 120 added, 3 updated · 2 warnings" for a source's last run. Pure.
std::string last_run_text(const db::SourceSummary& s);

struct SourcesHandlers {
    std::function<void()> add;                            ///< "Add source…"
    std::function<void(const core::ImportRequest&)> run;  ///< "Run again"
};

/// UI thread only.
class SourcesPanel : public wxPanel {
  public:
    SourcesPanel(wxWindow* parent, SourcesHandlers handlers);
    /// Shows rows already read.
    void show_loaded(std::vector<db::SourceSummary> rows);
    const std::vector<db::SourceSummary>& sources() const { return m_sources; }
    wxListCtrl* list() const { return m_list; }
    /// What "Run again" does for list row `index`.
    void run_again(long index);

  private:
    SourcesHandlers m_handlers;
    std::vector<db::SourceSummary> m_sources;
    wxListCtrl* m_list = nullptr;
};

}  // namespace kith::app
