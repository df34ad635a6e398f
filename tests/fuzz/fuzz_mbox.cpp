// mbox stream: MboxReader's splitting and every message through EmailMessageParser.
#include "import/mbox_importer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kith::import::MboxImporter importer;
    return kith::fuzz::run_file_importer(importer, data, size, ".mbox");
}
