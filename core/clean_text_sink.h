#pragma once
// A RecordSink in front of another that makes every text it passes on clean (see utf8_text.h).

#include "core/importer.h"

namespace kith::core {

/// Forwards everything to `inner`, with every string of every record and warning made clean
/// text (valid UTF-8, no NUL): whatever an importer's input held (Latin-1 mislabelled as UTF-8,
/// binary junk, NUL bytes), what is stored and shown is text. A record that needs no repair is
/// passed as is, without a copy. Used from one thread, as every sink.
class CleanTextSink final : public RecordSink {
  public:
    explicit CleanTextSink(RecordSink& inner) : m_inner(inner) {}
    Result<void> interaction(const InteractionRecord& r) override;
    Result<void> follow_edge(const FollowEdgeRecord& r) override;
    Result<void> contact(const ContactRecord& r) override;
    Result<void> followup(const FollowUpRecord& r) override;
    Result<void> follow_snapshot_complete(Channel network, FollowDirection direction,
                                          TimePoint seen_at) override {
        return m_inner.follow_snapshot_complete(network, direction, seen_at);
    }
    Result<void> owner_identity(const Identity& id) override;
    void warning(ImportWarning w) override;
    void skipped(std::uint64_t n, std::string_view reason) override { m_inner.skipped(n, reason); }
    bool is_me(const Identity& id) const override { return m_inner.is_me(id); }
    std::optional<std::string> cursor() const override { return m_inner.cursor(); }
    void set_cursor(std::string cursor) override { m_inner.set_cursor(std::move(cursor)); }

  private:
    RecordSink& m_inner;
};

}  // namespace kith::core
