#pragma once
// Runs a program as a child process and measures it: wall time, CPU time and peak resident
// memory from wait4's rusage (the child's own, not this process's).

#include <map>
#include <string>
#include <vector>

namespace kith::bench {

/// What a finished child did.
struct ChildRun {
    int exit_code = -1;  ///< exit status, or 128 + signal when killed
    double wall_s = 0, cpu_s = 0;
    long peak_rss_mb = 0;
    std::string out, err;  ///< everything it printed
};

/// Runs `argv` (argv[0] searched in PATH) with `env` added to the environment, waits for it and
/// returns its output and usage. Kills it after `timeout_s` (exit code 128 + SIGKILL). Throws
/// std::runtime_error when it cannot be started.
ChildRun run_child(const std::vector<std::string>& argv,
                   const std::map<std::string, std::string>& env = {}, double timeout_s = 3600);

}  // namespace kith::bench
