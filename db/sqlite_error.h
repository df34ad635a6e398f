#pragma once
// The one place where SQLite failures become core::Error with a hint for the user.

#include <string_view>

#include "core/result.h"

namespace SQLite {
class Exception;
}

namespace kith::db {

/// Converts an SQLite error (by primary result code) into an Error whose message names `what`
/// was being done and `path`, and whose hint says what the user can do.
core::Error sqlite_error(int result_code, std::string_view detail, std::string_view what,
                         std::string_view path);
core::Error sqlite_error(const SQLite::Exception& e, std::string_view what, std::string_view path);

/// Runs `fn` (returning Result<T>) and converts any SQLite or standard exception into an Error.
template <class Fn>
auto guarded(std::string_view what, std::string_view path, Fn&& fn) -> decltype(fn());

}  // namespace kith::db

#include "db/sqlite_error_impl.h"
