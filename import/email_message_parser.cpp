#include "import/email_message_parser.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <mutex>
#include <vector>

#include "core/identity_normalizer.h"
#include "import/email_body_text.h"
#include "import/email_bulk.h"
#include "import/email_excerpt.h"
#include "import/email_header_block.h"
#include "import/email_thread.h"
#include "import/glib_ref.h"

namespace kith::import {

namespace {

constexpr std::size_t kMaxSubjectBytes = 500;
constexpr std::size_t kMaxNameBytes = 200;

/// Valid UTF-8 on one line: invalid bytes become U+FFFD, control characters (CR/LF injection,
/// NUL) become spaces, runs of white space one space; cut at `max_bytes` on a character boundary.
std::string clean_line(const char* s, std::size_t max_bytes) {
    if (!s) return {};
    const GCharPtr valid(g_utf8_make_valid(s, -1));
    std::string out;
    for (const char* p = valid.get(); *p; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        const bool space = c < 0x20 || c == 0x7F || c == ' ';
        if (space) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.size() > max_bytes) {
        std::size_t end = max_bytes;
        while (end > 0 && (static_cast<unsigned char>(out[end]) & 0xC0) == 0x80) --end;
        out.erase(end);
    }
    return out;
}

std::string sha256_hex(std::string_view s) {
    const GCharPtr hex(g_compute_checksum_for_data(
        G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(s.data()), s.size()));
    return hex.get();
}

struct Address {
    core::Identity identity;
    std::string name;
    core::ParticipantRole role;
};

/// Mailboxes of a list, groups expanded ("Team: a@x, b@x;"), in order.
void collect(InternetAddressList* list, core::ParticipantRole role, std::vector<Address>& out,
             int depth = 0) {
    if (!list || depth > 4) return;
    const int n = internet_address_list_length(list);
    for (int i = 0; i < n; ++i) {
        InternetAddress* ia = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(ia)) {
            collect(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)), role, out,
                    depth + 1);
            continue;
        }
        if (!INTERNET_ADDRESS_IS_MAILBOX(ia)) continue;
        const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
        if (!addr) continue;
        auto id = core::normalize_identity(core::IdentityKind::email, clean_line(addr, 320));
        if (!id) continue;  // "undisclosed-recipients", bare names: nobody to record
        std::string name = clean_line(internet_address_get_name(ia), kMaxNameBytes);
        // Strip the quotes some clients leave around names and drop names that are the address.
        if (name.size() >= 2 && (name.front() == '\'' || name.front() == '"') &&
            name.back() == name.front())
            name = name.substr(1, name.size() - 2);
        // (Only a name with an '@' can be one: no error message built for every other name.)
        if (name.find('@') != std::string::npos &&
            core::normalize_identity(core::IdentityKind::email, name).ok())
            name.clear();
        out.push_back({std::move(*id), std::move(name), role});
    }
}

/// The first text part that is not an attachment: plain text preferred, else HTML.
void find_text(GMimeObject* part, GMimeObject*& plain, GMimeObject*& html, int depth = 0) {
    if (!part || depth > 20 || plain) return;
    if (GMIME_IS_MULTIPART(part)) {
        auto* mp = GMIME_MULTIPART(part);
        const int n = g_mime_multipart_get_count(mp);
        for (int i = 0; i < n && !plain; ++i)
            find_text(g_mime_multipart_get_part(mp, i), plain, html, depth + 1);
        return;
    }
    if (!GMIME_IS_TEXT_PART(part)) return;  // attached messages and binaries are not the body
    GMimeContentDisposition* disp = g_mime_object_get_content_disposition(part);
    if (disp && g_mime_content_disposition_is_attachment(disp)) return;
    GMimeContentType* ct = g_mime_object_get_content_type(part);
    if (g_mime_content_type_is_type(ct, "text", "plain")) {
        plain = part;
    } else if (!html && g_mime_content_type_is_type(ct, "text", "html")) {
        html = part;
    }
}

std::string excerpt_of(GMimeMessage* msg) {
    GMimeObject *plain = nullptr, *html = nullptr;
    find_text(g_mime_message_get_mime_part(msg), plain, html);
    GMimeObject* part = plain ? plain : html;
    if (!part) return {};
    const GCharPtr text(g_mime_text_part_get_text(GMIME_TEXT_PART(part)));
    if (!text) return {};
    const GCharPtr valid(g_utf8_make_valid(text.get(), -1));
    const std::string_view body = valid.get();
    return plain ? plain_excerpt(body) : html_excerpt(body);
}

std::optional<core::TimePoint> to_time(GDateTime* dt) {
    if (!dt) return std::nullopt;
    return core::from_unix(g_date_time_to_unix(dt));
}

