// IMAP end to end: the real kith-cli against a real Dovecot on 127.0.0.1, through a relay that can
// cut the connection in the middle of a fetch.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>

#include "tests/app/cli/subprocess.h"
#include "tests/import/dovecot_server.h"

using kith::test::DovecotServer;
using kith::test::KithCli;
using kith::test::TempDir;

namespace {

/// Forwards TCP connections from a free 127.0.0.1 port to `target_port`; while `drop_after` is
/// non-zero, each connection is cut once that many bytes have gone from the server to the client.
class Relay {
  public:
    std::atomic<std::size_t> drop_after{0};

    explicit Relay(int target_port) : m_target(target_port) {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a = loopback(0);
        ::bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a);
        socklen_t len = sizeof a;
        ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len);
        m_port = ntohs(a.sin_port);
        ::listen(m_listen, 4);
        m_thread = std::thread([this] { serve(); });
    }
    ~Relay() {
        m_stop = true;
        m_thread.join();
        ::close(m_listen);
    }
    int port() const { return m_port; }

  private:
    static sockaddr_in loopback(int port) {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(static_cast<std::uint16_t>(port));
        return a;
    }

    void serve() {
        while (!m_stop) {
            pollfd p{m_listen, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            const int client = ::accept(m_listen, nullptr, nullptr);
            if (client < 0) continue;
            const int server = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in a = loopback(m_target);
            if (::connect(server, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0)
                pump(client, server);
            ::close(server);
            ::close(client);
        }
    }

    // One connection at a time is all kith-cli opens.
    void pump(int client, int server) {
        std::size_t down = 0;
        const std::size_t limit = drop_after;
        char buf[16384];
        while (!m_stop) {
            pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
            if (::poll(fds, 2, 50) < 0) return;
            for (int i = 0; i < 2; ++i) {
                if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
                const auto n = ::read(fds[i].fd, buf, sizeof buf);
                if (n <= 0) return;
                const int to = i == 0 ? server : client;
                std::size_t send = static_cast<std::size_t>(n);
                if (i == 1 && limit && down + send >= limit) send = limit - down;
                if (::write(to, buf, send) != static_cast<ssize_t>(send)) return;
                if (i == 1) down += send;
                if (limit && down >= limit) return;  // the cut: mid-response
            }
        }
    }

    int m_target, m_port = 0, m_listen = -1;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

std::string message(int i) {
    return "From: Person " + std::to_string(i % 7) + " <p" + std::to_string(i % 7) +
           "@example.org>\r\nTo: me@example.org\r\nSubject: note " + std::to_string(i) +
           "\r\nDate: Tue, 03 Nov 2026 10:00:00 +0000\r\nMessage-ID: <imap" + std::to_string(i) +
           "@x>\r\n\r\n" + std::string(300, 'x') + "\r\n";
}

}  // namespace

TEST_CASE(
    "import imap: a cut connection fails cleanly and the rerun completes without duplicates") {
    DovecotServer server;
    constexpr int kMessages = 250;  // three fetch batches
    for (int i = 0; i < kMessages; ++i)
        server.deliver("", std::to_string(1700000000 + i) + ".m", message(i));
    Relay relay(server.port());
    TempDir dir;
    KithCli cli(dir);
    cli.env["KITH_IMAP_PASSWORD"] = DovecotServer::kPassword;
    cli.ok({"me", "add-identity", "me@example.org"});
    const std::string url = "imaps://ana@127.0.0.1:" + std::to_string(relay.port()) + "/INBOX";
    const std::vector<std::string> import = {"import", "imap", url, "--option",
                                             "ca_file=" + server.ca_file()};

    relay.drop_after = 60000;  // inside the first fetch batch
    const auto cut = cli.run(import);
    INFO("stderr: " << cut.err);
    CHECK(cut.exit_code != 0);
    CHECK(cut.out.empty());
    CHECK(cut.err.find("lost") != std::string::npos);

    relay.drop_after = 0;
    auto j = cli.json(import);
    CHECK(j["warnings"] == 0);
    CHECK(cli.json({"stats"})["interactions"] == kMessages);

    // Incremental: a new message only.
    server.deliver("", "1800000000.new", message(kMessages));
    j = cli.json(import);
    CHECK(j["added"] == 1);
    CHECK(cli.json({"stats"})["interactions"] == kMessages + 1);

    // The password is never in the database or the output.
    const auto db = kith::test::read_file(cli.db);
    CHECK(db.find(DovecotServer::kPassword) == std::string::npos);
}

TEST_CASE("import imap: a wrong password is one clear line and changes nothing") {
    DovecotServer server;
    server.deliver("", "1700000000.m", message(1));
    TempDir dir;
    KithCli cli(dir);
    cli.env["KITH_IMAP_PASSWORD"] = "not the password";
    const auto r =
        cli.run({"import", "imap", server.url(), "--option", "ca_file=" + server.ca_file()});
    CHECK(r.exit_code != 0);
    CHECK(r.out.empty());
    REQUIRE(r.err_lines().size() == 1);
    CHECK(r.err.find("refused the login of ana") != std::string::npos);
    CHECK(r.err.find("not the password") == std::string::npos);
}
