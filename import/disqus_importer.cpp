#include "import/disqus_importer.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/time.h"
#include "import/blog_comment.h"
#include "import/html_text.h"
#include "import/xml_reader.h"

namespace kith::import {

namespace {

using core::ErrorCode;
using core::make_error;
using core::Result;

constexpr std::size_t kMaxThreads = 1000000;
constexpr std::size_t kMaxLinks = 2000000;

struct Thread {
    std::string link, title;
    std::string post;  ///< canonical_or_raw(link), made once for all its posts
};

struct Post {
    std::string id, thread, parent, message, created, username;
    bool deleted = false, spam = false;
    Commenter author;
    int line = 0;

    /// Empties every field but keeps the strings' memory: one Post reads them all.
    void clear() {
        for (auto* s : {&id, &thread, &parent, &message, &created, &username, &author.name,
                        &author.email, &author.url})
            s->clear();
        deleted = spam = false;
        line = 0;
    }
};

bool is_true(std::string_view s) {
    s = trim(s);
    return s == "true" || s == "1";
}

class DisqusRun {
  public:
    DisqusRun(XmlReader& reader, core::RecordSink& sink, core::Progress& progress,
              std::set<std::string> my_usernames, std::uint64_t total)
        : m_r(reader),
          m_sink(sink),
          m_progress(progress),
          m_me(std::move(my_usernames)),
          m_total(total) {}

    Result<void> run() {
        m_progress.update(0, m_total, "bytes");
        auto r = read_document();
        if (r) r = finish();
        report_xml_notes(m_r, m_sink);
        if (r) m_progress.update(m_r.bytes(), m_total, "bytes");
        return r;
    }

  private:
    Result<void> read_document() {
        bool root_seen = false;
        for (;;) {
            auto more = m_r.next();
            if (!more) return more.error();
            if (!*more) break;
            if (!m_r.is_start()) continue;
            if (m_r.depth() == 0) {
                if (m_r.name() != "disqus")
                    return make_error(ErrorCode::format,
                                      m_r.source_name() +
                                          " is not a Disqus export (its root "
                                          "element is <" +
                                          std::string(m_r.name()) + ">, not <disqus>)",
                                      "Export the comments from Disqus: Admin → Moderation → "
                                      "Export.");
                root_seen = true;
                continue;
            }
            if (m_r.depth() != 1) continue;
            if (m_r.name() == "thread") {
                if (auto t = read_thread(); !t) return t;
            } else if (m_r.name() == "post") {
                if (auto p = read_post(); !p) return p;
                if (m_progress.cancelled())
                    return make_error(ErrorCode::cancelled,
                                      "import of " + m_r.source_name() + " cancelled");
                if (++m_posts % 256 == 0) m_progress.update(m_r.bytes(), m_total, "bytes");
            }
        }
        if (!root_seen)
            return make_error(ErrorCode::format, m_r.source_name() + " holds no XML elements",
                              "Export the comments from Disqus again.");
        return {};
    }

    Result<void> read_thread() {
        const auto id = m_r.attribute("id").value_or("");
        Thread t;
        auto r = m_r.children([&](std::string_view n) -> Result<void> {
            std::string* into = n == "link" ? &t.link : n == "title" ? &t.title : nullptr;
            if (!into) return {};
            return m_r.text_into(*into);
        });
        if (!r) return r;
        t.post = canonical_or_raw(t.link);
        if (!id.empty() && m_threads.size() < kMaxThreads) m_threads[id] = std::move(t);
        return {};
    }

    Result<void> read_post() {
        Post& p = m_post;
        p.clear();
        p.id = std::string(trim(m_r.attribute("id").value_or("")));
        p.line = m_r.line();
        auto r = m_r.children([&](std::string_view n) -> Result<void> {
            if (n == "thread" || n == "parent") {
                (n == "thread" ? p.thread : p.parent) =
                    std::string(trim(m_r.attribute("id").value_or("")));
                return {};
            }
            if (n == "author") return read_author(p);
            std::string* into = n == "message"                      ? &p.message
                                : n == "createdAt"                  ? &p.created
                                : n == "isDeleted" || n == "isSpam" ? &m_flag
                                                                    : nullptr;
            if (!into) return {};
            into->clear();
            if (auto v = m_r.append_text(*into); !v) return v;
            if (n == "isDeleted") p.deleted = is_true(m_flag);
            if (n == "isSpam") p.spam = is_true(m_flag);
            return {};
        });
        if (!r) return r;
        return take(p);
    }

