#pragma once
// The "eml" importer: a folder tree of single-message .eml files (Outlook, Apple Mail, webmail
// "download message", Thunderbird "save as").

#include <filesystem>
#include <string_view>

#include "core/importer.h"

namespace kith::import {

/// Kind "eml": imports every file whose name ends in ".eml" (any case) under the given folder,
/// recursively, each as one message. A broken Date falls back to the file's modification time.
/// See import_message_folder for errors, progress and cancel.
class EmlImporter final : public core::Importer {
  public:
    std::string_view kind() const override { return "eml"; }
    std::string_view description() const override {
        return "Email saved as .eml files, in a folder and its subfolders";
    }
    core::SourceShape source_shape() const override { return core::SourceShape::folder; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;

    /// True for "*.eml" in any case. Pure.
    static bool is_message_file(const std::filesystem::path& path);
};

}  // namespace kith::import
