#include "core/name_similarity.h"

#include "core/utf8_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace kith::core {

namespace {

// Base letters of U+00C0..U+017F; '*' marks letters that fold to two ('æ' → "ae"), ' ' the
// signs that separate words (×, ÷).
constexpr std::string_view kLatin1 =
    "aaaaaa*ceeeeiiiidnooooo ouuuuy**"
    "aaaaaa*ceeeeiiiidnooooo ouuuuy*y";
constexpr std::string_view kLatinExtA =
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "iijjjjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oo**rrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";

std::string_view two_letter_fold(char32_t c) {
    switch (c) {
        case 0xC6:
        case 0xE6:
            return "ae";
        case 0xDE:
        case 0xFE:
            return "th";
        case 0xDF:
            return "ss";
        case 0x152:
        case 0x153:
            return "oe";
        default:
            return "";
    }
}

/// Decodes one UTF-8 sequence at `i` (advancing it); invalid bytes decode as themselves.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i++]);
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    char32_t c = extra == 3 ? (b & 0x07u) : extra == 2 ? (b & 0x0Fu) : extra == 1 ? (b & 0x1Fu) : b;
    for (; extra > 0 && i < s.size(); --extra) {
        const auto n = static_cast<unsigned char>(s[i]);
        if ((n & 0xC0u) != 0x80u) break;
        c = (c << 6) | (n & 0x3Fu);
        ++i;
    }
    return c;
}

// Symbols, dingbats, emoji and joiners: decoration in display names, never part of a name.
bool is_decoration(char32_t c) {
    return (c >= 0x2000 && c <= 0x2BFF) || (c >= 0xFE00 && c <= 0xFE0F) || c >= 0x1F000 ||
           (c >= 0x3000 && c <= 0x303F);
}

constexpr std::array<std::string_view, 12> kTitles = {"dr",  "mr", "mrs", "ms",  "miss", "prof",
                                                      "sir", "jr", "sr",  "phd", "md",   "mx"};

// Common English and European nicknames → formal name. Both sides of a comparison go through
// it, so "Bob" meets "Robert" and "Bobby" meets "Rob".
constexpr std::pair<std::string_view, std::string_view> kNicknames[] = {
    {"abby", "abigail"},      {"al", "albert"},       {"alex", "alexander"},
    {"andy", "andrew"},       {"drew", "andrew"},     {"ben", "benjamin"},
    {"benny", "benjamin"},    {"bill", "william"},    {"billy", "william"},
    {"will", "william"},      {"willy", "william"},   {"liam", "william"},
    {"bob", "robert"},        {"bobby", "robert"},    {"rob", "robert"},
    {"robbie", "robert"},     {"bert", "robert"},     {"cathy", "catherine"},
    {"kate", "catherine"},    {"katie", "catherine"}, {"kathy", "catherine"},
    {"chris", "christopher"}, {"dan", "daniel"},      {"danny", "daniel"},
    {"dave", "david"},        {"ed", "edward"},       {"eddie", "edward"},
    {"ted", "edward"},        {"liz", "elizabeth"},   {"beth", "elizabeth"},
    {"betty", "elizabeth"},   {"lisa", "elizabeth"},  {"eliza", "elizabeth"},
    {"jim", "james"},         {"jimmy", "james"},     {"jamie", "james"},
    {"jen", "jennifer"},      {"jenny", "jennifer"},  {"joe", "joseph"},
    {"joey", "joseph"},       {"jon", "jonathan"},    {"johnny", "john"},
    {"jack", "john"},         {"kathi", "katharina"}, {"ken", "kenneth"},
    {"larry", "lawrence"},    {"maggie", "margaret"}, {"meg", "margaret"},
    {"peggy", "margaret"},    {"matt", "matthew"},    {"mike", "michael"},
    {"mikey", "michael"},     {"nick", "nicholas"},   {"pat", "patrick"},
    {"pete", "peter"},        {"rick", "richard"},    {"dick", "richard"},
    {"rich", "richard"},      {"sam", "samuel"},      {"steve", "stephen"},
    {"sue", "susan"},         {"tom", "thomas"},      {"tommy", "thomas"},
    {"tony", "anthony"},
};

bool is_initial_of(std::string_view initial, std::string_view name) {
    return initial.size() == 1 && !name.empty() && name.front() == initial.front();
}

NameMatch make(NameMatch::Kind k, double score, std::string why) {
    return NameMatch{k, score, std::move(why)};
}

