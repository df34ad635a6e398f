#include "core/search_fold.h"

#include <array>
#include <utility>

namespace kith::core {

namespace {

// Two-byte UTF-8 sequences of Latin letters without a canonical decomposition, and their plain
// spelling. (Accented letters that do decompose are folded by the full-text tokenizer itself.)
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kFolds = {{
    {"Ł", "L"},  {"ł", "l"},  {"Ø", "O"},  {"ø", "o"},  {"Đ", "D"},  {"đ", "d"},
    {"ß", "ss"}, {"Æ", "AE"}, {"æ", "ae"}, {"Œ", "OE"}, {"œ", "oe"}, {"Þ", "TH"},
    {"þ", "th"}, {"ı", "i"},  {"Ħ", "H"},  {"ħ", "h"},  {"Ŧ", "T"},  {"ŧ", "t"},
    {"Ð", "D"},  {"ð", "d"},  {"ĸ", "k"},  {"Ŀ", "L"},
}};

}  // namespace

std::string search_alias(std::string_view text) {
    std::string out;
    bool changed = false;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool folded = false;
        if (static_cast<unsigned char>(text[i]) >= 0xC0 && i + 1 < text.size()) {
            const auto two = text.substr(i, 2);
            for (const auto& [from, to] : kFolds) {
                if (two == from) {
                    out += to;
                    i += 2;
                    folded = changed = true;
                    break;
                }
            }
        }
        if (!folded) out += text[i++];
    }
    return changed ? out : std::string();
}

}  // namespace kith::core
