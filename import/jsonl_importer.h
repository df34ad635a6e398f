#pragma once
// The "jsonl" importer: Kith's own scriptable format, one JSON object per line.

#include <cstddef>
#include <string_view>

#include "core/importer.h"

namespace kith::import {

/// Kind "jsonl": reads a UTF-8 text file with one JSON object per line (JSON Lines). It is the
/// format for scripts: anything Kith has no importer for can be converted to it.
///
/// Every object has a "type"; unknown fields are ignored, so files may carry extra data.
///
///     {"type":"interaction", "id":"m1", "channel":"email", "kind":"message", "direction":"in",
///      "at":"2026-11-20T09:30:00Z", "thread":"grant-2026", "subject":"Grant report",
///      "text":"Draft attached", "url":"https://…", "place":"Café Central", "personal":true,
///      "bulk":false, "participants":[{"identity":"ana@example.org", "kind":"email",
///      "name":"Ana Ruiz", "role":"from"}]}
///     {"type":"contact", "id":"c1", "name":"Ana Ruiz", "identities":["ana@example.org",
///      "@ana@mastodon.social"], "circles":["Bloggers"], "notes":"Met at DevConf",
///      "cadence_days":30}
///     {"type":"follow", "network":"mastodon", "identity":"@ana@mastodon.social",
///      "name":"Ana Ruiz", "direction":"follows_me", "seen_at":"2026-11-01"}
///     {"type":"followup", "id":"f1", "text":"Send Ana the report", "due":"2026-11-27",
///      "people":["ana@example.org"], "done":false}
///
/// Required: "id" (string or integer) for interaction, contact and followup; "at" for an
/// interaction; "text" and "due" for a followup; "network" (twitter or mastodon) and "identity" for
/// a follow; "name" or "identities" for a contact.
///
/// Defaults: "ns" jsonl (records are deduplicated by ("ns", "id"), so re-importing a file never
/// duplicates); "channel" other; "kind" the channel's default (email → message, in_person →
/// meeting, call → call, blog → comment, other → note); "direction" mutual for a meeting or call,
/// else in; "bulk" false; "personal" true unless bulk or the kind is like, boost, follow or note;
/// a participant's "role" from, to or attendee after the direction; a follow's "direction"
/// follows_me and "seen_at" the file's modification time; "done" false. A null field is absent.
///
/// Times are ISO 8601 ("2026-11-20", "2026-11-20T10:30:00+01:00"), UTC unless they carry an
/// offset. Names of channels, kinds, directions and roles are those of DESIGN.md. An identity is
/// a string whose kind is guessed ("ana@example.org", "@jack", "@ana@mastodon.social",
/// "https://ana.blog", "+49 151 1234 5678"), or an object {"identity", "kind"?, "name"?, "role"?}
/// when the kind must be stated ("kind":"twitter" for a numeric account id). A follow's identity
/// is always read as an account of its network ("jack" → @jack on twitter).
///
/// A line that is not valid JSON, misses a required field or has a bad value is skipped with a
/// warning located "FILE:LINE"; lines longer than 1 MiB are skipped without being read into
/// memory; blank lines, a UTF-8 byte order mark and CRLF line ends are accepted. A file that cannot
/// be opened or read, or that is not text (NUL bytes in its first 4 KiB), is an Error. Memory use
/// is bounded by the longest accepted line. Progress is reported in bytes; cancel is checked
/// between lines.
class JsonlImporter final : public core::Importer {
  public:
    /// Longest line the importer parses; longer lines are skipped with a warning.
    static constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;

    std::string_view kind() const override { return "jsonl"; }
    std::string_view description() const override {
        return "Kith's own JSON Lines format: interactions, contacts, follows, follow-ups";
    }
    std::string_view file_patterns() const override { return "*.jsonl;*.ndjson;*.json"; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;
};

}  // namespace kith::import
