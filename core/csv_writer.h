#pragma once
// The one CSV writer of every CSV export: RFC 4180 quoting plus injection-safe cells.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace kith::core {

/// Writes CSV rows (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or
/// leading/trailing space quoted with quotes doubled). Every cell is neutralised first, because
/// exported names and notes come from other people (blog comment forms, mail headers):
///  - CR, LF and other control characters (except tab) become a space, so a harvested name can
///    never start a new row or header line;
///  - a cell beginning with '=', '+', '-', '@', tab or CR gets a leading apostrophe, so a
///    spreadsheet shows it as text instead of running it as a formula (OWASP "CSV injection").
/// Not thread-safe (one stream).
class CsvWriter {
  public:
    explicit CsvWriter(std::ostream& out) : m_out(out) {}

    /// Writes one row.
    void row(const std::vector<std::string>& cells);
    /// One cell as written: neutralised, then quoted when needed. Pure.
    static std::string cell(std::string_view value);

  private:
    std::ostream& m_out;
};

}  // namespace kith::core
