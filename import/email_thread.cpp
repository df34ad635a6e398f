#include "import/email_thread.h"

#include <glib.h>

#include <memory>

namespace kith::import {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string without_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s)
        if (!is_space(c)) out.push_back(c);
    return out;
}

std::string sha256_hex(std::string_view s) {
    const std::unique_ptr<gchar, decltype(&g_free)> hex(
        g_compute_checksum_for_data(G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(s.data()),
                                    s.size()),
        &g_free);
    return hex.get();
}

}  // namespace

std::string normalize_message_id(std::string_view id) {
    std::string bare = without_space(id);
    if (!bare.empty() && bare.front() == '<') bare.erase(0, 1);
    if (!bare.empty() && bare.back() == '>') bare.pop_back();
    if (bare.empty()) return {};
    if (bare.size() + 2 > kMaxMessageIdBytes)
        return "<sha256:" + sha256_hex(bare) + "@kith.invalid>";
    return "<" + bare + ">";
}

std::vector<std::string> parse_message_ids(std::string_view value) {
    std::vector<std::string> ids;
    std::size_t pos = 0;
    while ((pos = value.find('<', pos)) != std::string_view::npos) {
        const auto end = value.find('>', pos + 1);
        if (end == std::string_view::npos) break;
        // "<a <b@x>" : an unclosed '<' before the real id starts over at the inner '<'.
        const auto inner = value.find('<', pos + 1);
        if (inner != std::string_view::npos && inner < end) {
            pos = inner;
            continue;
        }
        if (auto id = normalize_message_id(value.substr(pos, end - pos + 1)); !id.empty())
            ids.push_back(std::move(id));
        pos = end + 1;
    }
    if (!ids.empty()) return ids;
    // No bracketed id: take bare tokens that look like addresses of messages.
    std::size_t start = 0;
    while (start < value.size()) {
        while (start < value.size() && (is_space(value[start]) || value[start] == ',')) ++start;
        auto end = start;
        while (end < value.size() && !is_space(value[end]) && value[end] != ',') ++end;
        const auto token = value.substr(start, end - start);
        if (token.find('@') != std::string_view::npos) ids.push_back(normalize_message_id(token));
        start = end;
    }
    return ids;
}

std::string thread_root(const std::string& own_id, const std::vector<std::string>& in_reply_to,
                        const std::vector<std::string>& references) {
    for (const auto& id : references)
        if (id != own_id) return id;
    for (const auto& id : in_reply_to)
        if (id != own_id) return id;
    return own_id;
}

}  // namespace kith::import
