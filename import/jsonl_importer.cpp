#include "import/jsonl_importer.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/identity_normalizer.h"
#include "core/time.h"
#include "import/file_time.h"
#include "import/input_file.h"
#include "import/line_reader.h"

namespace kith::import {

namespace {

using core::Result;
using json = nlohmann::json;

constexpr std::size_t kBinarySniffBytes = 4096;
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr const char* kFormatHint =
    "The jsonl importer reads UTF-8 text with one JSON object per line; see "
    "import/jsonl_importer.h for the format.";

/// Reads the fields of one JSON object into record fields. The first problem is remembered and
/// later reads return defaults, so a converter reads everything and checks `ok()` once at the end.
class FieldReader {
  public:
    explicit FieldReader(const json& obj) : m_obj(obj) {}

    bool ok() const { return m_problem.empty(); }
    const std::string& problem() const { return m_problem; }
    void fail(std::string message) {
        if (m_problem.empty()) m_problem = std::move(message);
    }

    /// The value of `key`, or nullptr when absent or null (null means "not given").
    const json* find(const char* key) const {
        const auto it = m_obj.find(key);
        return it == m_obj.end() || it->is_null() ? nullptr : &*it;
    }

    bool has(const char* key) const { return find(key) != nullptr; }

    std::string text(const char* key, bool required = false) {
        const json* v = find(key);
        if (!v) {
            if (required) fail(std::string("missing \"") + key + "\"");
            return {};
        }
        if (!v->is_string()) {
            fail(std::string("\"") + key + "\" must be a string");
            return {};
        }
        return v->get<std::string>();
    }

    /// A record id: a string, or an integer as scripts often number their records.
    std::string id() {
        const json* v = find("id");
        if (v && v->is_number_integer()) return v->dump();
        auto s = text("id", true);
        if (ok() && s.empty()) fail("\"id\" must not be empty");
        return s;
    }

    bool flag(const char* key, bool fallback) {
        const json* v = find(key);
        if (!v) return fallback;
        if (!v->is_boolean()) {
            fail(std::string("\"") + key + "\" must be true or false");
            return fallback;
        }
        return v->get<bool>();
    }

    std::optional<core::TimePoint> time(const char* key, bool required) {
        const auto s = text(key, required);
        if (s.empty()) return std::nullopt;
        const auto t = core::parse_iso(s);
        if (!t) fail(std::string("\"") + key + "\" is not an ISO 8601 date: \"" + s + "\"");
        return t;
    }

    /// A name from a closed vocabulary ("email", "dm"…) through `parse`; nullopt when absent.
    template <class Parse>
    auto word(const char* key, Parse parse) -> decltype(parse(std::string_view{})) {
        const auto s = text(key);
        if (s.empty()) return std::nullopt;
        auto v = parse(s);
        if (!v) fail(std::string("unknown ") + key + " \"" + s + "\"");
        return v;
    }

    std::vector<std::string> strings(const char* key) {
        std::vector<std::string> out;
        const json* v = find(key);
        if (!v) return out;
        if (!v->is_array()) {
            fail(std::string("\"") + key + "\" must be an array of strings");
            return out;
        }
        for (const auto& item : *v) {
            if (!item.is_string()) {
                fail(std::string("\"") + key + "\" must be an array of strings");
                return {};
            }
            out.push_back(item.get<std::string>());
        }
        return out;
    }

    const json* array(const char* key) {
        const json* v = find(key);
        if (v && !v->is_array()) {
            fail(std::string("\"") + key + "\" must be an array");
            return nullptr;
        }
        return v;
    }

