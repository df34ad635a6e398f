#include "core/sink_event.h"

namespace kith::core {

namespace {

std::size_t bytes_of(const std::vector<Participant>& ps) {
    std::size_t n = 0;
    for (const auto& p : ps)
        n +=
            sizeof(p) + p.identity.value.size() + p.identity.display.size() + p.display_name.size();
    return n;
}

std::size_t bytes_of(const InteractionRecord& r) {
    return sizeof(r) + r.ext_ns.size() + r.ext_id.size() + r.thread_key.size() + r.subject.size() +
           r.text.size() + r.url.size() + r.place.size() + bytes_of(r.participants);
}

/// Overloads for every alternative of SinkEvent, for std::visit.
template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace

std::size_t approx_bytes(const SinkEvent& e) {
    return std::visit(
        Overloaded{
            [](const InteractionRecord& r) { return bytes_of(r); },
            [](const FollowEdgeRecord& r) {
                return sizeof(r) + r.their.value.size() + r.display_name.size();
            },
            [](const ContactRecord& r) {
                std::size_t n = sizeof(r) + r.display_name.size() + r.notes.size() +
                                r.photo_png.size() + r.organization.size() + r.title.size();
                for (const auto& id : r.identities) n += sizeof(id) + id.value.size();
                for (const auto& c : r.circles) n += sizeof(c) + c.size();
                for (const auto& ev : r.events) n += bytes_of(ev);
                return n;
            },
            [](const FollowUpRecord& r) {
                return sizeof(r) + r.ext_id.size() + r.text.size() + bytes_of(r.people);
            },
            [](const SnapshotComplete& s) { return sizeof(s); },
            [](const OwnerIdentity& o) {
                return sizeof(o) + o.id.value.size() + o.id.display.size();
            },
            [](const ImportWarning& w) { return sizeof(w) + w.location.size() + w.message.size(); },
            [](const SkippedRecords& s) { return sizeof(s) + s.reason.size(); },
            [](const NewCursor& c) { return sizeof(c) + c.value.size(); },
        },
        e);
}

Result<void> replay(SinkEvent& e, RecordSink& sink) {
    return std::visit(Overloaded{
                          [&](const InteractionRecord& r) { return sink.interaction(r); },
                          [&](const FollowEdgeRecord& r) { return sink.follow_edge(r); },
                          [&](const ContactRecord& r) { return sink.contact(r); },
                          [&](const FollowUpRecord& r) { return sink.followup(r); },
                          [&](const SnapshotComplete& s) {
                              return sink.follow_snapshot_complete(s.network, s.direction,
                                                                   s.seen_at);
                          },
                          [&](const OwnerIdentity& o) { return sink.owner_identity(o.id); },
                          [&](ImportWarning& w) {
                              sink.warning(std::move(w));
                              return Result<void>{};
                          },
                          [&](const SkippedRecords& s) {
                              sink.skipped(s.n, s.reason);
                              return Result<void>{};
                          },
                          [&](NewCursor& c) {
                              sink.set_cursor(std::move(c.value));
                              return Result<void>{};
                          },
                      },
                      e);
}

}  // namespace kith::core
