#pragma once
// The generator's only source of randomness: splitmix64, so the same seed writes the same bytes
// on every platform and compiler (the standard distributions are implementation-defined).

#include <cstdint>
#include <vector>

namespace kith::bench {

/// A seeded, portable pseudo-random sequence. Not thread-safe; one per writer.
class GenRandom {
  public:
    explicit GenRandom(std::uint64_t seed) : m_state(seed) {}

    /// The next 64 random bits.
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n); n must be > 0.
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    /// Uniform in [lo, hi].
    std::uint64_t between(std::uint64_t lo, std::uint64_t hi) { return lo + below(hi - lo + 1); }
    /// True with the given percentage.
    bool percent(unsigned p) { return below(100) < p; }
    /// One element of a non-empty vector.
    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[below(v.size())];
    }

  private:
    std::uint64_t m_state;
};

}  // namespace kith::bench
