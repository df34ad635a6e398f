#include "db/fts_query.h"

#include <algorithm>
#include <cctype>

namespace kith::db {

namespace {

/// Calls `each(word)` for every word of `text` as fts_prefix_query splits it.
template <class Each>
void for_each_word(std::string_view text, Each each) {
    std::string word;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        // Bytes of multi-byte UTF-8 sequences are word characters, like unicode61 treats letters.
        if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
            (c >= 'A' && c <= 'Z')) {
            word += ch;
        } else if (!word.empty()) {
            each(word);
            word.clear();
        }
    }
    if (!word.empty()) each(word);
}

bool is_ascii(const std::string& word) {
    return std::all_of(word.begin(), word.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

void append_term(std::string& out, const std::string& word) {
    if (!out.empty()) out += ' ';
    // A single letter as a prefix would match most of the index; it must be a whole word.
    out += '"' + word + (word.size() > 1 ? "\"*" : "\"");
}

}  // namespace

std::string fts_prefix_query(std::string_view text) {
    std::string out;
    for_each_word(text, [&](const std::string& word) { append_term(out, word); });
    return out;
}

FtsShortcut fts_shortcut(std::string_view text) {
    FtsShortcut s;
    std::string query;
    for_each_word(text, [&](const std::string& word) {
        const bool ascii = is_ascii(word);
        // Non-ASCII words stay whole: unicode61 may fold or split them in ways a byte prefix
        // does not follow. Two characters are already the prefix index's own length.
        if (!ascii || word.size() < 3) return append_term(query, word);
        append_term(query, word.substr(0, 2));
        std::string lower = word;
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        s.words.push_back(std::move(lower));
    });
    if (!s.words.empty()) s.candidates = std::move(query);
    return s;
}

std::optional<std::string> fts_split_words(std::string_view text, const FtsTokens& tokens) {
    std::string out;
    bool split = false;
    for_each_word(text, [&](const std::string& word) {
        if (!out.empty()) out += ' ';
        const bool ascii = is_ascii(word);
        auto parts = ascii ? std::vector<std::string>{} : tokens(word);
        if (parts.size() < 2) {  // one token, or none (an empty phrase, which FTS5 ignores)
            out += word;
            return;
        }
        split = true;
        if (parts.back().size() == 1) parts.pop_back();
        for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " " : "") + parts[i];
    });
    if (!split) return std::nullopt;
    return out;
}

}  // namespace kith::db
