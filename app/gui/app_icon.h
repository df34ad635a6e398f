#pragma once
// Kith's window and tray icon, from the installed hicolor theme or, in a build tree, from assets/.

#include <wx/iconbndl.h>

namespace kith::app {

/// Every icon size found (empty when none is: the desktop's default icon is shown). UI thread.
wxIconBundle app_icons();

}  // namespace kith::app
