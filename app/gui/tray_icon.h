#pragma once
// The tray icon: how many reminders are due in its tooltip, quick log and the window a click away.

#include <functional>
#include <string>

#include <wx/taskbar.h>

namespace kith::app {

struct TrayActions {
    std::function<void()> show;       ///< bring the main window up
    std::function<void()> quick_log;  ///< open the quick log
    std::function<void()> quit;
};

/// UI thread only. Create only when wxTaskBarIcon::IsAvailable().
class TrayIcon : public wxTaskBarIcon {
  public:
    explicit TrayIcon(TrayActions actions);
    /// Sets the tooltip: "Kith" or "Kith · You owe 2 replies · 1 follow-up due".
    void set_due(const std::string& due);

  protected:
    wxMenu* CreatePopupMenu() override;

  private:
    TrayActions m_actions;
};

}  // namespace kith::app