/// The time of the newest Received header ("…; Tue, 3 Mar 2026 10:00:00 +0100").
std::optional<core::TimePoint> received_time(const std::string& received) {
    const auto semi = received.rfind(';');
    if (semi == std::string::npos) return std::nullopt;
    GDateTime* dt = g_mime_utils_header_decode_date(received.c_str() + semi + 1);
    auto t = to_time(dt);
    if (dt) g_date_time_unref(dt);
    return t;
}

/// RFC 2392 "mid:" URL of a normalized id: brackets removed, reserved characters escaped.
std::string mid_url(const std::string& id) {
    std::string bare = id.size() >= 2 ? id.substr(1, id.size() - 2) : id;
    const GCharPtr escaped(g_uri_escape_string(bare.c_str(), "@!$&'()*+,;=:", FALSE));
    return "mid:" + std::string(escaped.get());
}

/// Header values as GMime gives them (the first field of a name, unfolded, RFC 2047 decoded,
/// undeclared 8-bit text through the fallback charsets), read from the block without building a
/// GMime object per header.
struct HeaderValues {
    const EmailHeaderBlock& block;
    GMimeParserOptions* options;

    std::string value(std::string_view name) const {
        const auto raw = block.first(name);
        if (plain_ascii(raw)) return std::string(trim_blanks(raw));
        const std::string copy(raw);
        const GCharPtr unfolded(g_mime_utils_header_unfold(copy.c_str()));
        const GCharPtr decoded(g_mime_utils_header_decode_text(options, unfolded.get()));
        return decoded ? std::string(decoded.get()) : std::string();
    }

    /// The mailboxes of every field called `name` (GMime joins repeated address fields).
    void addresses(std::string_view name, core::ParticipantRole role,
                   std::vector<Address>& out) const {
        for (const auto& f : block.fields()) {
            if (!same_field_name(f.name, name)) continue;
            const GRef<InternetAddressList> list(
                internet_address_list_parse(options, std::string(f.raw).c_str()));
            collect(list.get(), role, out);
        }
    }

  private:
    /// One line of printable ASCII without encoded words: decoding would change nothing.
    static bool plain_ascii(std::string_view s) {
        for (const char c : s)
            if (c < 0x20 || c > 0x7E) return false;
        return s.find("=?") == std::string_view::npos;
    }
    static std::string_view trim_blanks(std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
        return s;
    }
};

bool has_header_end(std::string_view data) {
    return data.find("\n\n") != std::string_view::npos ||
           data.find("\r\n\r\n") != std::string_view::npos;
}

}  // namespace

struct EmailMessageParser::Options {
    GMimeParserOptions* options = nullptr;
    EmailHeaderBlock block;  // reused: its field list keeps its storage between messages
};

EmailMessageParser::EmailMessageParser() : m_options(std::make_unique<Options>()) {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
    m_options->options = g_mime_parser_options_new();
    auto* o = m_options->options;
    g_mime_parser_options_set_rfc2047_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
    // Undeclared 8-bit headers: UTF-8 when valid, else the Windows code page most such mail used.
    const char* charsets[] = {"UTF-8", "windows-1252", nullptr};
    g_mime_parser_options_set_fallback_charsets(o, charsets);
}

EmailMessageParser::~EmailMessageParser() {
    if (m_options->options) g_mime_parser_options_free(m_options->options);
}

