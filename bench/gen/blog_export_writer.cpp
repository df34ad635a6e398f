#include <string>

#include "bench/gen/gen_text.h"
#include "bench/gen/input_writers.h"

namespace kith::bench {

namespace {

constexpr std::time_t kStart = 1'600'000'000;  // Sep 2020

const RosterPerson& commenter(const Roster& roster, GenRandom& rng) {
    const auto n = roster.people().size();
    return roster.people()[rng.below(n) * rng.below(n) / n];
}

}  // namespace

InputExpectation write_wxr_export(const Roster& roster, const CorpusSize& size,
                                  const std::filesystem::path& dir, std::uint64_t seed) {
    GenRandom rng(seed ^ 0x777872ULL);
    const auto& me = roster.me();
    InputExpectation e{"wxr", "wordpress.xml", {}, size.wxr_comments, 0, 0, 0, true};
    TextOut out(dir / e.file);
    out.put(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\" "
        "xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\" "
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
        "xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n<title>Mira's notes</title>"
        "<link>https://mira.blog.example</link><language>en-GB</language>"
        "<wp:wxr_version>1.2</wp:wxr_version>\n<wp:author><wp:author_id>1</wp:author_id>"
        "<wp:author_login><![CDATA[mira]]></wp:author_login><wp:author_email><![CDATA[" +
        me.email + "]]></wp:author_email><wp:author_display_name><![CDATA[" + me.name +
        "]]></wp:author_display_name></wp:author>\n");
    for (std::uint64_t i = 0; i < size.wxr_comments; ++i) {
        const std::uint64_t post = i / 10;
        const auto at = kStart + static_cast<std::time_t>(i * 53 % (5 * 365 * 86400));
        if (i % 10 == 0) {
            if (i) out.put("</item>\n");
            out.put("<item><title>" + xml_escape(prose(rng, 4)) +
                    "</title><link>https://mira.blog.example/" + std::to_string(post) +
                    "/</link><dc:creator><![CDATA[mira]]></dc:creator><wp:post_id>" +
                    std::to_string(post + 1) +
                    "</wp:post_id><wp:post_type><![CDATA[post]]></wp:post_type>"
                    "<wp:status><![CDATA[publish]]></wp:status><content:encoded><![CDATA[<p>" +
                    prose(rng, 60) + "</p>]]></content:encoded>\n");
        }
        const auto id = std::to_string(i + 1);
        // Comment 3 of each post answers comment 4, which comes later: a child before its parent.
        const auto parent = i % 10 == 2   ? std::to_string(i + 2)
                            : i % 10 >= 5 ? std::to_string(i)
                                          : std::string("0");
        const bool cdata = i % 2 == 0;
        const auto v = [&](const std::string& s) {
            return cdata ? "<![CDATA[" + s + "]]>" : xml_escape(s);
        };
        const bool mine = i % 15 == 6;
        const auto& who = commenter(roster, rng);
        const std::string name = mine ? me.name : who.name;
        const std::string email = mine ? me.email : who.email;
        const std::string approved = i % 100 == 7 ? "0" : i % 200 == 11 ? "trash" : "1";
        const bool ping = i % 100 == 9;
        (approved != "1" || ping ? e.skipped : e.interactions) += 1;
        out.put("<wp:comment><wp:comment_id>" + id + "</wp:comment_id><wp:comment_author>" +
                v(name) + "</wp:comment_author><wp:comment_author_email>" + v(email) +
                "</wp:comment_author_email><wp:comment_author_url>" +
                (mine || who.website.empty() ? "" : who.website) +
                "</wp:comment_author_url><wp:comment_author_IP>192.0.2." + std::to_string(i % 250) +
                "</wp:comment_author_IP><wp:comment_date>" +
                format_time(at, "%Y-%m-%d %H:%M:%S", 60) +
                "</wp:comment_date><wp:comment_date_gmt>" + format_time(at, "%Y-%m-%d %H:%M:%S") +
                "</wp:comment_date_gmt><wp:comment_content>" + v(prose(rng, rng.between(8, 60))) +
                "</wp:comment_content><wp:comment_approved>" + approved +
                "</wp:comment_approved><wp:comment_type>" +
                (ping    ? "pingback"
                 : i % 3 ? "comment"
                         : "") +
                "</wp:comment_type><wp:comment_parent>" + parent +
                "</wp:comment_parent><wp:comment_user_id>" + (mine ? "1" : "0") +
                "</wp:comment_user_id></wp:comment>\n");
    }
    if (size.wxr_comments) out.put("</item>\n");
    out.put("</channel>\n</rss>\n");
    out.close();
    return e;
}

InputExpectation write_disqus_export(const Roster& roster, const CorpusSize& size,
                                     const std::filesystem::path& dir, std::uint64_t seed) {
    GenRandom rng(seed ^ 0x64737173ULL);
    const auto& me = roster.me();
    InputExpectation e{"disqus", "disqus.xml", {{"me", me.disqus_user}}, size.disqus_comments, 0, 0,
                       0,        true};
    constexpr std::uint64_t kPerThread = 25;
    const auto threads = (size.disqus_comments + kPerThread - 1) / kPerThread;
    TextOut out(dir / e.file);
    out.put(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<disqus xmlns=\"http://disqus.com\" "
        "xmlns:dsq=\"http://disqus.com/disqus-internals\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
        "<category dsq:id=\"1\"><forum>mira-notes</forum><title>General</title>"
        "<isDefault>true</isDefault></category>\n");
    for (std::uint64_t t = 0; t < threads; ++t) {
        const auto at = kStart + static_cast<std::time_t>(t * 86400);
        out.put("<thread dsq:id=\"" + std::to_string(7'000'000 + t) +
                "\"><id /><forum>mira-notes</forum><category dsq:id=\"1\" /><link>"
                "https://mira.blog.example/" +
                std::to_string(t) + "/</link><title>" + xml_escape(prose(rng, 4)) +
                "</title><message /><createdAt>" + format_time(at, "%Y-%m-%dT%H:%M:%SZ") +
                "</createdAt><author><name>Mira</name><isAnonymous>false</isAnonymous>"
                "<username>" +
                me.disqus_user +
                "</username></author><isClosed>false</isClosed>"
                "<isDeleted>false</isDeleted></thread>\n");
    }
    for (std::uint64_t i = 0; i < size.disqus_comments; ++i) {
        const auto t = i / kPerThread;
        const auto at = kStart + static_cast<std::time_t>(t * 86400 + (i % kPerThread) * 600);
        const bool deleted = i % 100 == 13, spam = i % 100 == 41, mine = i % 12 == 5;
        (deleted || spam ? e.skipped : e.interactions) += 1;
        const auto& who = commenter(roster, rng);
        std::string author;
        if (mine)
            author = "<name>Mira</name><isAnonymous>false</isAnonymous><username>" +
                     me.disqus_user + "</username>";
        else if (i % 9 == 4)  // guests: a name and maybe an email, no profile
            author = "<name>" + xml_escape(who.name) + "</name>" +
                     (i % 2 ? "<email>" + who.email + "</email>" : "") +
                     "<isAnonymous>true</isAnonymous>";
        else
            author = "<name>" + xml_escape(who.name) + "</name><email>" + who.email +
                     "</email><isAnonymous>false</isAnonymous><username>" +
                     who.email.substr(0, who.email.find('@')) + "</username>";
        // Most replies answer an earlier post; a few answer the next one (not read yet).
        std::string parent;
        const auto k = i % kPerThread;
        if (k == 3 && i + 1 < size.disqus_comments)
            parent = std::to_string(8'000'000 + i + 1);
        else if (k > 4 && k % 2)
            parent = std::to_string(8'000'000 + i - 1 - rng.below(k - 1));
        out.put("<post dsq:id=\"" + std::to_string(8'000'000 + i) +
                "\"><id /><message><![CDATA[<p>" + prose(rng, rng.between(8, 60)) +
                "</p>]]></message><createdAt>" +
                format_time(at, i % 4 == 1 ? "%Y-%m-%dT%H:%M:%S" : "%Y-%m-%dT%H:%M:%SZ") +
                "</createdAt><isDeleted>" + (deleted ? "true" : "false") + "</isDeleted><isSpam>" +
                (spam ? "true" : "false") + "</isSpam><author>" + author +
                "</author><thread dsq:id=\"" + std::to_string(7'000'000 + t) + "\" />" +
                (parent.empty() ? "" : "<parent dsq:id=\"" + parent + "\" />") + "</post>\n");
    }
    out.put("</disqus>\n");
    out.close();
    return e;
}

}  // namespace kith::bench
