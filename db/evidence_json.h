#pragma once
// Merge evidence as the JSON stored with suggestions and merges and shown by `--json`.

#include <span>
#include <string>
#include <vector>

#include "core/merge_evidence.h"

namespace kith::db {

/// `[{"kind":"linked","detail":"vCard","weight":0.99}, …]`.
std::string evidence_to_json(std::span<const core::Evidence> evidence);
/// Reads what evidence_to_json wrote; unknown kinds and malformed text are skipped.
std::vector<core::Evidence> evidence_from_json(const std::string& text);

}  // namespace kith::db
