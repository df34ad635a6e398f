#pragma once
// Generated import inputs for the crash-safety and concurrency tests: an mbox, an X archive and a
// WordPress export with `n` personal messages each (every record an interaction), and a digest
// of what a database holds that does not depend on row ids.

#include <SQLiteCpp/Database.h>

#include <string>

#include "tests/db/temp_dir.h"
#include "tests/import/archive_writer.h"

namespace kith::test {

/// The sender of message `i`: 1 of 37 people, so people recur across batches.
inline std::string sender(int i) {
    return "p" + std::to_string(i % 37);
}

/// An mbox of `n` messages, as mail clients write them (From_ envelope, RFC 5322 headers).
inline void write_mbox(const fs::path& path, int n, const std::string& tag = "m") {
    std::string s;
    for (int i = 0; i < n; ++i) {
        const int day = 1 + i % 28;
        const std::string dd = (day < 10 ? "0" : "") + std::to_string(day);
        s += "From " + sender(i) + "@example.org Tue Mar  3 10:00:00 2026\n";
        s += "From: Person " + sender(i) + " <" + sender(i) + "@example.org>\n";
        s += "To: Me <me@example.org>\nSubject: Note " + std::to_string(i) + "\n";
        s += "Date: Tue, " + dd + " Mar 2026 10:" + std::to_string(10 + i % 50) + ":00 +0000\n";
        s += "Message-ID: <" + tag + std::to_string(i) + "@example.org>\n\n";
        s += "Hello, this is message " + std::to_string(i) + ".\n\n";
    }
    write_file(path, s);
}

/// An X "download your data" archive whose direct messages hold `n` messages.
inline void write_x_archive(const fs::path& path, int n) {
    std::string messages;
    for (int i = 0; i < n; ++i) {
        const int day = 1 + i % 28;
        const std::string dd = (day < 10 ? "0" : "") + std::to_string(day);
        messages +=
            std::string(i ? "," : "") + R"({ "dmConversation" : { "conversationId" : "12-)" +
            std::to_string(100 + i % 37) + R"(", "messages" : [ { "messageCreate" : { "id" : ")" +
            std::to_string(5000 + i) + R"(", "senderId" : ")" + std::to_string(100 + i % 37) +
            R"(", "recipientId" : "12", "text" : "hi )" + std::to_string(i) +
            R"(", "createdAt" : "2026-01-)" + dd + R"(T10:00:00.000Z" } } ] } })";
    }
    import::test::write_archive(
        path,
        {{"data/manifest.js",
          R"(window.__THAR_CONFIG = { "archiveInfo" : { "generationDate" : "2026-02-01T00:00:00.000Z" },)"
          R"( "dataTypes" : { "directMessages" : { "files" : [ { "fileName" : "data/direct-messages.js" } ] } } })"},
         {"data/account.js",
          R"(window.YTD.account.part0 = [ { "account" : { "username" : "me", "accountId" : "12" } } ])"},
         { "data/direct-messages.js",
           "window.YTD.direct_messages.part0 = [ " + messages + " ]" }});
}

/// A WordPress export (WXR 1.2) with one post and `n` approved comments.
inline void write_wxr(const fs::path& path, int n) {
    std::string comments;
    for (int i = 0; i < n; ++i) {
        const int day = 1 + i % 28;
        const std::string dd = (day < 10 ? "0" : "") + std::to_string(day);
        comments += "<wp:comment><wp:comment_id>" + std::to_string(i + 1) +
                    "</wp:comment_id><wp:comment_author><![CDATA[Person " + sender(i) +
                    "]]></wp:comment_author><wp:comment_author_email>" + sender(i) +
                    "@example.org</wp:comment_author_email><wp:comment_date_gmt>2024-03-" + dd +
                    " 09:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[Comment " +
                    std::to_string(i) +
                    "]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
                    "<wp:comment_type></wp:comment_type><wp:comment_parent>0</"
                    "wp:comment_parent></wp:comment>\n";
    }
    write_file(path,
               "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\" "
               "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
               "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
               "xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel><title>Blog</title>"
               "<link>https://blog.example</link><wp:wxr_version>1.2</wp:wxr_version>"
               "<wp:base_site_url>https://blog.example</wp:base_site_url>\n"
               "<item><title>Hello</title><link>https://blog.example/hello/</link>"
               "<wp:post_id>1</wp:post_id><wp:status>publish</wp:status>"
               "<wp:post_type>post</wp:post_type>\n" +
                   comments + "</item>\n</channel></rss>\n");
}

/// Everything an import leaves that a user could see, without row ids: each table's rows as
/// text, sorted. Equal digests mean equal contents.
inline std::string content_digest(const fs::path& db) {
    SQLite::Database sql(db, SQLite::OPEN_READONLY);
    const char* queries[] = {
        "SELECT ext_ns || ' ' || ext_id || ' ' || channel || ' ' || direction || ' ' || at || ' ' "
        "|| subject || ' ' || text || ' ' || personal AS r FROM interactions",
        "SELECT name || ' ' || interaction_count || ' ' || coalesce(last_contact_at, '-') || ' ' "
        "|| strength_ref AS r FROM people",
        "SELECT kind || ' ' || value AS r FROM identities",
        "SELECT i.ext_id || ' ' || p.name || ' ' || pa.role AS r FROM participants pa JOIN "
        "interactions i ON i.id = pa.interaction_id JOIN people p ON p.id = pa.person_id",
        "SELECT channel || ' ' || key || ' ' || coalesce(tail_at, '-') || ' ' || tail_state AS r "
        "FROM threads",
        "SELECT kind || ' ' || location || ' ' || coalesce(cursor, '-') AS r FROM sources",
    };
    std::string digest;
    for (const char* q : queries)
        digest += sql.execAndGet(std::string("SELECT count(*) || ':' || coalesce(group_concat(r, "
                                             "'|'), '') FROM (") +
                                 q + " ORDER BY r)")
                      .getString() +
                  "\n";
    return digest;
}

}  // namespace kith::test
