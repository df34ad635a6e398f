#pragma once
// Kith's window and tray icon, from the installed hicolor theme or, in a build tree, from assets/.

#include <wx/iconbndl.h>

namespace kith::app {

/// Every icon size found (empty when none is: the desktop's default icon is shown), read on the
/// first call. UI thread.
const wxIconBundle& app_icons();

}  // namespace kith::app
