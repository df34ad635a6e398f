#pragma once
// The Circles view: each circle with its members and cadence; opening one shows its people.

#include <cstdint>
#include <functional>
#include <vector>

#include <wx/panel.h>

#include "core/result.h"
#include "db/circle_repo.h"

class wxListCtrl;

namespace kith::app {

/// UI thread only.
class CirclesPanel : public wxPanel {
  public:
    /// `on_open` gets the circle chosen (Enter or double-click).
    CirclesPanel(wxWindow* parent, std::function<void(std::int64_t)> on_open);
    /// Shows rows already read.
    void show_loaded(std::vector<db::CircleRow> rows);
    const std::vector<db::CircleRow>& circles() const { return m_circles; }
    wxListCtrl* list() const { return m_list; }

  private:
    std::function<void(std::int64_t)> m_on_open;
    std::vector<db::CircleRow> m_circles;
    wxListCtrl* m_list = nullptr;
};

}  // namespace kith::app
