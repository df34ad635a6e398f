#include "bench/harness/child_run.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <stdexcept>

namespace kith::bench {

namespace {

/// Reads what is there on `fd` into `into`; false at end of file.
bool drain(int fd, std::string& into) {
    char buf[65536];
    const auto n = ::read(fd, buf, sizeof buf);
    if (n > 0) into.append(buf, static_cast<std::size_t>(n));
    return n > 0 || (n < 0 && errno == EINTR);
}

}  // namespace

ChildRun run_child(const std::vector<std::string>& argv,
                   const std::map<std::string, std::string>& env, double timeout_s) {
    int out_pipe[2], err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0)
        throw std::runtime_error("pipe failed");
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
        for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    ChildRun run;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    bool open[2] = {true, true};
    bool killed = false;
    while (open[0] || open[1]) {
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!killed && elapsed > timeout_s) {
            ::kill(pid, SIGKILL);
            killed = true;
        }
        for (int i = 0; i < 2; ++i) fds[i].fd = open[i] ? (i ? err_pipe[0] : out_pipe[0]) : -1;
        if (::poll(fds, 2, 500) < 0 && errno != EINTR) break;
        for (int i = 0; i < 2; ++i)
            if (open[i] && (fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                open[i] = drain(fds[i].fd, i ? run.err : run.out);
    }
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    int status = 0;
    rusage usage{};
    while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    run.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.cpu_s = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    run.peak_rss_mb = usage.ru_maxrss / 1024;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

}  // namespace kith::bench
