// `kith` before any window: its options, the display check, the directions it prints without a
// display (also from the real binary in a child process), and the clock.
#include <doctest/doctest.h>

#include <stdio.h>
#include <sys/wait.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/gui/launch_options.h"
#include "db/database.h"
#include "tests/app/gui/gui_test_support.h"

using namespace kith;
namespace fs = std::filesystem;

namespace {

struct Run {
    int exit_code = -1;
    std::string output;  ///< stdout and stderr together
};

// Runs a shell command line and collects its output; the environment is the suite's own.
Run run_shell(const std::string& command) {
    Run r;
    FILE* p = ::popen((command + " 2>&1").c_str(), "r");
    REQUIRE(p != nullptr);
    std::array<char, 4096> buf{};
    while (const size_t n = std::fread(buf.data(), 1, buf.size(), p))
        r.output.append(buf.data(), n);
    const int status = ::pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

core::Result<app::LaunchOptions> parse(std::vector<std::string> args) {
    return app::parse_launch_options(args);
}

}  // namespace

TEST_CASE("parse_launch_options: the options kith knows") {
    auto none = parse({});
    REQUIRE(none);
    CHECK(!none->db);
    CHECK(!none->demo);
    CHECK(!none->help);

    auto db = parse({"--db", "/tmp/my kith.db"});
    REQUIRE(db);
    CHECK(*db->db == "/tmp/my kith.db");
    auto db_eq = parse({"--db=/tmp/k.db"});
    REQUIRE(db_eq);
    CHECK(*db_eq->db == "/tmp/k.db");

    auto demo = parse({"--demo"});
    REQUIRE(demo);
    CHECK(demo->demo);
    CHECK(parse({"-h"})->help);
    CHECK(parse({"--help"})->help);

    auto display = parse({"--display", ":3"});
    REQUIRE(display);
    CHECK(display->display_arg == ":3");
    CHECK(display->toolkit_args == std::vector<std::string>{"--display=:3"});

    struct Bad {
        std::vector<std::string> args;
        const char* in_message;
    };
    const Bad bad[] = {
        {{"--db"}, "--db needs a file name"},
        {{"--db="}, "--db needs a file name"},
        {{"--db", "a.db", "--demo"}, "--db and --demo"},
        {{"--verbose"}, "unknown option '--verbose'"},
        {{"today"}, "unknown option 'today'"},  // a kith-cli habit
        {{"--display"}, "--display needs"},
    };
    for (const auto& b : bad) {
        auto r = parse(b.args);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == core::ErrorCode::invalid_input);
        CHECK(r.error().message.find(b.in_message) != std::string::npos);
        CHECK_FALSE(r.error().hint.empty());
    }
}

TEST_CASE("launch_database_path: --db, else the demo file, else the default (KITH_DB first)") {
    app::LaunchOptions o;
    o.db = "/tmp/x.db";
    CHECK(app::launch_database_path(o) == "/tmp/x.db");
    o.db.reset();
    o.demo = true;
    CHECK(app::launch_database_path(o) == db::default_database_path(true));
    CHECK(app::launch_database_path(o).filename() == "demo.db");
    o.demo = false;
    ::setenv("KITH_DB", "/tmp/from-env.db", 1);
    CHECK(app::launch_database_path(o) == "/tmp/from-env.db");
    o.demo = true;  // demo data never goes where KITH_DB points
    CHECK(app::launch_database_path(o) != "/tmp/from-env.db");
    ::unsetenv("KITH_DB");
}

TEST_CASE("has_display: X, Wayland or --display") {
    app::LaunchOptions o;
    CHECK_FALSE(app::has_display("", "", o));
    CHECK(app::has_display(":0", "", o));
    CHECK(app::has_display("", "wayland-0", o));
    o.display_arg = ":5";
    CHECK(app::has_display("", "", o));
}

TEST_CASE("shell_quote") {
    CHECK(app::shell_quote("/usr/bin/kith") == "/usr/bin/kith");
    CHECK(app::shell_quote("--db=/tmp/k.db") == "--db=/tmp/k.db");
    CHECK(app::shell_quote("/tmp/my kith.db") == "'/tmp/my kith.db'");
    CHECK(app::shell_quote("it's") == "'it'\\''s'");
    CHECK(app::shell_quote("") == "''");
    CHECK(app::shell_quote("$HOME") == "'$HOME'");
}

TEST_CASE("no_display_message: says why and shows the ways in") {
    app::NoDisplayHelp h;
    h.kith_exe = "/opt/kith build/app/gui/kith";
    h.cli_exe = "/opt/kith build/app/cli/kith-cli";
    h.args = {"--db", "/tmp/a b.db"};
    h.cli_db = "/tmp/a b.db";
    const std::string m = app::no_display_message(h);
    CHECK(m.find("no display found") != std::string::npos);
    CHECK(m.find("xvfb-run -a '/opt/kith build/app/gui/kith' --db '/tmp/a b.db'\n") !=
          std::string::npos);
    CHECK(m.find("'/opt/kith build/app/cli/kith-cli' --help\n") != std::string::npos);
    CHECK(m.find("'/opt/kith build/app/cli/kith-cli' --db '/tmp/a b.db' today\n") !=
          std::string::npos);

    h.failed_display = ":7";
    h.cli_db.reset();
    h.cli_exe = "kith-cli";
    const std::string failed = app::no_display_message(h);
    CHECK(failed.find("cannot open the display ':7'") != std::string::npos);
    CHECK(failed.find("  kith-cli today\n") != std::string::npos);
}

