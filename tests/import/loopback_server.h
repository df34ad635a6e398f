#pragma once
// Starts a test server script (python3) on 127.0.0.1, reads the port it prints ("PORT n"), and
// stops it (SIGTERM to its own pid) when the object goes out of scope.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace kith::import::test {

class LoopbackServer {
  public:
    LoopbackServer(const std::string& script, const std::vector<std::string>& args) {
        int out[2];
        if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
        m_pid = ::fork();
        if (m_pid < 0) throw std::runtime_error("fork failed");
        if (m_pid == 0) {
            ::dup2(out[1], 1);
            ::close(out[0]);
            ::close(out[1]);
            std::vector<char*> argv{const_cast<char*>("python3"),
                                    const_cast<char*>(script.c_str())};
            for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            ::execvp("python3", argv.data());
            ::_exit(127);
        }
        ::close(out[1]);
        FILE* f = ::fdopen(out[0], "r");
        char line[64] = {};
        if (!f || !std::fgets(line, sizeof line, f) || std::sscanf(line, "PORT %d", &m_port) != 1) {
            if (f) std::fclose(f);
            stop();
            throw std::runtime_error("test server did not start: " + script);
        }
        std::fclose(f);
    }
    ~LoopbackServer() { stop(); }
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

  private:
    void stop() {
        if (m_pid <= 0) return;
        ::kill(m_pid, SIGTERM);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
    }
    pid_t m_pid = -1;
    int m_port = 0;
};

}  // namespace kith::import::test
