#include "import/file_time.h"

#include <chrono>

namespace kith::import {

core::TimePoint modification_time(const std::filesystem::path& path) {
    std::error_code ec;
    const auto t = std::filesystem::last_write_time(path, ec);
    if (ec) return {};
    return std::chrono::floor<std::chrono::seconds>(std::chrono::file_clock::to_sys(t));
}

}  // namespace kith::import
