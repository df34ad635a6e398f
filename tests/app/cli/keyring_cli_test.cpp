// Secrets in the desktop keyring, end to end: the real kith-cli against a real GNOME Keyring on a
// private D-Bus session (with_keyring.sh runs this suite), a real Mastodon API stand-in
// (tests/import/mastodon_server.py) and a real Dovecot, all on 127.0.0.1. The secret is typed
// once (`source add`, on stdin here as a pipe would give it) and then found in the keyring — and
// nowhere else: not in the database, its WAL, any file kith-cli writes, its output, or any
// process's command line while the import runs.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>

#include "tests/app/cli/subprocess.h"
#include "tests/import/dovecot_server.h"
#include "tests/import/loopback_server.h"
#include "tests/test_paths.h"

using kith::test::DovecotServer;
using kith::test::KithCli;
using kith::test::ProcessResult;
using kith::test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kToken = "good-token";  // the one mastodon_server.py accepts

/// The Mastodon stand-in; `rate_limit_once` makes the first run wait a second (Retry-After 1),
/// long enough to watch the processes while the import runs.
struct Mastodon {
    TempDir dir;
    kith::import::test::LoopbackServer server{
        kith::test::source_dir() + "/tests/import/mastodon_server.py", {dir.path().string()}};
    explicit Mastodon(bool rate_limit_once) {
        kith::test::write_file(dir / "state.json",
                               std::string("{\"phase\":1,\"rate_limit_once\":") +
                                   (rate_limit_once ? "true" : "false") + ",\"drop_once\":false}");
    }
    std::string url() const { return server.url(); }
};

/// A file holding `secret` and a newline, to be the child's stdin.
std::string secret_file(const TempDir& dir, const std::string& name, const std::string& secret) {
    const auto path = dir / name;
    kith::test::write_file(path, secret + "\n");
    return path.string();
}

/// Every process's command line, NULs as spaces.
std::string all_command_lines() {
    std::string all;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/proc", ec)) {
        const auto name = e.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::string line;
        try {
            line = kith::test::read_file(e.path() / "cmdline");
        } catch (...) {
            continue;  // the process ended meanwhile
        }
        for (auto& c : line)
            if (c == '\0') c = ' ';
        all += line + "\n";
    }
    return all;
}

/// Runs `args` while scanning the command lines of all processes and the database's WAL; the
/// secret must be in none of them. Returns the run's result.
ProcessResult run_watched(const KithCli& cli, const std::vector<std::string>& args,
                          const std::string& secret) {
    ProcessResult result;
    std::atomic<bool> done{false};
    std::thread child([&] {
        result = cli.run(args);
        done = true;
    });
    int saw_kith = 0, scans = 0;
    bool in_cmdline = false, in_wal = false;
    while (!done) {
        const auto lines = all_command_lines();
        ++scans;
        if (lines.find("kith-cli") != std::string::npos) ++saw_kith;
        in_cmdline = in_cmdline || lines.find(secret) != std::string::npos;
        std::error_code ec;
        if (fs::exists(cli.db.string() + "-wal", ec)) {
            try {
                in_wal = in_wal || kith::test::read_file(cli.db.string() + "-wal").find(secret) !=
                                       std::string::npos;
            } catch (...) {
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    child.join();
    INFO("scans: " << scans);
    CHECK(saw_kith > 0);  // the scan did see the import running, so its silence means something
    CHECK_FALSE(in_cmdline);
    CHECK_FALSE(in_wal);
    return result;
}

/// No file under `dir` but `except` holds `secret` (database, WAL, journal, logs, XDG folders).
void expect_in_no_file(const TempDir& dir, const std::string& secret, const std::string& except) {
    int files = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir.path())) {
        if (!e.is_regular_file() || e.path() == except) continue;
        ++files;
        INFO("file: " << e.path());
        CHECK(kith::test::read_file(e.path()).find(secret) == std::string::npos);
    }
    CHECK(files > 0);
}

}  // namespace

TEST_CASE("keyring: mastodon token typed once, then read from the keyring and found nowhere else") {
    Mastodon api(/*rate_limit_once=*/true);
    TempDir dir;
    KithCli cli(dir);
    cli.env["KITH_MASTODON_TOKEN"] = std::nullopt;
    const auto token_file = secret_file(dir, "typed-token", kToken);

    cli.stdin_path = token_file;
    const auto added = cli.run({"source", "add", "mastodon", api.url()});
    INFO("stderr: " << added.err);
    REQUIRE(added.exit_code == 0);
    CHECK(added.out.find("keyring") != std::string::npos);
    CHECK(added.out.find(kToken) == std::string::npos);

    cli.stdin_path = "/dev/null";  // from now on nothing is typed: the keyring answers
    const auto first = run_watched(cli, {"import", "mastodon", api.url(), "--json"}, kToken);
    INFO("stderr: " << first.err);
    REQUIRE(first.exit_code == 0);
    const auto j = nlohmann::json::parse(first.out);
    CHECK(j["added"].get<int>() > 0);
    CHECK((first.out + first.err).find(kToken) == std::string::npos);

    // Re-running duplicates nothing, and the source registered by `source add` is the one run.
    const auto again = cli.json({"import", "mastodon", api.url()});
    CHECK(again["added"].get<int>() == 0);
    const auto stats = cli.run({"stats", "--json"});
    CHECK(stats.out.find(kToken) == std::string::npos);
    expect_in_no_file(dir, kToken, token_file);

    // Forgotten: the import says what is missing and how to store it again.
    const auto forgot = cli.run({"source", "forget-secret", "mastodon", api.url()});
    REQUIRE(forgot.exit_code == 0);
    CHECK(forgot.out.find("removed from the keyring") != std::string::npos);
    kith::test::expect_clean_failure(
        cli.run({"import", "mastodon", api.url()}), 3,
        "no Mastodon access token for " + api.url() + " in the keyring",
        "kith-cli source add mastodon " + api.url());

    // Opting in to typing it each time works without the keyring entry.
    cli.stdin_path = token_file;
    const auto asked = cli.run({"import", "mastodon", api.url(), "--ask-password"});
    INFO("stderr: " << asked.err);
    CHECK(asked.exit_code == 0);
}