/// Compares first names of two people who share a last name.
NameMatch compare_first(const std::string& a, const std::string& b) {
    if (a == b) return make(NameMatch::Kind::same, 1.0, "same name");
    if (is_initial_of(a, b) || is_initial_of(b, a))
        return make(NameMatch::Kind::initial, 0.8, "initial " + a + " / " + b);
    if (canonical_first_name(a) == canonical_first_name(b))
        return make(NameMatch::Kind::nickname, 0.85, "nickname " + a + " / " + b);
    const auto& shorter = a.size() < b.size() ? a : b;
    const auto& longer = a.size() < b.size() ? b : a;
    if (shorter.size() >= 3 && longer.compare(0, shorter.size(), shorter) == 0)
        return make(NameMatch::Kind::prefix, 0.75, "short form " + shorter + " / " + longer);
    return {};
}

std::string joined(const std::vector<std::string>& t) {
    std::string out;
    for (const auto& w : t) out += w;
    return out;
}

}  // namespace

std::string fold_name_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = next_code_point(text, i);
        if (c < 0x80) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if (c >= 0xC0 && c <= 0x17F) {
            const char base = c <= 0xFF ? kLatin1[c - 0xC0] : kLatinExtA[c - 0x100];
            if (base == '*')
                out += two_letter_fold(c);
            else
                out += base;
        } else {
            append_utf8(out, c);
        }
    }
    return out;
}

std::vector<std::string> name_tokens(std::string_view display_name) {
    const std::string folded = fold_name_text(display_name);
    std::vector<std::string> out;
    std::string word;
    int depth = 0;  // inside (…) or […]
    bool handle = false;
    auto end_word = [&] {
        const bool title = std::find(kTitles.begin(), kTitles.end(), word) != kTitles.end();
        if (!word.empty() && !handle && depth == 0 && !title) out.push_back(word);
        word.clear();
    };
    for (std::size_t i = 0; i < folded.size();) {
        const std::size_t at = i;
        const char32_t c = next_code_point(folded, i);
        const bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                            (c >= 0x80 && !is_decoration(c) && c != 0xA0);
        if (letter) {
            word.append(folded, at, i - at);
            continue;
        }
        if ((c == '\'' || c == 0x2019) && !word.empty()) continue;  // O'Brien = OBrien
        end_word();
        if (c == '(' || c == '[') ++depth;
        if ((c == ')' || c == ']') && depth > 0) --depth;
        // A handle ("@ana@mastodon.social") runs to the next space.
        if (c == '@') handle = true;
        if (c == ' ' || c == '\t' || c == 0xA0) handle = false;
    }
    end_word();
    return out;
}

std::string_view canonical_first_name(std::string_view folded_token) {
    for (const auto& [nick, formal] : kNicknames)
        if (nick == folded_token) return formal;
    return folded_token;
}

NameMatch compare_names(std::string_view a, std::string_view b) {
    const auto ta = name_tokens(a);
    const auto tb = name_tokens(b);
    if (ta.empty() || tb.empty()) return {};
    if (ta.size() == 1 && tb.size() == 1) {
        if (ta[0] == tb[0] && ta[0].size() >= 5)
            return make(NameMatch::Kind::single, 0.6, "same one-word name " + ta[0]);
        return {};
    }
    if (ta.size() == 1 || tb.size() == 1) {
        const auto& one = ta.size() == 1 ? ta : tb;
        const auto& many = ta.size() == 1 ? tb : ta;
        if (one[0].size() >= 6 && one[0] == joined(many))
            return make(NameMatch::Kind::joined, 0.7, one[0] + " is the name run together");
        return {};
    }
    if (ta == tb) return make(NameMatch::Kind::same, 1.0, "same name");
    auto sa = ta, sb = tb;
    std::sort(sa.begin(), sa.end());
    std::sort(sb.begin(), sb.end());
    if (sa == sb) return make(NameMatch::Kind::reordered, 0.95, "same name, other word order");
    NameMatch best;
    // Western order on both sides, then one side written last-name first ("Smith John").
    const std::array<std::pair<std::size_t, std::size_t>, 2> orders = {
        {{0, tb.size() - 1}, {tb.size() - 1, 0}}};
    for (const auto& [first_b, last_b] : orders) {
        if (ta.back() != tb[last_b]) continue;
        auto m = compare_first(ta.front(), tb[first_b]);
        if (m.score > best.score) best = std::move(m);
    }
    if (best.kind == NameMatch::Kind::same) best = make(NameMatch::Kind::same, 1.0, "same name");
    return best;
}

std::vector<std::string> name_block_keys(std::string_view display_name) {
    const auto t = name_tokens(display_name);
    std::vector<std::string> keys;
    if (t.size() == 1) {
        if (t[0].size() >= 3) keys.push_back("u:" + t[0]);
        return keys;
    }
    if (t.size() < 2) return keys;
    const auto key = [](const std::string& last, const std::string& first) {
        return "n:" + last + "|" + std::string(1, canonical_first_name(first).front());
    };
    keys.push_back(key(t.back(), t.front()));
    keys.push_back(key(t.front(), t.back()));
    if (const auto j = joined(t); j.size() >= 6) keys.push_back("u:" + j);
    return keys;
}

}  // namespace kith::core
