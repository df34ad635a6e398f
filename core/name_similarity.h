#pragma once
// How alike two people's names are, for identity resolution: diacritics folded ("José" = "Jose"),
// initials ("J. Smith" ~ "John Smith"), nicknames ("Bob" ~ "Robert"), token order ("Smith John").

#include <string>
#include <string_view>
#include <vector>

namespace kith::core {

/// `text` lower-cased with Latin diacritics folded (é→e, ł→l, ß→ss, æ→ae), UTF-8 in and out.
/// Characters outside Latin-1 and Latin Extended-A are kept as they are. Pure.
std::string fold_name_text(std::string_view text);

/// The words of a display name, folded: punctuation, emoji, "@handles", bracketed asides
/// ("(she/her)") and titles/suffixes (Dr, Mr, Jr, PhD) dropped. "Dr. José  Ruiz-Díaz (he/him)" →
/// {"jose", "ruiz", "diaz"}. Pure.
std::vector<std::string> name_tokens(std::string_view display_name);

/// The formal first name a nickname stands for ("bob" → "robert", "liz" → "elizabeth"); the
/// token itself when it is not a known nickname. Expects a folded token. Pure.
std::string_view canonical_first_name(std::string_view folded_token);

/// How two names compare: `score` 0..1 and why ("same name", "initial J. = John").
struct NameMatch {
    enum class Kind { none, same, reordered, initial, nickname, prefix, joined, single };
    Kind kind = Kind::none;
    double score = 0;
    std::string why;
};

/// Compares two display names. Same full name (≥ 2 words) → same (1.0); same words in another
/// order → reordered; same last name and a first name that is an initial, a nickname or a prefix
/// of the other → initial/nickname/prefix; a one-word name equal to the other's words run
/// together ("anaruiz" ~ "Ana Ruiz") → joined; two equal one-word names → single. Only the first
/// and last words count, so middle names neither help nor hurt. Different first names with the
/// same last name (family members) are `none`. Pure.
NameMatch compare_names(std::string_view a, std::string_view b);

/// Keys under which likely matches of `display_name` are looked up (blocking): for two or more
/// words "n:<last>|<initial of the canonical first name>" and the same with the order swapped,
/// and "u:<words run together>"; for one word of 3+ letters "u:<word>". Pure.
std::vector<std::string> name_block_keys(std::string_view display_name);

}  // namespace kith::core