TEST_CASE("keyring: a refused token names the account and how to enter the right one") {
    Mastodon api(/*rate_limit_once=*/false);
    TempDir dir;
    KithCli cli(dir);
    cli.env["KITH_MASTODON_TOKEN"] = std::nullopt;
    cli.stdin_path = secret_file(dir, "typed-token", "revoked-token");
    REQUIRE(cli.run({"source", "add", "mastodon", api.url()}).exit_code == 0);
    cli.stdin_path = "/dev/null";
    const auto r = cli.run({"import", "mastodon", api.url()});
    kith::test::expect_clean_failure(r, 1, "access token was refused by " + api.url(),
                                     "stored in the keyring for " + api.url() +
                                         " is wrong or expired. Enter the right one with: "
                                         "kith-cli source add mastodon " +
                                         api.url());
    CHECK(r.err.find("revoked-token") == std::string::npos);
}

TEST_CASE("keyring: imap password typed once, the import logs in with it from the keyring") {
    DovecotServer server;
    server.deliver("", "1700000000.m1",
                   "From: Ana Ruiz <ana.ruiz@example.org>\r\nTo: me@example.org\r\nSubject: hi\r\n"
                   "Date: Tue, 03 Nov 2026 10:00:00 +0000\r\nMessage-ID: <k1@example.org>\r\n\r\n"
                   "See you soon.\r\n");
    TempDir dir;
    KithCli cli(dir);
    cli.env["KITH_IMAP_PASSWORD"] = std::nullopt;
    const std::string password = DovecotServer::kPassword;
    const auto typed = secret_file(dir, "typed-password", password);

    SUBCASE("the right password") {
        cli.stdin_path = typed;
        REQUIRE(cli.run({"source", "add", "imap", server.url()}).exit_code == 0);
        cli.stdin_path = "/dev/null";
        const auto r = run_watched(
            cli, {"import", "imap", server.url(), "--option", "ca_file=" + server.ca_file()},
            password);
        INFO("stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(r.out.find("1 added") != std::string::npos);
        CHECK((r.out + r.err).find(password) == std::string::npos);
        expect_in_no_file(dir, password, typed);
    }
    SUBCASE("a wrong one stored") {
        cli.stdin_path = secret_file(dir, "typed-wrong", "not-the-password");
        REQUIRE(cli.run({"source", "add", "imap", server.url()}).exit_code == 0);
        cli.stdin_path = "/dev/null";
        const auto key = "imaps://ana@127.0.0.1:" + std::to_string(server.port());
        kith::test::expect_clean_failure(
            cli.run({"import", "imap", server.url(), "--option", "ca_file=" + server.ca_file()}), 1,
            "refused the login of ana",
            "IMAP password stored in the keyring for " + key +
                " is wrong or expired. Enter the right one with: kith-cli source add imap " +
                server.url());
    }
}

TEST_CASE("keyring: without a Secret Service the message says so and offers --ask-password") {
    Mastodon api(/*rate_limit_once=*/false);
    TempDir dir;
    KithCli cli(dir);
    cli.env["KITH_MASTODON_TOKEN"] = std::nullopt;
    cli.env["DBUS_SESSION_BUS_ADDRESS"] = std::nullopt;  // no session bus, as on a bare server
    cli.env["DISPLAY"] = std::nullopt;                   // and none to autolaunch
    kith::test::expect_clean_failure(cli.run({"import", "mastodon", api.url()}), 1,
                                     "the desktop keyring (Secret Service) is not available",
                                     "add --ask-password to be asked every time");
    kith::test::expect_clean_failure(cli.run({"source", "add", "mastodon", api.url()}), 1,
                                     "the desktop keyring (Secret Service) is not available",
                                     "gnome-keyring-daemon --unlock");
    // Never a silent plaintext fallback: the opt-in prompt works, and nothing was stored.
    cli.stdin_path = secret_file(dir, "typed-token", kToken);
    const auto r = cli.run({"import", "mastodon", api.url(), "--ask-password"});
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 0);
    expect_in_no_file(dir, kToken, cli.stdin_path);
}
