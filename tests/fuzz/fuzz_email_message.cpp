// One message (GMime): headers, MIME structure, charsets, the excerpt.
#include "import/email_message_parser.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static kith::import::EmailMessageParser parser;  // GMime is initialised once per process
    kith::fuzz::CheckingSink sink;
    sink.mine.push_back({kith::core::IdentityKind::email, "me@example.org", "me@example.org"});
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // Half the inputs count as cut off (the mbox importer hands only the first MiB of a message).
    kith::import::EmailOrigin origin{"fuzz:1", std::nullopt, size % 2 == 1};
    (void)parser.import(text, origin, sink);
    return 0;
}
