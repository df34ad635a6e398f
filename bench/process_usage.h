#pragma once
// What the benchmarks report about their own process: CPU time and peak memory.

#include <sys/resource.h>

namespace kith::bench {

/// User + system CPU seconds used so far: unlike wall time, it does not count the neighbours'.
inline double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/// Peak resident memory so far, in MB.
inline long peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

}  // namespace kith::bench
