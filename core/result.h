#pragma once
// Result<T>: a value or an Error that carries a user-facing hint (mu's pattern).

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace kith::core {

/// What kind of failure an Error is; the command line maps some of these to exit codes.
enum class ErrorCode {
    invalid_input,        ///< the user's input cannot be understood (bad date, unknown kind…)
    not_found,            ///< a named person, follow-up, file… does not exist
    ambiguous,            ///< a name matches several people
    conflict,             ///< the change clashes with existing data (duplicate identity…)
    io,                   ///< a file or directory cannot be read or written
    database,             ///< SQLite reported an error not covered below
    locked,               ///< another program holds the database lock past the busy timeout
    not_a_kith_database,  ///< the file is SQLite (or not) but not a Kith database
    corrupt,              ///< the database file is damaged
    too_new,              ///< the database was written by a newer Kith
    format,               ///< an import source is malformed at the format level
    network,              ///< a network source failed
    cancelled,            ///< the user cancelled
    unsupported,          ///< a feature or kind Kith does not have
    internal,             ///< a bug: should never happen
};

/// A failure: what went wrong (message) and what the user can do about it (hint).
struct Error {
    ErrorCode code = ErrorCode::internal;
    std::string message;
    std::string hint;
};

/// Makes an Error; the short form used throughout the code base.
inline Error make_error(ErrorCode code, std::string message, std::string hint = {}) {
    return Error{code, std::move(message), std::move(hint)};
}

/// A value of type T or an Error. Not thread-safe (a plain value type).
template <class T>
class [[nodiscard]] Result {
  public:
    Result(T value)
        : m_v(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}  // NOLINT

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    const Error& error() const { return std::get<1>(m_v); }

  private:
    std::variant<T, Error> m_v;
};

/// Result of an operation that produces no value.
template <>
class [[nodiscard]] Result<void> {
  public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

  private:
    Error m_error;
    bool m_failed = false;
};

}  // namespace kith::core
