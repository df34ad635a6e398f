#include "tests/fuzz/fuzz_support.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace kith::fuzz {

namespace {

// Years 1–9999: what core::format_iso and the database's dates can show; an importer must
// refuse (warn about) anything else instead of storing it.
const core::TimePoint kMinTime = std::chrono::sys_days{std::chrono::year{1} / 1 / 1};
const core::TimePoint kMaxTime =
    std::chrono::sys_days{std::chrono::year{9999} / 12 / 31} + std::chrono::hours{24};

/// Reads every byte, so ASan catches a string built from freed or foreign memory.
void touch(std::string_view s) {
    volatile unsigned sum = 0;
    for (const char c : s) sum = sum + static_cast<unsigned char>(c);
}

void check_time(core::TimePoint t, const char* what) {
    require(t >= kMinTime && t < kMaxTime, what);
}

void check_identity(const core::Identity& id) {
    require(!id.value.empty(), "an identity with an empty value");
    touch(id.value);
    touch(id.display);
}

void check_participants(const std::vector<core::Participant>& people) {
    for (const auto& p : people) {
        check_identity(p.identity);
        touch(p.display_name);
    }
}

struct ScratchFiles {
    std::vector<std::string> paths;
    ~ScratchFiles() {
        for (const auto& p : paths) std::remove(p.c_str());
    }
};

ScratchFiles& scratch() {
    static ScratchFiles files;
    return files;
}

std::string scratch_path(std::string_view suffix) {
    const char* tmp = std::getenv("TMPDIR");
    std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/kith-fuzz-" +
                       std::to_string(::getpid()) + std::string(suffix);
    auto& paths = scratch().paths;
    if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
    return path;
}

}  // namespace

void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "kith fuzz invariant broken: %s\n", what);
    std::abort();
}

core::Result<void> CheckingSink::interaction(const core::InteractionRecord& r) {
    touch(r.ext_ns), touch(r.ext_id), touch(r.thread_key), touch(r.subject), touch(r.text);
    touch(r.url), touch(r.place);
    check_time(r.at, "an interaction dated outside years 1-9999");
    check_participants(r.participants);
    return {};
}

core::Result<void> CheckingSink::follow_edge(const core::FollowEdgeRecord& r) {
    check_identity(r.their);
    touch(r.display_name);
    check_time(r.seen_at, "a follow edge seen outside years 1-9999");
    return {};
}

core::Result<void> CheckingSink::contact(const core::ContactRecord& r) {
    touch(r.ext_ns), touch(r.ext_id), touch(r.display_name), touch(r.notes);
    for (const auto& id : r.identities) check_identity(id);
    for (const auto& c : r.circles) touch(c);
    return {};
}

core::Result<void> CheckingSink::followup(const core::FollowUpRecord& r) {
    touch(r.ext_ns), touch(r.ext_id), touch(r.text);
    check_time(r.due, "a follow-up due outside years 1-9999");
    check_participants(r.people);
    return {};
}

void CheckingSink::warning(core::ImportWarning w) {
    touch(w.location);
    touch(w.message);
}

void CheckingSink::skipped(std::uint64_t, std::string_view reason) {
    touch(reason);
}

bool CheckingSink::is_me(const core::Identity& id) const {
    for (const auto& m : mine)
        if (m == id) return true;
    return false;
}

std::string scratch_file(const std::uint8_t* data, std::size_t size, std::string_view suffix) {
    const auto path = scratch_path(suffix);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

int run_file_importer(core::Importer& importer, const std::uint8_t* data, std::size_t size,
                      std::string_view suffix, std::map<std::string, std::string> options) {
    core::ImportRequest req{std::string(importer.kind()), scratch_file(data, size, suffix),
                            std::move(options)};
    CheckingSink sink;
    core::NullProgress progress;
    (void)importer.run(req, sink, progress);
    return 0;
}

int run_archive_importer(core::Importer& importer, const std::vector<ArchiveFile>& files,
                         bool zip) {
    const auto path = scratch_path(zip ? ".zip" : ".tar");
    try {
        import::test::write_archive(
            path, files,
            zip ? import::test::FixtureFormat::zip_stored : import::test::FixtureFormat::tar);
    } catch (const std::exception&) {
        require(false, "cannot write the archive");
    }
    core::ImportRequest req{std::string(importer.kind()), path, {}};
    CheckingSink sink;
    core::NullProgress progress;
    (void)importer.run(req, sink, progress);
    return 0;
}

}  // namespace kith::fuzz
