#pragma once
// A byte filter in front of libxml2 that repairs the XML breakage real blog exports contain.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace kith::import {

/// Streams bytes from a source and repairs, on the fly and in bounded memory, what WordPress,
/// Disqus and comment plugins are known to write and libxml2 would stop at (libxml2's reader
/// gives up at the first well-formedness error, recover mode or not):
///  - bytes before the first '<' (a stray byte or BOM before `<?xml`, seen in Disqus exports);
///  - control characters XML forbids (U+000B from pasted Word text) are dropped;
///  - invalid UTF-8 becomes U+FFFD (only when the document is UTF-8, as WXR and Disqus are);
///  - a bare '&' becomes "&amp;"; HTML names ("&nbsp;") become numeric references; numeric
///    references to forbidden characters ("&#11;") are dropped;
///  - a '<' that cannot start markup ("a < b") becomes "&lt;".
/// CDATA sections and comments are left alone except for characters and UTF-8.
/// A DOCTYPE is refused: the stream stops and `refused()` says why (no DTD, hence no entity
/// expansion or external fetch, ever reaches the parser). Not thread-safe.
class XmlStreamRepair {
  public:
    /// Reads up to n bytes into buf; returns the count, 0 at the end, -1 on a read error.
    using Source = std::function<long(char* buf, std::size_t n)>;

    /// One repair worth telling: the line (1-based, in the input) and what was done.
    struct Repair {
        std::uint64_t line;
        std::string what;
    };
    static constexpr std::size_t kMaxNoted = 20;

    explicit XmlStreamRepair(Source source);

    /// Fills `buf` with up to `n` repaired bytes; 0 at the end; -1 on a read error or refusal.
    long read(char* buf, std::size_t n);
    /// Like read() without a copy: points `data` at the next repaired bytes (all there are,
    /// valid until the next call) and returns their count; 0 at the end; -1 as read().
    long read_view(const char** data);

    bool refused() const { return !m_refusal.empty(); }
    const std::string& refusal() const { return m_refusal; }
    bool read_failed() const { return m_read_failed; }
    /// Input bytes consumed so far (for progress).
    std::uint64_t bytes_in() const { return m_bytes_in; }
    /// Every repair made, and the first kMaxNoted with their lines.
    std::uint64_t repairs() const { return m_repairs; }
    const std::vector<Repair>& noted() const { return m_noted; }

  private:
    enum class State { start, text, cdata, comment, pi };

    /// Repairs input until output is ready: its size, 0 at the end, -1 on a failure.
    long prepare();
    bool fill();
    void process(bool at_end);
    /// How many bytes from `p` are copied unchanged in the current state (no repair, no state
    /// change): the run before the next byte step() must look at.
    std::size_t plain_run(const char* p, std::size_t n) const;
    std::size_t step(const char* p, std::size_t avail, bool at_end);
    std::size_t entity(const char* p, std::size_t avail, bool at_end);
    std::size_t utf8(const char* p, std::size_t avail, bool at_end);
    void note(const char* at, std::string what);
    void sniff_encoding(const char* p, std::size_t avail);

    Source m_source;
    std::vector<char> m_in;
    std::size_t m_in_len = 0;  ///< bytes in m_in (a carried tail plus fresh input)
    std::string m_out;
    std::size_t m_out_pos = 0;
    State m_state = State::start;
    bool m_eof = false, m_bom = false, m_read_failed = false, m_check_utf8 = true;
    std::string m_refusal;
    std::uint64_t m_bytes_in = 0, m_repairs = 0, m_skipped_lead = 0;
    std::uint64_t m_line = 1;       ///< line at the start of m_in (while lines are counted)
    const char* m_chunk = nullptr;  ///< start of the chunk being processed
    std::vector<Repair> m_noted;
};

}  // namespace kith::import
