// Maildir file names: flags after ":2,", "!2," or ";2," and the delivery time at their start.
#include <filesystem>

#include "import/eml_importer.h"
#include "import/maildir_importer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // A path cannot hold NUL: the name is cut there, as the file system would refuse it.
    std::string name(reinterpret_cast<const char*>(data), size);
    name.resize(name.find('\0') == std::string::npos ? name.size() : name.find('\0'));
    const std::filesystem::path path = std::filesystem::path("Mail/cur") / name;
    (void)kith::import::MaildirImporter::is_message_file(path);
    (void)kith::import::EmlImporter::is_message_file(path);
    if (const auto t = kith::import::MaildirImporter::delivery_time(path))
        kith::fuzz::require(t->time_since_epoch().count() >= 0, "a delivery time before 1970");
    return 0;
}
