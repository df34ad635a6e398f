#pragma once
// The modification time of a file, the "seen at" date of exports that carry none.

#include <filesystem>

#include "core/time.h"

namespace kith::import {

/// The file's modification time in whole seconds (UTC); the epoch when it cannot be read.
core::TimePoint modification_time(const std::filesystem::path& path);

}  // namespace kith::import
