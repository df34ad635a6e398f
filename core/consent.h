#pragma once
// Consent to be emailed: per person and mailing list (DESIGN.md, job 5).

#include <optional>
#include <string_view>

namespace kith::core {

/// unknown: never asked; asked: asked, no answer yet; opted_in / opted_out: their answer.
enum class ConsentStatus { unknown, asked, opted_in, opted_out };

/// "unknown", "asked", "opted_in", "opted_out" (as stored).
std::string_view to_string(ConsentStatus s);
/// Inverse of to_string; also accepts the spellings people type: "opted-in", "optin", "yes",
/// "opted-out", "optout", "no". Pure.
std::optional<ConsentStatus> parse_consent_status(std::string_view s);

/// The list consent applies to when none is named.
inline constexpr std::string_view kDefaultMailingList = "newsletter";

}  // namespace kith::core
