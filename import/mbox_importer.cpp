#include "import/mbox_importer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>

#include "import/email_message_parser.h"
#include "import/mbox_reader.h"

namespace kith::import {

namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

constexpr const char* kHint =
    "The mbox importer reads Unix mailbox files (\"From \" lines between messages), as exported "
    "by Thunderbird, Gmail Takeout or mutt. For a Maildir folder use \"import maildir\", for "
    ".eml files \"import eml\".";

}  // namespace

core::Result<void> MboxImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                     core::Progress& progress) {
    const std::string& path = req.location;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        return core::make_error(core::ErrorCode::io, path + " is a directory, not an mbox file",
                                kHint);
    }
    errno = 0;
    const std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        const int err = errno;
        return core::make_error(
            err == ENOENT ? core::ErrorCode::not_found : core::ErrorCode::io,
            "cannot open " + path + ": " + std::strerror(err),
            err == ENOENT ? "Check the file name and path." : "Check the file's permissions.");
    }
    const auto size = std::filesystem::file_size(path, ec);
    const std::uint64_t total = ec ? 0 : size;
    progress.update(0, total, "bytes");

    MboxReader reader(file.get(), kKeepBytes);
    EmailMessageParser parser;
    MboxMessage message;
    std::uint64_t count = 0;
    for (;;) {
        if (progress.cancelled())
            return core::make_error(core::ErrorCode::cancelled, "import of " + path + " cancelled");
        const auto status = reader.next(message);
        if (status == MboxReader::Status::end) break;
        if (status == MboxReader::Status::error) {
            return core::make_error(
                core::ErrorCode::io,
                "read error in " + path + " after " + std::to_string(reader.offset()) + " bytes",
                "Check that the file is readable and the disk is healthy.");
        }
        if (status == MboxReader::Status::not_mbox) {
            return core::make_error(core::ErrorCode::format,
                                    path +
                                        " is not an mbox file: it starts with neither a "
                                        "\"From \" line nor a mail header",
                                    kHint);
        }
        const EmailOrigin origin{path + ":" + std::to_string(message.line), message.envelope,
                                 message.truncated};
        if (auto r = parser.import(message.data, origin, sink); !r) return r;
        if (++count % 256 == 0) progress.update(reader.offset(), total, "bytes");
    }
    progress.update(reader.offset(), total, "bytes");
    return {};
}

}  // namespace kith::import
