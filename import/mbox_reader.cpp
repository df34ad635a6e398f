#include "import/mbox_reader.h"

#include <cstring>

#include "import/mbox_envelope.h"

namespace kith::import {

namespace {

constexpr std::size_t kBufferBytes = 256 * 1024;
constexpr std::string_view kMmdfSeparator = "\x01\x01\x01\x01";

/// "Name: value" with a printable ASCII field name (RFC 5322 section 2.2).
bool looks_like_header(std::string_view line) {
    for (std::size_t i = 0; i < line.size() && i < 998; ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c == ':') return i > 0;
        if (c <= 32 || c >= 127) return false;
    }
    return false;
}

/// ">From ", ">>From "… (mboxrd quoting) without the first '>'.
std::string_view unquote(std::string_view line) {
    std::size_t n = 0;
    while (n < line.size() && line[n] == '>') ++n;
    if (n > 0 && line.substr(n, 5) == "From ") line.remove_prefix(1);
    return line;
}

}  // namespace

MboxReader::MboxReader(std::FILE* file, std::size_t keep_bytes)
    : m_file(file), m_keep(keep_bytes), m_buf(kBufferBytes) {}

bool MboxReader::refill() {
    if (m_pos > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_pos, m_len - m_pos);
        m_len -= m_pos;
        m_pos = 0;
    }
    const auto n = std::fread(m_buf.data() + m_len, 1, m_buf.size() - m_len, m_file);
    m_len += n;
    if (n == 0) m_eof = true;  // end of file or a read error (the caller checks ferror)
    return n > 0;
}

bool MboxReader::read_piece(Piece& p) {
    for (;;) {
        if (m_pos < m_len) {
            const char* start = m_buf.data() + m_pos;
            const auto* nl = static_cast<const char*>(std::memchr(start, '\n', m_len - m_pos));
            const bool full = m_pos == 0 && m_len == m_buf.size();
            if (nl || m_eof || full) {
                const std::size_t n = nl ? static_cast<std::size_t>(nl - start) : m_len - m_pos;
                p.text = std::string_view(start, n);
                p.line_start = !m_in_line;
                p.line_end = nl != nullptr || m_eof;
                const std::size_t used = n + (nl ? 1 : 0);
                m_pos += used;
                m_offset += used;
                m_in_line = !p.line_end;
                if (p.line_end) ++m_line;
                return true;
            }
        } else if (m_eof) {
            return false;
        }
        refill();
    }
}

void MboxReader::append(MboxMessage& m, std::string_view text) {
    m.size += text.size();
    if (m.truncated) return;
    if (m.data.size() + text.size() > m_keep) {
        m.data.append(text.substr(0, m_keep - m.data.size()));
        m.truncated = true;
        return;
    }
    m.data.append(text);
}

MboxReader::Status MboxReader::next(MboxMessage& m) {
    m.data.clear();
    m.size = 0;
    m.truncated = false;
    m.envelope.reset();
    m.line = 0;
    bool started = false, mmdf = false, pending_blank = false, prev_blank = true;
    if (m_have_next) {
        m_have_next = false;
        started = true;
        mmdf = m_next_mmdf;
        m.envelope = m_next_envelope;
        m.line = m_next_line;
        prev_blank = false;
    }
    const auto finish_before_separator = [&](std::optional<core::TimePoint> envelope,
                                             bool next_mmdf) {
        m_have_next = true;
        m_next_envelope = envelope;
        m_next_mmdf = next_mmdf;
        m_next_line = m_line;
        m_first = false;
        return Status::message;
    };

    Piece p;
    while (read_piece(p)) {
        if (!p.line_start || !p.line_end) {
            // Part of a line longer than the buffer: never a separator, always content.
            if (!started) {
                if (!p.line_start) continue;  // the rest of a skipped line between messages
                if (m_first && !looks_like_header(p.text)) return Status::not_mbox;
                started = true;
                m.line = m_line + 1;
            }
            if (pending_blank) append(m, "\n");
            pending_blank = prev_blank = false;
            append(m, p.text);
            if (p.line_end) append(m, "\n");
            continue;
        }
        std::string_view line = p.text;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

        if (line == kMmdfSeparator) {
            if (started && mmdf) {
                m_first = false;
                return Status::message;  // the closing separator of an MMDF message
            }
            if (started) return finish_before_separator(std::nullopt, true);
            started = mmdf = true;
            m.line = m_line;
            continue;
        }
        if (line.substr(0, 5) == "From " && (prev_blank || !started || (mmdf && m.size == 0))) {
            if (const auto envelope = parse_envelope_date(line)) {
                if (!started || (mmdf && m.size == 0)) {
                    if (!started) m.line = m_line;
                    started = true;
                    m.envelope = envelope;
                    prev_blank = false;
                    continue;
                }
                if (!mmdf) return finish_before_separator(envelope, false);
            } else if (!started && m_first) {
                // A dateless "From " first line (some exporters): still this file's separator.
                started = true;
                m.line = m_line;
                prev_blank = false;
                continue;
            }
        }
        if (!started) {
            if (line.empty()) continue;  // blank lines before the first message or between
            if (!looks_like_header(line)) {
                if (m_first) return Status::not_mbox;
                continue;  // junk between MMDF messages
            }
            started = true;
            m.line = m_line;
        }
        if (line.empty()) {
            // Held back: the blank line before a separator belongs to the separator.
            if (pending_blank) append(m, "\n");
            pending_blank = prev_blank = true;
            continue;
        }
        if (pending_blank) append(m, "\n");
        pending_blank = prev_blank = false;
        append(m, unquote(line));
        append(m, "\n");
    }
    if (std::ferror(m_file)) return Status::error;
    if (!started) return Status::end;
    m_first = false;
    return Status::message;
}

}  // namespace kith::import
