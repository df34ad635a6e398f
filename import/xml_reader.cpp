#include "import/xml_reader.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

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

// The header compares node types by number to stay free of libxml2.
static_assert(XML_READER_TYPE_ELEMENT == 1 && XML_READER_TYPE_END_ELEMENT == 15);

xmlTextReaderPtr as_reader(void* p) {
    return static_cast<xmlTextReaderPtr>(p);
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
// on text size and entity amplification stay on), NONET.
constexpr int kOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;

int read_cb(void* ctx, char* buf, int len) {
    return static_cast<int>(
        static_cast<XmlStreamRepair*>(ctx)->read(buf, static_cast<std::size_t>(len)));
}

int close_cb(void*) {
    return 0;
}

std::string_view local_part(const xmlChar* name) {
    if (!name) return {};
    std::string_view s(reinterpret_cast<const char*>(name));
    // An undeclared prefix ("wp:comment" without xmlns:wp) leaves the prefix in the name.
    if (const auto colon = s.rfind(':'); colon != std::string_view::npos)
        s.remove_prefix(colon + 1);
    return s;
}

}  // namespace

XmlReader::XmlReader(XmlStreamRepair::Source source, std::string name)
    : m_name(std::move(name)), m_repair(std::move(source)) {
    init_libxml();
    m_reader = xmlReaderForIO(read_cb, close_cb, &m_repair, nullptr, nullptr, kOptions);
    if (m_reader)
        xmlTextReaderSetStructuredErrorHandler(
            as_reader(m_reader), [](void* self, xmlErrorPtr e) { on_error(self, e); }, this);
}

XmlReader::~XmlReader() {
    if (m_reader) xmlFreeTextReader(as_reader(m_reader));
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
    std::unique_ptr<XmlReader> r(new XmlReader(source, path));
    if (!r->m_reader) return make_error(ErrorCode::internal, "libxml2 could not create a reader");
    return r;
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

Result<bool> XmlReader::next() {
    if (!m_reader) return make_error(ErrorCode::internal, "libxml2 could not create a reader");
    auto* r = as_reader(m_reader);
    const int rc = xmlTextReaderRead(r);
    if (rc == 1) {
        m_type = xmlTextReaderNodeType(r);
        m_depth = xmlTextReaderDepth(r);
        m_local = m_type == XML_READER_TYPE_ELEMENT ? local_part(xmlTextReaderConstLocalName(r))
                                                    : std::string_view();
        return true;
    }
    m_type = 0;
    m_local = {};
    if (rc == 0) return false;
    if (m_repair.refused())
        return make_error(ErrorCode::format, m_name + ": " + m_repair.refusal(),
                          "Export the data again from its site; if the file really is an "
                          "export, remove the <!DOCTYPE …> line.");
    if (m_repair.read_failed())
        return make_error(
            ErrorCode::io,
            "read error in " + m_name + " after " + std::to_string(bytes()) + " bytes",
            "Check that the file is readable and the disk is healthy.");
    const std::string what = m_fatal.empty() ? "the XML cannot be parsed" : m_fatal;
    return make_error(ErrorCode::format,
                      m_name + ":" + std::to_string(m_fatal_line ? m_fatal_line : line()) +
                          ": XML error: " + what +
                          "; reading stopped here (what came before was imported)",
                      "The file may be cut short or damaged: export it again, or fix the XML "
                      "at that line and import again (nothing is duplicated).");
}

bool XmlReader::is_empty() const {
    return is_start() && xmlTextReaderIsEmptyElement(as_reader(m_reader)) == 1;
}

int XmlReader::line() const {
    return m_reader ? xmlTextReaderGetParserLineNumber(as_reader(m_reader)) : 0;
}

std::optional<std::string> XmlReader::attribute(std::string_view local) const {
    auto* r = as_reader(m_reader);
    std::optional<std::string> out;
    for (int ok = xmlTextReaderMoveToFirstAttribute(r); ok == 1 && !out;
         ok = xmlTextReaderMoveToNextAttribute(r)) {
        if (local_part(xmlTextReaderConstLocalName(r)) == local) {
            const xmlChar* v = xmlTextReaderConstValue(r);
            out = v ? reinterpret_cast<const char*>(v) : "";
        }
    }
    xmlTextReaderMoveToElement(r);
    return out;
}

Result<std::string> XmlReader::text() {
    std::string out;
    if (!is_start() || is_empty()) return out;
    const int d = depth();
    for (;;) {
        auto more = next();
        if (!more) return more.error();
        if (!*more) return out;
        const int type = m_type;
        if (type == XML_READER_TYPE_END_ELEMENT && depth() == d) return out;
        if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
            type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
            const xmlChar* v = xmlTextReaderConstValue(as_reader(m_reader));
            if (v && out.size() < kMaxText) {
                out.append(reinterpret_cast<const char*>(v));
                if (out.size() > kMaxText) out.resize(kMaxText);
            }
        }
    }
}

Result<void> XmlReader::text_into(std::string& out) {
    auto t = text();
    if (!t) return t.error();
    const auto b = t->find_first_not_of(" \t\r\n");
    const auto e = t->find_last_not_of(" \t\r\n");
    if (b == std::string::npos) {
        out.clear();
    } else if (b == 0 && e + 1 == t->size()) {
        out = std::move(*t);
    } else {
        out.assign(*t, b, e - b + 1);
    }
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
