#include "import/wp_rest_importer.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/blog_comment.h"
#include "import/blog_source_options.h"
#include "import/html_text.h"
#include "import/http_client.h"

namespace kith::import {

namespace {

using core::ErrorCode;
using core::make_error;
using core::Result;
using json = nlohmann::json;

/// One comment as the API gives it.
struct RestComment {
    std::string id, parent, post_url, link, html, date_gmt;
    Commenter author;
    bool registered = false;  ///< `author` is a user id
    core::TimePoint at{};
};

std::string id_text(const json& v) {
    if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
    if (v.is_string()) return v.get<std::string>();
    return {};
}

std::string str(const json& o, const char* key) {
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// Reads one element of the comments array; an empty id means it is unusable (with `problem`).
RestComment read_comment(const json& c, std::string& problem) {
    RestComment r;
    if (!c.is_object()) {
        problem = "not a comment object";
        return r;
    }
    r.id = c.contains("id") ? id_text(c["id"]) : "";
    r.parent = c.contains("parent") ? id_text(c["parent"]) : "";
    if (r.parent == "0") r.parent.clear();
    r.author.name = str(c, "author_name");
    r.author.url = str(c, "author_url");
    r.registered = c.contains("author") && c["author"].is_number_integer() &&
                   c["author"].get<std::int64_t>() != 0;
    r.link = str(c, "link");
    r.post_url = r.link.substr(0, r.link.find('#'));
    r.date_gmt = str(c, "date_gmt");
    if (c.contains("content") && c["content"].is_object()) r.html = str(c["content"], "rendered");
    const auto at = core::parse_iso(r.date_gmt);
    if (r.id.empty())
        problem = "a comment without an id";
    else if (r.post_url.empty())
        problem = "comment " + r.id + " has no link";
    else if (!at)
        problem = "comment " + r.id + " has no readable date_gmt \"" + r.date_gmt + "\"";
    if (!problem.empty())
        r.id.clear();
    else
        r.at = *at;
    return r;
}

class RestRun {
  public:
    RestRun(const core::ImportRequest& req, core::RecordSink& sink, core::Progress& progress,
            BlogSourceOptions options)
        : m_base(req.location), m_sink(sink), m_progress(progress), m_opt(std::move(options)) {
        m_http.timeout = m_opt.timeout;
        m_http.accept = "application/json";
        m_http.follow_redirects = true;
    }

    Result<void> run() {
        m_my_blog = m_opt.my_blog.value_or(is_my_site(m_base, m_sink));
        const auto cursor = json::parse(m_sink.cursor().value_or("{}"), nullptr, false);
        std::string after;
        if (cursor.is_object()) {
            after = str(cursor, "after");
            if (cursor.contains("mine") && cursor["mine"].is_array())
                for (const auto& id : cursor["mine"])
                    if (id.is_string()) remember_mine(id.get<std::string>());
        }
        std::string newest = after;
        std::size_t total = 1;
        for (std::size_t page = 1; page <= total && page <= WpRestImporter::kMaxPages; ++page) {
            if (m_progress.cancelled())
                return make_error(ErrorCode::cancelled, "import of " + m_base + " cancelled");
            std::string url =
                join_url(m_base, "wp-json/wp/v2/comments") +
                "?per_page=100&orderby=date_gmt&order=asc&page=" + std::to_string(page);
            if (!after.empty()) url += "&after=" + after;
            auto got = get_json(url);
            if (!got) return got.error();
            if (!got->second.is_array())
                return not_wordpress(url, "its answer is not a list of comments");
            total = std::max<std::size_t>(1, header_number(got->first, "x-wp-totalpages"));
            m_progress.update(page, total, "pages");
            // One page at a time, so memory holds a page whatever the blog's size. Oldest first,
            // parents come before their replies; the few that do not are fetched.
            std::vector<RestComment> page_comments;
            for (const auto& c : got->second) {
                std::string problem;
                auto r = read_comment(c, problem);
                if (r.id.empty()) {
                    m_sink.warning({url, problem + "; skipped"});
                    continue;
                }
                m_links.add(r.id, r.parent, r.author, is_mine(r));
                if (r.date_gmt > newest) newest = r.date_gmt;
                page_comments.push_back(std::move(r));
            }
            for (const auto& r : page_comments) {
                if (m_progress.cancelled())
                    return make_error(ErrorCode::cancelled, "import of " + m_base + " cancelled");
                if (auto sent = send(r); !sent) return sent;
            }
        }
        json out;
        out["after"] = newest;
        out["mine"] = json::array();
        for (const auto& id : m_mine_order) out["mine"].push_back(id);
        m_sink.set_cursor(out.dump());
        return {};
    }

  private:
    static std::size_t header_number(const HttpResponse& r, const char* name) {
        const auto it = r.headers.find(name);
        if (it == r.headers.end()) return 1;
        try {
            return static_cast<std::size_t>(std::stoul(it->second));
        } catch (...) {
            return 1;
        }
    }

    core::Error not_wordpress(const std::string& url, const std::string& why) const {
        return make_error(ErrorCode::format, url + " is not a WordPress comments API: " + why,
                          "Give the blog's address (https://blog.example); its REST API must be "
                          "on (WordPress 4.7 or later, not blocked by a plugin).");
    }

    Result<std::pair<HttpResponse, json>> get_json(const std::string& url) {
        auto r = http_get(url, m_http, m_progress);
        if (!r) return r.error();
        if (auto ok = http_status_ok(url, *r); !ok) return ok.error();
        auto j = json::parse(r->body, nullptr, false);
        if (j.is_discarded()) return not_wordpress(url, "its answer is not JSON");
        return std::pair{std::move(*r), std::move(j)};
    }

    bool is_mine(const RestComment& r) const {
        std::string name(trim(r.author.name));
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return commenter_is_me(r.author, m_sink) || m_opt.my_names.count(name) > 0 ||
               (m_my_blog && r.registered) || m_mine.count(r.id) > 0;
    }

    void remember_mine(const std::string& id) {
        if (!m_mine.insert(id).second) return;
        m_mine_order.push_back(id);
        if (m_mine_order.size() > WpRestImporter::kMaxRemembered) {
            m_mine.erase(m_mine_order.front());
            m_mine_order.pop_front();
        }
    }

    /// Fetches the parents this run lacks so the chain reaches its top (bounded).
    void complete_chain(const std::string& id) {
        for (int depth = 0; depth < 50; ++depth) {
            const auto root = m_links.root_of(id);
            if (root.complete) return;
            const auto* top = m_links.find(root.id);
            if (!top || m_fetches >= WpRestImporter::kMaxParentFetches) return;
            const auto missing = top->parent;
            if (!m_failed.insert(missing).second) return;  // tried already
            ++m_fetches;
            auto got = get_json(join_url(m_base, "wp-json/wp/v2/comments/" + missing));
            if (!got) return;  // an unapproved or deleted parent: the chain stops here
            std::string problem;
            auto r = read_comment(got->second, problem);
            if (r.id.empty()) return;
            m_links.add(r.id, r.parent, r.author, is_mine(r));
        }
    }

    Result<void> send(const RestComment& r) {
        complete_chain(r.id);
        const auto* self = m_links.find(r.id);
        const bool mine = self && self->mine;
        const auto* parent = r.parent.empty() ? nullptr : m_links.find(r.parent);
        const bool reply_to_me = parent && parent->mine;
        if (mine) remember_mine(r.id);
        if (!mine && !m_my_blog && !reply_to_me) {
            m_sink.skipped(1, "a comment on someone else's blog not answering mine");
            return {};
        }
        const auto post = canonical_or_raw(r.post_url);
        CommentFields f;
        f.ext_ns = std::string(kWordPressNs);
        f.ext_id = wordpress_comment_id(r.post_url, r.id);
        f.thread_key = post + "#comment-" + m_links.root_of(r.id).id;
        f.text = comment_html_to_text(r.html);
        f.url = r.link;
        f.at = r.at;
        f.name_scope = site_host(m_base);
        if (mine) {
            make_outbound(f, parent);
        } else {
            f.other = r.author;
        }
        return m_sink.interaction(comment_record(std::move(f)));
    }

    std::string m_base;
    core::RecordSink& m_sink;
    core::Progress& m_progress;
    BlogSourceOptions m_opt;
    HttpOptions m_http;
    bool m_my_blog = false;
    CommentLinks m_links{200000};  ///< beyond, replies to older comments fetch their parents
    std::unordered_set<std::string> m_mine, m_failed;
    std::deque<std::string> m_mine_order;
    std::size_t m_fetches = 0;
};

}  // namespace

Result<void> WpRestImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                 core::Progress& progress) {
    auto options = read_blog_source_options(req);
    if (!options) return options.error();
    return RestRun(req, sink, progress, std::move(*options)).run();
}

}  // namespace kith::import
