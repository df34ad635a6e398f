#include "import/xml_reader.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>

namespace kith::import {

namespace {

using core::ErrorCode;
using core::make_error;
using core::Result;

/// libxml2 limits nesting (256) only when it builds a tree; a SAX reader must do it itself, or
/// "<a><a><a>…" would grow libxml2's name stacks with the input.
constexpr int kMaxDepth = 256;

xmlParserCtxtPtr as_ctxt(void* p) {
    return static_cast<xmlParserCtxtPtr>(p);
}

// Process-wide: no XML anywhere in Kith may pull in an external entity or DTD.
xmlParserInputPtr refuse_external(const char*, const char*, xmlParserCtxtPtr) {
    return nullptr;
}

void init_libxml() {
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(refuse_external);
    });
}

// No NOENT (entities stay unexpanded), no DTDLOAD/DTDATTR/DTDVALID, no HUGE (libxml2's limits
// on names and entity amplification stay on), NONET. The SAX handlers below build no tree, so
// the limits libxml2 applies while building one (depth, text size) are applied here instead.
constexpr int kOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;

std::string_view local_part(const xmlChar* name) {
    if (!name) return {};
    std::string_view s(reinterpret_cast<const char*>(name));
    // Names are split at the first colon by libxml2; a second one stays in the local name.
    if (const auto colon = s.rfind(':'); colon != std::string_view::npos)
        s.remove_prefix(colon + 1);
    return s;
}

}  // namespace

/// The SAX2 callbacks: they append the nodes libxml2 reports to the reader's queue.
struct XmlSaxHandlers {
    using Kind = XmlReader::Kind;

    static XmlReader& me(void* ctx) { return *static_cast<XmlReader*>(ctx); }

    static int line(const XmlReader& r) {
        const auto* c = as_ctxt(r.m_ctxt);
        return c && c->input ? c->input->line : 0;
    }

    static std::string_view local_name(XmlReader& r, const xmlChar* name) {
        auto& slot = r.m_names[(reinterpret_cast<std::uintptr_t>(name) >> 4) % r.m_names.size()];
        if (slot.first != name) slot = {name, local_part(name)};
        return slot.second;
    }

    static std::uint32_t offset(const XmlReader& r) {
        return static_cast<std::uint32_t>(r.m_text.size());
    }

    static void start(void* ctx, const xmlChar* localname, const xmlChar*, const xmlChar*, int,
                      const xmlChar**, int nb_attributes, int, const xmlChar** attributes) {
        auto& r = me(ctx);
        if (r.m_depth >= kMaxDepth) {
            if (r.m_fatal.empty()) {
                r.m_fatal = "elements nested deeper than " + std::to_string(kMaxDepth) + " levels";
                r.m_fatal_line = line(r);
            }
            xmlStopParser(as_ctxt(r.m_ctxt));
            return;
        }
        XmlReader::Node n;
        n.kind = Kind::start;
        n.depth = r.m_depth++;
        n.line = line(r);
        n.name = local_name(r, localname);
        n.attrs_at = static_cast<std::uint32_t>(r.m_attrs.size());
        // Five pointers per attribute: local name, prefix, URI, value start, value end.
        for (int i = 0; i < nb_attributes; ++i) {
            const xmlChar** a = attributes + 5 * i;
            const auto len = static_cast<int>(a[4] - a[3]);
            XmlReader::Attr at{local_name(r, a[0]), offset(r), 0};
            // Without entity substitution libxml2 leaves "&#38;" for "&amp;" in the value, as
            // its own tree builder does before decoding it.
            if (std::memchr(a[3], '&', static_cast<std::size_t>(len))) {
                xmlChar* v = xmlStringLenDecodeEntities(as_ctxt(r.m_ctxt), a[3], len,
                                                        XML_SUBSTITUTE_REF, 0, 0, 0);
                if (v) r.m_text.append(reinterpret_cast<const char*>(v));
                xmlFree(v);
            } else {
                r.m_text.append(reinterpret_cast<const char*>(a[3]), static_cast<std::size_t>(len));
            }
            at.len = offset(r) - at.at;
            r.m_attrs.push_back(at);
        }
        n.attrs_end = static_cast<std::uint32_t>(r.m_attrs.size());
        r.m_nodes.push_back(n);
    }

    static void end(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
        auto& r = me(ctx);
        --r.m_depth;
        // An element closed right after its start has no content: one node, as for <a/>.
        if (!r.m_nodes.empty()) {
            auto& last = r.m_nodes.back();
            if (last.kind == Kind::start && last.depth == r.m_depth && !last.empty) {
                last.empty = true;
                return;
            }
        }
        XmlReader::Node n;
        n.kind = Kind::end;
        n.depth = r.m_depth;
        n.line = line(r);
        r.m_nodes.push_back(n);
    }

