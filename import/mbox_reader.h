#pragma once
// Splitting an mbox file into messages through a bounded buffer.

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace kith::import {

/// One message of an mbox file: its first bytes (enough for headers and an excerpt), where it
/// starts and the date of its envelope line.
struct MboxMessage {
    std::string data;  ///< the first `keep_bytes` of the message, LF line ends, ">From " unquoted
    std::uint64_t size = 0;                   ///< the whole message's size in the file
    bool truncated = false;                   ///< `data` holds only the beginning
    std::uint64_t line = 0;                   ///< 1-based line of its envelope or first header
    std::optional<core::TimePoint> envelope;  ///< the date of its "From " line, if any
};

/// Reads messages one by one from an mbox file (any variant: mboxo, mboxrd, Thunderbird's
/// "From - …", Gmail Takeout, MMDF's ^A^A^A^A separators, CRLF line ends, or a file with no
/// separators at all holding one message). A "From " line separates messages only at the start of
/// the file or after a blank line, and only when it carries a real envelope date
/// (parse_envelope_date), so unquoted "From " lines inside bodies do not split messages (the
/// first line of the file may be a dateless "From " line). Lines
/// ">From ", ">>From "… lose one '>' (mboxrd; in mboxo files only ">From " was quoted, and a
/// literal ">>From " inside a body becoming ">From " does not matter for an excerpt).
///
/// Memory is bounded by the buffer (256 KiB) plus `keep_bytes`: longer messages and longer lines
/// are consumed without being stored. Not thread-safe; the FILE must stay open while reading.
class MboxReader {
  public:
    enum class Status {
        message,   ///< `next` filled a message
        end,       ///< no more messages
        not_mbox,  ///< the file starts with something that is neither a separator nor a header
        error,     ///< a read error (see ferror)
    };

    MboxReader(std::FILE* file, std::size_t keep_bytes);

    /// The next message into `out` (cleared first).
    Status next(MboxMessage& out);

    /// Bytes consumed so far, for progress.
    std::uint64_t offset() const { return m_offset; }

  private:
    struct Piece {
        std::string_view text;  ///< without the '\n'
        bool line_end = false;  ///< the line ends here (else more of it follows)
        bool line_start = false;
    };
    bool read_piece(Piece& p);
    bool refill();
    void append(MboxMessage& m, std::string_view text);
    void start(MboxMessage& m, std::optional<core::TimePoint> envelope, bool mmdf);

    std::FILE* m_file;
    std::size_t m_keep;
    std::vector<char> m_buf;
    std::size_t m_pos = 0, m_len = 0;
    bool m_eof = false, m_in_line = false;
    std::uint64_t m_offset = 0, m_line = 0;
    // Set when the previous call stopped at the next message's separator.
    bool m_have_next = false, m_next_mmdf = false, m_first = true;
    std::optional<core::TimePoint> m_next_envelope;
    std::uint64_t m_next_line = 0;
};

}  // namespace kith::import
