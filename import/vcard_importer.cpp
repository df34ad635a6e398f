#include "import/vcard_importer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "import/contact_fields.h"
#include "import/csv_reader.h"
#include "import/input_file.h"
#include "import/photo_thumbnail.h"

namespace kith::import {

namespace {

using core::IdentityKind;

std::string joined_name(const std::vector<std::string>& n) {
    // N is Family;Given;Additional;Prefix;Suffix: shown as "Prefix Given Additional Family Suffix".
    static constexpr int kOrder[] = {3, 1, 2, 0, 4};
    std::string out;
    for (const int i : kOrder) {
        if (static_cast<std::size_t>(i) >= n.size()) continue;
        const auto part = trim_space(n[static_cast<std::size_t>(i)]);
        if (part.empty()) continue;
        if (!out.empty()) out += ' ';
        out += part;
    }
    return out;
}

std::optional<IdentityKind> social_kind(const VcardProperty& p) {
    for (const auto& [k, v] : p.params) {
        if (k != "TYPE" && k != "X-SERVICE-TYPE") continue;
        std::string t;
        for (const char c : v) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (t == "twitter" || t == "x") return IdentityKind::twitter;
        if (t == "mastodon") return IdentityKind::mastodon;
        if (t == "linkedin") return IdentityKind::linkedin;
    }
    return std::nullopt;
}

/// The bytes of a PHOTO value: 3.0's ENCODING=b, 2.1's BASE64, 4.0's data: URI. Empty for a URL
/// (never fetched: it would tell the server the user opened this file) or unknown forms.
std::string photo_bytes(const VcardProperty& p, std::string& problem) {
    const auto enc = p.param("ENCODING");
    std::string_view data = p.value;
    if (enc == "B" || enc == "b" || enc == "BASE64" || enc == "base64") {
    } else if (data.starts_with("data:")) {
        const auto comma = data.find(',');
        if (comma == std::string_view::npos ||
            data.substr(0, comma).find(";base64") == std::string_view::npos) {
            problem = "photo data: URI is not base64";
            return {};
        }
        data = data.substr(comma + 1);
    } else {
        return {};
    }
    if (data.size() / 4 * 3 > kMaxPhotoBytes) {
        problem = "photo larger than " + std::to_string(kMaxPhotoBytes >> 20) + " MiB ignored";
        return {};
    }
    std::string bytes;
    if (!decode_base64(data, bytes)) {
        problem = "photo is not valid base64";
        return {};
    }
    return bytes;
}

void take_photo(core::ContactRecord& c, const VcardProperty& p,
                std::vector<VcardProblem>& problems) {
    if (!c.photo_png.empty()) return;  // the first photo wins
    std::string problem;
    const auto bytes = photo_bytes(p, problem);
    if (!problem.empty()) problems.push_back({p.line, problem});
    if (bytes.empty()) return;
    auto thumb = make_thumbnail(bytes);
    if (!thumb) {
        problems.push_back({p.line, thumb.error().message});
        return;
    }
    c.photo_png = std::move(*thumb);
}

void add(core::ContactRecord& c, std::optional<IdentityKind> kind, std::string_view raw,
         const VcardProperty& p, std::vector<VcardProblem>& problems) {
    if (auto problem = add_contact_identity(c, kind, raw, p.param("X-KITH-DISPLAY"));
        !problem.empty())
        problems.push_back({p.line, p.name + ": " + problem});
}

/// IMPP values name a service by scheme ("xmpp:", "x-apple:"); only those Kith knows count.
void take_impp(core::ContactRecord& c, const VcardProperty& p,
               std::vector<VcardProblem>& problems) {
    const auto value = trim_space(vcard_unescape(p.value));
    if (const auto kind = social_kind(p)) {
        const auto colon = value.find(':');
        const bool url = value.find("://") != std::string::npos;
        add(c, kind, url || colon == std::string::npos ? value : value.substr(colon + 1), p,
            problems);
        return;
    }
    if (value.starts_with("mailto:")) add(c, IdentityKind::email, value, p, problems);
    if (value.starts_with("tel:")) add(c, IdentityKind::phone, value, p, problems);
    if (value.starts_with("http://") || value.starts_with("https://"))
        add(c, {}, value, p, problems);
}

void take_property(core::ContactRecord& c, const VcardProperty& p, std::string& n_name,
                   std::vector<VcardProblem>& problems) {
    const auto text = [&] { return trim_space(vcard_unescape(p.value)); };
    if (p.name == "FN") {
        if (c.display_name.empty()) c.display_name = text();
    } else if (p.name == "N") {
        n_name = joined_name(vcard_split(p.value, ';'));
    } else if (p.name == "EMAIL") {
        add(c, IdentityKind::email, text(), p, problems);
    } else if (p.name == "TEL") {
        add(c, IdentityKind::phone, text(), p, problems);
    } else if (p.name == "URL") {
        add(c, social_kind(p), text(), p, problems);
    } else if (p.name == "X-SOCIALPROFILE") {
        // Apple writes x-user=handle next to a URL that may be blank.
        auto value = text();
        if (value.empty()) value = p.param("X-USER");
        add(c, social_kind(p), value, p, problems);
    } else if (p.name == "X-TWITTER") {
        add(c, IdentityKind::twitter, text(), p, problems);
    } else if (p.name == "X-MASTODON") {
        add(c, IdentityKind::mastodon, text(), p, problems);
    } else if (p.name == "IMPP") {
        take_impp(c, p, problems);
    } else if (p.name == "CATEGORIES") {
        for (auto& cat : vcard_split(p.value, ',')) {
            cat = trim_space(cat);
            if (!cat.empty() &&
                std::find(c.circles.begin(), c.circles.end(), cat) == c.circles.end())
                c.circles.push_back(std::move(cat));
        }
    } else if (p.name == "NOTE") {
        const auto note = trim_space(vcard_unescape(p.value));
        if (!note.empty()) c.notes += (c.notes.empty() ? "" : "\n\n") + note;
    } else if (p.name == "ORG") {
        if (c.organization.empty()) c.organization = trim_space(vcard_split(p.value, ';').front());
    } else if (p.name == "TITLE") {
        if (c.title.empty()) c.title = text();
    } else if (p.name == "BDAY") {
        c.birthday = normalize_birthday(text());
        if (c.birthday.empty() && !text().empty())
            problems.push_back({p.line, "BDAY \"" + text() + "\" is not a date; ignored"});
    } else if (p.name == "PHOTO") {
        take_photo(c, p, problems);
    } else if (p.name == "X-KITH-CADENCE") {
        const auto t = text();
        int days = 0;
        for (const char ch : t)
            days = ch >= '0' && ch <= '9' && days < 100000 ? days * 10 + (ch - '0') : -1;
        if (days > 0)
            c.cadence_days = days;
        else
            problems.push_back({p.line, "X-KITH-CADENCE \"" + t + "\" is not a number of days"});
    } else if (p.name == "UID") {
        c.ext_id = text();
    }
}

}  // namespace

core::ContactRecord contact_from_vcard(const VcardCard& card, std::vector<VcardProblem>& problems) {
    core::ContactRecord c;
    c.ext_ns = "vcard";
    std::string n_name;
    for (const auto& p : card.properties) take_property(c, p, n_name, problems);
    if (c.display_name.empty()) c.display_name = n_name;
    if (c.display_name.empty()) c.display_name = c.organization;
    return c;
}

core::Result<void> VcardImporter::import_stream(std::istream& in, const std::string& name,
                                                std::uint64_t total, core::RecordSink& sink,
                                                core::Progress& progress) {
    VcardReader reader(in);
    VcardCard card;
    std::vector<VcardProblem> problems;
    ContactKeys keys;
    std::uint64_t cards = 0;
    while (reader.next(card, problems)) {
        if (progress.cancelled()) return cancelled_error(name);
        auto contact = contact_from_vcard(card, problems);
        for (const auto& pr : problems)
            sink.warning({name + ":" + std::to_string(pr.line), pr.message});
        problems.clear();
        const auto where = name + ":" + std::to_string(card.line);
        if (contact.display_name.empty() && contact.identities.empty()) {
            sink.warning({where, "card with neither a name nor an identity skipped"});
            continue;
        }
        // Without a UID, a card is known by its name and first identity (stable across
        // re-imports of the same file; "#2" for a second card with the same key).
        if (contact.ext_id.empty())
            contact.ext_id =
                "card:" + name_key(contact.display_name) +
                (contact.identities.empty() ? "" : "|" + contact.identities.front().value);
        contact.ext_id = keys.unique(std::move(contact.ext_id));
        if (auto r = sink.contact(contact); !r) return r;
        if (++cards % 256 == 0) progress.update(reader.offset(), total, "bytes");
    }
    for (const auto& pr : problems)
        sink.warning({name + ":" + std::to_string(pr.line), pr.message});
    if (reader.bad()) return read_error(name, reader.offset());
    progress.update(reader.offset(), total, "bytes");
    return {};
}

core::Result<void> VcardImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                      core::Progress& progress) {
    auto file = open_input_file(req.location, "a vCard file",
                                "Pick a .vcf file exported from an address book.");
    if (!file) return file.error();
    std::ifstream in(req.location, std::ios::binary);
    if (!in) return read_error(req.location, 0);
    return import_stream(in, std::filesystem::path(req.location).filename().string(), file->size,
                         sink, progress);
}

}  // namespace kith::import
