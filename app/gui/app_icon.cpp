#include "app/gui/app_icon.h"

#include <filesystem>

#include <wx/icon.h>
#include <wx/stdpaths.h>

namespace kith::app {

namespace {

wxIconBundle load_app_icons() {
    namespace fs = std::filesystem;
    const fs::path exe = wxStandardPaths::Get().GetExecutablePath().utf8_string();
    wxIconBundle bundle;
    for (const int size : {16, 32, 48, 64, 128, 256}) {
        const std::string px = std::to_string(size);
        // Installed (PREFIX/bin/kith → PREFIX/share/icons/…), else the source tree's assets.
        const fs::path candidates[] = {
            exe.parent_path().parent_path() / "share/icons/hicolor" / (px + "x" + px) /
                "apps/kith.png",
            fs::path(KITH_ASSETS_DIR) / "icons" / ("kith-" + px + ".png"),
        };
        for (const auto& p : candidates) {
            std::error_code ec;
            if (!fs::exists(p, ec)) continue;
            bundle.AddIcon(wxIcon(wxString::FromUTF8(p.string()), wxBITMAP_TYPE_PNG));
            break;
        }
    }
    return bundle;
}

}  // namespace

const wxIconBundle& app_icons() {
    // Decoded once (six PNGs up to 256 px): the window and the tray's every tooltip update use it.
    static const wxIconBundle bundle = load_app_icons();
    return bundle;
}

}  // namespace kith::app