    /// Text and CDATA (and white space); adjacent pieces become one node, cut at kMaxText.
    static void characters(void* ctx, const xmlChar* ch, int len) {
        auto& r = me(ctx);
        if (r.m_nodes.empty() || r.m_nodes.back().kind != Kind::text) {
            XmlReader::Node n;
            n.kind = Kind::text;
            n.depth = r.m_depth;
            n.line = line(r);
            n.text_at = offset(r);
            r.m_nodes.push_back(n);
        }
        auto& n = r.m_nodes.back();
        const auto take =
            std::min<std::size_t>(static_cast<std::size_t>(len), XmlReader::kMaxText - n.text_len);
        r.m_text.append(reinterpret_cast<const char*>(ch), take);
        n.text_len += static_cast<std::uint32_t>(take);
    }

    static xmlSAXHandler make() {
        xmlSAXHandler h{};
        h.initialized = XML_SAX2_MAGIC;
        h.startElementNs = start;
        h.endElementNs = end;
        h.characters = characters;
        h.ignorableWhitespace = characters;
        h.cdataBlock = characters;
        h.serror = [](void* self, xmlErrorPtr e) { XmlReader::on_error(self, e); };
        return h;
    }
};

XmlReader::XmlReader(XmlStreamRepair::Source source, std::string name)
    : m_name(std::move(name)), m_repair(std::move(source)) {
    init_libxml();
}

XmlReader::~XmlReader() {
    if (m_ctxt) xmlFreeParserCtxt(as_ctxt(m_ctxt));
}

Result<std::unique_ptr<XmlReader>> XmlReader::open_file(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return make_error(ErrorCode::io, path + " is a directory, not an XML export file",
                          "Give the path of the exported .xml file.");
    errno = 0;
    std::FILE* raw = std::fopen(path.c_str(), "rb");
    if (!raw) {
        const int err = errno;
        return make_error(
            err == ENOENT ? ErrorCode::not_found : ErrorCode::io,
            "cannot open " + path + ": " + std::strerror(err),
            err == ENOENT ? "Check the file name and path." : "Check the file's permissions.");
    }
    auto file = std::shared_ptr<std::FILE>(raw, [](std::FILE* f) { std::fclose(f); });
    auto source = [file](char* buf, std::size_t n) -> long {
        const std::size_t got = std::fread(buf, 1, n, file.get());
        if (got == 0 && std::ferror(file.get())) return -1;
        return static_cast<long>(got);
    };
    return std::unique_ptr<XmlReader>(new XmlReader(source, path));
}

std::unique_ptr<XmlReader> XmlReader::from_memory(std::string data, std::string name) {
    auto held = std::make_shared<std::string>(std::move(data));
    auto pos = std::make_shared<std::size_t>(0);
    auto source = [held, pos](char* buf, std::size_t n) -> long {
        const std::size_t take = std::min(n, held->size() - *pos);
        std::memcpy(buf, held->data() + *pos, take);
        *pos += take;
        return static_cast<long>(take);
    };
    return std::unique_ptr<XmlReader>(new XmlReader(source, std::move(name)));
}

void XmlReader::on_error(void* self, const void* error) {
    auto* me = static_cast<XmlReader*>(self);
    const auto* e = static_cast<const xmlError*>(error);
    if (!e || e->level == XML_ERR_WARNING) return;
    std::string msg = e->message ? e->message : "unknown XML error";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    if (e->level == XML_ERR_FATAL) {
        if (me->m_fatal.empty()) {
            me->m_fatal = std::move(msg);
            me->m_fatal_line = e->line;
        }
    } else if (me->m_errors.size() < 1000) {
        me->m_errors.emplace_back(e->line, std::move(msg));
    }
}

