#pragma once
// Where an export goes: a file (written whole, then renamed into place) or standard output.

#include <string>

#include "app/cli/cli_context.h"
#include "core/result.h"

namespace kith::app {

/// Writes `content` to `path`, or to ctx.out() when `path` is empty. A file is written next to
/// its final name and renamed over it, so a calendar app subscribed to it never reads half a
/// file. Errors: io, naming the file.
core::Result<void> write_output(CliContext& ctx, const std::string& path,
                                const std::string& content);

}  // namespace kith::app
