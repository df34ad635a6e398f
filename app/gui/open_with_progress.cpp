#include "app/gui/open_with_progress.h"

#include <wx/progdlg.h>

#include <future>

namespace kith::app {

core::Result<std::unique_ptr<db::Database>> open_with_progress(
    const OpenDatabase& open, wxWindow* parent, std::chrono::milliseconds show_after,
    const std::function<void(wxWindow&)>& shown) {
    // The connection is opened on the worker and then used on the UI thread only: SQLite allows a
    // connection to change threads as long as two never use it at once.
    auto opening = std::async(std::launch::async, open);
    if (opening.wait_for(show_after) == std::future_status::ready) return opening.get();
    // No Cancel: a migration runs in one transaction and is not worth abandoning halfway; the
    // backup copy before it is what makes an upgrade safe.
    wxProgressDialog window("Kith",
                            "Upgrading your Kith database to this version…\n\nKith first keeps a "
                            "copy of the previous version next to it. A large database can take "
                            "a minute.",
                            100, parent, wxPD_APP_MODAL | wxPD_ELAPSED_TIME | wxPD_AUTO_HIDE);
    window.Pulse();  // shows the window and draws it
    if (shown) shown(window);
    while (opening.wait_for(std::chrono::milliseconds{50}) != std::future_status::ready)
        window.Pulse();
    return opening.get();
}

}  // namespace kith::app
