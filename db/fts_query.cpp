#include "db/fts_query.h"

namespace kith::db {

std::string fts_prefix_query(std::string_view text) {
    std::string out, word;
    auto flush = [&] {
        if (word.empty()) return;
        if (!out.empty()) out += ' ';
        // A single letter as a prefix would match most of the index; it must be a whole word.
        out += '"' + word + (word.size() > 1 ? "\"*" : "\"");
        word.clear();
    };
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        // Bytes of multi-byte UTF-8 sequences are word characters, like unicode61 treats letters.
        if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            word += ch;
        else
            flush();
    }
    flush();
    return out;
}

}  // namespace kith::db
