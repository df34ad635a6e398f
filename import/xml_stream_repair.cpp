#include "import/xml_stream_repair.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "import/html_entities.h"

namespace kith::import {

namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;
/// Longest construct looked at whole: "&#x10FFFF;" and HTML names fit in 34 bytes, the XML
/// declaration's encoding in the first 256.
constexpr std::size_t kMaxReference = 34;
constexpr std::size_t kDeclarationBytes = 256;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Bit per state: which bytes need a look in that state; the rest are copied in runs.
enum : std::uint8_t { kText = 1, kCdata = 2, kComment = 4, kPi = 8, kAll = 15 };

constexpr std::array<std::uint8_t, 256> make_special() {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 0x20; ++c)
        if (c != '\t' && c != '\n' && c != '\r') t[c] = kAll;
    for (int c = 0x80; c < 0x100; ++c) t[c] = kAll;
    t['<'] |= kText;
    t['&'] |= kText;
    t[']'] |= kCdata;
    t['-'] |= kComment;
    t['?'] |= kPi;
    return t;
}
constexpr auto kSpecial = make_special();

bool starts_with(const char* p, std::size_t avail, std::string_view s) {
    return avail >= s.size() && std::memcmp(p, s.data(), s.size()) == 0;
}

bool is_name_start(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
}

bool is_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// Newlines in [b, e): memchr jumps from one to the next (lines are long in blog exports).
std::uint64_t count_lines(const char* b, const char* e) {
    std::uint64_t n = 0;
    while (b < e) {
        const auto* nl =
            static_cast<const char*>(std::memchr(b, '\n', static_cast<std::size_t>(e - b)));
        if (!nl) break;
        ++n;
        b = nl + 1;
    }
    return n;
}

/// Bytes in the sequence a UTF-8 lead byte starts (0: not a lead byte).
std::size_t utf8_length(unsigned char b) {
    return b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
}

/// The length of the valid UTF-8 sequence of an XML character at `p`, 0 when it is not one
/// (or does not fit in `avail`).
std::size_t valid_utf8(const char* p, std::size_t avail) {
    const auto b = static_cast<unsigned char>(p[0]);
    const std::size_t n = utf8_length(b);
    if (n == 0 || n > avail) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        const auto cb = static_cast<unsigned char>(p[k]);
        unsigned char lo = 0x80, hi = 0xBF;
        if (k == 1) {  // overlong forms, surrogates, beyond U+10FFFF
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        }
        if (cb < lo || cb > hi) return 0;
    }
    // U+FFFE and U+FFFF are valid UTF-8 but not XML characters.
    if (n == 3 && b == 0xEF && static_cast<unsigned char>(p[1]) == 0xBF &&
        static_cast<unsigned char>(p[2]) >= 0xBE)
        return 0;
    return n;
}

}  // namespace

XmlStreamRepair::XmlStreamRepair(Source source)
    : m_source(std::move(source)), m_in(kChunkBytes + kDeclarationBytes) {}

long XmlStreamRepair::prepare() {
    while (m_out_pos == m_out.size()) {
        if (refused() || m_read_failed) return -1;
        if (m_eof && m_in_len == 0) return 0;
        m_out.clear();
        m_out_pos = 0;
        if (!m_eof && !fill()) return -1;
        process(m_eof);
        if (refused()) return -1;
    }
    return static_cast<long>(m_out.size() - m_out_pos);
}

long XmlStreamRepair::read(char* buf, std::size_t n) {
    const long ready = prepare();
    if (ready <= 0) return ready;
    const std::size_t take = std::min(n, static_cast<std::size_t>(ready));
    std::memcpy(buf, m_out.data() + m_out_pos, take);
    m_out_pos += take;
    return static_cast<long>(take);
}

long XmlStreamRepair::read_view(const char** data) {
    const long ready = prepare();
    if (ready <= 0) return ready;
    *data = m_out.data() + m_out_pos;
    m_out_pos = m_out.size();
    return ready;
}

