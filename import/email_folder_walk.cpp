#include "import/email_folder_walk.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <system_error>

#include "import/email_message_parser.h"
#include "import/input_file.h"
#include "import/mbox_importer.h"

namespace kith::import {

namespace fs = std::filesystem;

namespace {

/// Calls `visit(path, size)` for every message file; stops early when it returns false.
template <class Visit>
core::Result<void> walk(const fs::path& root, const MessageFolderRules& rules, Visit visit) {
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code type_ec;
        if (!it->is_regular_file(type_ec) || !rules.is_message(it->path())) continue;
        const auto size = it->file_size(type_ec);
        if (!visit(it->path(), type_ec ? 0 : size)) return {};
    }
    if (ec) {
        return core::make_error(core::ErrorCode::io,
                                "cannot read the folder " + root.string() + ": " + ec.message(),
                                "Check the folder's permissions.");
    }
    return {};
}

}  // namespace

std::optional<core::TimePoint> file_time(const fs::path& path) {
    std::error_code ec;
    const auto t = fs::last_write_time(path, ec);
    if (ec) return std::nullopt;
    return std::chrono::floor<std::chrono::seconds>(std::chrono::file_clock::to_sys(t));
}

core::Result<void> import_message_folder(const std::string& root, const MessageFolderRules& rules,
                                         core::RecordSink& sink, core::Progress& progress) {
    std::error_code ec;
    if (!fs::exists(root, ec)) {
        return core::make_error(core::ErrorCode::not_found, root + " does not exist",
                                "Check the folder name and path.");
    }
    if (!fs::is_directory(root, ec))
        return core::make_error(core::ErrorCode::io, root + " is not a folder", rules.hint);

    std::uint64_t total = 0, files = 0;
    if (auto r = walk(root, rules,
                      [&](const fs::path&, std::uintmax_t size) {
                          total += size;
                          ++files;
                          return true;
                      });
        !r)
        return r;
    if (files == 0) {
        return core::make_error(core::ErrorCode::format,
                                root + " holds no " + rules.kind + " messages", rules.hint);
    }

    progress.update(0, total, "bytes");
    EmailMessageParser parser;
    std::string data;
    std::uint64_t done = 0, count = 0;
    core::Result<void> outcome{};
    auto r = walk(root, rules, [&](const fs::path& path, std::uintmax_t size) {
        if (progress.cancelled()) {
            outcome =
                core::make_error(core::ErrorCode::cancelled, "import of " + root + " cancelled");
            return false;
        }
        const File file(std::fopen(path.c_str(), "rb"));
        if (!file) {
            sink.warning({path.string(), "cannot be read any more (moved or deleted?); skipped"});
            return true;
        }
        // Sized from the walk, not the cap, so a 4 KB message does not clear 1 MiB each time
        // (message files do not change once delivered); one byte more shows a cut.
        data.resize(std::min<std::uintmax_t>(size, MboxImporter::kKeepBytes) + 1);
        data.resize(std::fread(data.data(), 1, data.size(), file.get()));
        const bool truncated = data.size() > MboxImporter::kKeepBytes;
        if (truncated) data.resize(MboxImporter::kKeepBytes);
        const EmailOrigin origin{path.string(), rules.fallback_time(path), truncated};
        if (auto rr = parser.import(data, origin, sink); !rr) {
            outcome = std::move(rr);
            return false;
        }
        done += size;
        if (++count % 256 == 0) progress.update(done, total, "bytes");
        return true;
    });
    if (!r) return r;
    if (!outcome) return outcome;
    progress.update(done, total, "bytes");
    return {};
}

}  // namespace kith::import
