// kith: the desktop app. main() checks for a display before GTK starts, so a headless machine
// gets directions instead of a toolkit error; KithApp opens the database and the main window.

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include <wx/app.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/image.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/persist/toplevel.h>
#include <wx/richmsgdlg.h>

#include "app/gui/database_problem.h"
#include "app/gui/database_problem_dialog.h"
#include "app/gui/launch_options.h"
#include "app/gui/main_frame.h"
#include "app/gui/open_with_progress.h"
#include "app/gui/startup_trace.h"
#include "app/gui/today_presenter.h"
#include "app/gui/workspace_snapshot.h"
#include "app/gui/wx_text.h"
#include "app/shared/demo_generator.h"
#include "db/database.h"
#include "db/restore.h"

namespace kith::app {

namespace {

/// What the app reports back to main() after wxEntry has deleted it.
struct LaunchOutcome {
    bool toolkit_started = false;
    std::optional<int> exit_code;  ///< set when the app gave up after telling the user why
};

std::string env_or_empty(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

}  // namespace

/// The application object. Created by main() with the parsed options (so no global holds them).
class KithApp : public wxApp {
  public:
    KithApp(LaunchOptions options, LaunchOutcome& outcome, std::shared_ptr<SnapshotRead> first_read,
            bool unset_gdk_gl)
        : m_options(std::move(options)),
          m_outcome(outcome),
          m_first_read(std::move(first_read)),
          m_unset_gdk_gl(unset_gdk_gl) {}

    bool Initialize(int& toolkit_argc, wxChar** toolkit_argv) override {
        // GTK's own complaint ("cannot open display") is replaced by main()'s directions.
        wxLogNull quiet;
        m_outcome.toolkit_started = wxApp::Initialize(toolkit_argc, toolkit_argv);
        return m_outcome.toolkit_started;
    }

    bool OnInit() override {
        // wxApp::OnInit is not called: main() already parsed the command line, and wx's own
        // parser would reject --db.
        startup_mark("toolkit started");
        // GDK read GDK_GL while starting; the browser or mail program Kith opens must not.
        if (m_unset_gdk_gl) ::unsetenv("GDK_GL");
        SetAppName("kith");
        wxInitAllImageHandlers();
        SetAppDisplayName("Kith");

        auto clock = clock_from_env(std::getenv("KITH_NOW"));
        if (!clock) return fail(clock.error(), 2);
        auto opened = open_with_recovery(launch_database_path(m_options), **clock);
        if (!opened) return fail(opened.error(), 1);
        if (!*opened) return gave_up(1);
        startup_mark("database opened");
        const auto backup = (*opened)->migration_backup();

        // Window size and position live beside the other Kith settings, not in ~/.kith.
        const auto config = gui_config_path();
        std::error_code ec;
        std::filesystem::create_directories(config.parent_path(), ec);
        wxConfigBase::Set(new wxFileConfig("kith", wxString(), ui(config.string()), wxString(),
                                           wxCONFIG_USE_LOCAL_FILE));

        MainFrameOptions options;
        options.clock = *clock;
        options.demo_path = db::default_database_path(true);
        options.demo_people = kDemoPeople;
        options.desktop_integration = true;
        options.first_read = std::move(m_first_read);
        auto* frame = new MainFrame(std::move(*opened), std::move(options));
        if (!wxPersistentRegisterAndRestore(frame, "main")) frame->Centre();
        frame->Show();
        startup_mark("window shown");
        // The first idle event comes once GTK has drawn the shown window: the first paint.
        if (std::getenv("KITH_STARTUP_TRACE"))
            frame->Bind(wxEVT_IDLE, [](wxIdleEvent& e) {
                trace_first_paint();
                e.Skip();
            });
        if (backup)
            wxMessageBox(
                ui("Kith upgraded your database to this version. The previous version is saved "
                   "as " +
                   backup->string()),
                "Kith", wxOK | wxICON_INFORMATION, frame);
        return true;
    }

