#include "import/maildir_importer.h"

#include <cctype>
#include <string>

#include "import/email_folder_walk.h"

namespace kith::import {

bool MaildirImporter::is_message_file(const std::filesystem::path& path) {
    const auto name = path.filename().string();
    const auto dir = path.parent_path().filename().string();
    return !name.empty() && name.front() != '.' && (dir == "cur" || dir == "new");
}

std::optional<core::TimePoint> MaildirImporter::delivery_time(const std::filesystem::path& path) {
    const auto name = path.filename().string();
    std::size_t digits = 0;
    while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[digits]))) ++digits;
    // 9 or 10 digits: 1973 to 2286; shorter or longer runs are not Unix times.
    if (digits < 9 || digits > 10 || digits == name.size() || name[digits] != '.')
        return std::nullopt;
    return core::from_unix(std::stoll(name.substr(0, digits)));
}

core::Result<void> MaildirImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                        core::Progress& progress) {
    const MessageFolderRules rules{
        "Maildir",
        "A Maildir folder holds cur/ and new/ folders with one message per file (and Maildir++ "
        "subfolders such as .Sent). For a single mbox file use \"import mbox\".",
        &is_message_file,
        [](const std::filesystem::path& p) {
            auto t = delivery_time(p);
            return t ? t : file_time(p);
        },
    };
    return import_message_folder(req.location, rules, sink, progress);
}

}  // namespace kith::import
