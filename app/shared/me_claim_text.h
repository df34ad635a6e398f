#pragma once
// What claiming one of my identities did, in words for the command line and the app.

#include <string>

#include "core/identity.h"
#include "db/me_claim.h"

namespace kith::app {

/// "Added email x (me)" and, when an import had made it someone else's, what was redone and what
/// became of that person (with the command that undoes the archiving).
std::string me_claim_text(const core::Identity& identity, const db::MeClaim& claim);

}  // namespace kith::app
