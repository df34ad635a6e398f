// Test main for the desktop app: private HOME and XDG folders (the user's real data and settings
// are never touched), TZ=UTC, wxWidgets started around doctest, modal dialogs answered at once.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <stdlib.h>
#include <time.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/modalhook.h>
#include <wx/msgdlg.h>

#include "tests/app/gui/gui_test_support.h"

namespace kith::test {

std::vector<std::string>& intercepted_dialogs() {
    static std::vector<std::string> messages;
    return messages;
}

namespace {

// A message box left open would block the suite until the CTest timeout; instead each one is
// recorded (tests assert on the list) and answered with its default.
class DialogInterceptor final : public wxModalDialogHook {
  protected:
    int Enter(wxDialog* dialog) override {
        std::string text = dialog->GetTitle().utf8_string();
        if (auto* box = dynamic_cast<wxMessageDialogBase*>(dialog))
            text += ": " + box->GetMessage().utf8_string();
        intercepted_dialogs().push_back(text);
        return wxID_OK;
    }
    void Exit(wxDialog*) override {}
};

}  // namespace

}  // namespace kith::test

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::string pattern = "/tmp/kith-gui-tests-XXXXXX";
    if (!::mkdtemp(pattern.data())) {
        std::perror("kith_gui_tests: mkdtemp");
        return 1;
    }
    const fs::path root = pattern;
    for (const char* sub : {"home", "data", "config"}) fs::create_directories(root / sub);
    ::setenv("HOME", (root / "home").c_str(), 1);
    ::setenv("XDG_DATA_HOME", (root / "data").c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (root / "config").c_str(), 1);
    ::unsetenv("KITH_DB");
    ::unsetenv("KITH_NOW");
    ::setenv("TZ", "UTC", 1);
    ::tzset();
    // No accessibility bus under Xvfb; GTK would warn about it on every start.
    ::setenv("NO_AT_BRIDGE", "1", 1);

    // A failed wx assertion would open a dialog and wait forever under Xvfb: fail loudly instead.
    wxSetAssertHandler([](const wxString& file, int line, const wxString& func,
                          const wxString& cond, const wxString& msg) {
        std::cerr << "wxWidgets assertion failed at " << file << ":" << line << " in " << func
                  << ": " << cond << " " << msg << "\n";
        std::abort();
    });
    wxApp::SetInstance(new wxApp);
    int wx_argc = 1;
    char* wx_argv[] = {argv[0], nullptr};
    if (!wxEntryStart(wx_argc, wx_argv)) {
        std::cerr << "kith_gui_tests: wxWidgets cannot start (no X display? Run the suite through "
                     "CTest, which uses xvfb-run -a)\n";
        return 1;
    }
    wxInitAllImageHandlers();
    int rc = 0;
    {
        kith::test::DialogInterceptor interceptor;
        interceptor.Register();
        doctest::Context context(argc, argv);
        rc = context.run();
        interceptor.Unregister();
    }
    wxEntryCleanup();
    std::error_code ec;
    fs::remove_all(root, ec);
    return rc;
}
