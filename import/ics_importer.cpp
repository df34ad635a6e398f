#include "import/ics_importer.h"

#include <chrono>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <libical/ical.h>

#include "core/time.h"
#include "import/ics_component_stream.h"
#include "import/ics_event.h"
#include "import/ics_time_zones.h"
#include "import/input_file.h"

namespace kith::import {

namespace {

using core::Result;

constexpr const char* kNs = "ics";
constexpr std::size_t kMaxTextBytes = 2000;
constexpr std::size_t kBinarySniffBytes = 4096;
constexpr const char* kFormatHint =
    "The ics importer reads iCalendar files as calendar apps export them (text beginning with "
    "BEGIN:VCALENDAR).";

struct ComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

/// FNV-1a: a stable id for events without a UID (std::hash may differ between builds).
std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

std::string occurrence_id(const std::string& uid, core::TimePoint start) {
    return uid + "/" + core::format_iso(start);
}

/// At most `max` bytes of `s`, not cutting a UTF-8 sequence.
std::string excerpt(const std::string& s, std::size_t max) {
    if (s.size() <= max) return s;
    std::size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

/// One run over one file: the file's time zones, the series waiting for the end of the file and
/// the occurrences overridden so far.
class IcsRun {
  public:
    IcsRun(const std::string& path, core::RecordSink& sink, core::TimePoint now)
        : m_path(path), m_sink(sink), m_now(now) {}

    IcsTimeZones& zones() { return m_zones; }

    Result<void> component(IcsComponent& c) {
        if (c.name == "VTIMEZONE") {
            if (!m_zones.add(c.text)) warn(c.line, "", "unreadable VTIMEZONE ignored");
            return {};
        }
        if (c.name != "VEVENT") {
            m_sink.skipped(1, "not an event");  // VTODO, VJOURNAL, VFREEBUSY
            return {};
        }
        return event(c, false);
    }

    /// Expands the recurring series held back until every override was seen.
    Result<void> finish() {
        for (auto& c : m_deferred)
            if (auto r = event(c, true); !r) return r;
        m_deferred.clear();
        return {};
    }

    void warn(std::uint64_t line, const std::string& uid, std::string message) {
        auto location = m_path + ":" + std::to_string(line);
        if (!uid.empty()) location += " (UID " + uid + ")";
        m_sink.warning({std::move(location), std::move(message)});
    }

  private:
    Result<void> event(IcsComponent& c, bool deferred) {
        ComponentPtr comp(icalparser_parse_string(c.text.c_str()));
        if (!comp || icalcomponent_isa(comp.get()) != ICAL_VEVENT_COMPONENT) {
            warn(c.line, "", "unreadable VEVENT skipped");
            return {};
        }
        auto ev = read_ics_event(comp.get(), m_zones,
                                 [this](const core::Identity& id) { return m_sink.is_me(id); });
        const std::string uid =
            ev && !ev->uid.empty() ? ev->uid
            : ev                   ? "no-uid-" +
                       std::to_string(fnv1a(core::format_iso(ev->start_utc) + "\n" + ev->summary))
                 : text_uid(comp.get());
        if (!ev) {
            warn(c.line, uid, ev.error().message);
            return {};
        }
        if (!deferred) report_problems(c.line, *ev);
        if (ev->recurrence_id) {
            const auto id = occurrence_id(uid, *ev->recurrence_id);
            m_overridden.insert(id);
            if (ev->cancelled) {
                m_sink.skipped(1, "cancelled occurrence");
                return {};
            }
            return emit(*ev, ev->start_utc, id);
        }
        if (ev->cancelled) {
            m_sink.skipped(1, "cancelled event");
            return {};
        }
        if (ev->people.empty()) {
            m_sink.skipped(1, "no attendees besides me");
            return {};
        }
        if (!ev->recurring) return emit(*ev, ev->start_utc, uid);
        if (!deferred && m_deferred_bytes + c.text.size() <= IcsImporter::kMaxDeferredBytes) {
            m_deferred_bytes += c.text.size();
            m_deferred.push_back(std::move(c));
            return {};
        }
        return expand(comp.get(), *ev, uid, c.line);
    }

    static std::string text_uid(icalcomponent* c) {
        const char* uid = icalcomponent_get_uid(c);
        return uid ? uid : "";
    }

    void report_problems(std::uint64_t line, const IcsEvent& ev) {
        for (const auto& a : ev.unusable)
            warn(line, ev.uid, "attendee \"" + a + "\" has no usable email address; left out");
        if (!ev.zone_known && m_unknown_zones.insert(ev.start_tzid).second)
            warn(line, ev.uid,
                 "unknown time zone \"" + ev.start_tzid + "\"; its times are taken as UTC");
    }

    Result<void> expand(icalcomponent* comp, const IcsEvent& ev, const std::string& uid,
                        std::uint64_t line) {
        Result<void> result;
        std::size_t seen = 0;
        bool reached_future = false;
        for_each_occurrence(comp, ev, m_zones, IcsImporter::kMaxOccurrences,
                            [&](core::TimePoint start) {
                                ++seen;
                                reached_future = start > m_now;
                                const auto id = occurrence_id(uid, start);
                                if (!m_overridden.count(id)) result = emit(ev, start, id);
                                // Past occurrences are all meetings; the next one is enough.
                                return result && !reached_future;
                            });
        if (result && seen == IcsImporter::kMaxOccurrences && !reached_future)
            warn(line, ev.uid,
                 "series has more than " + std::to_string(IcsImporter::kMaxOccurrences) +
                     " occurrences; later ones left out");
        return result;
    }

    Result<void> emit(const IcsEvent& ev, core::TimePoint at, const std::string& ext_id) {
        if (ev.people.empty()) {
            m_sink.skipped(1, "no attendees besides me");
            return {};
        }
        if (at > m_now) {
            core::FollowUpRecord f;
            f.ext_ns = kNs;
            f.ext_id = ext_id;
            f.text = ev.summary.empty() ? "Calendar event" : ev.summary;
            f.due = at;
            f.people = ev.people;
            return m_sink.followup(f);
        }
        core::InteractionRecord r;
        r.channel = core::Channel::in_person;
        r.kind = core::InteractionKind::meeting;
        r.direction = core::Direction::mutual;
        r.at = at;
        r.ext_ns = kNs;
        r.ext_id = ext_id;
        r.subject = ev.summary;
        r.text = excerpt(ev.description, kMaxTextBytes);
        r.url = ev.url;
        r.place = ev.location;
        r.personal = true;
        r.participants = ev.people;
        return m_sink.interaction(r);
    }

    std::string m_path;
    core::RecordSink& m_sink;
    core::TimePoint m_now;
    IcsTimeZones m_zones;
    std::vector<IcsComponent> m_deferred;
    std::size_t m_deferred_bytes = 0;
    std::set<std::string> m_overridden;
    std::set<std::string> m_unknown_zones;
};

Result<core::TimePoint> option_now(const core::ImportRequest& req) {
    const auto it = req.options.find("now");
    if (it == req.options.end())
        return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    if (const auto t = core::parse_iso(it->second)) return *t;
    return core::make_error(core::ErrorCode::invalid_input,
                            "option now=" + it->second + " is not an ISO 8601 time",
                            "Example: --option now=2026-11-25T12:00:00Z");
}

}  // namespace

Result<void> IcsImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                              core::Progress& progress) {
    const std::string& path = req.location;
    auto now = option_now(req);
    if (!now) return now.error();
    auto in = open_input_file(path, "an .ics file", kFormatHint);
    if (!in) return in.error();
    const File file = std::move(in->file);
    IcsComponentStream stream(file.get(), kMaxComponentBytes);
    if (stream.starts_binary(kBinarySniffBytes))
        return core::make_error(core::ErrorCode::format,
                                path + " is not a text file (it contains NUL bytes)", kFormatHint);

    IcsRun run(path, sink, *now);
    std::string floating;  // the zone of floating times currently applied
    if (const auto tz = req.options.find("tz"); tz != req.options.end()) {
        floating = tz->second;
        run.zones().set_floating_zone(floating);
    }
    progress.update(0, in->size, "bytes");
    IcsComponent c;
    for (std::uint64_t n = 0;; ++n) {
        if (progress.cancelled()) return cancelled_error(path);
        const auto status = stream.next(c);
        if (n % 64 == 0) progress.update(stream.offset(), in->size, "bytes");
        if (status == IcsComponentStream::Status::end) break;
        if (status == IcsComponentStream::Status::error) return read_error(path, stream.offset());
        if (status == IcsComponentStream::Status::not_calendar)
            return core::make_error(
                core::ErrorCode::format,
                path + ":" + std::to_string(c.line) + " is not iCalendar: expected BEGIN:VCALENDAR",
                kFormatHint);
        if (status == IcsComponentStream::Status::too_big) {
            run.warn(c.line, "",
                     c.name + " larger than " + std::to_string(kMaxComponentBytes >> 20) +
                         " MiB skipped");
            continue;
        }
        if (status == IcsComponentStream::Status::truncated) {
            run.warn(c.line, "",
                     "the file ends inside this " + c.name + " (cut off?); it is skipped");
            break;
        }
        if (const auto& tz = stream.calendar_time_zone(); !tz.empty() && tz != floating) {
            floating = tz;
            run.zones().set_floating_zone(floating);
        }
        if (auto r = run.component(c); !r) return r;
    }
    if (!stream.saw_calendar())
        return core::make_error(core::ErrorCode::format,
                                path + " is not an iCalendar file (no BEGIN:VCALENDAR)",
                                kFormatHint);
    if (auto r = run.finish(); !r) return r;
    progress.update(stream.offset(), in->size, "bytes");
    return {};
}

}  // namespace kith::import
