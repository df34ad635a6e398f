#pragma once
// Test doubles for importers: a RecordSink that keeps (or just counts) what it receives, and a
// Progress that records updates and can cancel. The database sink has its own end-to-end tests.

#include <cstdint>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/importer.h"
#include "core/time.h"

namespace kith::import::test {

/// Keeps every record and warning in arrival order. With `keep` false it only counts, for
/// benchmarks. With `fail_after` set, the record after that many fails with ErrorCode::database.
class CollectingSink final : public core::RecordSink {
  public:
    bool keep = true;
    std::optional<std::uint64_t> fail_after;
    std::vector<core::Identity> mine;  ///< what is_me answers true for

    std::vector<core::InteractionRecord> interactions;
    std::vector<core::ContactRecord> contacts;
    std::vector<core::FollowEdgeRecord> follow_edges;
    std::vector<core::FollowUpRecord> followups;
    std::vector<core::ImportWarning> warnings;
    std::vector<core::Identity> owners;  ///< owner_identity calls, in order
    std::uint64_t skipped_count = 0;
    std::uint64_t interaction_count = 0, contact_count = 0, follow_count = 0, followup_count = 0;
    std::optional<std::string> stored_cursor;

    std::uint64_t records() const {
        return interaction_count + contact_count + follow_count + followup_count;
    }

    core::Result<void> interaction(const core::InteractionRecord& r) override {
        return take(r, interactions, interaction_count);
    }
    core::Result<void> follow_edge(const core::FollowEdgeRecord& r) override {
        return take(r, follow_edges, follow_count);
    }
    core::Result<void> contact(const core::ContactRecord& r) override {
        return take(r, contacts, contact_count);
    }
    core::Result<void> followup(const core::FollowUpRecord& r) override {
        return take(r, followups, followup_count);
    }
    core::Result<void> owner_identity(const core::Identity& id) override {
        owners.push_back(id);
        return {};
    }
    void warning(core::ImportWarning w) override { warnings.push_back(std::move(w)); }
    void skipped(std::uint64_t n, std::string_view) override { skipped_count += n; }
    bool is_me(const core::Identity& id) const override {
        for (const auto& m : mine)
            if (m == id) return true;
        return false;
    }
    std::optional<std::string> cursor() const override { return stored_cursor; }
    void set_cursor(std::string c) override { stored_cursor = std::move(c); }

  private:
    template <class R>
    core::Result<void> take(const R& r, std::vector<R>& into, std::uint64_t& count) {
        if (fail_after && records() >= *fail_after)
            return core::make_error(core::ErrorCode::database, "disk full (test)");
        ++count;
        if (keep) into.push_back(r);
        return {};
    }
};

/// Records progress updates; cancels once `cancel_at_update` updates have been seen.
class RecordingProgress final : public core::Progress {
  public:
    struct Update {
        std::uint64_t done, total;
        std::string what;
    };
    std::vector<Update> updates;
    std::optional<std::size_t> cancel_at_update;

    void update(std::uint64_t done, std::uint64_t total, std::string_view what) override {
        updates.push_back({done, total, std::string(what)});
    }
    bool cancelled() const override {
        return cancel_at_update && updates.size() >= *cancel_at_update;
    }
};

/// One line per record with every field, so runs can be compared and failures read.
inline std::string describe(const core::Identity& id) {
    return std::string(core::to_string(id.kind)) + ":" + id.value + " (" + id.display + ")";
}

inline std::string describe(const std::vector<core::Participant>& ps) {
    std::string out;
    for (const auto& p : ps) {
        out += " [" + describe(p.identity) + " \"" + p.display_name + "\" ";
        out += std::string(core::to_string(p.role)) + "]";
    }
    return out;
}

inline std::string describe(const core::InteractionRecord& r) {
    std::ostringstream s;
    s << r.ext_ns << "/" << r.ext_id << " " << core::to_string(r.channel) << " "
      << core::to_string(r.kind) << " " << core::to_string(r.direction) << " "
      << core::format_iso(r.at) << " thread=" << r.thread_key << " subject=" << r.subject
      << " text=" << r.text << " url=" << r.url << " place=" << r.place
      << " personal=" << r.personal << " bulk=" << r.bulk << describe(r.participants);
    return s.str();
}

inline std::string describe(const core::ContactRecord& r) {
    std::string out = r.ext_ns + "/" + r.ext_id + " " + r.display_name;
    for (const auto& id : r.identities) out += " " + describe(id);
    for (const auto& c : r.circles) out += " #" + c;
    out += " notes=" + r.notes;
    if (r.cadence_days) out += " cadence=" + std::to_string(*r.cadence_days);
    return out;
}

inline std::string describe(const core::FollowEdgeRecord& r) {
    return std::string(core::to_string(r.network)) + " " + describe(r.their) + " \"" +
           r.display_name + "\" " + std::string(core::to_string(r.direction)) + " " +
           core::format_iso(r.seen_at);
}

inline std::string describe(const core::FollowUpRecord& r) {
    return r.ext_ns + "/" + r.ext_id + " " + r.text + " due " + core::format_iso(r.due) +
           (r.done ? " done" : " open") + describe(r.people);
}

/// The lines of a transcript, one an indented line, for failure messages.
inline std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += "\n  " + l;
    return out;
}

/// True when some line contains `part`.
inline bool has_line(const std::vector<std::string>& lines, const std::string& part) {
    for (const auto& l : lines)
        if (l.find(part) != std::string::npos) return true;
    return false;
}

/// Everything the sink received, one line a record (and an owner), in order.
inline std::vector<std::string> transcript(const CollectingSink& sink) {
    std::vector<std::string> out;
    for (const auto& id : sink.owners) out.push_back("owner " + describe(id));
    for (const auto& r : sink.contacts) out.push_back(describe(r));
    for (const auto& r : sink.follow_edges) out.push_back(describe(r));
    for (const auto& r : sink.interactions) out.push_back(describe(r));
    for (const auto& r : sink.followups) out.push_back(describe(r));
    for (const auto& w : sink.warnings) out.push_back(w.location + ": " + w.message);
    return out;
}

}  // namespace kith::import::test
