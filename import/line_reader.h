#pragma once
// Reading a text file line by line with bounded memory (jsonl, ics).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace kith::import {

/// Splits a file into lines through a fixed buffer. A line longer than the limit is reported as
/// too long and consumed without being stored, so memory stays bounded whatever the input.
/// Does not own the file. One thread.
class LineReader {
  public:
    enum class Status { line, too_long, end, error };

    LineReader(std::FILE* file, std::size_t max_line);

    /// True when the first `n` bytes of the file contain a NUL (reads ahead; no bytes are lost).
    bool starts_binary(std::size_t n);

    /// The next line without its '\n', in `line` (a '\r' before it is kept).
    Status next(std::string& line);

    /// Bytes consumed so far.
    std::uint64_t offset() const { return m_offset; }

  private:
    bool fill();

    std::FILE* m_file;
    std::size_t m_max_line;
    std::vector<char> m_buf;
    std::size_t m_pos = 0, m_len = 0;
    std::uint64_t m_offset = 0;
};

}  // namespace kith::import
