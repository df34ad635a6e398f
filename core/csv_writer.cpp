#include "core/csv_writer.h"

#include <ostream>

namespace kith::core {

std::string CsvWriter::cell(std::string_view value) {
    std::string s;
    s.reserve(value.size() + 3);
    // Leading characters spreadsheets read as the start of a formula (tab and CR too: some
    // strip them and then see the '=' behind them).
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' ||
                           value[0] == '@' || value[0] == '\t' || value[0] == '\r'))
        s += '\'';
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c == '\r' && i + 1 < value.size() && value[i + 1] == '\n') continue;  // CRLF → one
        s += (c < 0x20 && c != '\t') || c == 0x7F ? ' ' : static_cast<char>(c);
    }
    const bool quote = s.find_first_of(",\"") != std::string::npos ||
                       (!s.empty() && (s.front() == ' ' || s.back() == ' '));
    if (!quote) return s;
    std::string q = "\"";
    for (const char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

void CsvWriter::row(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) m_out << ',';
        m_out << cell(cells[i]);
    }
    m_out << "\r\n";
}

}  // namespace kith::core
