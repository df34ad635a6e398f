#pragma once
// Template part of sqlite_error.h.

#include <SQLiteCpp/Exception.h>

#include <exception>
#include <string>

namespace kith::db {

template <class Fn>
auto guarded(std::string_view what, std::string_view path, Fn&& fn) -> decltype(fn()) {
    try {
        return fn();
    } catch (const SQLite::Exception& e) {
        return sqlite_error(e, what, path);
    } catch (const std::bad_alloc&) {
        return core::make_error(core::ErrorCode::internal, std::string(what) + ": out of memory");
    } catch (const std::exception& e) {
        return core::make_error(
            core::ErrorCode::internal, std::string(what) + ": " + e.what(),
            "This is a bug in Kith; please report it with the command you ran.");
    }
}

}  // namespace kith::db
