#include "bench/harness/bench_results.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <cstdarg>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kith::bench {

namespace {

constexpr const char* kBegin = "<!-- kith-bench:begin -->";
constexpr const char* kEnd = "<!-- kith-bench:end -->";

std::string machine() {
    std::string cpu;
    std::ifstream info("/proc/cpuinfo");
    for (std::string line; std::getline(info, line);)
        if (line.rfind("model name", 0) == 0) {
            cpu = line.substr(line.find(':') + 2);
            break;
        }
    return strf("%ld cores, %s", sysconf(_SC_NPROCESSORS_ONLN), cpu.empty() ? "?" : cpu.c_str());
}

}  // namespace

std::string strf(const char* fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return buf;
}

void BenchResults::add(std::string what, std::string value, std::string target) {
    std::printf("%-48s %-34s %s\n", what.c_str(), value.c_str(),
                target.empty() ? "" : ("target " + target).c_str());
    std::fflush(stdout);
    m_figures.push_back({std::move(what), std::move(value), std::move(target)});
}

void BenchResults::fail(const std::string& what) {
    std::printf("FAILED: %s\n", what.c_str());
    std::fflush(stdout);
    m_failures.push_back(what);
}

std::string BenchResults::markdown(const std::string& command) const {
    char date[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
    std::ostringstream md;
    md << "Measured by `" << command << "` on " << date << " (" << machine()
       << ", shared with other work: wall times are noisy).\n\n"
       << "| figure | measured | target |\n| --- | --- | --- |\n";
    for (const auto& f : m_figures)
        md << "| " << f.what << " | " << f.value << " | " << f.target << " |\n";
    for (auto f : m_failures) {
        for (auto& c : f)
            if (c == '|' || c == '\n') c = ' ';  // one table cell
        md << "| FAILED | " << f << " | |\n";
    }
    return md.str();
}

void BenchResults::write_readme(const std::filesystem::path& readme,
                                const std::string& command) const {
    std::ifstream in(readme);
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    const auto b = s.find(kBegin), e = s.find(kEnd);
    if (!in || b == std::string::npos || e == std::string::npos || e < b)
        throw std::runtime_error(readme.string() + " has no " + kBegin + " … " + kEnd + " markers");
    const auto from = b + std::string(kBegin).size();
    s.replace(from, e - from, "\n" + markdown(command));
    std::ofstream out(readme, std::ios::trunc);
    out << s;
    if (!out) throw std::runtime_error("cannot write " + readme.string());
}

}  // namespace kith::bench
