#pragma once
// Running the real kith-cli binary in a child process with its own environment, capturing
// stdout, stderr and the exit code; and the checks every command-line test shares.

#include <doctest/doctest.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tests/db/temp_dir.h"
#include "tests/test_paths.h"

extern char** environ;

namespace kith::test {

/// What a finished child process left: its exit code (-1 if a signal or the timeout ended it)
/// and everything it wrote.
struct ProcessResult {
    int exit_code = -1;
    std::string out, err;

    /// stderr split at newlines (a final newline ends the last line, it does not start one).
    std::vector<std::string> err_lines() const {
        std::vector<std::string> lines;
        std::size_t start = 0;
        while (start < err.size()) {
            const auto nl = err.find('\n', start);
            lines.push_back(err.substr(start, nl == std::string::npos ? nl : nl - start));
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
        return lines;
    }
};

/// Environment changes for a child: a value sets the variable, nullopt removes it.
using EnvChanges = std::map<std::string, std::optional<std::string>>;

/// This process's environment changed by `env`, as "NAME=value" strings.
inline std::vector<std::string> child_environment(const EnvChanges& env) {
    std::map<std::string, std::string> vars;
    for (char** e = environ; *e; ++e) {
        const std::string kv = *e;
        const auto eq = kv.find('=');
        if (eq != std::string::npos) vars[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    for (const auto& [name, value] : env) {
        if (value)
            vars[name] = *value;
        else
            vars.erase(name);
    }
    std::vector<std::string> env_strings;
    for (const auto& [name, value] : vars) env_strings.push_back(name + "=" + value);
    return env_strings;
}

/// Starts `argv` with the environment changed by `env`, stdin, stdout and stderr on /dev/null;
/// returns its pid. The caller waits for it (or kills it).
inline pid_t spawn_process(const std::vector<std::string>& argv, const EnvChanges& env) {
    auto env_strings = child_environment(env);
    std::vector<char*> envp, args;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> argv_copy = argv;
    for (auto& s : argv_copy) args.push_back(s.data());
    args.push_back(nullptr);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int null_fd = ::open("/dev/null", O_RDWR);
        for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) ::dup2(null_fd, fd);
        ::execve(args[0], args.data(), envp.data());
        ::_exit(127);
    }
    return pid;
}

/// Runs `argv` (argv[0] is the program's path) with this process's environment changed by
/// `env`, stdin from `stdin_path` (never a terminal), and, with `as_nobody`, as the
/// unprivileged user nobody (root only). Kills the child after `timeout`.
inline ProcessResult run_process(const std::vector<std::string>& argv, const EnvChanges& env,
                                 bool as_nobody = false,
                                 std::chrono::seconds timeout = std::chrono::seconds{60},
                                 const std::string& stdin_path = "/dev/null") {
    auto env_strings = child_environment(env);
    std::vector<char*> envp, args;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> argv_copy = argv;
    for (auto& s : argv_copy) args.push_back(s.data());
    args.push_back(nullptr);

    int out_pipe[2], err_pipe[2];
    REQUIRE(::pipe2(out_pipe, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(err_pipe, O_CLOEXEC) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int null_in = ::open(stdin_path.c_str(), O_RDONLY);
        ::dup2(null_in, STDIN_FILENO);
        ::dup2(out_pipe[1], STDOUT_FILENO);
        ::dup2(err_pipe[1], STDERR_FILENO);
        if (as_nobody && (::setgroups(0, nullptr) != 0 || ::setgid(kNobodyGid) != 0 ||
                          ::setuid(kNobodyUid) != 0))
            ::_exit(126);
        ::execve(args[0], args.data(), envp.data());
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);

    ProcessResult result;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int open_fds = 2;
    bool timed_out = false;
    while (open_fds > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timed_out = true;
            break;
        }
        if (::poll(fds, 2, static_cast<int>(left.count())) < 0) break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            char buf[4096];
            const auto n = ::read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                sinks[i]->append(buf, static_cast<std::size_t>(n));
            } else {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
            }
        }
    }
    if (timed_out) ::kill(pid, SIGKILL);
    for (const auto& f : fds)
        if (f.fd >= 0) ::close(f.fd);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = !timed_out && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    REQUIRE_MESSAGE(result.exit_code != 126, "could not drop privileges to nobody");
    REQUIRE_MESSAGE(result.exit_code != 127, ("could not start " + argv.front()));
    return result;
}

