#include "import/mbox_importer.h"

#include <string>

#include "import/email_message_parser.h"
#include "import/input_file.h"
#include "import/mbox_reader.h"

namespace kith::import {

namespace {

constexpr const char* kHint =
    "The mbox importer reads Unix mailbox files (\"From \" lines between messages), as exported "
    "by Thunderbird, Gmail Takeout or mutt. For a Maildir folder use \"import maildir\", for "
    ".eml files \"import eml\".";

}  // namespace

core::Result<void> MboxImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                     core::Progress& progress) {
    const std::string& path = req.location;
    auto in = open_input_file(path, "an mbox file", kHint);
    if (!in) return in.error();
    const std::uint64_t total = in->size;
    progress.update(0, total, "bytes");

    MboxReader reader(in->file.get(), kKeepBytes);
    EmailMessageParser parser;
    MboxMessage message;
    std::uint64_t count = 0;
    for (;;) {
        if (progress.cancelled()) return cancelled_error(path);
        const auto status = reader.next(message);
        if (status == MboxReader::Status::end) break;
        if (status == MboxReader::Status::error) return read_error(path, reader.offset());
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
