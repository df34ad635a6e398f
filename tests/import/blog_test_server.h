#pragma once
// A python3 test server on 127.0.0.1, started by the test and stopped with it.

#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace kith::import::test {

/// Runs `python3 SCRIPT`, which must print "PORT <n>" once it listens on 127.0.0.1; kills it
/// (SIGTERM, then SIGKILL) when the object goes.
class BlogTestServer {
  public:
    explicit BlogTestServer(const std::string& script) {
        int out[2];
        REQUIRE(::pipe(out) == 0);
        m_pid = ::fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            ::close(out[0]);
            ::close(out[1]);
            ::execlp("python3", "python3", script.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(out[1]);
        std::FILE* f = ::fdopen(out[0], "r");
        REQUIRE(f);
        char line[64] = {};
        const bool got = std::fgets(line, sizeof line, f) != nullptr;
        std::fclose(f);
        REQUIRE_MESSAGE(got, "the test server did not start (is python3 installed?)");
        REQUIRE(std::sscanf(line, "PORT %d", &m_port) == 1);
    }
    ~BlogTestServer() {
        ::kill(m_pid, SIGTERM);
        for (int i = 0; i < 50; ++i) {
            if (::waitpid(m_pid, nullptr, WNOHANG) == m_pid) return;
            ::usleep(20000);
        }
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
    }
    BlogTestServer(const BlogTestServer&) = delete;
    BlogTestServer& operator=(const BlogTestServer&) = delete;

    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(m_port) + path;
    }

  private:
    pid_t m_pid = -1;
    int m_port = 0;
};

}  // namespace kith::import::test
