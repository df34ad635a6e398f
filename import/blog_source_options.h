#pragma once
// Options the web comment importers share: me=NAMES, mine=yes|no, timeout=SECONDS.

#include <chrono>
#include <optional>
#include <set>
#include <string>

#include "core/importer.h"

namespace kith::import {

struct BlogSourceOptions {
    std::set<std::string> my_names;  ///< lower-cased
    std::optional<bool> my_blog;     ///< nullopt: decide from my identities
    std::chrono::seconds timeout{30};
};

/// Reads me=, mine= and timeout= from the request; unknown values are invalid_input errors
/// with a hint.
core::Result<BlogSourceOptions> read_blog_source_options(const core::ImportRequest& req);

/// True when `url` (or a parent path of it, up to its host) is one of my website identities.
bool is_my_site(std::string_view url, const core::RecordSink& sink);

}  // namespace kith::import
