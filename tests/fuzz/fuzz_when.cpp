// The friendly date parser of the CLI and quick log ("fri 2pm", "+3d", "in 2 weeks").
#include <cstring>

#include "core/when_parser.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kith::core;
    // The first 8 bytes pick "now" (any instant within years 1–9999) and the zone offset.
    if (size < 8) return 0;
    std::uint32_t a = 0, b = 0;
    std::memcpy(&a, data, 4);
    std::memcpy(&b, data + 4, 4);
    const auto now = from_unix(-62'135'596'800 + static_cast<std::int64_t>(a) * 73);
    const auto offset =
        std::chrono::seconds{static_cast<std::int64_t>(b % (28 * 3600)) - 14 * 3600};
    const std::string_view text(reinterpret_cast<const char*>(data) + 8, size - 8);
    for (const auto bias : {WhenBias::past, WhenBias::future}) {
        if (auto t = parse_when(text, now, offset, bias))
            kith::fuzz::require(!format_iso(*t).empty(), "a parsed time that cannot print");
    }
    (void)end_of_local_day(now, offset);
    return 0;
}
