#pragma once
// The "demo" importer: a seeded generator of realistic relationship data for trying Kith out,
// screenshots and benchmarks.

#include <string_view>

#include "core/importer.h"

namespace kith::import {

/// Kind "demo": generates people with names from many cultures (José Álvarez, Łukasz Nowak,
/// Nguyễn Thị Lan…), their identities (email, twitter, mastodon, website, phone), circles,
/// cadences and notes, and about `interactions` interactions each across every channel — email
/// threads, tweets and DMs, Mastodon mentions, blog comments both ways, meetings (some in groups),
/// calls, likes, boosts, newsletters — plus follow edges and follow-ups.
///
/// Relationships have a rhythm: close people are frequent and recent, acquaintances sparse and old,
/// so some relationships are going cold; recent threads often end with their message (a reply is
/// owed) or with mine (waiting on them). `personal` is true for everything addressed to me or sent
/// by me to them directly; likes, boosts, notes and newsletters are not personal.
///
/// The location is ignored. Options (all optional):
///  - "people": number of people, default 300
///  - "interactions": average interactions per person, default 40
///  - "seed": seed of the generator, default 1
///  - "now": ISO 8601 instant (pass the user's now), default 2026-11-25T12:00:00Z. The data is
///    generated up to the start of that UTC day, so every run on one day yields the same records;
///    only open follow-ups lie after it.
///
/// Output is a pure function of (seed, day of now, people, interactions); person k's records do not
/// depend on `people`, and ext ids ("s<seed>-p<k>-…" in ext_ns "demo") are stable, so running the
/// same demo again adds nothing. Records are streamed person by person: memory does not grow with
/// `people`. Errors: ErrorCode::invalid_input for a bad option, ErrorCode::cancelled, or the sink's
/// error. Progress is reported per person.
class DemoImporter final : public core::Importer {
  public:
    std::string_view kind() const override { return "demo"; }
    std::string_view description() const override {
        return "generate realistic demo people and interactions (options people, seed, now)";
    }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;
};

}  // namespace kith::import
