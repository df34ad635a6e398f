#include "import/email_bulk.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace kith::import {

namespace {

std::string lower_trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// The first word of a header value: "auto-replied; owner=x" → "auto-replied".
std::string first_word(std::string_view s) {
    auto out = lower_trimmed(s);
    const auto end = out.find_first_of(" \t;(");
    if (end != std::string::npos) out.erase(end);
    return out;
}

}  // namespace

bool is_noreply_address(std::string_view address) {
    const auto at = address.rfind('@');
    std::string local = lower_trimmed(address.substr(0, at == std::string_view::npos ? 0 : at));
    if (const auto plus = local.find('+'); plus != std::string::npos) local.erase(plus);
    std::string squeezed;
    for (const char c : local)
        if (c != '-' && c != '_' && c != '.') squeezed.push_back(c);
    static constexpr std::array kRobots = {"noreply",    "donotreply", "dontreply", "mailerdaemon",
                                           "postmaster", "bounce",     "bounces"};
    return std::any_of(kRobots.begin(), kRobots.end(), [&](std::string_view robot) {
        // "noreply-billing", "bounces+123": the robot word starts the local part.
        return squeezed.compare(0, robot.size(), robot) == 0;
    });
}

std::string bulk_reason(const BulkSignals& s) {
    if (!lower_trimmed(s.list_id).empty()) return "List-Id";
    if (!lower_trimmed(s.list_unsubscribe).empty()) return "List-Unsubscribe";
    if (const auto p = first_word(s.precedence); p == "bulk" || p == "list" || p == "junk")
        return "Precedence: " + p;
    if (const auto a = first_word(s.auto_submitted); !a.empty() && a != "no")
        return "Auto-Submitted: " + a;
    if (is_noreply_address(s.from_address)) return "no-reply sender";
    if (s.recipients > kBulkRecipients) return "many recipients";
    return {};
}

}  // namespace kith::import
