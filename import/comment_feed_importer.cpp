#include "import/comment_feed_importer.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/blog_comment.h"
#include "import/blog_source_options.h"
#include "import/html_text.h"
#include "import/http_client.h"
#include "import/rfc822_date.h"
#include "import/xml_reader.h"

namespace kith::import {

namespace {

using core::ErrorCode;
using core::make_error;
using core::Result;
using json = nlohmann::json;

/// One comment of the feed.
struct FeedItem {
    std::string key;  ///< guid (RSS) or id (Atom), else the link
    std::string link, post_url, title, date, html;
    Commenter author;
    core::TimePoint at{};
};

struct Feed {
    std::string site;  ///< the channel's or feed's link
    std::vector<FeedItem> items;
};

/// What earlier polls saw: recent guids and the posts where I commented (with when).
struct FeedCursor {
    std::deque<std::string> seen;
    std::map<std::string, std::string> joined;  ///< post → ISO time of my first comment there

    static FeedCursor parse(const std::optional<std::string>& text) {
        FeedCursor c;
        if (!text) return c;
        const auto j = json::parse(*text, nullptr, false);
        if (!j.is_object()) return c;  // an unreadable cursor means a full poll, never a failure
        if (j.contains("seen") && j["seen"].is_array())
            for (const auto& s : j["seen"])
                if (s.is_string()) c.seen.push_back(s.get<std::string>());
        if (j.contains("joined") && j["joined"].is_object())
            for (const auto& [k, v] : j["joined"].items())
                if (v.is_string()) c.joined[k] = v.get<std::string>();
        return c;
    }

    std::string dump() const {
        json j;
        j["seen"] = json::array();
        for (const auto& s : seen) j["seen"].push_back(s);
        j["joined"] = json::object();
        for (const auto& [k, v] : joined) j["joined"][k] = v;
        return j.dump();
    }
};

Result<void> read_rss_item(XmlReader& r, FeedItem& it) {
    std::string description, author_field;
    auto res = r.children([&](std::string_view n) -> Result<void> {
        std::string* into = n == "title"         ? &it.title
                            : n == "link"        ? &it.link
                            : n == "guid"        ? &it.key
                            : n == "pubDate"     ? &it.date
                            : n == "creator"     ? &it.author.name
                            : n == "encoded"     ? &it.html
                            : n == "description" ? &description
                            : n == "author"      ? &author_field
                                                 : nullptr;
        if (!into) return {};
        return r.text_into(*into);
    });
    if (!res) return res;
    if (it.html.empty()) it.html = std::move(description);
    // RSS <author> is "email (Name)".
    if (!author_field.empty()) {
        const auto paren = author_field.find('(');
        it.author.email = std::string(trim(author_field.substr(0, paren)));
        if (it.author.name.empty() && paren != std::string::npos)
            it.author.name = std::string(
                trim(author_field.substr(paren + 1, author_field.find(')', paren) - paren - 1)));
    }
    return {};
}

Result<void> read_atom_entry(XmlReader& r, FeedItem& it) {
    std::string published, updated, summary;
    auto res = r.children([&](std::string_view n) -> Result<void> {
        if (n == "link") {
            const auto rel = r.attribute("rel").value_or("alternate");
            if (rel == "alternate" && it.link.empty()) it.link = r.attribute("href").value_or("");
            return {};
        }
        if (n == "in-reply-to") {
            it.post_url = r.attribute("href").value_or(r.attribute("ref").value_or(""));
            return {};
        }
        if (n == "author") {
            return r.children([&](std::string_view a) -> Result<void> {
                std::string* into = a == "name"    ? &it.author.name
                                    : a == "uri"   ? &it.author.url
                                    : a == "email" ? &it.author.email
                                                   : nullptr;
                if (!into) return {};
                return r.text_into(*into);
            });
        }
        std::string* into = n == "id"          ? &it.key
                            : n == "title"     ? &it.title
                            : n == "published" ? &published
                            : n == "updated"   ? &updated
                            : n == "content"   ? &it.html
                            : n == "summary"   ? &summary
                                               : nullptr;
        if (!into) return {};
        return r.text_into(*into);
    });
    if (!res) return res;
    it.date = published.empty() ? updated : published;
    if (it.html.empty()) it.html = std::move(summary);
    return {};
}

/// Parses an RSS 2.0 or Atom document; Errors for XML that cannot be read or another format.
Result<Feed> parse_feed(XmlReader& r) {
    Feed feed;
    bool atom = false, known = false;
    for (;;) {
        auto more = r.next();
        if (!more) return more.error();
        if (!*more) break;
        if (!r.is_start()) continue;
        const auto n = r.name();
        if (r.depth() == 0) {
            atom = n == "feed";
            known = atom || n == "rss" || n == "RDF";
            if (!known) break;
            continue;
        }
        if (n == "item" || n == "entry") {
            FeedItem it;
            if (auto res = atom ? read_atom_entry(r, it) : read_rss_item(r, it); !res)
                return res.error();
            feed.items.push_back(std::move(it));
        } else if (n == "link" && feed.site.empty() && r.depth() <= 2) {
            if (atom) {
                if (r.attribute("rel").value_or("alternate") == "alternate")
                    feed.site = r.attribute("href").value_or("");
            } else {
                auto t = r.text();
                if (!t) return t.error();
                feed.site = std::string(trim(*t));
            }
        }
    }
    if (!known)
        return make_error(
            ErrorCode::format, r.source_name() + " is not an RSS or Atom feed",
            "Give the address of a comment feed, e.g. "
            "https://blog.example/comments/feed/ or https://blog.example/a-post/feed/.");
    return feed;
}

}  // namespace

Result<void> CommentFeedImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                      core::Progress& progress) {
    auto options = read_blog_source_options(req);
    if (!options) return options.error();
    HttpOptions http;
    http.timeout = options->timeout;
    http.accept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5";
    progress.update(0, 0, "bytes");
    http.follow_redirects = true;
    auto response = http_get(req.location, http, progress);
    if (!response) return response.error();
    if (auto ok = http_status_ok(req.location, *response); !ok) return ok.error();
    return import_body(std::move(response->body), req, sink, progress);
}

