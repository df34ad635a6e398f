#include "import/social_text.h"

#include "import/html_text.h"

#include <array>
#include <charconv>
#include <cstring>

namespace kith::import {

using json = nlohmann::json;

namespace {

const json* find(const json& obj, std::string_view key) {
    if (!obj.is_object()) return nullptr;
    const auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

std::string str_field(const json& obj, std::string_view key) {
    const json* v = find(obj, key);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

std::string id_field(const json& obj, std::string_view key) {
    const json* v = find(obj, key);
    return v ? id_value(*v) : std::string();
}

std::string id_value(const json& value) {
    const json* v = &value;
    if (v->is_number_unsigned()) return std::to_string(v->get<std::uint64_t>());
    if (v->is_number_integer()) {
        const auto i = v->get<std::int64_t>();
        return i >= 0 ? std::to_string(i) : std::string();
    }
    if (v->is_string()) {
        const auto& s = v->get_ref<const std::string&>();
        // Above 2^64-1 no service's id can be (a hostile or damaged file): refused, as the
        // caller's warning says, rather than kept as a key nothing else will ever match.
        const bool fits = s.size() < 20 || (s.size() == 20 && s <= "18446744073709551615");
        return all_digits(s) && fits ? s : std::string();
    }
    return {};
}

std::optional<std::int64_t> int_field(const json& obj, std::string_view key) {
    const json* v = find(obj, key);
    return v ? int_value(*v) : std::nullopt;
}

std::optional<std::int64_t> int_value(const json& value) {
    const json* v = &value;
    if (v->is_number_integer()) return v->get<std::int64_t>();
    if (!v->is_string()) return std::nullopt;
    const auto& s = v->get_ref<const std::string&>();
    std::int64_t out = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
    return out;
}

std::string slice_code_points(std::string_view s, std::size_t from, std::size_t to) {
    std::size_t cp = 0, begin = s.size(), end = s.size();
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i < s.size() && is_continuation(s[i])) continue;
        if (cp == from) begin = std::min(begin, i);
        if (cp == to) {
            end = i;
            break;
        }
        ++cp;
    }
    if (begin >= end) return {};
    return std::string(s.substr(begin, end - begin));
}

std::optional<core::TimePoint> parse_twitter_time(std::string_view s) {
    // "Fri Mar 06 13:02:05 +0000 2026"
    if (s.size() == 30 && s[3] == ' ' && s[19] == ' ' && s[25] == ' ') {
        static constexpr std::array<std::string_view, 12> kMonths = {
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        int month = 0;
        for (std::size_t m = 0; m < kMonths.size(); ++m)
            if (s.substr(4, 3) == kMonths[m]) month = static_cast<int>(m) + 1;
        if (month == 0) return std::nullopt;
        std::string iso = std::string(s.substr(26, 4)) + "-" + (month < 10 ? "0" : "") +
                          std::to_string(month) + "-" + std::string(s.substr(8, 2)) + "T" +
                          std::string(s.substr(11, 8)) + std::string(s.substr(20, 5));
        return core::parse_iso(iso);
    }
    // "2013-01-25 20:58:39 +0000"
    if (s.size() == 25 && s[10] == ' ' && s[19] == ' ')
        return core::parse_iso(std::string(s.substr(0, 19)) + std::string(s.substr(20)));
    return core::parse_iso(s);
}

std::string post_html_to_text(std::string_view html) {
    return html_to_text(
        html, {.line_breaks = true, .drop_quotes = false, .max_bytes = kPostExcerptBytes});
}

}  // namespace kith::import
