#pragma once
// An identity typed on the command line: "ana@example.org", "@ana", "@ana@mastodon.social", a URL,
// or any value with --kind.

#include <string>

#include "core/identity.h"
#include "core/result.h"

namespace kith::app {

/// Parses `value` (its kind guessed unless `kind` names one) into a normalized identity.
core::Result<core::Identity> identity_arg(const std::string& value, const std::string& kind);

}  // namespace kith::app