    Result<void> read_author(Post& p) {
        return m_r.children([&](std::string_view n) -> Result<void> {
            std::string* into = n == "name"       ? &p.author.name
                                : n == "email"    ? &p.author.email
                                : n == "username" ? &p.username
                                                  : nullptr;
            if (!into) return {};
            return m_r.text_into(*into);
        });
    }

    std::string where(const Post& p) const {
        return m_r.source_name() + ":" + std::to_string(p.line) + " (post " + p.id + ")";
    }

    Result<void> take(Post& p) {
        if (p.id.empty()) {
            m_sink.warning({where(p), "post without a dsq:id; skipped"});
            return {};
        }
        // A Disqus profile is the commenter's web identity when there is no email.
        if (!p.username.empty()) p.author.url = "https://disqus.com/by/" + p.username + "/";
        const bool mine =
            commenter_is_me(m_commenters.get(p.author).ids, m_sink) || m_me.count(p.username);
        if (!m_links.add(p.id, p.parent, p.author, mine) && !m_links_full) {
            m_links_full = true;
            m_sink.warning({where(p), "more than " + std::to_string(kMaxLinks) +
                                          " posts; replies to later ones start threads"});
        }
        if (p.deleted) {
            m_sink.skipped(1, "deleted post");
            return {};
        }
        if (p.spam) {
            m_sink.skipped(1, "spam");
            return {};
        }
        const auto at = core::parse_iso(trim(p.created));
        if (!at) {
            m_sink.warning({where(p), "createdAt \"" + p.created + "\" is not a date; skipped"});
            return {};
        }
        p.message = comment_html_to_text(p.message);
        if (!m_links.root_of(p.id).complete && m_deferred.size() < DisqusImporter::kMaxDeferred) {
            m_deferred.push_back({p, *at});
            return {};
        }
        return send(p, *at);
    }

    Result<void> send(const Post& p, core::TimePoint at) {
        const auto thread = m_threads.find(p.thread);
        std::string link, title, post;
        if (thread == m_threads.end()) {
            m_sink.warning(
                {where(p),
                 "thread " + p.thread + " is not in the export; imported in a thread of its own"});
            link = "disqus-thread:" + p.thread;
            post = canonical_or_raw(link);
        } else {
            link = thread->second.link;
            title = thread->second.title;
            post = thread->second.post;
        }
        const auto* self = m_links.find(p.id);
        CommentFields f;
        f.ext_ns = "disqus";
        f.ext_id = p.id;
        f.thread_key = post + "#comment-" + m_links.root_of(p.id).id;
        f.post_title = title;
        f.text = p.message;
        if (thread != m_threads.end()) f.url = link + "#comment-" + p.id;
        f.at = at;
        if (self && self->mine) {
            make_outbound(f, m_links.find(p.parent));
        } else {
            auto& entry = m_commenters.get(p.author);
            if (auto l = CommenterBook::link(p.author.name, entry, m_sink); !l) return l;
            f.other = p.author;
            f.other_ids = entry.ids;
        }
        return m_sink.interaction(comment_record(std::move(f)));
    }

    /// Posts whose parent came later in the file, now that every parent is known.
    Result<void> finish() {
        for (const auto& [p, at] : m_deferred) {
            if (m_progress.cancelled())
                return make_error(ErrorCode::cancelled,
                                  "import of " + m_r.source_name() + " cancelled");
            if (auto s = send(p, at); !s) return s;
        }
        m_deferred.clear();
        return {};
    }

    XmlReader& m_r;
    core::RecordSink& m_sink;
    core::Progress& m_progress;
    std::set<std::string> m_me;
    std::uint64_t m_total, m_posts = 0;
    std::unordered_map<std::string, Thread> m_threads;
    CommentLinks m_links{kMaxLinks};
    bool m_links_full = false;
    std::vector<std::pair<Post, core::TimePoint>> m_deferred;
    CommenterBook m_commenters;
    Post m_post;         ///< the post being read (reused)
    std::string m_flag;  ///< an isDeleted or isSpam value
};

}  // namespace

Result<void> DisqusImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                 core::Progress& progress) {
    std::set<std::string> me;
    if (const auto it = req.options.find("me"); it != req.options.end()) {
        std::stringstream list(it->second);
        for (std::string name; std::getline(list, name, ',');)
            if (!trim(name).empty()) me.insert(std::string(trim(name)));
    }
    auto reader = XmlReader::open_file(req.location);
    if (!reader) return reader.error();
    std::error_code ec;
    const auto size = std::filesystem::file_size(req.location, ec);
    return DisqusRun(**reader, sink, progress, std::move(me), ec ? 0 : size).run();
}

}  // namespace kith::import
