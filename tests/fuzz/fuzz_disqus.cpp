// Disqus export XML.
#include "import/disqus_importer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kith::import::DisqusImporter importer;
    return kith::fuzz::run_file_importer(importer, data, size, ".xml", {{"me", "mehandle"}});
}
