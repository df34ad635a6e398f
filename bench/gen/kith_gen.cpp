// kith-gen: writes realistic, deterministic import inputs for the benchmarks and the CI check.
//
//   kith-gen --size small|medium|large --out DIR [--seed N]
//
// DIR gets mail.mbox, Maildir/, twitter-archive.zip, mastodon-archive.tar.gz, wordpress.xml,
// disqus.xml, contacts.vcf, calendar.ics and manifest.json (the counts importing them must give).

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "bench/gen/corpus_generator.h"

int main(int argc, char** argv) {
    std::string size_name = "small", out;
    std::uint64_t seed = 20261129;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--size" && i + 1 < argc)
            size_name = argv[++i];
        else if (a == "--out" && i + 1 < argc)
            out = argv[++i];
        else if (a == "--seed" && i + 1 < argc)
            seed = std::strtoull(argv[++i], nullptr, 10);
        else
            out.clear(), i = argc;
    }
    const auto size = kith::bench::corpus_size(size_name);
    if (!size || out.empty()) {
        std::fprintf(stderr, "usage: kith-gen --size small|medium|large --out DIR [--seed N]\n");
        return 2;
    }
    try {
        const auto m = kith::bench::generate_corpus(*size, seed, out);
        for (const auto& e : m.inputs)
            std::printf(
                "%-18s %-24s %9llu records: %9llu interactions, %7llu follows, %7llu skipped\n",
                e.kind.c_str(), e.file.c_str(), static_cast<unsigned long long>(e.records),
                static_cast<unsigned long long>(e.interactions),
                static_cast<unsigned long long>(e.follows),
                static_cast<unsigned long long>(e.skipped));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kith-gen: %s\n", e.what());
        return 1;
    }
    return 0;
}
