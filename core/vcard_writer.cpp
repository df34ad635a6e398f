#include "core/vcard_writer.h"

#include <string_view>

namespace kith::core {

namespace {

/// Folds one logical line: at most 75 octets a line, continuation lines start with a space,
/// and a UTF-8 sequence is never split (its continuation bytes are 10xxxxxx).
void append_folded(std::string& out, std::string_view line) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (width >= 75 && (c & 0xC0) != 0x80) {
            out += "\r\n ";
            width = 1;
        }
        out += line[i];
        ++width;
    }
    out += "\r\n";
}

/// Text value escaping (RFC 6350 3.4); `one_line` turns CR/LF into spaces instead of \n.
std::string escape(std::string_view s, bool one_line) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            out += one_line ? " " : "\\n";
        } else if (c == '\\' || c == ',' || c == ';') {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

/// A parameter value, quoted, with RFC 6868 caret escapes for ^, " and newlines.
std::string param_value(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '^')
            out += "^^";
        else if (c == '"')
            out += "^'";
        else if (c == '\n' || c == '\r')
            out += "^n";
        else
            out += c;
    }
    return out + "\"";
}

/// "Ana María Ruiz" → "Ruiz;Ana María;;;": a best guess for address books that sort by N.
std::string derived_n(std::string_view name) {
    const auto clean = escape(name, true);
    const auto space = clean.rfind(' ');
    if (space == std::string::npos) return clean + ";;;;";
    return clean.substr(space + 1) + ";" + clean.substr(0, space) + ";;;";
}

std::string identity_line(const Identity& id) {
    std::string name, params, value;
    switch (id.kind) {
        case IdentityKind::email:
            name = "EMAIL";
            value = id.value;
            break;
        case IdentityKind::phone:
            name = "TEL";
            params = ";VALUE=uri";
            value = "tel:" + id.value;
            break;
        case IdentityKind::website:
            name = "URL";
            value = "https://" + id.value;
            break;
        case IdentityKind::twitter:
            name = "X-SOCIALPROFILE";
            params = ";TYPE=twitter";
            value = id.value.starts_with("@") ? "https://twitter.com/" + id.value.substr(1)
                                              : "https://twitter.com/i/user/" + id.value;
            break;
        case IdentityKind::mastodon: {
            name = "X-SOCIALPROFILE";
            params = ";TYPE=mastodon";
            const auto at = id.value.find('@');
            value = at == std::string::npos
                        ? id.value
                        : "https://" + id.value.substr(at + 1) + "/@" + id.value.substr(0, at);
            break;
        }
        case IdentityKind::linkedin:
            name = "X-SOCIALPROFILE";
            params = ";TYPE=linkedin";
            value = "https://www." + id.value;
            break;
    }
    if (!id.display.empty() && id.display != id.value)
        params += ";X-KITH-DISPLAY=" + param_value(id.display);
    // Values are URIs or addresses: escape only what would break the line.
    return name + params + ":" + escape(value, true);
}

}  // namespace

std::string encode_base64(std::string_view bytes) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const auto n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += kAlphabet[(n >> 6) & 63];
        out += kAlphabet[n & 63];
    }
    if (i < bytes.size()) {
        const bool two = i + 1 < bytes.size();
        const auto n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (two ? static_cast<unsigned char>(bytes[i + 1]) << 8 : 0);
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += two ? kAlphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string format_vcard(const ContactRecord& c) {
    std::string out;
    const auto line = [&](std::string_view l) { append_folded(out, l); };
    line("BEGIN:VCARD");
    line("VERSION:4.0");
    line("PRODID:-//Kith//Kith contacts export//EN");
    if (!c.ext_id.empty()) line("UID:" + escape(c.ext_id, true));
    line("FN:" + escape(c.display_name, true));
    line("N:" + derived_n(c.display_name));
    for (const auto& id : c.identities) line(identity_line(id));
    if (!c.organization.empty()) line("ORG:" + escape(c.organization, true));
    if (!c.title.empty()) line("TITLE:" + escape(c.title, true));
    if (!c.birthday.empty()) {
        std::string b;
        for (const char ch : c.birthday)
            if (ch != '-') b += ch;
        line("BDAY:" + std::string(c.birthday.starts_with("--") ? "--" : "") + b);
    }
    if (!c.circles.empty()) {
        std::string cats;
        for (const auto& circle : c.circles)
            cats += (cats.empty() ? "" : ",") + escape(circle, true);
        line("CATEGORIES:" + cats);
    }
    if (!c.notes.empty()) line("NOTE:" + escape(c.notes, false));
    if (c.cadence_days) line("X-KITH-CADENCE:" + std::to_string(*c.cadence_days));
    if (!c.photo_png.empty()) line("PHOTO:data:image/png;base64," + encode_base64(c.photo_png));
    line("END:VCARD");
    return out;
}

}  // namespace kith::core
