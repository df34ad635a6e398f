#include "import/email_folder_walk.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <string>
#include <system_error>
#include <vector>

#include "import/email_message_parser.h"
#include "import/mbox_importer.h"

namespace kith::import {

namespace fs = std::filesystem;

namespace {

/// Calls `visit(path, size)` for every message file; stops early when it returns false. The size
/// (a stat per file) only `with_size`; else 0.
template <class Visit>
core::Result<void> walk(const fs::path& root, const MessageFolderRules& rules, bool with_size,
                        Visit visit) {
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code type_ec;
        if (!it->is_regular_file(type_ec) || !rules.is_message(it->path())) continue;
        const auto size = with_size ? it->file_size(type_ec) : 0;
        if (!visit(it->path(), type_ec ? 0 : size)) return {};
    }
    if (ec) {
        return core::make_error(core::ErrorCode::io,
                                "cannot read the folder " + root.string() + ": " + ec.message(),
                                "Check the folder's permissions.");
    }
    return {};
}

/// Reads the first `buffer.size()` bytes of a file into `buffer`; the file's size (its real size
/// when it is longer than the buffer), or nothing when it cannot be opened or read.
std::optional<std::uint64_t> read_prefix(const fs::path& path, std::vector<char>& buffer) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::size_t n = 0;
    while (n < buffer.size()) {
        const auto got = ::read(fd, buffer.data() + n, buffer.size() - n);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            ::close(fd);
            return std::nullopt;
        }
        if (got == 0) break;
        n += static_cast<std::size_t>(got);
    }
    std::uint64_t size = n;
    struct stat st {};
    if (n == buffer.size() && ::fstat(fd, &st) == 0) size = static_cast<std::uint64_t>(st.st_size);
    ::close(fd);
    return size;
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
    if (auto r = walk(root, rules, true,
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
    // One buffer for every file, one byte over the cap to see a cut: a read or two per file into
    // memory that is already there (message files are small; pages of the buffer a big one
    // touched stay mapped, bounded by the cap).
    std::vector<char> buffer(MboxImporter::kKeepBytes + 1);
    std::uint64_t done = 0, count = 0;
    core::Result<void> outcome{};
    auto r = walk(root, rules, false, [&](const fs::path& path, std::uintmax_t) {
        if (progress.cancelled()) {
            outcome =
                core::make_error(core::ErrorCode::cancelled, "import of " + root + " cancelled");
            return false;
        }
        const auto size = read_prefix(path, buffer);
        if (!size) {
            sink.warning({path.string(), "cannot be read any more (moved or deleted?); skipped"});
            return true;
        }
        const bool truncated = *size > MboxImporter::kKeepBytes;
        const std::string_view data(buffer.data(),
                                    std::min<std::uint64_t>(*size, MboxImporter::kKeepBytes));
        const EmailOrigin origin{path.string(), rules.fallback_time(path), truncated};
        if (auto rr = parser.import(data, origin, sink); !rr) {
            outcome = std::move(rr);
            return false;
        }
        done += *size;
        if (++count % 256 == 0) progress.update(done, total, "bytes");
        return true;
    });
    if (!r) return r;
    if (!outcome) return outcome;
    progress.update(done, total, "bytes");
    return {};
}

}  // namespace kith::import
