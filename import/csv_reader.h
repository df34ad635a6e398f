#pragma once
// A streaming RFC 4180 CSV reader shared by the CSV importers (LinkedIn, Google Contacts).

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace kith::import {

/// Reads CSV records one at a time from a stream: quoted fields holding commas, newlines and
/// doubled quotes; CRLF, LF or CR line ends; a UTF-8 byte order mark before the first field.
/// A quote inside an unquoted field is kept as a character (spreadsheet exports do this). Memory
/// is bounded: a record longer than `max_record_bytes` is read to its end but not kept (its
/// `oversized()` is true), so an unterminated quote cannot exhaust memory. Not thread-safe.
class CsvReader {
  public:
    static constexpr std::size_t kDefaultMaxRecord = 1 << 20;

    explicit CsvReader(std::istream& in, std::size_t max_record_bytes = kDefaultMaxRecord);

    /// Reads the next record into `fields`; false at the end of input. Blank lines are skipped.
    bool next(std::vector<std::string>& fields);
    /// The 1-based line the last record started on.
    std::uint64_t line() const { return m_record_line; }
    /// Bytes consumed so far (for progress).
    std::uint64_t offset() const { return m_offset; }
    /// The last record was longer than the limit; its fields are empty.
    bool oversized() const { return m_oversized; }
    /// The last record ended inside a quoted field (the input ended first).
    bool unterminated() const { return m_unterminated; }
    /// The stream failed with an I/O error (not just its end).
    bool bad() const { return m_in.bad(); }

  private:
    int get();
    void add(std::vector<std::string>& fields, std::string& field, bool& kept_any);

    std::istream& m_in;
    std::size_t m_max;
    std::uint64_t m_line = 1, m_record_line = 0, m_offset = 0;
    std::size_t m_record_bytes = 0;
    bool m_oversized = false, m_unterminated = false, m_started = false;
};

/// Column lookup by header name for a CSV whose header row was read with CsvReader.
class CsvHeader {
  public:
    CsvHeader() = default;
    explicit CsvHeader(std::vector<std::string> names);
    /// The index of the first column named any of `names` (exact, after trimming), or -1.
    int find(std::initializer_list<std::string_view> names) const;
    /// The field of `row` in column `index`, trimmed; empty when absent.
    static std::string field(const std::vector<std::string>& row, int index);
    const std::vector<std::string>& names() const { return m_names; }

  private:
    std::vector<std::string> m_names;
};

/// `s` without leading and trailing spaces, tabs, CR and LF.
std::string trim_space(std::string_view s);

}  // namespace kith::import
