// WordPress export (WXR) through XmlReader and XmlStreamRepair.
#include "import/wxr_importer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kith::import::WxrImporter importer;
    return kith::fuzz::run_file_importer(importer, data, size, ".xml");
}
