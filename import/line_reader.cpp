#include "import/line_reader.h"

#include <algorithm>
#include <cstring>

namespace kith::import {

namespace {
constexpr std::size_t kBufferBytes = 64 * 1024;
}  // namespace

LineReader::LineReader(std::FILE* file, std::size_t max_line)
    : m_file(file), m_max_line(max_line), m_buf(kBufferBytes) {}

bool LineReader::starts_binary(std::size_t n) {
    if (m_len == 0) fill();
    return std::memchr(m_buf.data(), '\0', std::min(n, m_len)) != nullptr;
}

LineReader::Status LineReader::next(std::string& line) {
    line.clear();
    bool any = false, too_long = false;
    for (;;) {
        if (m_pos == m_len && !fill()) {
            if (std::ferror(m_file)) return Status::error;
            if (!any) return Status::end;
            return too_long ? Status::too_long : Status::line;  // last line, no '\n'
        }
        any = true;
        const char* start = m_buf.data() + m_pos;
        const auto* nl = static_cast<const char*>(std::memchr(start, '\n', m_len - m_pos));
        const std::size_t take = nl ? static_cast<std::size_t>(nl - start) : m_len - m_pos;
        if (!too_long && line.size() + take > m_max_line) {
            too_long = true;
            line.clear();
            line.shrink_to_fit();
        }
        if (!too_long) line.append(start, take);
        m_pos += take;
        m_offset += take;
        if (nl) {
            ++m_pos;
            ++m_offset;
            return too_long ? Status::too_long : Status::line;
        }
    }
}

bool LineReader::fill() {
    m_pos = 0;
    m_len = std::fread(m_buf.data(), 1, m_buf.size(), m_file);
    return m_len > 0;
}

}  // namespace kith::import