bool XmlStreamRepair::fill() {
    const long got = m_source(m_in.data() + m_in_len, m_in.size() - m_in_len);
    if (got < 0) {
        m_read_failed = true;
        return false;
    }
    if (got == 0) m_eof = true;
    m_in_len += static_cast<std::size_t>(got);
    m_bytes_in += static_cast<std::uint64_t>(got);
    return true;
}

void XmlStreamRepair::process(bool at_end) {
    m_chunk = m_in.data();
    std::size_t i = 0;
    while (i < m_in_len && !refused()) {
        if (m_state != State::start) {
            // The common case without a call per construct: bytes up to the next one that
            // needs a look are copied as one run.
            const std::size_t j = plain_run(m_in.data() + i, m_in_len - i);
            if (j > 0) {
                m_out.append(m_in.data() + i, j);
                i += j;
                continue;
            }
        }
        const std::size_t k = step(m_in.data() + i, m_in_len - i, at_end);
        if (k == 0) break;  // a construct continues in the next chunk
        i += k;
    }
    // Lines are only needed for the first noted repairs; counting stops after them.
    if (m_noted.size() < kMaxNoted) m_line += count_lines(m_in.data(), m_in.data() + i);
    std::memmove(m_in.data(), m_in.data() + i, m_in_len - i);
    m_in_len -= i;
    if (at_end && m_in_len > 0 && !refused()) m_in_len = 0;  // cannot happen; never loop
}

std::size_t XmlStreamRepair::plain_run(const char* p, std::size_t n) const {
    const std::uint8_t bit = m_state == State::text      ? kText
                             : m_state == State::cdata   ? kCdata
                             : m_state == State::comment ? kComment
                                                         : kPi;
    // The state's own special bytes besides those every state looks at.
    const char a = bit == kText ? '<' : bit == kCdata ? ']' : bit == kComment ? '-' : '?';
    const char b = bit == kText ? '&' : a;
    // Bytes passed unchanged from a byte the scan stopped at; 0 when it needs step().
    const auto plain_at = [&](std::size_t at) -> std::size_t {
        const auto c = static_cast<unsigned char>(p[at]);
        if (!(kSpecial[c] & bit)) return 1;  // tab, line feed, carriage return
        if (c >= 0x80) {
            // Valid UTF-8 passes as it is (and any byte when the document is not UTF-8).
            if (!m_check_utf8) return 1;
            if (c >= 0xC2 && c <= 0xDF && at + 1 < n &&
                (static_cast<unsigned char>(p[at + 1]) & 0xC0) == 0x80)
                return 2;  // the common case (é, ł, ü) without the general check
            return valid_utf8(p + at, n - at);
        }
        // Most '<' are tags, decided by the next byte alone.
        if (bit == kText && c == '<' && at + 1 < n &&
            (p[at + 1] == '/' || is_name_start(static_cast<unsigned char>(p[at + 1]))))
            return 1;
        return 0;
    };
    std::size_t j = 0;
    while (j < n) {
#if defined(__SSE2__)
        if (n - j >= 16) {
            // 16 bytes at a time: a signed compare below 0x20 finds the control bytes and every
            // byte from 0x80 (negative) at once; then each hit in the block is looked at.
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + j));
            const __m128i hit = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(a)),
                                                          _mm_cmpeq_epi8(v, _mm_set1_epi8(b))));
            auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
            std::size_t passed = j;  // the bytes before are passed (a sequence may end beyond)
            while (mask != 0) {
                const std::size_t at = j + static_cast<std::size_t>(__builtin_ctz(mask));
                mask &= mask - 1;
                if (at < passed) continue;  // inside a multi-byte character
                const std::size_t k = plain_at(at);
                if (k == 0) return at;
                passed = at + k;
            }
            j = std::max(j + 16, passed);
            continue;
        }
#endif
        while (j < n && !(kSpecial[static_cast<unsigned char>(p[j])] & bit)) ++j;
        if (j == n) return j;
        const std::size_t k = plain_at(j);
        if (k == 0) return j;
        j += k;
    }
    return j;
}

