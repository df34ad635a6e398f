#pragma once
// The figures one kith-bench run measured, printed as they come and written as the README's
// results table (between markers, so the table is regenerated, never typed).

#include <filesystem>
#include <string>
#include <vector>

namespace kith::bench {

/// One measured figure, with the target it answers to (empty: none).
struct Figure {
    std::string what;
    std::string value;
    std::string target;
};

/// Collects figures and failures of a run.
class BenchResults {
  public:
    /// Records and prints a figure.
    void add(std::string what, std::string value, std::string target = {});
    /// Records and prints a failure (a crash, an error or a wrong count).
    void fail(const std::string& what);
    bool failed() const { return !m_failures.empty(); }
    const std::vector<std::string>& failures() const { return m_failures; }
    /// The Markdown table with a heading line naming the command, date and machine.
    std::string markdown(const std::string& command) const;
    /// Replaces the text between "<!-- kith-bench:begin -->" and "<!-- kith-bench:end -->" in
    /// `readme` with markdown(command). Throws std::runtime_error when a marker is missing.
    void write_readme(const std::filesystem::path& readme, const std::string& command) const;

  private:
    std::vector<Figure> m_figures;
    std::vector<std::string> m_failures;
};

/// printf into a std::string.
std::string strf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace kith::bench
