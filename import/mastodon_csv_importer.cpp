#include "import/mastodon_csv_importer.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

#include "core/identity_normalizer.h"
#include "import/file_time.h"

namespace kith::import {

namespace {

using core::ErrorCode;
using core::make_error;
using core::Result;

constexpr std::size_t kMaxLine = 4096;

/// The first field of a CSV line, unquoted ("a@b" or "\"a@b\"").
std::string first_field(std::string_view line) {
    if (!line.empty() && line.front() == '"') {
        std::string out;
        for (std::size_t i = 1; i < line.size(); ++i) {
            if (line[i] == '"') {
                if (i + 1 < line.size() && line[i + 1] == '"') {
                    out += '"';
                    ++i;
                    continue;
                }
                break;
            }
            out += line[i];
        }
        return out;
    }
    return std::string(line.substr(0, line.find(',')));
}

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r\xEF\xBB\xBF");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

}  // namespace

Result<void> MastodonCsvImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                      core::Progress& progress) {
    const std::string& path = req.location;
    const auto name = std::filesystem::path(path).filename().string();
    core::FollowDirection direction = name.find("follower") != std::string::npos
                                          ? core::FollowDirection::follows_me
                                          : core::FollowDirection::i_follow;
    if (const auto it = req.options.find("direction"); it != req.options.end()) {
        if (it->second == "follows_me")
            direction = core::FollowDirection::follows_me;
        else if (it->second == "i_follow")
            direction = core::FollowDirection::i_follow;
        else
            return make_error(
                ErrorCode::invalid_input, "unknown direction \"" + it->second + "\"",
                "Use follows_me (followers.csv) or i_follow (following_accounts.csv).");
    }
    std::string instance;
    if (const auto it = req.options.find("instance"); it != req.options.end())
        instance = it->second;

    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return make_error(ErrorCode::io, path + " is a folder, not a CSV export",
                          "Pick following_accounts.csv or followers.csv.");
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        return make_error(err == ENOENT ? ErrorCode::not_found : ErrorCode::io,
                          "cannot open " + path + ": " + std::strerror(err),
                          "Check the file name and path.");
    }
    const auto total = std::filesystem::file_size(path, ec);
    const core::TimePoint seen = modification_time(path);
    char buf[kMaxLine];
    std::uint64_t line_no = 0;
    for (;;) {
        if (progress.cancelled())
            return make_error(ErrorCode::cancelled, "import of " + path + " cancelled");
        in.getline(buf, sizeof buf);
        if (in.eof() && in.gcount() == 0) break;
        ++line_no;
        const auto where = name + ":" + std::to_string(line_no);
        if (in.fail() && !in.eof()) {  // longer than the buffer: skip the rest of it
            in.clear();
            in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
            sink.warning({where, "line longer than 4 KiB skipped"});
            continue;
        }
        const auto field = trim(first_field(buf));
        if (field.empty()) continue;
        if (line_no == 1 && field == "Account address") continue;
        std::string raw = field;
        if (raw.find('@', raw.front() == '@' ? 1 : 0) == std::string::npos) {
            if (instance.empty()) {
                sink.warning({where, "\"" + field +
                                         "\" has no domain; give the instance (option "
                                         "instance=HOST) to import local accounts"});
                continue;
            }
            raw += "@" + instance;
        }
        auto id = core::normalize_identity(core::IdentityKind::mastodon, raw);
        if (!id) {
            sink.warning({where, "bad account address: " + id.error().message});
            continue;
        }
        core::FollowEdgeRecord r;
        r.network = core::Channel::mastodon;
        r.their = std::move(*id);
        r.direction = direction;
        r.seen_at = seen;
        if (auto w = sink.follow_edge(r); !w) return w;
        if (line_no % 1024 == 0)
            progress.update(static_cast<std::uint64_t>(in.tellg()), ec ? 0 : total, "bytes");
        if (in.eof()) break;
    }
    if (in.bad())
        return make_error(ErrorCode::io, "read error in " + path, "Check the disk and the file.");
    return sink.follow_snapshot_complete(core::Channel::mastodon, direction, seen);
}

}  // namespace kith::import
