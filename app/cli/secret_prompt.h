#pragma once
// Reading a password or token from the person at the terminal, never echoed.

#include <iosfwd>
#include <optional>
#include <string>

namespace kith::app {

/// On a terminal: prints "`what`: " to `err` and reads a line with echo off. Otherwise (a pipe,
/// for scripts: `printf %s "$TOKEN" | kith-cli source add …`) reads one line from stdin without
/// a prompt, so the secret never has to be on a command line. nullopt at end of input.
std::optional<std::string> read_secret(std::ostream& err, const std::string& what);

}  // namespace kith::app
