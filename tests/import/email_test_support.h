#pragma once
// What the email importer tests share: a sink that knows my address, ids in a stable order.

#include <algorithm>
#include <string>
#include <vector>

#include "core/identity_normalizer.h"
#include "tests/import/collecting_sink.h"

namespace kith::import::test {

/// My address in every email test.
inline constexpr const char* kMyAddress = "me@example.org";

/// A CollectingSink for which kMyAddress is mine.
inline CollectingSink sink_with_me() {
    CollectingSink sink;
    sink.mine.push_back(*core::normalize_identity(core::IdentityKind::email, kMyAddress));
    return sink;
}

/// The interactions' ext ids, sorted (folder walks and servers have their own order).
inline std::vector<std::string> sorted_ext_ids(const CollectingSink& sink) {
    std::vector<std::string> out;
    for (const auto& r : sink.interactions) out.push_back(r.ext_id);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace kith::import::test
