#include "app/cli/output_file.h"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <system_error>

namespace kith::app {

core::Result<void> write_output(CliContext& ctx, const std::string& path,
                                const std::string& content) {
    if (path.empty()) {
        ctx.out() << content;
        return {};
    }
    const std::string part = path + ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out << content;
        out.close();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(part, ec);
            return core::make_error(core::ErrorCode::io, "cannot write " + path,
                                    "Check that its folder exists and is writable.");
        }
    }
    std::error_code ec;
    std::filesystem::rename(part, path, ec);
    if (ec) {
        std::filesystem::remove(part, ec);
        return core::make_error(core::ErrorCode::io, "cannot write " + path + ": " + ec.message(),
                                "Check that its folder exists and is writable.");
    }
    return {};
}

}  // namespace kith::app
