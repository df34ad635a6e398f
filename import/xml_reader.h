#pragma once
// Safe streaming XML for importers: libxml2's SAX2 push parser behind XmlStreamRepair.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/importer.h"
#include "core/result.h"
#include "import/xml_stream_repair.h"

namespace kith::import {

/// Reads an XML document node by node in bounded memory. libxml2's push parser is fed a chunk at
/// a time and its SAX2 callbacks queue the chunk's nodes (element starts and ends, text): no
/// tree is built, which is what made xmlTextReader cost twice as much. Hostile input is
/// neutralised: a DOCTYPE is refused before libxml2 sees it, entities are never substituted, no DTD
/// is loaded, the network is off, and the process-wide external entity loader refuses every URI (so
/// even a parser bug cannot read a file). Element names are matched by local name, so every
/// namespace version of a format reads the same. Known breakage is repaired on the way in (see
/// XmlStreamRepair). One reader per thread.
class XmlReader {
  public:
    /// A field longer than this is cut (a comment's excerpt needs far less).
    static constexpr std::size_t kMaxText = 256 * 1024;

    /// Opens `path`. Errors: not_found, io.
    static core::Result<std::unique_ptr<XmlReader>> open_file(const std::string& path);
    /// Reads `data`; `name` is used in messages (a URL).
    static std::unique_ptr<XmlReader> from_memory(std::string data, std::string name);
    ~XmlReader();
    XmlReader(const XmlReader&) = delete;
    XmlReader& operator=(const XmlReader&) = delete;

    /// The next node; false at the end of the document. An Error (format, io) when the document
    /// cannot be read further: a refused DOCTYPE, or an error libxml2 cannot get past, with its
    /// line and what to do.
    core::Result<bool> next();

    bool is_start() const { return m_node && m_node->kind == Kind::start; }  ///< or self-closing
    bool is_end() const { return m_node && m_node->kind == Kind::end; }  ///< not for self-closing
    /// An element without content (`<a/>` or `<a></a>`): no end follows.
    bool is_empty() const { return is_start() && m_node->empty; }
    /// At an element's start: its name without prefix ("comment" for <wp:comment>); else empty.
    /// Stays valid as long as the reader (names are interned by libxml2).
    std::string_view name() const { return is_start() ? m_node->name : std::string_view(); }
    int depth() const { return m_node ? m_node->depth : 0; }
    /// The value of the attribute with local name `local` ("id" for dsq:id), if present.
    std::optional<std::string> attribute(std::string_view local) const;

    /// At an element's start: the text and CDATA inside it up to its end (nested elements'
    /// text included), at most kMaxText bytes kept. Leaves the reader on the element's end.
    core::Result<std::string> text();

    /// text() appended to `out` (up to kMaxText bytes in all), reusing its memory.
    core::Result<void> append_text(std::string& out);

    /// text() trimmed of surrounding white space, into `out` (its capacity is reused).
    core::Result<void> text_into(std::string& out);

    /// At an element's start: calls `on_child(name)` at the start of each direct child element
    /// until the element ends. `on_child` may read the child with text() or ignore it (its
    /// content is then passed over). Stops at the first error `on_child` or the XML gives.
    template <class F>
    core::Result<void> children(F&& on_child) {
        if (!is_start() || is_empty()) return {};
        const int d = depth();
        for (;;) {
            auto more = next();
            if (!more) return more.error();
            if (!*more) return {};
            if (is_end() && depth() == d) return {};
            if (is_start() && depth() == d + 1) {
                if (auto r = on_child(name()); !r) return r;
            }
        }
    }

    /// The current node's line (of the input), and input bytes consumed, for locations and
    /// progress.
    int line() const;
    std::uint64_t bytes() const { return m_repair.bytes_in(); }
    const std::string& source_name() const { return m_name; }

    /// Repairs the input needed (see XmlStreamRepair).
    const XmlStreamRepair& repairs() const { return m_repair; }
    /// Errors libxml2 reported and read past (namespace errors…), with their lines; cleared.
    std::vector<std::pair<int, std::string>> take_errors();

  private:
    friend struct XmlSaxHandlers;  // the SAX2 callbacks (xml_reader.cpp) fill the queue
    enum class Kind : std::uint8_t { start, end, text };
    /// One queued node. Text lives in m_text (offsets: the buffer grows while a chunk parses).
    struct Node {
        Kind kind = Kind::text;
        bool empty = false;
        int depth = 0, line = 0;
        std::string_view name;  ///< libxml2's interned local name (start only)
        std::uint32_t text_at = 0, text_len = 0;
        std::uint32_t attrs_at = 0, attrs_end = 0;  ///< range in m_attrs (start only)
    };
    struct Attr {
        std::string_view name;  ///< interned local name
        std::uint32_t at = 0, len = 0;
    };

    XmlReader(XmlStreamRepair::Source source, std::string name);
    static void on_error(void* self, const void* error);
    /// Parses input until nodes are queued, the input ends or parsing cannot go on.
    void refill();
    core::Result<bool> stop_error();

    std::string m_name;
    XmlStreamRepair m_repair;
    void* m_ctxt = nullptr;  ///< xmlParserCtxtPtr; libxml2 stays out of this header
    bool m_input_done = false, m_halted = false;
    std::vector<std::pair<int, std::string>> m_errors;
    std::string m_fatal;
    int m_fatal_line = 0;
    // The queue of parsed nodes, emptied before the next chunk is parsed.
    std::vector<Node> m_nodes;
    std::vector<Attr> m_attrs;
    std::string m_text;
    std::size_t m_next = 0;
    const Node* m_node = nullptr;  ///< the current node; null before the first and at the end
    int m_depth = 0;               ///< open elements while parsing
    /// Local names by libxml2's interned name (a direct-mapped cache: a few names repeat).
    std::array<std::pair<const void*, std::string_view>, 64> m_names{};
};

/// Tells the sink, as warnings located "SOURCE:LINE", what the reader repaired in the input
/// (the first ones, then how many more) and the errors libxml2 read past. Call once at the end.
void report_xml_notes(XmlReader& reader, core::RecordSink& sink);

}  // namespace kith::import
