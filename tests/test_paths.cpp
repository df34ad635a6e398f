#include "tests/test_paths.h"

namespace kith::test {

const std::string& source_dir() {
    static const std::string dir = KITH_SOURCE_DIR;
    return dir;
}

const std::string& binary_dir() {
    static const std::string dir = KITH_BINARY_DIR;
    return dir;
}

}  // namespace kith::test