/// "Now" for every command-line test: Wednesday 2026-11-25 12:00 UTC.
inline constexpr const char* kCliNow = "2026-11-25T12:00:00Z";

/// The kith-cli built with these tests, run against files in one TempDir: the database
/// `dir/kith.db`, XDG_DATA_HOME `dir/xdg`, HOME `dir/home`, KITH_DB unset, KITH_NOW fixed, TZ UTC
/// — never the user's own data, never today's date.
class KithCli {
  public:
    explicit KithCli(const TempDir& dir)
        : db(dir / "kith.db"),
          env{{"KITH_NOW", kCliNow},
              {"TZ", "UTC"},
              {"XDG_DATA_HOME", (dir / "xdg").string()},
              {"HOME", (dir / "home").string()},
              {"KITH_DB", std::nullopt},
              {"KITH_BUSY_TIMEOUT_MS", std::nullopt}} {}

    fs::path db;     ///< passed as --db by run()
    EnvChanges env;  ///< the child's environment changes
    bool as_nobody = false;
    std::string stdin_path = "/dev/null";  ///< what the child reads as stdin

    /// `kith-cli --db DB args…`
    ProcessResult run(const std::vector<std::string>& args) const {
        std::vector<std::string> all = {"--db", db.string()};
        all.insert(all.end(), args.begin(), args.end());
        return run_without_db(all);
    }

    /// `kith-cli args…` (the database comes from the environment).
    ProcessResult run_without_db(const std::vector<std::string>& args) const {
        std::vector<std::string> argv = {program()};
        argv.insert(argv.end(), args.begin(), args.end());
        return run_process(argv, env, as_nobody, std::chrono::seconds{60}, stdin_path);
    }

    /// Runs a command that must succeed; the test stops if it does not.
    ProcessResult ok(const std::vector<std::string>& args) const {
        auto r = run(args);
        INFO("kith-cli stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        return r;
    }

    /// Runs `args… --json`, which must succeed with only JSON on stdout; returns it parsed.
    nlohmann::json json(std::vector<std::string> args) const {
        args.push_back("--json");
        const auto r = ok(args);
        INFO("kith-cli stdout: " << r.out);
        const auto j = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
        REQUIRE(!j.is_discarded());
        return j;
    }

    /// Same as `json`, with KITH_NOW set to `now` for this one run.
    nlohmann::json json_at(const std::string& now, std::vector<std::string> args) const {
        KithCli at = *this;
        at.env["KITH_NOW"] = now;
        return at.json(std::move(args));
    }

    static std::string program() { return kith::test::binary_dir() + "/app/cli/kith-cli"; }
};

/// The failure contract of every command: exit code `code`, nothing on stdout, and exactly one
/// line on stderr, "kith-cli: MESSAGE. HINT", whose message contains `message` and hint `hint`.
inline void expect_clean_failure(const ProcessResult& r, int code, const std::string& message,
                                 const std::string& hint) {
    INFO("stderr: " << r.err);
    INFO("stdout: " << r.out);
    CHECK(r.exit_code == code);
    CHECK(r.out.empty());
    const auto lines = r.err_lines();
    REQUIRE(lines.size() == 1);
    CHECK(r.err.back() == '\n');
    const auto& line = lines.front();
    CHECK(line.rfind("kith-cli: ", 0) == 0);
    const auto msg_at = line.find(message);
    CHECK(msg_at != std::string::npos);
    const auto hint_at = line.rfind(hint);
    CHECK(hint_at != std::string::npos);
    if (msg_at != std::string::npos && hint_at != std::string::npos) CHECK(hint_at > msg_at);
}

}  // namespace kith::test
