#include "app/cli/secret_prompt.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace kith::app {

std::optional<std::string> read_secret(std::ostream& err, const std::string& what) {
    std::string secret;
    if (!isatty(STDIN_FILENO)) {
        if (!std::getline(std::cin, secret)) return std::nullopt;
        if (!secret.empty() && secret.back() == '\r') secret.pop_back();
        return secret;
    }
    err << what << ": " << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    const bool got = static_cast<bool>(std::getline(std::cin, secret));
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    err << "\n";
    if (!got) return std::nullopt;
    return secret;
}

}  // namespace kith::app
