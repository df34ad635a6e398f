// Mastodon's follows/followers CSV exports.
#include "import/mastodon_csv_importer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kith::import::MastodonCsvImporter importer;
    return kith::fuzz::run_file_importer(importer, data, size, "-following_accounts.csv",
                                         {{"instance", "mastodon.social"}});
}
