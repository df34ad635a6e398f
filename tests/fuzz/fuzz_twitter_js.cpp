// Twitter/X archive data files: the "window.YTD.x.part0 = [" prefix and the streamed array, in
// each file the importer reads. The first byte picks the file; the rest is its content.
#include "import/twitter_archive_importer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const char* const kFiles[] = {
        "data/tweets.js",   "data/direct-messages.js", "data/direct-messages-group.js",
        "data/follower.js", "data/following.js",       "data/account.js",
        "data/manifest.js", "data/js/user_details.js"};
    if (size == 0) return 0;
    const std::string account =
        R"(window.YTD.account.part0 = [ { "account" : { "email" : "me@example.org", )"
        R"("username" : "MeHandle", "accountId" : "12", "createdAt" : "2010-01-01T00:00:00Z", )"
        R"("accountDisplayName" : "Me Myself" } } ])";
    const std::string name = kFiles[data[0] % (sizeof kFiles / sizeof *kFiles)];
    std::vector<kith::fuzz::ArchiveFile> files;
    if (name != "data/account.js") files.push_back({"data/account.js", account});
    files.push_back({name, std::string(reinterpret_cast<const char*>(data) + 1, size - 1)});
    kith::import::TwitterArchiveImporter importer;
    return kith::fuzz::run_archive_importer(importer, files, true);
}
