#include "app/gui/launch_options.h"

#include <cstdlib>
#include <ctime>

#include "core/time.h"
#include "db/database.h"

namespace kith::app {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace fs = std::filesystem;

namespace {

std::string env_or_empty(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

// Paths compared after resolving "..", symlinks and a relative start, as far as they exist.
bool same_path(const fs::path& a, const fs::path& b) {
    std::error_code ea, eb;
    const fs::path ca = fs::weakly_canonical(a, ea);
    const fs::path cb = fs::weakly_canonical(b, eb);
    if (ea || eb) return a.lexically_normal() == b.lexically_normal();
    return ca == cb;
}

}  // namespace

Result<LaunchOptions> parse_launch_options(std::span<const std::string> args) {
    LaunchOptions o;
    const std::string see_help = "Run kith --help for the options.";
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        // Both "--db PATH" and "--db=PATH", as kith-cli accepts them.
        auto value = [&](std::string_view name) -> std::optional<std::string> {
            const std::string prefix = std::string(name) + "=";
            if (a.starts_with(prefix)) return a.substr(prefix.size());
            if (a == name && i + 1 < args.size()) return args[++i];
            return std::nullopt;
        };
        if (a == "--help" || a == "-h") {
            o.help = true;
        } else if (a == "--demo") {
            o.demo = true;
        } else if (a == "--db" || a.starts_with("--db=")) {
            auto v = value("--db");
            if (!v || v->empty())
                return make_error(ErrorCode::invalid_input, "--db needs a file name",
                                  "Example: kith --db ~/kith.db");
            o.db = fs::path(*v);
        } else if (a == "--display" || a.starts_with("--display=")) {
            auto v = value("--display");
            if (!v || v->empty())
                return make_error(ErrorCode::invalid_input, "--display needs a display name",
                                  "Example: kith --display :1");
            o.display_arg = *v;
            o.toolkit_args.push_back("--display=" + *v);
        } else {
            return make_error(ErrorCode::invalid_input, "unknown option '" + a + "'", see_help);
        }
    }
    if (o.db && o.demo)
        return make_error(ErrorCode::invalid_input, "--db and --demo name two different files",
                          "Give one of them: --demo opens the demo data beside your own "
                          "database.");
    return o;
}

std::string launch_usage() {
    return "Usage: kith [--db PATH | --demo]\n"
           "Kith, the personal CRM: who is waiting for your reply, who you are losing touch "
           "with,\nand what you promised whom.\n\n"
           "  --db PATH   the database file (default: $KITH_DB, else "
           "$XDG_DATA_HOME/kith/kith.db)\n"
           "  --demo      open the demo data (demo.db, never mixed into your own file)\n"
           "  --help      show this text\n\n"
           "KITH_NOW=2026-11-25T09:00:00Z fixes \"now\" for the reminders.\n"
           "Without a display, use the command line: kith-cli --help\n";
}

fs::path launch_database_path(const LaunchOptions& options) {
    if (options.db) return *options.db;
    return db::default_database_path(options.demo);
}

bool has_display(std::string_view display_env, std::string_view wayland_env,
                 const LaunchOptions& options) {
    return !display_env.empty() || !wayland_env.empty() || !options.display_arg.empty();
}

std::string find_cli_beside(const fs::path& kith_exe) {
    std::error_code ec;
    const fs::path dir = kith_exe.parent_path();
    for (const fs::path& candidate : {dir / "kith-cli", dir / ".." / "cli" / "kith-cli"}) {
        if (fs::is_regular_file(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
    }
    return "kith-cli";
}

std::string shell_quote(std::string_view s) {
    if (s.empty()) return "''";
    bool plain = true;
    for (const char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') ||
                        std::string_view("-_./:=@%+,").find(c) != std::string_view::npos;
        if (!ok) plain = false;
    }
    if (plain) return std::string(s);
    std::string out = "'";
    for (const char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

std::string no_display_message(const NoDisplayHelp& help) {
    std::string m = "kith: ";
    if (help.failed_display.empty())
        m += "no display found (DISPLAY and WAYLAND_DISPLAY are not set), so the Kith window "
             "cannot open.\n";
    else
        m += "cannot open the display '" + help.failed_display +
             "' (is the X or Wayland server running, and may this user connect to it?), so the "
             "Kith window "
             "cannot open.\n";
    std::string kith = shell_quote(help.kith_exe);
    for (const auto& a : help.args) kith += " " + shell_quote(a);
    const std::string cli = shell_quote(help.cli_exe);
    const std::string db = help.cli_db ? " --db " + shell_quote(*help.cli_db) : "";
    m += "\nRun the desktop app on a virtual X server:\n"
         "  xvfb-run -a " +
         kith +
         "\n"
         "\nOr use Kith from the terminal:\n"
         "  " +
         cli +
         " --help\n"
         "  " +
         cli + db + " today\n";
    return m;
}

std::string cli_command(const fs::path& db, std::string_view args) {
    std::string cmd = "kith-cli";
    if (!same_path(db, db::default_database_path(false)))
        cmd += " --db " + shell_quote(db.string());
    return cmd + " " + std::string(args);
}

std::string wrap_command(std::string_view command, std::size_t max_columns) {
    auto columns = [](std::string_view s) {
        std::size_t n = 0;
        for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        return n;
    };
    // Words are split at spaces outside '…' and "…", the way the shell will split them.
    std::vector<std::string> words(1);
    char quote = 0;
    for (const char c : command) {
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == ' ') {
            if (!words.back().empty()) words.emplace_back();
            continue;
        }
        words.back() += c;
    }
    if (words.back().empty()) words.pop_back();

    std::string out, line;
    for (const auto& w : words) {
        if (line.empty()) {
            line = w;
        } else if (columns(line) + 1 + columns(w) + 2 > max_columns) {
            // Each line keeps room for the " \" that continues it.
            out += line + " \\\n";
            line = "    " + w;
        } else {
            line += " " + w;
        }
    }
    return out + line;
}

Result<std::shared_ptr<const core::Clock>> clock_from_env(const char* kith_now) {
    if (kith_now && *kith_now) {
        const auto t = core::parse_iso(kith_now);
        if (!t)
            return make_error(ErrorCode::invalid_input,
                              std::string("KITH_NOW='") + kith_now + "' is not an ISO 8601 time",
                              "Example: KITH_NOW=2026-11-25T09:00:00Z, or unset it.");
        return std::shared_ptr<const core::Clock>(std::make_shared<core::FixedClock>(*t));
    }
    return std::shared_ptr<const core::Clock>(std::make_shared<core::SystemClock>());
}

std::chrono::seconds local_utc_offset(core::TimePoint at) {
    const std::time_t t = core::to_unix(at);
    std::tm tm{};
    localtime_r(&t, &tm);
    return std::chrono::seconds{tm.tm_gmtoff};
}

fs::path gui_config_path() {
    if (const auto xdg = env_or_empty("XDG_CONFIG_HOME"); !xdg.empty())
        return fs::path(xdg) / "kith" / "kith-gui.conf";
    const auto home = env_or_empty("HOME");
    return fs::path(home.empty() ? "." : home) / ".config" / "kith" / "kith-gui.conf";
}

}  // namespace kith::app