void XmlReader::refill() {
    m_nodes.clear();
    m_attrs.clear();
    m_text.clear();
    m_next = 0;
    while (m_nodes.empty() && !m_halted) {
        const char* data = nullptr;
        const long got = m_input_done ? 0 : m_repair.read_view(&data);
        if (got < 0 || (m_input_done && got == 0)) {
            m_halted = true;  // a refusal or read error (reported by stop_error), or the end
            break;
        }
        // The repair hands over what one input chunk gave (64 KiB, a little more when it
        // escaped characters): the nodes of a chunk are queued at a time.
        const int n = static_cast<int>(got);
        if (!m_ctxt) {
            // The first bytes let libxml2 detect the encoding, as xmlReaderForIO does.
            static xmlSAXHandler sax = XmlSaxHandlers::make();
            const int head = std::min(n, 4);
            m_ctxt = xmlCreatePushParserCtxt(&sax, this, data, head, m_name.c_str());
            if (!m_ctxt) {
                m_fatal = "libxml2 could not create a parser";
                m_halted = true;
                break;
            }
            xmlCtxtUseOptions(as_ctxt(m_ctxt), kOptions);
            xmlParseChunk(as_ctxt(m_ctxt), data ? data + head : nullptr, n - head, n == 0);
        } else {
            xmlParseChunk(as_ctxt(m_ctxt), data, n, n == 0);
        }
        if (n == 0) m_input_done = true;
        // After a fatal error libxml2 reports nothing more: what was queued is read first.
        if (!m_fatal.empty() || as_ctxt(m_ctxt)->disableSAX) m_halted = true;
    }
}

Result<bool> XmlReader::next() {
    if (m_next >= m_nodes.size()) refill();
    if (m_next < m_nodes.size()) {
        m_node = &m_nodes[m_next++];
        return true;
    }
    m_node = nullptr;
    return stop_error();
}

Result<bool> XmlReader::stop_error() {
    if (m_repair.refused())
        return make_error(ErrorCode::format, m_name + ": " + m_repair.refusal(),
                          "Export the data again from its site; if the file really is an "
                          "export, remove the <!DOCTYPE …> line.");
    if (m_repair.read_failed())
        return make_error(
            ErrorCode::io,
            "read error in " + m_name + " after " + std::to_string(bytes()) + " bytes",
            "Check that the file is readable and the disk is healthy.");
    if (m_fatal.empty()) return false;
    return make_error(ErrorCode::format,
                      m_name + ":" + std::to_string(m_fatal_line ? m_fatal_line : line()) +
                          ": XML error: " + m_fatal +
                          "; reading stopped here (what came before was imported)",
                      "The file may be cut short or damaged: export it again, or fix the XML "
                      "at that line and import again (nothing is duplicated).");
}

int XmlReader::line() const {
    if (m_node) return m_node->line;
    return XmlSaxHandlers::line(*this);
}

std::optional<std::string> XmlReader::attribute(std::string_view local) const {
    if (!is_start()) return std::nullopt;
    for (auto i = m_node->attrs_at; i < m_node->attrs_end; ++i)
        if (m_attrs[i].name == local) return m_text.substr(m_attrs[i].at, m_attrs[i].len);
    return std::nullopt;
}

Result<void> XmlReader::append_text(std::string& out) {
    if (!is_start() || is_empty()) return {};
    const int d = depth();
    for (;;) {
        auto more = next();
        if (!more) return more.error();
        if (!*more) return {};
        if (m_node->kind == Kind::end && m_node->depth == d) return {};
        if (m_node->kind == Kind::text && out.size() < kMaxText) {
            out.append(m_text, m_node->text_at, m_node->text_len);
            if (out.size() > kMaxText) out.resize(kMaxText);
        }
    }
}

Result<std::string> XmlReader::text() {
    std::string out;
    if (auto r = append_text(out); !r) return r.error();
    return out;
}

Result<void> XmlReader::text_into(std::string& out) {
    // Into `out` itself: a caller reusing its strings reads every field without allocating.
    out.clear();
    if (auto r = append_text(out); !r) return r;
    const auto e = out.find_last_not_of(" \t\r\n");
    if (e == std::string::npos) {
        out.clear();
        return {};
    }
    out.resize(e + 1);
    out.erase(0, out.find_first_not_of(" \t\r\n"));
    return {};
}

std::vector<std::pair<int, std::string>> XmlReader::take_errors() {
    return std::exchange(m_errors, {});
}

void report_xml_notes(XmlReader& reader, core::RecordSink& sink) {
    const auto& rep = reader.repairs();
    for (const auto& n : rep.noted())
        sink.warning({reader.source_name() + ":" + std::to_string(n.line), "repaired: " + n.what});
    if (rep.repairs() > rep.noted().size())
        sink.warning({reader.source_name(), "repaired " +
                                                std::to_string(rep.repairs() - rep.noted().size()) +
                                                " more XML problems of the same kinds"});
    for (auto& [line, what] : reader.take_errors())
        sink.warning({reader.source_name() + ":" + std::to_string(line), "XML: " + what});
}

}  // namespace kith::import