void XmlStreamRepair::note(const char* at, std::string what) {
    ++m_repairs;
    if (m_noted.size() >= kMaxNoted) return;
    const auto line = m_line + count_lines(m_chunk, at);
    m_noted.push_back({line, std::move(what)});
}

void XmlStreamRepair::sniff_encoding(const char* p, std::size_t avail) {
    if (!starts_with(p, avail, "<?xml")) return;
    const std::string_view decl(p, std::min(avail, kDeclarationBytes));
    const auto end = decl.find("?>");
    const auto at = decl.substr(0, end).find("encoding");
    if (at == std::string_view::npos) return;
    const auto quote = decl.find_first_of("\"'", at);
    if (quote == std::string_view::npos) return;
    const auto close = decl.find(decl[quote], quote + 1);
    if (close == std::string_view::npos) return;
    std::string enc(decl.substr(quote + 1, close - quote - 1));
    std::transform(enc.begin(), enc.end(), enc.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // Another encoding's bytes are not ours to judge: libxml2 converts them.
    m_check_utf8 = enc == "utf-8" || enc == "utf8";
}

std::size_t XmlStreamRepair::step(const char* p, std::size_t avail, bool at_end) {
    const auto c = static_cast<unsigned char>(*p);
    if (m_state == State::start) {
        if (m_skipped_lead == 0 && avail < 3 && !at_end) return 0;  // a BOM may be split
        if (m_skipped_lead == 0 && starts_with(p, avail, "\xEF\xBB\xBF")) m_bom = true;
        const auto* lt = static_cast<const char*>(std::memchr(p, '<', avail));
        if (!lt) {
            m_skipped_lead += avail;
            return avail;
        }
        if (lt > p) {
            m_skipped_lead += static_cast<std::size_t>(lt - p);
            return static_cast<std::size_t>(lt - p);
        }
        if (avail < kDeclarationBytes && !at_end) return 0;
        sniff_encoding(p, avail);
        m_state = State::text;
        // A lone UTF-8 byte order mark is legal; anything else before '<' is a repair.
        if (m_skipped_lead > 0 && !(m_skipped_lead == 3 && m_bom))
            note(p, std::to_string(m_skipped_lead) + " stray byte(s) before the XML start skipped");
        return step(p, avail, at_end);
    }
    const std::uint8_t bit = m_state == State::text      ? kText
                             : m_state == State::cdata   ? kCdata
                             : m_state == State::comment ? kComment
                                                         : kPi;
    if (!(kSpecial[c] & bit)) {
        std::size_t j = 1;
        while (j < avail && !(kSpecial[static_cast<unsigned char>(p[j])] & bit)) ++j;
        m_out.append(p, j);
        return j;
    }
    if (c < 0x20) {
        note(p, "control character " + std::to_string(c) + " (not allowed in XML) dropped");
        return 1;
    }
    if (c >= 0x80) return utf8(p, avail, at_end);

    const auto closes = [&](std::string_view end) -> std::size_t {
        if (avail < end.size() && !at_end) return 0;
        if (starts_with(p, avail, end)) {
            m_out.append(end);
            m_state = State::text;
            return end.size();
        }
        m_out += *p;
        return 1;
    };
    switch (m_state) {
        case State::cdata:
            return closes("]]>");
        case State::comment:
            return closes("-->");
        case State::pi:
            return closes("?>");
        default:
            break;
    }
    if (c == '&') return entity(p, avail, at_end);
    // c == '<' in text: most are tags, decided by the next byte alone.
    if (avail >= 2 && (p[1] == '/' || is_name_start(static_cast<unsigned char>(p[1])))) {
        m_out += '<';
        return 1;
    }
    if (avail < 9 && !at_end) return 0;
    if (starts_with(p, avail, "<![CDATA[")) {
        m_out.append(p, 9);
        m_state = State::cdata;
        return 9;
    }
    if (starts_with(p, avail, "<!--")) {
        m_out.append(p, 4);
        m_state = State::comment;
        return 4;
    }
    if (starts_with(p, avail, "<!DOCTYPE") || starts_with(p, avail, "<!doctype")) {
        m_refusal = "the document has a DOCTYPE (line " +
                    std::to_string(m_line + count_lines(m_chunk, p)) +
                    "); blog exports never do, and a DTD can make a parser read local files or the "
                    "network (XXE) or expand entities without end, so Kith refuses it";
        return avail;
    }
    if (starts_with(p, avail, "<?")) {
        m_out.append(p, 2);
        m_state = State::pi;
        return 2;
    }
    const auto next = avail > 1 ? static_cast<unsigned char>(p[1]) : ' ';
    if (next == '/' || next == '!' || is_name_start(next)) {
        m_out += '<';
        return 1;
    }
    m_out.append("&lt;");
    note(p, "'<' that starts no tag escaped");
    return 1;
}

std::size_t XmlStreamRepair::entity(const char* p, std::size_t avail, bool at_end) {
    const std::size_t limit = std::min(avail, kMaxReference);
    std::size_t j = 1;
    const bool numeric = limit > 1 && p[1] == '#';
    const bool hex = numeric && limit > 2 && (p[2] == 'x' || p[2] == 'X');
    j = numeric ? (hex ? 3 : 2) : 1;
    const std::size_t first = j;
    while (j < limit && p[j] != ';' &&
           (numeric ? (hex ? std::isxdigit(static_cast<unsigned char>(p[j])) != 0
                           : (p[j] >= '0' && p[j] <= '9'))
                    : is_alnum(static_cast<unsigned char>(p[j]))))
        ++j;
    if (j == limit && limit < kMaxReference && !at_end) return 0;  // may continue
    const bool terminated = j < limit && p[j] == ';' && j > first &&
                            (numeric || std::isalpha(static_cast<unsigned char>(p[1])));
    if (!terminated) {
        m_out.append("&amp;");
        note(p, "bare '&' escaped");
        return 1;
    }
    const std::string_view body(p + first, j - first);
    if (numeric) {
        std::uint32_t v = 0;
        for (const char d : body) {
            const int digit = d <= '9' ? d - '0' : (std::tolower(d) - 'a' + 10);
            v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
            if (v > 0x10FFFF) break;
        }
        if (is_xml_char(v)) {
            m_out.append(p, j + 1);
        } else {
            note(p, "reference to a character XML forbids (" + std::string(p, j + 1) + ") dropped");
        }
        return j + 1;
    }
    if (body == "amp" || body == "lt" || body == "gt" || body == "quot" || body == "apos") {
        m_out.append(p, j + 1);
    } else if (const auto cp = html_entity(body)) {
        m_out.append("&#" + std::to_string(*cp) + ";");
        note(p, "HTML entity &" + std::string(body) + "; replaced (XML does not define it)");
    } else {
        m_out.append("&amp;");
        note(p, "unknown entity &" + std::string(body) + "; kept as text");
        return 1;
    }
    return j + 1;
}

std::size_t XmlStreamRepair::utf8(const char* p, std::size_t avail, bool at_end) {
    const auto b = static_cast<unsigned char>(p[0]);
    if (!m_check_utf8) {
        m_out += p[0];
        return 1;
    }
    const std::size_t n = utf8_length(b);
    if (n > avail && !at_end) return 0;
    const bool ok = n != 0 && valid_utf8(p, avail) == n;
    if (!ok) {
        m_out.append(kReplacement);
        note(p, "invalid UTF-8 byte replaced by U+FFFD");
        return n == 3 && b == 0xEF && avail >= 3 && static_cast<unsigned char>(p[1]) == 0xBF &&
                       static_cast<unsigned char>(p[2]) >= 0xBE
                   ? 3
                   : 1;
    }
    m_out.append(p, n);
    return n;
}

}  // namespace kith::import