  private:
    const json& m_obj;
    std::string m_problem;
};

std::optional<core::ParticipantRole> parse_role(std::string_view s) {
    using core::ParticipantRole;
    for (const auto r :
         {ParticipantRole::from, ParticipantRole::to, ParticipantRole::cc,
          ParticipantRole::attendee, ParticipantRole::author, ParticipantRole::mentioned}) {
        if (core::to_string(r) == s) return r;
    }
    return std::nullopt;
}

/// Normalizes `raw` as `kind` when given, else guesses the kind from its form.
Result<core::Identity> read_identity(std::string_view raw, std::optional<core::IdentityKind> kind) {
    return kind ? core::normalize_identity(*kind, raw) : core::parse_identity(raw);
}

/// One element of "participants", "people" or "identities": a string or an object
/// {"identity", "kind"?, "name"?, "role"?}. `what` names it in messages ("participant 2").
/// `forced_kind` is the kind a follow's network implies.
std::optional<core::Participant> read_participant(
    FieldReader& outer, const json& v, const std::string& what, core::ParticipantRole role,
    std::optional<core::IdentityKind> forced_kind = std::nullopt) {
    core::Participant p;
    p.role = role;
    std::string raw;
    std::optional<core::IdentityKind> kind = forced_kind;
    if (v.is_string()) {
        raw = v.get<std::string>();
    } else if (v.is_object()) {
        FieldReader f(v);
        raw = f.text("identity", true);
        if (const auto k = f.text("kind"); !k.empty()) {
            kind = core::parse_identity_kind(k);
            if (!kind) f.fail("unknown identity kind \"" + k + "\"");
        }
        p.display_name = f.text("name");
        if (const auto r = f.word("role", parse_role)) p.role = *r;
        if (!f.ok()) {
            outer.fail(what + ": " + f.problem());
            return std::nullopt;
        }
    } else {
        outer.fail(what + " must be a string or an object with \"identity\"");
        return std::nullopt;
    }
    auto id = read_identity(raw, kind);
    if (!id) {
        outer.fail(what + ": bad identity \"" + raw + "\": " + id.error().message);
        return std::nullopt;
    }
    p.identity = std::move(*id);
    return p;
}

std::vector<core::Participant> read_participants(FieldReader& f, const char* key,
                                                 std::string_view singular,
                                                 core::ParticipantRole role) {
    std::vector<core::Participant> out;
    const json* list = f.array(key);
    if (!list) return out;
    out.reserve(list->size());
    for (std::size_t i = 0; i < list->size() && f.ok(); ++i) {
        const auto what = std::string(singular) + " " + std::to_string(i + 1);
        if (auto p = read_participant(f, (*list)[i], what, role)) out.push_back(std::move(*p));
    }
    return out;
}

/// Turns one line's object into a record. Every field is read and checked before the sink is
/// called, so a bad line is skipped whole and the sink only ever sees complete records.
struct Converter {
    core::RecordSink& sink;
    core::TimePoint file_time;

    /// The sink's verdict; a bad record is reported through `f` and yields success.
    Result<void> convert(FieldReader& f, std::string_view type) {
        if (type == "interaction") return interaction(f);
        if (type == "contact") return contact(f);
        if (type == "follow") return follow(f);
        if (type == "followup") return followup(f);
        f.fail("unknown type \"" + std::string(type) +
               "\" (expected interaction, contact, follow or followup)");
        return {};
    }

    static std::string ns(FieldReader& f) {
        auto s = f.text("ns");
        return s.empty() ? "jsonl" : s;
    }

    Result<void> interaction(FieldReader& f) {
        core::InteractionRecord r;
        r.ext_ns = ns(f);
        r.ext_id = f.id();
        r.channel = f.word("channel", core::parse_channel).value_or(core::Channel::other);
        r.kind = f.word("kind", core::parse_kind).value_or(core::default_kind(r.channel));
        // Meetings and calls have both sides present; everything else defaults to inbound.
        const bool together =
            r.kind == core::InteractionKind::meeting || r.kind == core::InteractionKind::call;
        r.direction = f.word("direction", core::parse_direction)
                          .value_or(together ? core::Direction::mutual : core::Direction::in);
        if (const auto at = f.time("at", true)) r.at = *at;
        r.thread_key = f.text("thread");
        r.subject = f.text("subject");
        r.text = f.text("text");
        r.url = f.text("url");
        r.place = f.text("place");
        r.bulk = f.flag("bulk", false);
        r.personal = f.flag("personal", !r.bulk && core::is_meaningful(r.kind));
        const auto role = r.direction == core::Direction::in    ? core::ParticipantRole::from
                          : r.direction == core::Direction::out ? core::ParticipantRole::to
                                                                : core::ParticipantRole::attendee;
        r.participants = read_participants(f, "participants", "participant", role);
        if (!f.ok()) return {};
        return sink.interaction(r);
    }

    Result<void> contact(FieldReader& f) {
        core::ContactRecord r;
        r.ext_ns = ns(f);
        r.ext_id = f.id();
        r.display_name = f.text("name");
        for (auto& p : read_participants(f, "identities", "identity", core::ParticipantRole::to)) {
            r.identities.push_back(std::move(p.identity));
        }
        r.circles = f.strings("circles");
        r.notes = f.text("notes");
        if (const json* c = f.find("cadence_days")) {
            if (c->is_number_integer() && c->get<std::int64_t>() >= 1 &&
                c->get<std::int64_t>() <= 3650) {
                r.cadence_days = c->get<int>();
            } else {
                f.fail("\"cadence_days\" must be a whole number of days from 1 to 3650");
            }
        }
        if (f.ok() && r.display_name.empty() && r.identities.empty())
            f.fail("a contact needs a \"name\" or \"identities\"");
        if (!f.ok()) return {};
        return sink.contact(r);
    }

