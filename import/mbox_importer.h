#pragma once
// The "mbox" importer: a Unix mailbox file (Thunderbird, Gmail Takeout, mutt, Apple Mail export).

#include <cstddef>
#include <string_view>

#include "core/importer.h"

namespace kith::import {

/// Kind "mbox": reads an mbox file message by message (MboxReader) and turns each message into
/// an email interaction (EmailMessageParser). Every mbox variant of FORMATS.md is accepted.
///
/// Memory is bounded: only the first kKeepBytes of each message are kept (enough for headers and
/// the excerpt; the rest, typically attachments, is read past); a message whose headers alone are
/// longer is skipped with a warning. Warnings are located "FILE:LINE" (the message's envelope
/// line) plus its Message-ID. Progress is reported in bytes; cancel is checked between messages.
/// A file that cannot be opened, a directory, or a file that starts with neither a separator nor
/// a header (a binary, a zip) is an Error. Re-importing never duplicates (ids are Message-IDs).
class MboxImporter final : public core::Importer {
  public:
    /// Bytes of each message handed to the MIME parser.
    static constexpr std::size_t kKeepBytes = std::size_t{1} << 20;

    std::string_view kind() const override { return "mbox"; }
    std::string_view description() const override {
        return "Email in an mbox file (Thunderbird, Gmail Takeout, mutt, Apple Mail)";
    }
    std::string_view file_patterns() const override { return "*.mbox;*.mbx;*.mbs;mbox;*"; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;
};

}  // namespace kith::import
