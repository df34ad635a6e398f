#pragma once
// Small text helpers shared by the Twitter and Mastodon importers: JSON field access that
// tolerates numbers written as strings, post text, code-point slicing and dates. HTML entities:
// import/html_entities.h.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/time.h"

namespace kith::import {

/// The string at `key`, or empty when absent, null or not a string.
std::string str_field(const nlohmann::json& obj, std::string_view key);

/// An id at `key` as decimal digits: a string of digits or a JSON integer (exact up to 2^64, as
/// the streaming parser keeps it). Empty when absent or not a whole number in 0 – 2^64-1.
std::string id_field(const nlohmann::json& obj, std::string_view key);

/// id_field() of a value itself (an array item); empty for null.
std::string id_value(const nlohmann::json& v);

/// An integer at `key` that may be written as a string ("favorite_count":"0"); nullopt when
/// absent or not a whole number.
std::optional<std::int64_t> int_field(const nlohmann::json& obj, std::string_view key);

/// int_field() of a value itself (an array item); nullopt for null.
std::optional<std::int64_t> int_value(const nlohmann::json& v);

/// The code points [from, to) of UTF-8 `s` (Twitter's entity indices count code points, not
/// bytes or UTF-16 units). Out-of-range bounds are clamped.
std::string slice_code_points(std::string_view s, std::size_t from, std::size_t to);

/// Longest text kept of a post or DM, in bytes.
inline constexpr std::size_t kPostExcerptBytes = 500;

/// Plain text of a Mastodon post's HTML for the timeline: <br> and paragraphs as line breaks,
/// at most kPostExcerptBytes.
std::string post_html_to_text(std::string_view html);

/// Twitter's dates: "Fri Mar 06 13:02:05 +0000 2026" (tweets), "2013-01-25 20:58:39 +0000"
/// (Grailbird), or ISO 8601 (DMs, the manifest).
std::optional<core::TimePoint> parse_twitter_time(std::string_view s);

}  // namespace kith::import
