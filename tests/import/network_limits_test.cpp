// Every request Kith makes is bounded and verified: a self-signed HTTPS server is refused with a
// message naming certificate verification, an endless or stalled response fails in bounded time,
// and a silent IMAP server cannot hold a login forever. Real servers on 127.0.0.1
// (tests/import/hostile_http_server.py, and a listening socket that never answers).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "db/database.h"
#include "db/import_runner.h"
#include "import/http_client.h"
#include "import/imap_connection.h"
#include "import/mastodon_api_importer.h"
#include "tests/db/test_db.h"
#include "tests/import/loopback_server.h"
#include "tests/test_paths.h"

using namespace kith;
using namespace std::chrono_literals;

namespace {

const std::string kScript = kith::test::source_dir() + "/tests/import/hostile_http_server.py";

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Seconds `f` took.
template <class F>
double seconds(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// A TCP port on 127.0.0.1 that accepts connections (the kernel's backlog) and never says a word.
class SilentPort {
  public:
    SilentPort() {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        REQUIRE(::bind(m_fd, reinterpret_cast<sockaddr*>(&a), len) == 0);
        REQUIRE(::listen(m_fd, 4) == 0);
        REQUIRE(::getsockname(m_fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
        m_port = ntohs(a.sin_port);
    }
    ~SilentPort() { ::close(m_fd); }
    SilentPort(const SilentPort&) = delete;
    SilentPort& operator=(const SilentPort&) = delete;
    int port() const { return m_port; }

  private:
    int m_fd = -1;
    int m_port = 0;
};

}  // namespace

TEST_CASE("tls: a self-signed server is refused, naming certificate verification") {
    test::TempDir dir;
    import::test::LoopbackServer server(kScript, {dir.path().string(), "https"});
    const std::string base = "https://127.0.0.1:" + std::to_string(server.port());
    auto database = test::new_db(dir);
    core::NullProgress progress;

    import::MastodonApiImporter importer;
    auto r = db::run_import(*database, importer, {"mastodon", base, {{"token", "t0ken"}}}, progress,
                            test::kNow);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == core::ErrorCode::network);
    CHECK(r.error().message.find("TLS certificate verification failed for " + base) !=
          std::string::npos);
    CHECK(r.error().hint.find("never skips verification") != std::string::npos);
    // The handshake failed, so no request (and no token) ever reached the server.
    CHECK(read_all(dir.path() / "requests.log").empty());
    CHECK(database->sql().execAndGet("SELECT count(*) FROM interactions").getInt64() == 0);

    // The same server trusted explicitly (its certificate as the CA) is reached: the failure is
    // now the token, which proves the refusal above was the certificate and nothing else.
    auto trusted = db::run_import(
        *database, importer,
        {"mastodon", base, {{"token", "t0ken"}, {"ca_file", (dir.path() / "cert.pem").string()}}},
        progress, test::kNow);
    REQUIRE_FALSE(trusted.ok());
    CHECK(trusted.error().message.find("access token was refused") != std::string::npos);
    CHECK(read_all(dir.path() / "requests.log").find("verify_credentials") != std::string::npos);
}

TEST_CASE("http limits: an endless body, a stalled server and a slow one fail in bounded time") {
    test::TempDir dir;
    import::test::LoopbackServer server(kScript, {dir.path().string()});
    core::NullProgress progress;

    struct Row {
        const char* why;
        const char* path;
        std::function<void(import::HttpOptions&)> limit;
        const char* message;  ///< after the URL
    };
    const std::vector<Row> rows = {
        {"an endless body is cut off at the size limit", "/big",
         [](auto& o) { o.max_body_bytes = std::size_t{1} << 20; },
         " sent more than 1 MiB; stopped"},
        {"a server that stops sending trips the stall limit long before the total limit", "/stall",
         [](auto& o) { o.stall_timeout = 1s; }, " stalled: nothing arrived for 1 s"},
        {"the total time limit holds whatever the server does", "/stall",
         [](auto& o) { o.timeout = 2s; }, " did not answer within 2 s"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.why);
        import::HttpOptions options;
        row.limit(options);
        const auto url = server.url() + row.path;
        core::Result<import::HttpResponse> r = import::HttpResponse{};
        const double took = seconds([&] { r = import::http_get(url, options, progress); });
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == core::ErrorCode::network);
        CHECK(r.error().message == url + row.message);
        CHECK_FALSE(r.error().hint.empty());
        CHECK(took < 10);
    }
    SUBCASE("a token is never sent over plain http to another host") {
        import::HttpOptions options;
        options.bearer_token = "secret";
        options.https_only = true;
        auto r = import::http_get("http://example.invalid/api", options, progress);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == core::ErrorCode::invalid_input);
    }
}

TEST_CASE("imap limits: a server that accepts and never greets cannot hold the login") {
    SilentPort silent;
    import::ImapUrl url;
    url.tls = true;
    url.user = "ana";
    url.host = "127.0.0.1";
    url.port = silent.port();
    import::ImapLimits limits;
    limits.login_timeout = 2s;
    core::Result<std::unique_ptr<import::ImapConnection>> r =
        core::make_error(core::ErrorCode::internal, "not run");
    const double took = seconds([&] { r = import::ImapConnection::open(url, "pw", "", limits); });
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("did not complete the login within 2 s") != std::string::npos);
    CHECK(took < 10);
}
