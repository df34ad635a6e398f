#include "app/cli/json_out.h"

#include "core/strength.h"

namespace kith::app {

using nlohmann::json;

json to_json(const core::ReminderItem& i) {
    json j = {{"id", i.id},
              {"rule", core::to_string(i.rule)},
              {"person", i.person_name},
              {"person_id", i.person_id},
              {"channel", core::to_string(i.channel)},
              {"at", core::format_iso(i.at)},
              {"subject", i.subject},
              {"excerpt", i.excerpt},
              {"strength", i.strength}};
    if (i.rule == core::ReminderRule::owe_reply || i.rule == core::ReminderRule::waiting) {
        j["thread"] = i.thread_key;
        j["external_id"] = i.external_id;
        j["url"] = i.url;
        j["interaction_id"] = i.interaction_id;
    }
    if (i.rule == core::ReminderRule::going_cold) {
        j["cadence_days"] = i.cadence.days.count();
        j["cadence_source"] = core::to_string(i.cadence.source);
        j["last_contact"] = core::format_iso(i.at);
    }
    if (i.rule == core::ReminderRule::followup) {
        j["followup_id"] = i.followup_id;
        j["due"] = core::format_iso(i.at);
    }
    return j;
}

json to_json(const core::TodayDigest& d) {
    auto list = [](const std::vector<core::ReminderItem>& items) {
        json a = json::array();
        for (const auto& i : items) a.push_back(to_json(i));
        return a;
    };
    return {{"owe_reply", list(d.owe_reply)},
            {"waiting", list(d.waiting)},
            {"going_cold", list(d.going_cold)},
            {"followups", list(d.followups)}};
}

json to_json(const db::PersonRow& p, core::TimePoint now) {
    const auto cadence = p.cadence();
    json j = {{"id", p.id},
              {"name", p.name},
              {"notes", p.notes},
              {"archived", p.archived},
              {"interactions", p.interaction_count},
              {"strength", core::strength_score(p.strength, now)},
              {"cadence_source", core::to_string(cadence.source)},
              {"last_contact", p.last_contact ? json(core::format_iso(*p.last_contact)) : json()},
              {"last_channel", p.last_channel}};
    j["cadence_days"] =
        cadence.source == core::CadenceSource::none ? json() : json(cadence.days.count());
    return j;
}

json to_json(const db::TimelineEntry& e) {
    json j = {{"id", e.id},
              {"channel", core::to_string(e.channel)},
              {"kind", core::to_string(e.kind)},
              {"direction", core::to_string(e.direction)},
              {"at", core::format_iso(e.at)},
              {"subject", e.subject},
              {"excerpt", e.excerpt},
              {"url", e.url},
              {"place", e.place},
              {"external_id", e.external_id},
              {"thread", e.thread_key}};
    if (!e.person_name.empty()) j["person"] = e.person_name;
    return j;
}

json to_json(const db::FollowUpRow& f) {
    json people = json::array();
    for (const auto& [id, name] : f.people) people.push_back({{"id", id}, {"name", name}});
    return {{"id", f.id},
            {"text", f.text},
            {"due", core::format_iso(f.due)},
            {"done", f.done_at.has_value()},
            {"done_at", f.done_at ? json(core::format_iso(*f.done_at)) : json()},
            {"people", people}};
}

json to_json(const db::DatabaseStats& s) {
    return {{"people", s.people},
            {"identities", s.identities},
            {"interactions", s.interactions},
            {"follow_edges", s.follow_edges},
            {"followups", s.followups},
            {"open_followups", s.open_followups},
            {"circles", s.circles},
            {"sources", s.sources},
            {"threads", s.threads},
            {"by_channel", s.by_channel},
            {"by_kind", s.by_kind}};
}

nlohmann::json to_json(const db::Reciprocity& r) {
    return {{"follows_me", {{"twitter", r.follows_me_x}, {"mastodon", r.follows_me_mastodon}}},
            {"i_follow", {{"twitter", r.i_follow_x}, {"mastodon", r.i_follow_mastodon}}},
            {"comments", {{"from_them", r.comments_from_them}, {"from_me", r.comments_from_me}}},
            {"replies", {{"from_them", r.replies_from_them}, {"from_me", r.replies_from_me}}},
            {"dms", {{"from_them", r.dms_from_them}, {"from_me", r.dms_from_me}}}};
}

}  // namespace kith::app
