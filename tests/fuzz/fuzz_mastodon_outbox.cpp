// Mastodon archive: outbox.json (an ActivityPub collection streamed item by item) and, when the
// first byte is odd, actor.json instead.
#include "import/mastodon_archive_importer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string actor =
        R"({"id":"https://social.example/users/me","type":"Person","preferredUsername":"me",)"
        R"("name":"Me","url":"https://social.example/@me",)"
        R"("followers":"https://social.example/users/me/followers"})";
    const std::string outbox = R"({"type":"OrderedCollection","orderedItems":[]})";
    const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
    const bool fuzz_actor = data[0] % 2 == 1;
    kith::import::MastodonArchiveImporter importer;
    return kith::fuzz::run_archive_importer(
        importer,
        {{"actor.json", fuzz_actor ? input : actor}, {"outbox.json", fuzz_actor ? outbox : input}},
        false);
}