TEST_CASE("find_cli_beside: installed side by side, or in the build tree, else on PATH") {
    test::TempDir dir;
    auto touch = [](const fs::path& p) {
        fs::create_directories(p.parent_path());
        std::ofstream(p) << "#!/bin/sh\n";
    };
    touch(dir / "bin/kith");
    touch(dir / "bin/kith-cli");
    CHECK(app::find_cli_beside(dir / "bin/kith") == (dir / "bin/kith-cli").string());
    touch(dir / "build/app/gui/kith");
    touch(dir / "build/app/cli/kith-cli");
    CHECK(app::find_cli_beside(dir / "build/app/gui/kith") ==
          (dir / "build/app/cli/kith-cli").string());
    touch(dir / "lonely/kith");
    CHECK(app::find_cli_beside(dir / "lonely/kith") == "kith-cli");
}

TEST_CASE("cli_command: --db only when the file is not kith-cli's default") {
    CHECK(app::cli_command(db::default_database_path(false), "today") == "kith-cli today");
    CHECK(app::cli_command("/tmp/other file.db", "import --help") ==
          "kith-cli --db '/tmp/other file.db' import --help");
}

TEST_CASE("clock_from_env: KITH_NOW fixes now; a bad value is an error with an example") {
    auto fixed = app::clock_from_env("2026-11-25T12:00:00Z");
    REQUIRE(fixed);
    CHECK((*fixed)->now() == test::test_now());
    auto system = app::clock_from_env(nullptr);
    REQUIRE(system);
    const auto wall = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    CHECK(std::chrono::abs((*system)->now() - wall) < std::chrono::seconds{5});
    CHECK(app::clock_from_env(""));
    auto bad = app::clock_from_env("next tuesday");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == core::ErrorCode::invalid_input);
    CHECK(bad.error().message.find("next tuesday") != std::string::npos);
    CHECK(bad.error().hint.find("KITH_NOW=2026-11-25T09:00:00Z") != std::string::npos);
}

TEST_CASE("the kith binary without a display: directions on stderr, exit 2, nothing written") {
    test::TempDir dir;
    const fs::path db = dir / "never created.db";
    const std::string kith = app::shell_quote(KITH_GUI_EXE);
    const std::string db_arg = app::shell_quote(db.string());

    SUBCASE("no DISPLAY and no WAYLAND_DISPLAY") {
        const Run r = run_shell("env -u DISPLAY -u WAYLAND_DISPLAY " + kith + " --db " + db_arg);
        CHECK(r.exit_code == 2);
        CHECK(r.output.find("no display found") != std::string::npos);
        CHECK(r.output.find("xvfb-run -a " + kith + " --db " + db_arg) != std::string::npos);
        CHECK(r.output.find("kith-cli --help") != std::string::npos);
        CHECK(r.output.find("kith-cli --db " + db_arg + " today") != std::string::npos);
        CHECK_FALSE(fs::exists(db));
    }
    SUBCASE("a display that cannot be opened") {
        const Run r = run_shell("env -u WAYLAND_DISPLAY DISPLAY=:4242 " + kith + " --db " + db_arg);
        CHECK(r.exit_code == 2);
        CHECK(r.output.find("cannot open the display ':4242'") != std::string::npos);
        CHECK(r.output.find("xvfb-run -a ") != std::string::npos);
        CHECK_FALSE(fs::exists(db));
    }
    SUBCASE("--help needs no display") {
        const Run r = run_shell("env -u DISPLAY -u WAYLAND_DISPLAY " + kith + " --help");
        CHECK(r.exit_code == 0);
        CHECK(r.output.find("Usage: kith [--db PATH | --demo]") != std::string::npos);
    }
    SUBCASE("a wrong option is refused before anything else") {
        const Run r = run_shell(kith + " --bogus");
        CHECK(r.exit_code == 2);
        CHECK(r.output.find("unknown option '--bogus'") != std::string::npos);
    }
}

TEST_CASE("wrap_command: shell continuation lines at spaces outside quotes") {
    const std::string cmd =
        "kith-cli --db '/tmp/my kith.db' log \"Ana Ruiz\" --notes \"grant writing\" --due fri";
    CHECK(app::wrap_command(cmd, 200) == cmd);
    CHECK(app::wrap_command(cmd, 40) ==
          "kith-cli --db '/tmp/my kith.db' log \\\n"
          "    \"Ana Ruiz\" --notes \"grant writing\" \\\n"
          "    --due fri");
    // Every line fits, continuation included.
    const std::string wrapped = app::wrap_command(cmd, 40);
    std::size_t start = 0;
    while (start < wrapped.size()) {
        const auto end = std::min(wrapped.find('\n', start), wrapped.size());
        CHECK(end - start <= 40);
        start = end + 1;
    }
    CHECK(app::wrap_command("averyveryverylongword b", 5) == "averyveryverylongword \\\n    b");
    CHECK(app::wrap_command("  a   b  ", 80) == "a b");
    CHECK(app::wrap_command("", 80).empty());
}
