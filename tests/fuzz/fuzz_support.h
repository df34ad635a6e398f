#pragma once
// What the libFuzzer targets share: a sink that takes every record and checks what every sink may
// rely on, and the plumbing that hands one fuzz input to a file or archive importer.
//
// Adding a fuzzer for a new file importer (vCard, ICS, a CSV…) is one file and one CMake line:
//
//   // tests/fuzz/fuzz_vcard.cpp
//   #include "import/vcard_importer.h"
//   #include "tests/fuzz/fuzz_support.h"
//   extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
//       kith::import::VcardImporter importer;
//       return kith::fuzz::run_file_importer(importer, data, size, ".vcf");
//   }
//
//   # tests/fuzz/CMakeLists.txt
//   kith_fuzz_target(vcard fuzz_vcard.cpp)      # seeds: tests/fuzz/seeds/vcard/
//
// and a few small seed files in tests/fuzz/seeds/vcard/ (copies of the test fixtures).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/importer.h"
#include "core/progress.h"
#include "tests/import/archive_writer.h"

namespace kith::fuzz {

/// Takes every record and checks the invariants the database sink relies on; a broken invariant
/// aborts, so libFuzzer reports it with the input. Every byte of every string is read, so ASan
/// sees a dangling view or an overrun in whatever the importer produced.
class CheckingSink final : public core::RecordSink {
  public:
    std::vector<core::Identity> mine;  ///< what is_me answers true for

    core::Result<void> interaction(const core::InteractionRecord& r) override;
    core::Result<void> follow_edge(const core::FollowEdgeRecord& r) override;
    core::Result<void> contact(const core::ContactRecord& r) override;
    core::Result<void> followup(const core::FollowUpRecord& r) override;
    void warning(core::ImportWarning w) override;
    void skipped(std::uint64_t, std::string_view reason) override;
    bool is_me(const core::Identity& id) const override;
    std::optional<std::string> cursor() const override { return m_cursor; }
    void set_cursor(std::string c) override { m_cursor = std::move(c); }

  private:
    std::optional<std::string> m_cursor;
};

/// Aborts with `what` on stderr when `ok` is false (a finding for libFuzzer).
void require(bool ok, const char* what);

/// Writes the input to this process's scratch file (named with `suffix`, under $TMPDIR or /tmp,
/// removed at exit) and returns its path.
std::string scratch_file(const std::uint8_t* data, std::size_t size, std::string_view suffix);

/// Runs `importer` on the input written to a scratch file, with `options`. Errors are fine (the
/// input is random); crashes, sanitizer reports and broken sink invariants are findings.
int run_file_importer(core::Importer& importer, const std::uint8_t* data, std::size_t size,
                      std::string_view suffix, std::map<std::string, std::string> options = {});

/// One file of an archive built for an archive importer.
using ArchiveFile = import::test::FixtureFile;

/// Writes `files` as an uncompressed tar (`zip` false) or a stored .zip to a scratch file and runs
/// `importer` on it: the fuzz input is the content of one of the files, the archive layer
/// (libarchive) is not what is being fuzzed.
int run_archive_importer(core::Importer& importer, const std::vector<ArchiveFile>& files, bool zip);

}  // namespace kith::fuzz
