#pragma once
// A real Dovecot IMAP server for tests: its own configuration, self-signed certificate, user and
// Maildir in a temporary folder, listening with TLS on a free 127.0.0.1 port; stopped (and its
// whole process group killed) at scope end. Works as root (mail owned by nobody) and as a normal
// user (Dovecot's service users set to that user). See FORMATS.md "IMAP through libcurl".
#include <arpa/inet.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>

#include "tests/db/temp_dir.h"

namespace kith::test {

class DovecotServer {
  public:
    static constexpr const char* kUser = "ana";
    static constexpr const char* kPassword = "s3cret-Passw0rd";

    DovecotServer() {
        if (::access("/usr/sbin/dovecot", X_OK) != 0)
            throw std::runtime_error("dovecot is not installed (apt-get install dovecot-imapd)");
        fs::permissions(m_dir.path(),
                        fs::perms::all & ~(fs::perms::group_write | fs::perms::others_write));
        m_root = ::getuid() == 0;
        m_uid = m_root ? kNobodyUid : ::getuid();
        m_gid = m_root ? kNobodyGid : ::getgid();
        fs::create_directories(home() / "Maildir" / "cur");
        fs::create_directories(home() / "Maildir" / "new");
        fs::create_directories(home() / "Maildir" / "tmp");
        make_certificate();
        m_port = free_port();
        write_config();
        own(home());
        start();
    }
    ~DovecotServer() { stop(); }
    DovecotServer(const DovecotServer&) = delete;
    DovecotServer& operator=(const DovecotServer&) = delete;

    int port() const { return m_port; }
    std::string ca_file() const { return (m_dir / "cert.pem").string(); }
    std::string url(const std::string& mailbox = "INBOX") const {
        return "imaps://" + std::string(kUser) + "@127.0.0.1:" + std::to_string(m_port) + "/" +
               mailbox;
    }
    fs::path maildir() const { return home() / "Maildir"; }

    /// Delivers `content` into `folder` ("" = INBOX, else a Maildir++ subfolder like "Sent").
    void deliver(const std::string& folder, const std::string& name, const std::string& content) {
        const auto dir = folder.empty() ? maildir() : maildir() / ("." + folder);
        for (const char* sub : {"cur", "new", "tmp"}) fs::create_directories(dir / sub);
        write_file(dir / "cur" / (name + ":2,S"), content);
        own(home());
    }

    /// Forgets every UID so the server assigns a new UIDVALIDITY (as after a server rebuild).
    void reset_uids(const std::string& folder = "") {
        const auto dir = folder.empty() ? maildir() : maildir() / ("." + folder);
        // A new UIDVALIDITY is max(now, last one + 1) in seconds, and folders created in the same
        // second took the next seconds: two seconds later it surely differs.
        std::this_thread::sleep_for(std::chrono::milliseconds(2100));
        for (const auto& e : fs::directory_iterator(dir)) {
            const auto n = e.path().filename().string();
            if (n.rfind("dovecot", 0) == 0) fs::remove_all(e.path());
        }
    }

    /// Stops the server: SIGTERM to the master, then SIGKILL to its process group.
    void stop() {
        if (m_pid <= 0) return;
        ::kill(m_pid, SIGTERM);
        for (int i = 0; i < 50; ++i) {
            int status = 0;
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        ::kill(-m_pid, SIGKILL);  // sessions left behind would hold the port
        ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
        for (int i = 0; i < 100 && accepts(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }

  private:
    fs::path home() const { return m_dir / "home"; }

    void own(const fs::path& p) {
        if (!m_root) return;
        bool ok = ::chown(p.c_str(), m_uid, m_gid) == 0;
        for (const auto& e : fs::recursive_directory_iterator(p))
            ok = ::chown(e.path().c_str(), m_uid, m_gid) == 0 && ok;
        if (!ok) throw std::runtime_error("cannot give the test Maildir to the mail user");
    }

    static int shell(const std::string& command) { return std::system(command.c_str()); }

    void make_certificate() {
        const auto cmd =
            "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 "
            "-nodes -days 2 -subj /CN=localhost -addext "
            "subjectAltName=IP:127.0.0.1,DNS:localhost -keyout '" +
            (m_dir / "key.pem").string() + "' -out '" + (m_dir / "cert.pem").string() +
            "' >/dev/null 2>&1";
        if (shell(cmd) != 0) throw std::runtime_error("openssl could not make a certificate");
    }

    static int free_port() {
        const int s = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
        socklen_t len = sizeof a;
        ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
        ::close(s);
        return ntohs(a.sin_port);
    }

    void write_config() {
        const auto d = m_dir.path().string();
        write_file(m_dir / "passwd", std::string(kUser) + ":{PLAIN}" + kPassword + ":" +
                                         std::to_string(m_uid) + ":" + std::to_string(m_gid) +
                                         "::" + home().string() + "::\n");
        std::string conf = "base_dir = " + d + "/run\nstate_dir = " + d +
                           "/state\nlog_path = " + d + "/dovecot.log\ninstance_name = kith-test-" +
                           std::to_string(m_port) +
                           "\nlisten = 127.0.0.1\nprotocols = imap\nssl = required\nssl_cert = <" +
                           d + "/cert.pem\nssl_key = <" + d +
                           "/key.pem\nauth_failure_delay = 0\n"
                           "mail_location = maildir:~/Maildir\nfirst_valid_uid = 1\n"
                           "passdb {\n  driver = passwd-file\n  args = " +
                           d +
                           "/passwd\n}\n"
                           "userdb {\n  driver = passwd-file\n  args = " +
                           d +
                           "/passwd\n}\n"
                           "namespace inbox {\n  inbox = yes\n  separator = /\n"
                           "  mailbox Sent {\n    special_use = \\Sent\n  }\n}\n"
                           "service imap-login {\n  inet_listener imap {\n    port = 0\n  }\n"
                           "  inet_listener imaps {\n    address = 127.0.0.1\n    port = " +
                           std::to_string(m_port) + "\n    ssl = yes\n  }\n";
        if (!m_root) conf += "  chroot =\n";
        conf += "}\n";
        if (!m_root) {
            const std::string user = ::getpwuid(::getuid())->pw_name;
            const std::string group = ::getgrgid(::getgid())->gr_name;
            conf += "default_login_user = " + user + "\ndefault_internal_user = " + user +
                    "\ndefault_internal_group = " + group + "\nservice anvil {\n  chroot =\n}\n";
        }
        write_file(m_dir / "dovecot.conf", conf);
    }

    /// True while something accepts connections on the port.
    bool accepts() const {
        const int s = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(static_cast<std::uint16_t>(m_port));
        const bool up = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
        ::close(s);
        return up;
    }

    void start() {
        const auto conf = (m_dir / "dovecot.conf").string();
        m_pid = ::fork();
        if (m_pid == 0) {
            ::setpgid(0, 0);
            const char* argv[] = {"/usr/sbin/dovecot", "-c", conf.c_str(), "-F", nullptr};
            ::execv(argv[0], const_cast<char* const*>(argv));
            ::_exit(127);
        }
        ::setpgid(m_pid, m_pid);
        for (int i = 0; i < 200; ++i) {  // up to 10 s; it usually takes 0.2 s
            if (accepts()) return;
            if (::waitpid(m_pid, nullptr, WNOHANG) == m_pid) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        const auto log = read_file(m_dir / "dovecot.log");
        stop();
        throw std::runtime_error("dovecot did not start: " + log);
    }

    TempDir m_dir;
    bool m_root = false;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    int m_port = 0;
    pid_t m_pid = -1;
};

}  // namespace kith::test
