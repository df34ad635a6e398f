#include "app/gui/tray_icon.h"

#include <wx/menu.h>

#include "app/gui/app_icon.h"

namespace kith::app {

namespace {

enum { kShow = 1, kQuickLog, kQuit };

}  // namespace

TrayIcon::TrayIcon(TrayActions actions) : m_actions(std::move(actions)) {
    set_due({});
    Bind(wxEVT_TASKBAR_LEFT_DOWN, [this](wxTaskBarIconEvent&) {
        if (m_actions.show) m_actions.show();
    });
    Bind(wxEVT_MENU, [this](wxCommandEvent& e) {
        const auto& fn = e.GetId() == kShow       ? m_actions.show
                         : e.GetId() == kQuickLog ? m_actions.quick_log
                                                  : m_actions.quit;
        if (fn) fn();
    });
}

void TrayIcon::set_due(const std::string& due) {
    const std::string tip = due.empty() ? "Kith" : "Kith · " + due;
    const wxIconBundle& icons = app_icons();
    SetIcon(icons.IsEmpty() ? wxBitmapBundle() : wxBitmapBundle(icons.GetIcon(32)),
            wxString::FromUTF8(tip));
}

wxMenu* TrayIcon::CreatePopupMenu() {
    auto* menu = new wxMenu;
    menu->Append(kShow, "Show Kith");
    menu->Append(kQuickLog, wxString::FromUTF8("Quick Log…"));
    menu->AppendSeparator();
    menu->Append(kQuit, "Quit Kith");
    return menu;
}

}  // namespace kith::app
