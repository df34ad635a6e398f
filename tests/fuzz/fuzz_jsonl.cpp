// The jsonl importer: one JSON record per line.
#include "import/jsonl_importer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kith::import::JsonlImporter importer;
    return kith::fuzz::run_file_importer(importer, data, size, ".jsonl");
}
