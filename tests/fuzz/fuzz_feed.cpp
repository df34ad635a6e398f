// A comment feed (RSS 2.0 or Atom) as fetched, parsed from memory.
#include "import/comment_feed_importer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kith::fuzz::CheckingSink sink;
    kith::core::NullProgress progress;
    // Someone else's blog half the time: the "after my comment" rules run too.
    const kith::core::ImportRequest req{
        "feed", "https://blog.example/comments/feed/", {{"mine", size % 2 ? "yes" : "no"}}};
    (void)kith::import::CommentFeedImporter::import_body(
        std::string(reinterpret_cast<const char*>(data), size), req, sink, progress);
    return 0;
}
