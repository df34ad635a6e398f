#include "import/wxr_importer.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
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

constexpr std::size_t kMaxLinksPerPost = 500000;

std::string lower(std::string_view s) {
    std::string out(trim(s));
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

/// What the export says about one comment.
struct RawComment {
    std::string id, parent, user_id, approved, type, date, date_gmt, content;
    Commenter author;
    int line = 0;

    /// Empties every field but keeps the strings' memory: one RawComment reads them all.
    void clear() {
        for (auto* s : {&id, &parent, &user_id, &approved, &type, &date, &date_gmt, &content,
                        &author.name, &author.email, &author.url})
            s->clear();
        line = 0;
    }
};

/// A comment kept until its post ends, with what threading needs.
struct Pending {
    std::string id, parent, text;
    Commenter author;
    std::vector<core::Identity> ids;  ///< the author's
    bool link = false;                ///< the first inbound comment of its author: link ids
    core::TimePoint at{};
    bool mine = false, mention = false;
};

/// The blog's authors: who "me" is inside this export.
struct Authors {
    std::unordered_set<std::string> emails, names, user_ids;
};

class WxrRun {
  public:
    WxrRun(XmlReader& reader, core::RecordSink& sink, core::Progress& progress, bool mentions)
        : m_r(reader), m_sink(sink), m_progress(progress), m_mentions(mentions) {}

    Result<void> run() {
        m_progress.update(0, m_total, "bytes");
        auto r = read_document();
        report_xml_notes(m_r, m_sink);
        if (r) m_progress.update(m_r.bytes(), m_total, "bytes");
        return r;
    }

    void set_total(std::uint64_t t) { m_total = t; }

  private:
    Result<void> read_document() {
        bool any_wxr = false;
        int channel_depth = -1;
        for (;;) {
            auto more = m_r.next();
            if (!more) return more.error();
            if (!*more) break;
            if (!m_r.is_start()) continue;
            const auto name = m_r.name();
            const int d = m_r.depth();
            if (name == "channel" && channel_depth < 0) {
                channel_depth = d;
            } else if (d == channel_depth + 1 && name == "author") {
                any_wxr = true;
                if (auto a = read_author(); !a) return a;
            } else if (d == channel_depth + 1 && (name == "base_blog_url" || name == "link")) {
                auto t = m_r.text();
                if (!t) return t.error();
                if (name == "base_blog_url" || m_blog.empty()) m_blog = std::string(trim(*t));
            } else if (d == channel_depth + 1 && name == "wxr_version") {
                any_wxr = true;
            } else if (d == channel_depth + 1 && name == "item") {
                if (auto i = read_item(); !i) return i;
                if (m_progress.cancelled())
                    return make_error(ErrorCode::cancelled,
                                      "import of " + m_r.source_name() + " cancelled");
            }
        }
        if (!any_wxr && m_comments == 0)
            return make_error(ErrorCode::format,
                              m_r.source_name() +
                                  " is not a WordPress export (no wp:author, "
                                  "wp:wxr_version or wp:comment elements)",
                              "Export the blog from WordPress: Tools → Export → All content.");
        return {};
    }

    Result<void> read_author() {
        return m_r.children([&](std::string_view n) -> Result<void> {
            auto t = m_r.text();
            if (!t) return t.error();
            if (n == "author_email") {
                if (!trim(*t).empty()) m_authors.emails.insert(lower(*t));
            } else if (n == "author_login" || n == "author_display_name") {
                if (!trim(*t).empty()) m_authors.names.insert(lower(*t));
            } else if (n == "author_id") {
                if (!trim(*t).empty()) m_authors.user_ids.insert(std::string(trim(*t)));
            }
            return {};
        });
    }

    Result<void> read_item() {
        m_post_link.clear();
        m_post_guid.clear();
        m_post_id.clear();
        m_title.clear();
        m_pending.clear();
        m_links.clear();
        m_links_full = false;
        auto r = m_r.children([&](std::string_view n) -> Result<void> {
            if (n == "comment") return read_comment();
            std::string* into = n == "link"      ? &m_post_link
                                : n == "guid"    ? &m_post_guid
                                : n == "post_id" ? &m_post_id
                                : n == "title"   ? &m_title
                                                 : nullptr;
            if (!into) return {};
            return m_r.text_into(*into);
        });
        if (!r) return r;
        return flush();
    }

    Result<void> read_comment() {
        RawComment& c = m_raw;
        c.clear();
        c.line = m_r.line();
        auto r = m_r.children([&](std::string_view n) -> Result<void> {
            std::string* into = n == "comment_id"             ? &c.id
                                : n == "comment_parent"       ? &c.parent
                                : n == "comment_user_id"      ? &c.user_id
                                : n == "comment_approved"     ? &c.approved
                                : n == "comment_type"         ? &c.type
                                : n == "comment_date"         ? &c.date
                                : n == "comment_date_gmt"     ? &c.date_gmt
                                : n == "comment_content"      ? &c.content
                                : n == "comment_author"       ? &c.author.name
                                : n == "comment_author_email" ? &c.author.email
                                : n == "comment_author_url"   ? &c.author.url
                                                              : nullptr;
            if (!into) return {};
            return m_r.text_into(*into);
        });
        if (!r) return r;
        ++m_comments;
        return take(c);
    }

    std::string where(const RawComment& c) const {
        return m_r.source_name() + ":" + std::to_string(c.line);
    }

    bool is_mine(const Commenter& a, const std::vector<core::Identity>& ids,
                 std::string_view user_id) const {
        if (commenter_is_me(ids, m_sink)) return true;
        if (!a.email.empty() && m_authors.emails.count(lower(a.email))) return true;
        const auto uid = trim(user_id);
        if (!uid.empty() && uid != "0" && m_authors.user_ids.count(std::string(uid))) return true;
        return !trim(a.name).empty() && m_authors.names.count(lower(a.name));
    }

    std::optional<core::TimePoint> date_of(const RawComment& c) {
        const auto gmt = core::parse_iso(trim(c.date_gmt));
        const auto local = core::parse_iso(trim(c.date));
        if (gmt) {
            // Learn the site's offset for comments that lack the GMT date (imported ones).
            if (local) {
                const auto off = *local - *gmt;
                if (std::chrono::abs(off) <= std::chrono::hours{14} &&
                    off % std::chrono::minutes{15} == std::chrono::seconds{0})
                    m_offset = off;
            }
            return gmt;
        }
        if (!local) {
            m_sink.warning({where(c), "comment " + c.id + " has no readable date (\"" + c.date_gmt +
                                          "\", \"" + c.date + "\"); skipped"});
            return std::nullopt;
        }
        const auto off = m_offset.value_or(std::chrono::seconds{0});
        const auto at = core::parse_iso(trim(c.date), off);
        const auto mins = std::chrono::abs(off).count() / 60;
        char zone[16];
        std::snprintf(zone, sizeof zone, "UTC%c%02d:%02d", off.count() < 0 ? '-' : '+',
                      static_cast<int>(mins / 60), static_cast<int>(mins % 60));
        m_sink.warning({where(c), "comment " + c.id +
                                      " has no comment_date_gmt; used the site-local "
                                      "comment_date " +
                                      (m_offset ? "with the offset of other comments (" +
                                                      std::string(zone) + ")"
                                                : std::string("as UTC"))});
        return at;
    }

    Result<void> take(const RawComment& c) {
        const auto id = std::string(trim(c.id));
        if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos) {
            m_sink.warning(
                {where(c), "comment without a numeric comment_id (\"" + c.id + "\"); skipped"});
            return {};
        }
        auto parent = std::string(trim(c.parent));
        auto& entry = m_commenters.get(c.author);
        const bool mine = is_mine(c.author, entry.ids, c.user_id);
        if (!m_links.add(id, parent, c.author, mine) && !m_links_full) {
            m_links_full = true;
            m_sink.warning({where(c), "post has more than " + std::to_string(kMaxLinksPerPost) +
                                          " comments; replies to later ones start threads"});
        }
        const auto type = lower(c.type);
        const auto approved = lower(c.approved);
        if (approved != "1" && approved != "approve") {
            m_sink.skipped(1, "unapproved, spam or trashed comment");
            return {};
        }
        const bool ping = type == "pingback" || type == "trackback" || type == "webmention";
        if (ping && !m_mentions) {
            m_sink.skipped(1, "pingback or trackback");
            return {};
        }
        if (!ping && !type.empty() && type != "comment") {
            m_sink.skipped(1, "comment type " + type);
            return {};
        }
        const auto at = date_of(c);
        if (!at) return {};
        // The author's email and URL are linked with their first inbound comment of the run.
        const bool link = !mine && !ping && !entry.linked;
        entry.linked = entry.linked || link;
        m_pending.push_back(Pending{id, parent, comment_html_to_text(c.content), c.author,
                                    entry.ids, link, *at, mine, ping});
        if (m_pending.size() >= WxrImporter::kMaxPending) return flush();
        return {};
    }

    std::string post_link() const {
        if (!m_post_link.empty()) return m_post_link;
        if (!m_post_guid.empty()) return m_post_guid;
        return m_blog + "/?p=" + m_post_id;
    }

    Result<void> flush() {
        const auto link = post_link();
        const auto post = canonical_or_raw(link);
        for (auto& p : m_pending) {
            if (m_progress.cancelled())
                return make_error(ErrorCode::cancelled,
                                  "import of " + m_r.source_name() + " cancelled");
            CommentFields f;
            f.ext_ns = std::string(kWordPressNs);
            f.ext_id = post + "#comment-" + p.id;
            f.thread_key = post + "#comment-" + (p.mention ? p.id : m_links.root_of(p.id).id);
            f.post_title = m_title;
            f.text = std::move(p.text);
            f.url = link + "#comment-" + p.id;
            f.at = p.at;
            if (p.mention) {
                f.kind = core::InteractionKind::mention;
                f.personal = false;  // an automated link notice, not a message to me
                f.other = std::move(p.author);
                f.other_ids = std::move(p.ids);
            } else if (p.mine) {
                make_outbound(f, m_links.find(p.parent));
            } else {
                if (p.link) {
                    CommenterBook::Entry e{p.ids, false};
                    if (auto l = CommenterBook::link(p.author.name, e, m_sink); !l) return l;
                }
                f.other = std::move(p.author);
                f.other_ids = std::move(p.ids);
            }
            if (auto w = m_sink.interaction(comment_record(std::move(f))); !w) return w;
        }
        m_pending.clear();
        m_progress.update(m_r.bytes(), m_total, "bytes");
        return {};
    }

    XmlReader& m_r;
    core::RecordSink& m_sink;
    core::Progress& m_progress;
    bool m_mentions;
    std::uint64_t m_total = 0, m_comments = 0;
    Authors m_authors;
    std::string m_blog, m_post_link, m_post_guid, m_post_id, m_title;
    std::vector<Pending> m_pending;
    CommentLinks m_links{kMaxLinksPerPost};
    bool m_links_full = false;
    std::optional<std::chrono::seconds> m_offset;
    CommenterBook m_commenters;
    RawComment m_raw;  ///< the comment being read (reused)
};

}  // namespace

Result<void> WxrImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                              core::Progress& progress) {
    bool mentions = false;
    if (const auto it = req.options.find("pingbacks"); it != req.options.end()) {
        if (it->second != "mentions" && it->second != "skip")
            return make_error(ErrorCode::invalid_input,
                              "option pingbacks=" + it->second + " is not known",
                              "Use --option pingbacks=mentions to import pingbacks and "
                              "trackbacks as mentions, or pingbacks=skip (the default).");
        mentions = it->second == "mentions";
    }
    auto reader = XmlReader::open_file(req.location);
    if (!reader) return reader.error();
    WxrRun run(**reader, sink, progress, mentions);
    std::error_code ec;
    const auto size = std::filesystem::file_size(req.location, ec);
    run.set_total(ec ? 0 : size);
    return run.run();
}

}  // namespace kith::import