bool EmailMessageParser::parse(std::string_view data, const EmailOrigin& origin,
                               core::RecordSink& sink, core::InteractionRecord& r) {
    if (origin.truncated && !has_header_end(data)) {
        sink.warning({origin.location, "message headers too long (over " +
                                           std::to_string(data.size() >> 10) +
                                           " KiB); message skipped"});
        return false;
    }
    auto& block = m_options->block;
    block.parse(data);
    if (block.fields().empty()) {
        sink.warning({origin.location, "not an email message (no headers); skipped"});
        return false;
    }
    HeaderValues headers{block, m_options->options};

    const auto id_list = parse_message_ids(headers.value("Message-ID"));
    std::string own_id = id_list.empty() ? std::string() : id_list.front();
    const auto where = [&] {
        return own_id.empty() ? origin.location : origin.location + " " + own_id;
    };

    if (headers.value("X-Gmail-Labels").find("Spam") != std::string::npos) {
        sink.skipped(1, "spam");
        return false;
    }

    std::vector<Address> from, rcpt;
    headers.addresses("From", core::ParticipantRole::from, from);
    headers.addresses("To", core::ParticipantRole::to, rcpt);
    headers.addresses("Cc", core::ParticipantRole::cc, rcpt);
    if (from.empty()) {
        sink.warning({where(), "no valid From address; message skipped"});
        return false;
    }

    r = core::InteractionRecord{};
    r.channel = core::Channel::email;
    r.ext_ns = "email";

    // Time: Date, else the newest Received hop, else what the container knows.
    // Duplicate headers: the first one counts, for Date and Subject as for Message-ID (GMime's
    // own accessors would take the last Date and Subject).
    const std::string date = headers.value("Date");
    const bool has_date = !date.empty();
    GDateTime* parsed = has_date ? g_mime_utils_header_decode_date(date.c_str()) : nullptr;
    const auto date_time = to_time(parsed);
    if (parsed) g_date_time_unref(parsed);
    if (date_time) {
        r.at = *date_time;
    } else {
        auto fallback = received_time(headers.value("Received"));
        if (!fallback) fallback = origin.fallback;
        if (!fallback) {
            sink.warning({where(), has_date ? "unparseable Date \"" + clean_line(date.c_str(), 80) +
                                                  "\" and no other time; message skipped"
                                            : "no Date and no other time; message skipped"});
            return false;
        }
        sink.warning(
            {where(), (has_date ? "unparseable Date \"" + clean_line(date.c_str(), 80) + "\""
                                : std::string("no Date header")) +
                          "; using " + core::format_iso(*fallback)});
        r.at = *fallback;
    }

    if (own_id.empty()) {
        // No Message-ID (drafts, some robots): the same message gives the same digest anywhere.
        std::string key;
        for (const char* h : {"Date", "From", "To", "Subject"}) key += headers.value(h) + '\n';
        own_id = "<sha256:" + sha256_hex(key) + "@kith.invalid>";
    }
    r.ext_id = own_id;
    const auto in_reply_to = parse_message_ids(headers.value("In-Reply-To"));
    const auto references = parse_message_ids(headers.value("References"));
    r.thread_key = thread_root(own_id, in_reply_to, references);
    r.kind = r.thread_key != own_id ? core::InteractionKind::reply : core::InteractionKind::message;
    r.subject = clean_line(headers.value("Subject").c_str(), kMaxSubjectBytes);
    r.url = mid_url(own_id);
    r.text = excerpt(data);

    const bool mine = sink.is_me(from.front().identity);
    r.direction = mine ? core::Direction::out : core::Direction::in;
    bool to_me = false;
    for (const auto& a : rcpt) to_me = to_me || sink.is_me(a.identity);
    BulkSignals signals{headers.value("List-Id"),    headers.value("List-Unsubscribe"),
                        headers.value("Precedence"), headers.value("Auto-Submitted"),
                        from.front().identity.value, rcpt.size()};
    r.bulk = !bulk_reason(signals).empty();
    r.personal = !r.bulk && (mine || to_me);

    for (auto* list : {&from, &rcpt}) {
        for (auto& a : *list) {
            if (sink.is_me(a.identity)) continue;
            const bool seen =
                std::any_of(r.participants.begin(), r.participants.end(),
                            [&](const core::Participant& p) { return p.identity == a.identity; });
            if (seen) continue;
            r.participants.push_back({std::move(a.identity), std::move(a.name), a.role});
        }
    }
    if (r.participants.empty()) {
        sink.skipped(1, "message to myself");
        return false;
    }
    return true;
}

std::string EmailMessageParser::excerpt(std::string_view data) {
    BodyText body;
    switch (find_body_text(m_options->block, m_options->options, body)) {
        case BodyText::Scan::none:
            return {};
        case BodyText::Scan::found: {
            if (body.valid) return body.html ? html_excerpt(body.text) : plain_excerpt(body.text);
            // Up to the first NUL, invalid UTF-8 replaced, as GMime's text of the part would be.
            const GCharPtr valid(g_utf8_make_valid(body.text.c_str(), -1));
            return body.html ? html_excerpt(valid.get()) : plain_excerpt(valid.get());
        }
        case BodyText::Scan::unsure:
            break;
    }
    // A structure the quick walk leaves to GMime: its whole parser, as every message once took.
    GRef<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(data.data(), data.size()));
    GRef<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    GRef<GMimeMessage> msg(g_mime_parser_construct_message(parser.get(), m_options->options));
    return msg ? excerpt_of(msg.get()) : std::string();
}

core::Result<void> EmailMessageParser::import(std::string_view data, const EmailOrigin& origin,
                                              core::RecordSink& sink) {
    core::InteractionRecord r;
    if (!parse(data, origin, sink, r)) return {};
    return sink.interaction(r);
}

}  // namespace kith::import
