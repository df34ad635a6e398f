#include "import/email_excerpt.h"

#include "import/html_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace kith::import {

namespace {

bool ieq_prefix(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

/// Where an attribution line of a quote ends the new text: "On …, Ana wrote:",
/// "Am … schrieb Ana Ruiz <ana@x>:", "Le … a écrit :", "El … escribió:".
bool is_attribution(std::string_view line) {
    const auto t = trim(line);
    if (t.empty() || t.back() != ':') return false;
    for (const std::string_view word : {"wrote", "schrieb",
                                        "a \xC3\xA9"
                                        "crit",
                                        "escribi\xC3\xB3"}) {
        if (t.find(word) != std::string_view::npos) return true;
    }
    return false;
}

/// Where everything after is an older message or a signature.
bool starts_tail(std::string_view line) {
    const auto t = trim(line);
    return line == "-- " || line == "--" || ieq_prefix(t, "-----original message-----") ||
           ieq_prefix(t, "----- original message -----") ||
           ieq_prefix(t, "---------- forwarded message") || t.substr(0, 16) == "________________";
}

}  // namespace

std::string plain_excerpt(std::string_view text, std::size_t max_bytes) {
    std::vector<std::string_view> kept;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(start, nl - start);
        start = nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (starts_tail(line)) break;
        const auto t = trim(line);
        if (!t.empty() && t.front() == '>') continue;
        if (is_attribution(line)) {
            // A long attribution wraps: "On Tue, 3 Mar 2026 at 10:00, Ana Ruiz <ana@…>" + "wrote:".
            // Skipped, not a stop: bottom-posters answer below the quote.
            if (trim(line) == "wrote:" && !kept.empty()) kept.pop_back();
            continue;
        }
        kept.push_back(line);
    }
    std::string out;
    for (const auto line : kept) {
        for (const char c : line) {
            const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
            if (space) {
                if (!out.empty() && out.back() != ' ') out.push_back(' ');
            } else {
                out.push_back(c);
            }
        }
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
        if (out.size() > max_bytes + 8) break;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out = cut_text(out, max_bytes);
    return out;
}

std::string html_excerpt(std::string_view html, std::size_t max_bytes) {
    return plain_excerpt(html_to_text(html, {.line_breaks = true, .drop_quotes = true}), max_bytes);
}

}  // namespace kith::import
