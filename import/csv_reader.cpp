#include "import/csv_reader.h"

namespace kith::import {

CsvReader::CsvReader(std::istream& in, std::size_t max_record_bytes)
    : m_in(in), m_max(max_record_bytes) {}

int CsvReader::get() {
    const int c = m_in.get();
    if (c == std::char_traits<char>::eof()) return -1;
    ++m_offset;
    ++m_record_bytes;
    return c;
}

void CsvReader::add(std::vector<std::string>& fields, std::string& field, bool& kept_any) {
    if (!m_oversized) fields.push_back(std::move(field));
    field.clear();
    kept_any = true;
}

bool CsvReader::next(std::vector<std::string>& fields) {
    for (;;) {
        fields.clear();
        m_oversized = m_unterminated = false;
        m_record_bytes = 0;
        m_record_line = m_line;
        if (!m_started) {
            m_started = true;
            // A UTF-8 byte order mark (Google's export, Excel's "CSV UTF-8") is not data.
            if (m_in.peek() == 0xEF) {
                char bom[3] = {};
                m_in.read(bom, 3);
                if (m_in.gcount() == 3 && bom[1] == '\xBB' && bom[2] == '\xBF') {
                    m_offset += 3;
                } else {
                    m_in.clear();
                    m_in.seekg(0);
                }
            }
        }
        std::string field;
        bool quoted = false, in_quotes = false, any = false, kept_any = false;
        int c = get();
        if (c < 0) return false;
        for (;; c = get()) {
            if (c < 0) {
                if (in_quotes) m_unterminated = true;
                break;
            }
            if (m_record_bytes > m_max && !m_oversized) {
                m_oversized = true;
                fields.clear();
                field.clear();
                field.shrink_to_fit();
            }
            const char ch = static_cast<char>(c);
            if (in_quotes) {
                if (ch == '"') {
                    if (m_in.peek() == '"') {
                        get();
                        if (!m_oversized) field += '"';
                    } else {
                        in_quotes = false;
                    }
                    continue;
                }
                if (ch == '\n') ++m_line;
                if (ch == '\r' && m_in.peek() != '\n') ++m_line;
                if (!m_oversized) field += ch;
                continue;
            }
            if (ch == '"' && field.empty() && !quoted) {
                quoted = in_quotes = any = true;
                continue;
            }
            if (ch == ',') {
                add(fields, field, kept_any);
                quoted = false;
                any = true;
                continue;
            }
            if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && m_in.peek() == '\n') get();
                ++m_line;
                break;
            }
            any = true;
            if (!m_oversized) field += ch;
        }
        if (!any && !kept_any && field.empty()) {
            if (c < 0) return false;
            continue;  // a blank line
        }
        add(fields, field, kept_any);
        if (m_oversized) fields.clear();
        return true;
    }
}

CsvHeader::CsvHeader(std::vector<std::string> names) : m_names(std::move(names)) {
    for (auto& n : m_names) n = trim_space(n);
}

int CsvHeader::find(std::initializer_list<std::string_view> names) const {
    for (const auto want : names)
        for (std::size_t i = 0; i < m_names.size(); ++i)
            if (m_names[i] == want) return static_cast<int>(i);
    return -1;
}

std::string CsvHeader::field(const std::vector<std::string>& row, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= row.size()) return {};
    return trim_space(row[static_cast<std::size_t>(index)]);
}

std::string trim_space(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

}  // namespace kith::import
