#include "bench/gen/corpus_size.h"

namespace kith::bench {

std::optional<CorpusSize> corpus_size(std::string_view name) {
    // Large is the scale: 100k messages, 1M tweets + 200k DMs + 100k followers, 1M
    // comments (WXR + Disqus), 50k people (the demo database: ~2M interactions).
    if (name == "small")
        return CorpusSize{"small", 300, 1500, 4000, 600, 400, 800, 3000, 1000, 100, 2000};
    if (name == "medium")
        return CorpusSize{"medium", 5000,  20000, 100000, 20000, 10000,
                          20000,    80000, 20000, 2000,   10000};
    if (name == "large")
        return CorpusSize{"large", 50000,  100000, 1000000, 200000, 100000,
                          200000,  800000, 200000, 20000,   50000};
    return std::nullopt;
}

}  // namespace kith::bench
