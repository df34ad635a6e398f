#pragma once
// A small bar chart of monthly activity, drawn with wxGraphicsContext (anti-aliased, HiDPI).

#include <vector>

#include <wx/window.h>

namespace kith::app {

/// Shows one bar a value, the highest filling the height; an empty month is a thin baseline tick.
/// UI thread only.
class Sparkline : public wxWindow {
  public:
    explicit Sparkline(wxWindow* parent);
    void set_values(std::vector<int> values);
    const std::vector<int>& values() const { return m_values; }

  private:
    void OnPaint(wxPaintEvent& event);
    std::vector<int> m_values;
};

}  // namespace kith::app
