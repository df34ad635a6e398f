#pragma once
// Where a test finds the source tree (scripts, fixtures) and the build tree (kith-cli).
//
// The paths are compiled into test_paths.cpp alone, not defined on every test file: a definition
// holding the checkout's absolute path is part of every compile's cache key, so each fresh clone
// (CI builds one every run) would miss ccache for every test file.

#include <string>

namespace kith::test {

/// The project's source directory (absolute).
const std::string& source_dir();
/// The CMake build directory the tests were built in (absolute).
const std::string& binary_dir();

}  // namespace kith::test
