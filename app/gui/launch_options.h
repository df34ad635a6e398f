#pragma once
// What `kith` needs to know before wxWidgets starts: its options, whether there is a display to
// open, what to tell the user when there is not, and which clock to use. No wxWidgets here, so all
// of it is tested headless.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace kith::app {

/// The command line of `kith`.
struct LaunchOptions {
    std::optional<std::filesystem::path> db;  ///< --db PATH
    bool demo = false;                        ///< --demo: open the demo file
    bool help = false;                        ///< --help / -h
    /// Options meant for GTK (--display NAME / --display=NAME), passed on to it unchanged.
    std::vector<std::string> toolkit_args;
    /// The display named by --display, if any (it counts as a display even without $DISPLAY).
    std::string display_arg;
};

/// Parses the arguments after argv[0]: `--db PATH`, `--db=PATH`, `--demo`, `--help`/`-h`, and
/// `--display NAME` for GTK. Errors (ErrorCode::invalid_input): an unknown option, a missing
/// value, --db together with --demo. Pure.
core::Result<LaunchOptions> parse_launch_options(std::span<const std::string> args);

/// The usage text for `kith --help`. Pure.
std::string launch_usage();

/// The database the app opens: --db, else the demo file for --demo, else
/// db::default_database_path() ($KITH_DB, then the XDG data folder). Reads the environment.
std::filesystem::path launch_database_path(const LaunchOptions& options);

/// True when a window can be attempted: $DISPLAY or $WAYLAND_DISPLAY (given here, so tests need
/// not touch the environment) is non-empty, or --display was given. Pure.
bool has_display(std::string_view display_env, std::string_view wayland_env,
                 const LaunchOptions& options);

/// Where `kith-cli` is when it sits beside `kith` (an installed bin/ folder) or in the build tree
/// (app/gui/kith next to app/cli/kith-cli); else the bare name "kith-cli", found on $PATH.
std::string find_cli_beside(const std::filesystem::path& kith_exe);

/// What the terminal message for "no window possible" needs.
struct NoDisplayHelp {
    /// Why: empty for "no DISPLAY/WAYLAND_DISPLAY", else the display that could not be opened.
    std::string failed_display;
    std::string kith_exe;               ///< the path of this `kith`, as the user can run it
    std::string cli_exe;                ///< see find_cli_beside
    std::vector<std::string> args;      ///< the user's arguments, repeated in the xvfb-run line
    std::optional<std::string> cli_db;  ///< the database to name in the kith-cli lines, if any
};

/// The message printed to stderr when no window can be opened: says so and shows the ways in
/// (`xvfb-run -a …/kith`, `kith-cli --help`, `kith-cli today`), arguments shell-quoted. Pure.
std::string no_display_message(const NoDisplayHelp& help);

/// A kith-cli command line for the user to run against `db`: "kith-cli ARGS", with
/// "--db PATH" inserted when `db` is not the file kith-cli opens by default. Reads the environment.
std::string cli_command(const std::filesystem::path& db, std::string_view args);

/// Breaks a shell command into lines of at most `max_columns` characters (code points) at spaces
/// outside quotes, ending each broken line with " \" and indenting the next by four spaces, so
/// the text still pastes into a shell. A word longer than a line stays whole. Pure.
std::string wrap_command(std::string_view command, std::size_t max_columns);

/// Quotes `s` for a POSIX shell when it needs it ("a b" → 'a b'). Pure.
std::string shell_quote(std::string_view s);

/// "Now" for the reminders: a FixedClock at `kith_now` (ISO 8601, from $KITH_NOW) when it is
/// non-null and non-empty, else the system clock. Error (invalid_input) for a value that is not
/// ISO 8601, with an example in the hint. Thread-safe result.
core::Result<std::shared_ptr<const core::Clock>> clock_from_env(const char* kith_now);

/// The local zone's offset east of UTC at `at` (for "end of today" and the date heading).
std::chrono::seconds local_utc_offset(core::TimePoint at);

/// Where the app keeps its window settings: $XDG_CONFIG_HOME/kith/kith-gui.conf, else
/// ~/.config/kith/kith-gui.conf. Reads the environment.
std::filesystem::path gui_config_path();

}  // namespace kith::app