Result<void> CommentFeedImporter::import_body(std::string body, const core::ImportRequest& req,
                                              core::RecordSink& sink, core::Progress& progress) {
    auto options = read_blog_source_options(req);
    if (!options) return options.error();
    const auto size = body.size();
    {
        // A blog's home page instead of its feed is the usual mistake; say so in those words.
        std::string head = body.substr(0, 512);
        std::transform(head.begin(), head.end(), head.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (head.find("<!doctype html") != std::string::npos ||
            head.find("<html") != std::string::npos)
            return make_error(ErrorCode::format, req.location + " is a web page, not a feed",
                              "Give the comment feed's address: for WordPress, "
                              "https://blog.example/comments/feed/ or a post's address + feed/.");
    }
    auto reader = XmlReader::from_memory(std::move(body), req.location);
    auto feed = parse_feed(*reader);
    report_xml_notes(*reader, sink);
    if (!feed) return feed.error();

    const bool my_blog =
        options->my_blog.value_or(is_my_site(feed->site, sink) || is_my_site(req.location, sink));
    auto cursor = FeedCursor::parse(sink.cursor());
    std::unordered_set<std::string> seen(cursor.seen.begin(), cursor.seen.end());
    auto& items = feed->items;
    for (auto& it : items) {
        const auto at = parse_rfc822(it.date);
        if (!at) {
            sink.warning({req.location + " (" + (it.key.empty() ? it.link : it.key) + ")",
                          "date \"" + it.date + "\" cannot be read; comment skipped"});
            it.key.clear();  // skip below
            continue;
        }
        it.at = *at;
        if (it.key.empty()) it.key = it.link.empty() ? "?" : it.link;
    }
    // Oldest first: my comment must be known before the replies that follow it.
    std::stable_sort(items.begin(), items.end(),
                     [](const FeedItem& a, const FeedItem& b) { return a.at < b.at; });
    const std::string scope = site_host(feed->site.empty() ? req.location : feed->site);
    for (auto& it : items) {
        if (it.key.empty() || it.key == "?") continue;
        if (progress.cancelled())
            return make_error(ErrorCode::cancelled, "import of " + req.location + " cancelled");
        if (!seen.insert(it.key).second) {
            sink.skipped(1, "seen in an earlier poll");
            continue;
        }
        cursor.seen.push_back(it.key);
        const auto comment_link = split_comment_link(it.link);
        if (it.post_url.empty())
            it.post_url = comment_link ? comment_link->first : (my_blog ? it.link : feed->site);
        const auto post = canonical_or_raw(it.post_url);
        std::string lname(trim(it.author.name));
        std::transform(lname.begin(), lname.end(), lname.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const bool me = commenter_is_me(it.author, sink) || options->my_names.count(lname) > 0;

        CommentFields f;
        if (comment_link) {
            f.ext_ns = std::string(kWordPressNs);
            f.ext_id = wordpress_comment_id(comment_link->first, comment_link->second);
        } else {
            f.ext_ns = "feed";
            f.ext_id = it.key;
        }
        f.thread_key = post;
        // WordPress titles feed items "Comment on POST by NAME"; keep the post's part.
        auto title = it.title;
        if (title.rfind("Comment on ", 0) == 0) {
            title = title.substr(11);
            if (const auto by = title.rfind(" by "); by != std::string::npos) title.resize(by);
        }
        f.post_title = title;
        f.text = comment_html_to_text(it.html);
        f.url = it.link;
        f.at = it.at;
        f.name_scope = scope;
        if (me) {
            f.direction = core::Direction::out;
            f.personal = false;
            const auto iso = core::format_iso(it.at);
            auto& first = cursor.joined[post];
            if (first.empty() || iso < first) first = iso;
        } else {
            const auto joined = cursor.joined.find(post);
            const bool after_mine =
                joined != cursor.joined.end() && joined->second <= core::format_iso(it.at);
            if (!my_blog && !after_mine) {
                sink.skipped(1, "a comment on someone else's post before mine");
                continue;
            }
            f.other = it.author;
        }
        if (auto w = sink.interaction(comment_record(std::move(f))); !w) return w;
    }
    while (cursor.seen.size() > kMaxSeen) cursor.seen.pop_front();
    while (cursor.joined.size() > kMaxSeen) cursor.joined.erase(cursor.joined.begin());
    sink.set_cursor(cursor.dump());
    progress.update(size, size, "bytes");
    return {};
}

}  // namespace kith::import
