#include "import/contact_fields.h"

#include <algorithm>
#include <cctype>

#include "core/identity_normalizer.h"

namespace kith::import {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

bool valid_day(int month, int day) {
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month >= 1 && month <= 12 && day >= 1 && day <= kDays[month - 1];
}

std::string two(int v) {
    return (v < 10 ? "0" : "") + std::to_string(v);
}

}  // namespace

std::string add_contact_identity(core::ContactRecord& card, std::optional<core::IdentityKind> kind,
                                 std::string_view raw, std::string_view display) {
    const auto b = raw.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    auto id = kind ? core::normalize_identity(*kind, raw) : core::parse_identity(raw);
    if (!id && !kind) id = core::normalize_identity(core::IdentityKind::website, raw);
    if (!id) return id.error().message;
    if (!display.empty()) id->display = std::string(display);
    if (std::find(card.identities.begin(), card.identities.end(), *id) == card.identities.end())
        card.identities.push_back(std::move(*id));
    return {};
}

std::string normalize_birthday(std::string_view raw) {
    std::string s;
    for (const char c : raw)
        if (c != ' ' && c != '\t') s += c;
    if (const auto t = s.find('T'); t != std::string::npos) s.resize(t);
    std::string digits;
    bool no_year = false;
    if (s.starts_with("--")) {
        no_year = true;
        s = s.substr(2);
    }
    for (const char c : s) {
        if (c == '-') continue;
        digits += c;
    }
    if (!all_digits(digits)) return {};
    if (no_year && digits.size() == 4) digits = "0000" + digits;
    if (digits.size() != 8) return {};
    const int year = std::stoi(digits.substr(0, 4));
    const int month = std::stoi(digits.substr(4, 2));
    const int day = std::stoi(digits.substr(6, 2));
    if (!valid_day(month, day)) return {};
    if (year == 0 || year == 1604)
        return "--" + two(month) + "-" + two(day);  // 1604: Apple's "no year"
    if (month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
        return {};
    return digits.substr(0, 4) + "-" + two(month) + "-" + two(day);
}

std::string ContactKeys::unique(std::string key) {
    const int n = ++m_seen[key];
    if (n == 1) return key;
    return key + "#" + std::to_string(n);
}

std::string name_key(std::string_view name) {
    std::string out;
    bool space = false;
    for (const char c : name) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

}  // namespace kith::import
