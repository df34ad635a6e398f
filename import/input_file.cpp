#include "import/input_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace kith::import {

core::Result<InputFile> open_input_file(const std::string& path, std::string_view what,
                                        std::string_view hint) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        return core::make_error(core::ErrorCode::io,
                                path + " is a directory, not " + std::string(what),
                                std::string(hint));
    }
    errno = 0;
    InputFile in;
    in.file.reset(std::fopen(path.c_str(), "rb"));
    if (!in.file) {
        const int err = errno;
        return core::make_error(
            err == ENOENT ? core::ErrorCode::not_found : core::ErrorCode::io,
            "cannot open " + path + ": " + std::strerror(err),
            err == ENOENT ? "Check the file name and path." : "Check the file's permissions.");
    }
    const auto size = std::filesystem::file_size(path, ec);
    in.size = ec ? 0 : size;
    return in;
}

core::Error read_error(const std::string& path, std::uint64_t offset) {
    return core::make_error(core::ErrorCode::io,
                            "read error in " + path + " after " + std::to_string(offset) + " bytes",
                            "Check that the file is readable and the disk is healthy.");
}

core::Error cancelled_error(const std::string& source) {
    return core::make_error(core::ErrorCode::cancelled, "import of " + source + " cancelled");
}

}  // namespace kith::import
