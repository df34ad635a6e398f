#include "import/email_body_text.h"

#include <gmime/gmime.h>

#include <string_view>

#include "import/glib_ref.h"

namespace kith::import {

namespace {

constexpr int kMaxDepth = 8;  // deeper nesting is left to GMime's parser

/// A leaf chosen as the body: its Content-Type and where its content is.
struct Candidate {
    GRef<GMimeContentType> type;
    std::string_view encoding;  ///< raw Content-Transfer-Encoding
    std::string_view content;
};

struct Walk {
    GMimeParserOptions* options;
    Candidate plain, html;
    bool have_plain = false, have_html = false;
};

bool all_blank(std::string_view s) {
    for (const char c : s)
        if (c != ' ' && c != '\t' && c != '\r') return false;
    return true;
}

/// The parts of a multipart body between "--boundary" lines, up to "--boundary--"; false when the
/// closing line is missing (a cut message: GMime decides).
template <class Visit>
bool split_parts(std::string_view body, std::string_view boundary, Visit visit) {
    const std::size_t n = boundary.size() + 2;
    std::size_t pos = 0, part_start = 0;
    bool in_part = false;
    while (pos < body.size()) {
        const auto nl = body.find('\n', pos);
        const std::size_t end = nl == std::string_view::npos ? body.size() : nl;
        const std::string_view line = body.substr(pos, end - pos);
        const std::size_t next = nl == std::string_view::npos ? body.size() : nl + 1;
        if (line.size() >= n && line[0] == '-' && line[1] == '-' &&
            line.substr(2, boundary.size()) == boundary) {
            const auto rest = line.substr(n);
            const bool last = rest.substr(0, 2) == "--";
            if (last || all_blank(rest)) {
                // The part ends before the line break that precedes the boundary line.
                if (in_part) {
                    std::size_t stop = pos > part_start ? pos - 1 : part_start;
                    if (stop > part_start && body[stop - 1] == '\r') --stop;
                    if (!visit(body.substr(part_start, stop - part_start))) return true;
                }
                if (last) return true;
                in_part = true;
                part_start = next;
            }
        }
        pos = next;
    }
    return false;
}

BodyText::Scan walk(const EmailHeaderBlock& h, bool digest_child, int depth, Walk& w) {
    if (depth > kMaxDepth) return BodyText::Scan::unsure;
    for (const char* name : {"Content-Type", "Content-Transfer-Encoding", "Content-Disposition"})
        if (h.count(name) > 1) return BodyText::Scan::unsure;  // GMime: the last one counts
    const auto raw_type = h.first("Content-Type");
    GRef<GMimeContentType> type;
    if (raw_type.empty()) {
        if (h.count("Content-Type") != 0) return BodyText::Scan::unsure;
        type.reset(g_mime_content_type_new(digest_child ? "message" : "text",
                                           digest_child ? "rfc822" : "plain"));
    } else {
        type.reset(g_mime_content_type_parse(w.options, std::string(raw_type).c_str()));
        if (!type) return BodyText::Scan::unsure;
    }
    if (g_mime_content_type_is_type(type.get(), "multipart", "*")) {
        const char* boundary = g_mime_content_type_get_parameter(type.get(), "boundary");
        if (!boundary || !*boundary) return BodyText::Scan::unsure;
        const bool digest = g_mime_content_type_is_type(type.get(), "multipart", "digest");
        auto result = BodyText::Scan::none;
        EmailHeaderBlock child;
        const bool closed = split_parts(h.body(), boundary, [&](std::string_view part) {
            child.parse(part);
            result = walk(child, digest, depth + 1, w);
            return result != BodyText::Scan::unsure && !w.have_plain;
        });
        if (result == BodyText::Scan::unsure || !closed) return BodyText::Scan::unsure;
        return BodyText::Scan::none;
    }
    if (!g_mime_content_type_is_type(type.get(), "text", "*")) return BodyText::Scan::none;
    if (const auto disposition = h.first("Content-Disposition"); !disposition.empty()) {
        const GRef<GMimeContentDisposition> d(
            g_mime_content_disposition_parse(w.options, std::string(disposition).c_str()));
        if (d && g_mime_content_disposition_is_attachment(d.get())) return BodyText::Scan::none;
    }
    const bool plain = g_mime_content_type_is_type(type.get(), "text", "plain");
    if (!plain && (w.have_html || !g_mime_content_type_is_type(type.get(), "text", "html")))
        return BodyText::Scan::none;
    auto& c = plain ? w.plain : w.html;
    (plain ? w.have_plain : w.have_html) = true;
    c.type = std::move(type);
    c.encoding = h.first("Content-Transfer-Encoding");
    c.content = h.body();
    return BodyText::Scan::none;
}

/// Base64, quoted-printable and uuencode undone; other encodings are the bytes themselves.
std::string undo_transfer_encoding(std::string_view encoding, std::string_view content) {
    std::string name(encoding);
    const GCharPtr unfolded(g_mime_utils_header_unfold(name.c_str()));
    const auto e = g_mime_content_encoding_from_string(g_strstrip(unfolded.get()));
    if (e != GMIME_CONTENT_ENCODING_BASE64 && e != GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE &&
        e != GMIME_CONTENT_ENCODING_UUENCODE)
        return std::string(content);
    GMimeEncoding state;
    g_mime_encoding_init_decode(&state, e);
    std::string out(g_mime_encoding_outlen(&state, content.size()), '\0');
    out.resize(g_mime_encoding_flush(&state, content.data(), content.size(), out.data()));
    return out;
}

bool is_ascii(std::string_view s) {
    for (const char c : s)
        if (c == '\0' || static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

/// GMime's text of a part into `out`: converted from its declared charset through GMime's
/// charset filter; text already in the declared UTF-8 or ASCII is kept as it is (what the filter
/// would give) and marked valid.
void to_utf8(GMimeContentType* type, std::string text, BodyText& out) {
    out.valid = false;
    const char* charset = g_mime_content_type_get_parameter(type, "charset");
    const bool utf8 = charset && (g_ascii_strcasecmp(charset, "utf-8") == 0 ||
                                  g_ascii_strcasecmp(charset, "utf8") == 0);
    // g_utf8_validate refuses NUL bytes: text it accepts is whole.
    if (utf8 && g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
        out.valid = true;
    } else if (charset && (utf8 || g_ascii_strcasecmp(charset, "us-ascii") == 0) &&
               is_ascii(text)) {
        out.valid = true;
    } else if (charset) {
        const GRef<GMimeFilter> filter(g_mime_filter_charset_new(charset, "utf-8"));
        if (filter) {
            char* converted = nullptr;
            size_t length = 0, prespace = 0;
            g_mime_filter_complete(filter.get(), text.data(), text.size(), 0, &converted, &length,
                                   &prespace);
            out.text.assign(converted, length);
            return;
        }
    }
    out.text = std::move(text);
}

}  // namespace

BodyText::Scan find_body_text(const EmailHeaderBlock& top, GMimeParserOptions* options,
                              BodyText& out) {
    Walk w{options, {}, {}};
    if (walk(top, false, 0, w) == BodyText::Scan::unsure) return BodyText::Scan::unsure;
    if (!w.have_plain && !w.have_html) return BodyText::Scan::none;
    auto& c = w.have_plain ? w.plain : w.html;
    out.html = !w.have_plain;
    to_utf8(c.type.get(), undo_transfer_encoding(c.encoding, c.content), out);
    return BodyText::Scan::found;
}

}  // namespace kith::import
