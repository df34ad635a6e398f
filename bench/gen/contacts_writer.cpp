#include <string>

#include "bench/gen/gen_text.h"
#include "bench/gen/input_writers.h"

namespace kith::bench {

namespace {

/// Escapes a vCard/iCalendar text value (RFC 6350 3.4).
std::string text_value(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\\' || c == ',' || c == ';') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

/// A content line folded at 75 octets with CRLF + space, wherever the 75th octet falls (real
/// writers split UTF-8 sequences too).
void line(TextOut& out, const std::string& s) {
    std::size_t pos = 0, take = 75;
    do {
        if (pos) out.put("\r\n ");
        out.put(std::string_view(s).substr(pos, take));
        pos += take;
        take = 74;  // continuation lines start with the space
    } while (pos < s.size());
    out.put("\r\n");
}

}  // namespace

InputExpectation write_vcards(const Roster& roster, const std::filesystem::path& dir,
                              std::uint64_t seed) {
    GenRandom rng(seed ^ 0x76636172ULL);
    InputExpectation e{"vcard", "contacts.vcf", {}, roster.people().size(), 0, 0, 0, false};
    TextOut out(dir / e.file);
    std::uint64_t n = 0;
    for (const auto& p : roster.people()) {
        const bool v4 = n++ % 5 == 0;
        line(out, "BEGIN:VCARD");
        line(out, v4 ? "VERSION:4.0" : "VERSION:3.0");
        line(out, "N:" + text_value(p.family) + ";" + text_value(p.given) + ";;;");
        line(out, "FN:" + text_value(p.name));
        if (v4)
            line(out, "EMAIL;TYPE=home,pref:" + p.email);
        else
            line(out, "EMAIL;TYPE=INTERNET;TYPE=HOME;TYPE=pref:" + p.email);
        if (!p.work_email.empty()) {
            line(out, "item1.EMAIL;TYPE=INTERNET:" + p.work_email);
            line(out, "item1.X-ABLabel:_$!<Work>!$_");
        }
        if (!p.phone.empty()) line(out, "TEL;TYPE=CELL:" + p.phone);
        if (!p.website.empty()) line(out, "URL:" + p.website);
        if (!p.twitter_handle.empty())
            line(out, "X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/" + p.twitter_handle);
        if (!p.mastodon_user.empty())
            line(out, "X-SOCIALPROFILE;TYPE=mastodon:https://" + p.mastodon_host + "/@" +
                          p.mastodon_user);
        switch (rng.below(4)) {
            case 0:
                line(out, "BDAY:19" + std::to_string(60 + rng.below(40)) + "0322");
                break;
            case 1:
                line(out, "BDAY:1985-07-" + std::to_string(10 + rng.below(19)));
                break;
            case 2:
                line(out, "BDAY:--0" + std::to_string(1 + rng.below(9)) + "14");
                break;
            default:
                break;
        }
        if (rng.percent(30))
            line(out, "NOTE:" + text_value("Met at DevConf; likes " + prose(rng, 12) +
                                           "\nAsk about the grant, the café, the book."));
        line(out, "END:VCARD");
    }
    out.close();
    return e;
}

InputExpectation write_calendar(const Roster& roster, const CorpusSize& size,
                                const std::filesystem::path& dir, std::uint64_t seed) {
    GenRandom rng(seed ^ 0x6963730aULL);
    InputExpectation e{"ics", "calendar.ics", {}, size.events, size.events, 0, 0, false};
    TextOut out(dir / e.file);
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Kith//kith-gen//EN");
    line(out, "BEGIN:VTIMEZONE");
    line(out, "TZID:W. Europe Standard Time");
    line(out, "BEGIN:STANDARD");
    line(out, "DTSTART:16010101T030000");
    line(out, "TZOFFSETFROM:+0200");
    line(out, "TZOFFSETTO:+0100");
    line(out, "END:STANDARD");
    line(out, "END:VTIMEZONE");
    const std::time_t start = 1'732'492'800;  // the demo "now" is a year and a half later
    for (std::uint64_t i = 0; i < size.events; ++i) {
        const auto at = start + static_cast<std::time_t>(rng.below(2 * 365) * 86400 +
                                                         (8 + rng.below(10)) * 3600);
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + std::to_string(i) + "-" + std::to_string(seed) + "@kith-gen.example");
        line(out, "DTSTAMP:20261101T080000Z");
        if (i % 10 == 3) {
            line(out, "DTSTART;VALUE=DATE:" + format_time(at, "%Y%m%d"));
        } else if (i % 3 == 0) {
            line(out, "DTSTART;TZID=W. Europe Standard Time:" + format_time(at, "%Y%m%dT%H%M%S"));
            line(out,
                 "DTEND;TZID=W. Europe Standard Time:" + format_time(at + 3600, "%Y%m%dT%H%M%S"));
        } else {
            line(out, "DTSTART:" + format_time(at, "%Y%m%dT%H%M%SZ"));
            line(out, "DTEND:" + format_time(at + 1800, "%Y%m%dT%H%M%SZ"));
        }
        if (i % 25 == 0) line(out, "RRULE:FREQ=WEEKLY;COUNT=6");
        line(out, "SUMMARY:" + text_value(prose(rng, 4)));
        line(out, "LOCATION:" + text_value("Café Kraków, Room 2; 1st floor"));
        line(out, "ORGANIZER;CN=" + roster.me().name + ":mailto:" + roster.me().email);
        for (auto k = rng.between(1, 4); k; --k) {
            const auto& p = roster.people()[rng.below(roster.people().size())];
            line(out, "ATTENDEE;CN=\"" + p.name + ", guest\";ROLE=REQ-PARTICIPANT;PARTSTAT=" +
                          (k % 2 ? "ACCEPTED" : "TENTATIVE") + ":" +
                          (i % 7 == 0 ? "MAILTO:" : "mailto:") + p.email);
        }
        line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    out.close();
    return e;
}

}  // namespace kith::bench
