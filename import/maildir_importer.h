#pragma once
// The "maildir" importer: a Maildir folder (mutt, Dovecot, offlineimap, mbsync, KMail).

#include <filesystem>
#include <optional>
#include <string_view>

#include "core/importer.h"

namespace kith::import {

/// Kind "maildir": imports every message file in the cur/ and new/ folders under the given folder:
/// the Maildir itself, its Maildir++ subfolders (".Sent/", ".Lists.rust/") and any Maildirs
/// nested deeper (mbsync's "Archive/2024/cur"). tmp/ (deliveries in progress) and dot-files are
/// ignored. File names carry flags after ":2,", "!2," or ";2," (Windows file systems forbid ':');
/// the flags are not needed (seen/replied state comes from the messages themselves) so any name
/// is accepted. A message whose Date is broken falls back to the delivery time at the start of
/// its file name ("1700000000.M1P2.host"), else the file's modification time. See
/// import_message_folder for errors, progress and cancel.
class MaildirImporter final : public core::Importer {
  public:
    std::string_view kind() const override { return "maildir"; }
    std::string_view description() const override {
        return "Email in a Maildir folder with its subfolders (mutt, Dovecot, mbsync, KMail)";
    }
    core::SourceShape source_shape() const override { return core::SourceShape::folder; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;

    /// True for a message file of a Maildir: in cur/ or new/, not a dot-file. Pure.
    static bool is_message_file(const std::filesystem::path& path);
    /// The delivery time at the start of a Maildir file name ("1700000000.M1P2.host:2,S"), if it
    /// has one. Pure.
    static std::optional<core::TimePoint> delivery_time(const std::filesystem::path& path);
};

}  // namespace kith::import
