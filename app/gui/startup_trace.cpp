#include "app/gui/startup_trace.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

namespace kith::app {

long process_age_ms() {
    std::ifstream stat("/proc/self/stat");
    std::string skip;
    unsigned long long start = 0;
    // Field 22 is starttime; the command name (field 2) has no spaces for kith.
    for (int i = 1; i < 22 && stat >> skip;) ++i;
    stat >> start;
    double uptime = 0;
    std::ifstream("/proc/uptime") >> uptime;
    return static_cast<long>(uptime * 1000.0 -
                             static_cast<double>(start) * 1000.0 / ::sysconf(_SC_CLK_TCK));
}

void trace_startup(const char* event) {
    if (std::getenv("KITH_STARTUP_TRACE"))
        std::cerr << "kith: " << event << " " << process_age_ms() << " ms after start\n";
}

bool startup_trace_exits() {
    const char* v = std::getenv("KITH_STARTUP_TRACE");
    return v && std::strcmp(v, "exit") == 0;
}

void trace_first_paint() {
    static bool traced = false;
    if (!traced) trace_startup("first paint");
    traced = true;
}

}  // namespace kith::app
