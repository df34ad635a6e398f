#pragma once
// Streams the elements of a big JSON array one at a time (Twitter's .js data files, Mastodon's
// outbox.json): only the current element is ever held in memory.

#include <cstdint>
#include <functional>
#include <istream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "import/json_value_parser.h"

namespace kith::import {

/// Where the array sits in the document.
enum class ArrayAt {
    root,           ///< the document is the array: `[ {...}, ... ]`
    ordered_items,  ///< an ActivityPub collection: `{"orderedItems": [ ... ], ...}`
};

/// Options of one streaming parse.
struct ElementStreamOptions {
    ArrayAt at = ArrayAt::root;
    /// Skip everything up to and including the first '=' (Twitter's `window.YTD.x.part0 = [`).
    bool skip_js_assignment = false;
    /// Elements larger than this are skipped (reported through `on_oversize`).
    std::uint64_t max_element_bytes = std::uint64_t{64} << 20;
    /// Only check the syntax; no element is built or delivered.
    bool validate_only = false;
    /// When set, object members whose key it does not keep are checked but left out of the
    /// elements (at every depth): what the importer never reads is never built.
    const JsonKeyFilter* keep_keys = nullptr;
};

/// Called once per element with its index; an Error stops the parse and is returned.
using ElementCallback =
    std::function<core::Result<void>(nlohmann::json& element, std::uint64_t index)>;
/// Called for an element over the size limit (it is skipped).
using OversizeCallback = std::function<void(std::uint64_t index)>;

/// Parses `in` and calls `on_element` for every element of the array. `position` returns the
/// bytes consumed before the call (the base of error offsets). The input is read in large
/// chunks and each element parsed from memory (import/json_value_parser.h); an element over
/// the size limit is passed over by a structural scan, never held whole. Numbers keep their exact
/// 64-bit integer values. Syntax errors, a missing array and a JS prefix without '=' are format
/// Errors naming `where` and the byte offset. An empty or blank input is an empty array.
core::Result<void> stream_json_elements(std::istream& in, const std::string& where,
                                        const ElementStreamOptions& options,
                                        const std::function<std::uint64_t()>& position,
                                        const ElementCallback& on_element,
                                        const OversizeCallback& on_oversize = {});

}  // namespace kith::import
