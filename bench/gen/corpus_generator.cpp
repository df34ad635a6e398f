#include "bench/gen/corpus_generator.h"

#include "bench/gen/input_writers.h"
#include "bench/gen/roster.h"

namespace kith::bench {

namespace fs = std::filesystem;

CorpusManifest generate_corpus(const CorpusSize& size, std::uint64_t seed, const fs::path& dir) {
    fs::create_directories(dir);
    fs::remove(dir / "manifest.json");  // a half-written corpus must not look complete
    fs::remove_all(dir / "Maildir");
    const Roster roster(size.people, seed);
    CorpusManifest m;
    m.size = size.name;
    m.seed = seed;
    m.my_identities = {roster.me().email,
                       "@" + roster.me().mastodon_user + "@" + roster.me().mastodon_host};
    for (auto& e : write_email_corpus(roster, size, dir, seed)) m.inputs.push_back(std::move(e));
    m.inputs.push_back(write_twitter_archive(roster, size, dir, seed));
    m.inputs.push_back(write_mastodon_archive(roster, size, dir, seed));
    m.inputs.push_back(write_wxr_export(roster, size, dir, seed));
    m.inputs.push_back(write_disqus_export(roster, size, dir, seed));
    m.inputs.push_back(write_vcards(roster, dir, seed));
    m.inputs.push_back(write_calendar(roster, size, dir, seed));
    write_manifest(dir, m);
    return m;
}

}  // namespace kith::bench
