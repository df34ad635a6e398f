// Every date parser of the importers: RFC 822/2822 (feeds, with its ISO fallback), mbox envelope
// lines and ISO 8601 (core).
#include "core/time.h"
#include "import/mbox_envelope.h"
#include "import/rfc822_date.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

void check(const std::optional<kith::core::TimePoint>& t) {
    // A parsed date must print: format_iso is what the CLI and the database's dates show.
    if (t) kith::fuzz::require(!kith::core::format_iso(*t).empty(), "a date that cannot print");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check(kith::import::parse_rfc822(text));
    check(kith::import::parse_envelope_date(text));
    check(kith::core::parse_iso(text));
    check(kith::core::parse_iso(text, std::chrono::hours{-14}));
    return 0;
}
