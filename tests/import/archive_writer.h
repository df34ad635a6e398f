#pragma once
// Builds small .zip and .tar.gz fixtures at test time with libarchive's write API, from inline
// file contents, so the tests need no binary fixtures and no extraction.

#include <archive.h>
#include <archive_entry.h>

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace kith::import::test {

/// One file of a fixture archive.
struct FixtureFile {
    std::string name;
    std::string content;
};

/// zip (deflated) and tar.gz as the services make them; zip_stored and tar (uncompressed) are
/// cheaper to write, for the fuzzers.
enum class FixtureFormat { zip, tar_gz, zip_stored, tar };

/// Writes `files` into a new archive at `path` (entries stamped `mtime`).
inline void write_archive(const std::filesystem::path& path, const std::vector<FixtureFile>& files,
                          FixtureFormat format = FixtureFormat::zip,
                          std::time_t mtime = 1'700'000'000) {
    struct archive* a = archive_write_new();
    if (format == FixtureFormat::zip || format == FixtureFormat::zip_stored) {
        archive_write_set_format_zip(a);
        if (format == FixtureFormat::zip_stored)
            archive_write_set_options(a, "zip:compression=store");
    } else {
        archive_write_set_format_pax_restricted(a);
        if (format == FixtureFormat::tar_gz) archive_write_add_filter_gzip(a);
    }
    if (archive_write_open_filename(a, path.c_str()) != ARCHIVE_OK)
        throw std::runtime_error(archive_error_string(a));
    for (const auto& f : files) {
        struct archive_entry* e = archive_entry_new();
        archive_entry_set_pathname(e, f.name.c_str());
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_size(e, static_cast<la_int64_t>(f.content.size()));
        archive_entry_set_mtime(e, mtime, 0);
        if (archive_write_header(a, e) != ARCHIVE_OK)
            throw std::runtime_error(archive_error_string(a));
        if (!f.content.empty() && archive_write_data(a, f.content.data(), f.content.size()) < 0)
            throw std::runtime_error(archive_error_string(a));
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
}

}  // namespace kith::import::test
