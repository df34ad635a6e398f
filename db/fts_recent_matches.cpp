#include "db/fts_recent_matches.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "db/database.h"
#include "db/fts_query.h"
#include "db/fts_tokens.h"
#include "db/rollback_savepoint.h"

namespace kith::db {

namespace {

// Candidates read before giving up to the plain query (~1.5 ms of reading). Giving up means
// fewer than one candidate in 25 matched, so the word is rare beside its two-letter start
// ("wojciech" among "workshop"s), and the plain query, whose cost grows with the matches, is
// cheap for it.
constexpr std::size_t kCandidateBudget = 500;

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool contains_folded(std::string_view hay, std::string_view lower) {
    return std::search(hay.begin(), hay.end(), lower.begin(), lower.end(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == b;
           }) != hay.end();
}

/// False only when the row certainly cannot match: all its text is plain ASCII (so unicode61
/// only lower-cases it) and a word occurs nowhere in it. Anything else goes to FTS5 to decide.
bool may_match(const std::vector<std::string>& words, std::string_view subject,
               std::string_view text, std::string_view place) {
    if (!is_ascii(subject) || !is_ascii(text) || !is_ascii(place)) return true;
    return std::all_of(words.begin(), words.end(), [&](const std::string& w) {
        return contains_folded(subject, w) || contains_folded(text, w) || contains_folded(place, w);
    });
}

std::string_view text_of(SQLite::Statement& q, int column) {
    const auto c = q.getColumn(column);
    return {c.getText(), static_cast<std::size_t>(c.getBytes())};
}

/// The probe table lives in this connection's temp schema; the savepoint keeps its rows out of
/// any transaction of the caller's and empties it again whatever happens.
void create_probe(SQLite::Database& s) {
    s.exec(std::string("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_probe USING fts5("
                       "subject, text, place, tokenize = '") +
           kSearchTokenizer + "')");
}

}  // namespace

std::optional<std::vector<RecentMatch>> recent_fts_matches(Database& db, std::string_view text,
                                                           int limit) {
    auto& s = db.sql();
    // A word the tokenizer splits is a phrase, which the index (no positions) rejects: its
    // tokens find the candidates, and the probe, which has positions, decides each of them.
    const auto split =
        fts_split_words(text, [&](const std::string& word) { return fts_tokens(s, word); });
    if (limit <= 0) return split ? std::optional(std::vector<RecentMatch>{}) : std::nullopt;
    const std::string index_text = split ? *split : std::string(text);
    const auto shortcut = fts_shortcut(index_text);
    const std::string query =
        shortcut.candidates.empty() && split ? fts_prefix_query(index_text) : shortcut.candidates;
    if (query.empty()) return std::nullopt;
    // The plain query is no alternative for a split word, so its candidates are read to the end.
    const std::size_t budget = split ? SIZE_MAX : kCandidateBudget;
    create_probe(s);
    const RollbackSavepoint scope(s, "search_probe");
    SQLite::Statement candidates(
        s,
        "SELECT i.id, i.subject, i.text, i.place FROM interactions_fts "
        "JOIN interactions i ON i.id = interactions_fts.rowid "
        "WHERE interactions_fts MATCH ? ORDER BY interactions_fts.rowid DESC");
    candidates.bind(1, query);
    SQLite::Statement insert(
        s, "INSERT INTO temp.search_probe(rowid, subject, text, place) VALUES (?, ?, ?, ?)");
    SQLite::Statement verify(s, std::string("SELECT rowid, snippet(search_probe, ") +
                                    kSearchSnippetArgs +
                                    ") FROM temp.search_probe WHERE search_probe MATCH ? "
                                    "ORDER BY rowid DESC");
    SQLite::Statement clear(s, "DELETE FROM temp.search_probe");
    const auto match = fts_prefix_query(text);
    const auto wanted = static_cast<std::size_t>(limit);

    std::vector<RecentMatch> out;
    std::size_t scanned = 0, pending = 0, batch = wanted * 2;
    // Candidates arrive newest first and batches are decided in order, so the matches are too.
    const auto decide = [&] {
        verify.reset();
        verify.bind(1, match);
        while (out.size() < wanted && verify.executeStep())
            out.push_back({verify.getColumn(0).getInt64(), verify.getColumn(1).getString()});
        clear.reset();
        clear.exec();
        pending = 0;
        batch *= 2;
    };
    bool exhausted = true;
    while (out.size() < wanted && candidates.executeStep()) {
        if (++scanned > budget) {
            exhausted = false;
            break;
        }
        const auto subject = text_of(candidates, 1), body = text_of(candidates, 2),
                   place = text_of(candidates, 3);
        if (!may_match(shortcut.words, subject, body, place)) continue;
        insert.reset();
        insert.bind(1, candidates.getColumn(0).getInt64());
        insert.bind(2, std::string(subject));
        insert.bind(3, std::string(body));
        insert.bind(4, std::string(place));
        insert.exec();
        if (++pending >= batch) decide();
    }
    if (pending > 0 && out.size() < wanted) decide();
    if (out.size() < wanted && !exhausted) return std::nullopt;
    return out;
}

}  // namespace kith::db