    /// An exception that escaped an event handler: say so, with the details, and keep running.
    /// Every write is one transaction, so nothing half-done reached the database.
    bool OnExceptionInMainLoop() override {
        std::string what = "an unknown error";
        try {
            throw;
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        wxRichMessageDialog dialog(
            GetTopWindow(),
            "Something went wrong inside Kith. Your data is safe: every change is written "
            "completely or not at all.\n\nIf this happens again, please report it with the "
            "details below.",
            "Kith", wxOK | wxICON_ERROR);
        dialog.ShowDetailedText(ui(what));
        dialog.ShowModal();
        return true;
    }

  private:
    /// Opens the database. When the file itself is the problem (damaged, busy, unwritable), the
    /// problem dialog says what happened and offers the way out: restoring the newest backup, or
    /// trying again. nullptr when the user chose Quit there; other errors are returned.
    core::Result<std::unique_ptr<db::Database>> open_with_recovery(
        const std::filesystem::path& path, const core::Clock& clock) {
        for (;;) {
            auto opened = open_with_progress([&path] { return db::Database::open(path); });
            if (opened || !is_database_problem(opened.error())) return opened;
            const auto problem = describe_database_problem(opened.error(), path);
            DatabaseProblemDialog dialog(nullptr, problem);
            if (dialog.ShowModal() != wxID_OK) return std::unique_ptr<db::Database>();
            if (problem.action != ProblemAction::restore) continue;
            auto restored = db::restore_database(path, *problem.backup, clock.now());
            if (!restored) {
                wxMessageBox(ui(error_text(restored.error())), "Kith", wxOK | wxICON_ERROR);
                continue;
            }
            std::string done = "Kith restored " + path.string() + " from " +
                               problem.backup->filename().string() + ".";
            if (restored->saved_as)
                done += " The damaged file is kept as " + restored->saved_as->string() + ".";
            wxMessageBox(ui(done), "Kith", wxOK | wxICON_INFORMATION);
        }
    }

    bool gave_up(int code) {
        m_outcome.exit_code = code;
        return false;
    }

    bool fail(const core::Error& error, int code) {
        wxMessageBox(ui(error_text(error)), "Kith", wxOK | wxICON_ERROR);
        m_outcome.exit_code = code;
        return false;
    }

    LaunchOptions m_options;
    LaunchOutcome& m_outcome;
    std::shared_ptr<SnapshotRead> m_first_read;
    bool m_unset_gdk_gl = false;  ///< main() set GDK_GL=disable for the toolkit's start
};

/// Starts reading the views' data before GTK starts, so that reading (on two worker threads)
/// and building the window overlap: at 50,000 people each takes about as long as the other.
/// Only an existing database is read early, read-only: creating or upgrading one is OnInit's job.
std::shared_ptr<SnapshotRead> start_first_read(const LaunchOptions& options) {
    const auto path = launch_database_path(options);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return nullptr;
    auto clock = clock_from_env(std::getenv("KITH_NOW"));
    if (!clock) return nullptr;
    return std::make_shared<SnapshotRead>(path, (*clock)->now(), db::OpenMode::read_only);
}

}  // namespace kith::app

int main(int argc, char** argv) {
    using namespace kith::app;
    const std::vector<std::string> args(argv + 1, argv + argc);
    auto options = parse_launch_options(args);
    if (!options) {
        std::cerr << "kith: " << options.error().message << ". " << options.error().hint << "\n";
        return 2;
    }
    if (options->help) {
        std::cout << launch_usage();
        return 0;
    }

    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) exe = argv[0];
    NoDisplayHelp help;
    help.kith_exe = exe.string();
    help.cli_exe = find_cli_beside(exe);
    help.args = args;
    if (options->db)
        help.cli_db = options->db->string();
    else if (options->demo)
        help.cli_db = kith::db::default_database_path(true).string();

    const std::string display = env_or_empty("DISPLAY");
    const std::string wayland = env_or_empty("WAYLAND_DISPLAY");
    if (!has_display(display, wayland, *options)) {
        std::cerr << no_display_message(help);
        return 2;
    }

    // GTK sees only the options meant for it.
    std::vector<std::string> toolkit = {argv[0]};
    toolkit.insert(toolkit.end(), options->toolkit_args.begin(), options->toolkit_args.end());
    std::vector<char*> toolkit_argv;
    for (auto& a : toolkit) toolkit_argv.push_back(a.data());
    toolkit_argv.push_back(nullptr);
    int toolkit_argc = static_cast<int>(toolkit.size());

    // Kith draws with cairo only and never uses OpenGL, yet GDK opens the GL driver while it
    // starts (to pick GL-friendly visuals): on Mesa that loads the DRI driver, about a fifth of
    // the UI thread's start-up. Turned off for this process only, unless the user chose
    // otherwise; OnInit removes the variable again so programs Kith starts are unaffected.
    const bool gl_off = std::getenv("GDK_GL") == nullptr && ::setenv("GDK_GL", "disable", 0) == 0;
    LaunchOutcome outcome;
    wxApp::SetInstance(new KithApp(*options, outcome, start_first_read(*options), gl_off));
    const int rc = wxEntry(toolkit_argc, toolkit_argv.data());
    if (!outcome.toolkit_started) {
        help.failed_display = !options->display_arg.empty() ? options->display_arg
                              : !display.empty()            ? display
                                                            : "wayland:" + wayland;
        std::cerr << no_display_message(help);
        return 2;
    }
    if (outcome.exit_code) return *outcome.exit_code;
    return rc;
}
