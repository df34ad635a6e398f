#include "import/eml_importer.h"

#include <cctype>
#include <string>

#include "import/email_folder_walk.h"

namespace kith::import {

bool EmlImporter::is_message_file(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".eml" && path.filename().string().front() != '.';
}

core::Result<void> EmlImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                    core::Progress& progress) {
    const MessageFolderRules rules{
        ".eml",
        "The eml importer reads a folder (and its subfolders) of .eml files, one message each. "
        "For an mbox file use \"import mbox\", for a Maildir \"import maildir\".",
        &is_message_file,
        &file_time,
    };
    return import_message_folder(req.location, rules, sink, progress);
}

}  // namespace kith::import
