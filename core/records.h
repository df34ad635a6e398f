#pragma once
// What importers produce: plain records streamed into a RecordSink (see importer.h).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/channel.h"
#include "core/identity.h"
#include "core/time.h"

namespace kith::core {

/// How a participant took part in an interaction.
enum class ParticipantRole { from, to, cc, attendee, author, mentioned };
std::string_view to_string(ParticipantRole r);

/// Someone other than me who took part; the sink finds or creates their person by identity.
struct Participant {
    Identity identity;
    std::string display_name;  ///< name as seen in this source ("Ana Ruiz"), may be empty
    ParticipantRole role = ParticipantRole::to;
};

/// One interaction as an importer sees it. (ext_ns, ext_id) is the idempotency key: importing the
/// same record again never duplicates it. ext_ns groups ids that are unique together ("email" for
/// Message-IDs from any mailbox, "twitter", "jsonl:/path/file").
struct InteractionRecord {
    Channel channel = Channel::other;
    InteractionKind kind = InteractionKind::message;
    Direction direction = Direction::in;
    TimePoint at{};
    std::string ext_ns;
    std::string ext_id;
    std::string thread_key;  ///< conversation key within the channel; empty = a thread of its own
    std::string subject;
    std::string text;       ///< short plain-text excerpt
    std::string url;        ///< link to the original (or mailto:/message:)
    std::string place;      ///< for meetings
    bool personal = false;  ///< addressed to me personally (DM, To/Cc, reply to me, mention)
    bool bulk = false;      ///< list/newsletter/automated: never owe-reply, not meaningful
    std::vector<Participant> participants;  ///< everyone but me
};

enum class FollowDirection { follows_me, i_follow };
std::string_view to_string(FollowDirection d);

/// One follow edge seen in a snapshot (an archive's follower.js, the API's followers list).
struct FollowEdgeRecord {
    Channel network = Channel::twitter;
    Identity their;
    std::string display_name;
    FollowDirection direction = FollowDirection::follows_me;
    TimePoint seen_at{};
};

/// A contact card (vCard, CSV row): a person with several identities, no interaction.
struct ContactRecord {
    std::string ext_ns;
    std::string ext_id;
    std::string display_name;
    std::vector<Identity> identities;
    std::vector<std::string> circles;
    std::string notes;
    std::optional<int> cadence_days;  ///< explicit "keep in touch every N days"
    std::string organization;         ///< company (vCard ORG, CSV "Company"); empty = unknown
    std::string title;                ///< job title or position
    std::string birthday;             ///< "1980-03-22", or "--03-22" when the year is unknown
    std::string photo_png;            ///< a small thumbnail (≤ 96 px) as PNG bytes; empty = none
    /// Dated events with this contact the card records (LinkedIn's "connected on"). Their
    /// participants are ignored: the contact's own person takes part.
    std::vector<InteractionRecord> events;
};

/// A promise to do something for someone by a date (a calendar's future event, a demo's task).
struct FollowUpRecord {
    std::string ext_ns;
    std::string ext_id;
    std::string text;
    TimePoint due{};
    std::vector<Participant> people;  ///< whom it is for (may be empty)
    bool done = false;
};

/// A malformed record or a note worth telling: where (file:line, record id) and what.
struct ImportWarning {
    std::string location;
    std::string message;
};

}  // namespace kith::core
