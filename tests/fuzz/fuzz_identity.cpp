// Identity normalization (core/identity_normalizer): every kind, the guesser and canonical URLs.
#include "core/identity_normalizer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kith::core;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const auto kind : {IdentityKind::email, IdentityKind::twitter, IdentityKind::mastodon,
                            IdentityKind::website, IdentityKind::phone, IdentityKind::linkedin}) {
        for (const std::string_view cc : {"", "49", "1", "39"}) {
            if (auto id = normalize_identity(kind, text, cc)) {
                kith::fuzz::require(!id->value.empty(), "a normalized identity with no value");
            }
        }
    }
    if (auto id = parse_identity(text, "44"))
        kith::fuzz::require(!id->value.empty(), "a guessed identity with no value");
    (void)canonical_url(text);
    return 0;
}