    Result<void> follow(FieldReader& f) {
        core::FollowEdgeRecord r;
        const auto network = f.word("network", core::parse_channel);
        if (f.ok() && !network) f.fail("missing \"network\"");
        if (network && *network != core::Channel::twitter && *network != core::Channel::mastodon)
            f.fail("\"network\" must be twitter or mastodon");
        if (f.ok()) r.network = *network;
        const auto kind = r.network == core::Channel::twitter ? core::IdentityKind::twitter
                                                              : core::IdentityKind::mastodon;
        if (const json* id = f.find("identity"); f.ok() && id) {
            if (auto p =
                    read_participant(f, *id, "\"identity\"", core::ParticipantRole::from, kind)) {
                r.their = std::move(p->identity);
            }
        } else if (f.ok()) {
            f.fail("missing \"identity\"");
        }
        r.display_name = f.text("name");
        const auto dir = f.text("direction");
        if (dir == "i_follow") {
            r.direction = core::FollowDirection::i_follow;
        } else if (!dir.empty() && dir != "follows_me") {
            f.fail("unknown direction \"" + dir + "\" (expected follows_me or i_follow)");
        }
        r.seen_at = f.time("seen_at", false).value_or(file_time);
        if (!f.ok()) return {};
        return sink.follow_edge(r);
    }

    Result<void> followup(FieldReader& f) {
        core::FollowUpRecord r;
        r.ext_ns = ns(f);
        r.ext_id = f.id();
        r.text = f.text("text", true);
        if (const auto due = f.time("due", true)) r.due = *due;
        r.people = read_participants(f, "people", "person", core::ParticipantRole::to);
        r.done = f.flag("done", false);
        if (!f.ok()) return {};
        return sink.followup(r);
    }
};

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, "; the
// rest (column and reason) is what helps.
std::string parse_problem(const json::exception& e) {
    std::string_view what = e.what();
    if (const auto p = what.find("] "); p != std::string_view::npos) what.remove_prefix(p + 2);
    constexpr std::string_view kLinePrefix = "parse error at line 1, ";
    if (what.substr(0, kLinePrefix.size()) == kLinePrefix) what.remove_prefix(kLinePrefix.size());
    return "invalid JSON: " + std::string(what);
}

bool blank(std::string_view s) {
    return s.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

}  // namespace

Result<void> JsonlImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                core::Progress& progress) {
    const std::string& path = req.location;
    auto in = open_input_file(path, "a .jsonl file", kFormatHint);
    if (!in) return in.error();
    const File file = std::move(in->file);
    const std::uint64_t total = in->size;

    LineReader reader(file.get(), kMaxLineBytes);
    if (reader.starts_binary(kBinarySniffBytes)) {
        return core::make_error(
            core::ErrorCode::format, path + " is not a text file (it contains NUL bytes)",
            std::string(kFormatHint) + " A UTF-16 file must be converted to UTF-8 first.");
    }

    progress.update(0, total, "bytes");
    Converter converter{sink, modification_time(path)};
    std::string line;
    std::uint64_t line_no = 0;
    for (;;) {
        if (progress.cancelled()) return cancelled_error(path);
        const auto status = reader.next(line);
        if (status == LineReader::Status::end) break;
        if (status == LineReader::Status::error) return read_error(path, reader.offset());
        ++line_no;
        if (line_no % 1024 == 0) progress.update(reader.offset(), total, "bytes");
        const auto location = [&] { return path + ":" + std::to_string(line_no); };
        if (status == LineReader::Status::too_long) {
            sink.warning({location(), "line longer than 1 MiB skipped"});
            continue;
        }
        std::string_view text = line;
        if (line_no == 1 && text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (blank(text)) continue;

        // nlohmann reports errors (bad syntax, invalid UTF-8, wrong types) by exception; this is
        // the one place they become warnings.
        std::string problem;
        try {
            const json obj = json::parse(text);
            if (!obj.is_object()) {
                problem = "expected a JSON object";
            } else {
                FieldReader fields(obj);
                const auto type = fields.text("type", true);
                if (fields.ok()) {
                    if (auto r = converter.convert(fields, type); !r) return r;
                }
                problem = fields.problem();
            }
        } catch (const json::exception& e) {
            problem = parse_problem(e);
        }
        if (!problem.empty()) sink.warning({location(), std::move(problem)});
    }
    progress.update(reader.offset(), total, "bytes");
    return {};
}

}  // namespace kith::import
