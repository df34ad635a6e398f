#pragma once
// Reads the entries of a .zip or .tar.gz archive in memory through libarchive: nothing is ever
// extracted to disk, and hostile archives (zip-slip names, bombs, truncation) become Errors.

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <streambuf>
#include <string>

#include "core/result.h"
#include "core/time.h"

struct archive;

namespace kith::import {

/// Caps that keep a hostile archive from exhausting memory or time.
struct ArchiveLimits {
    std::uint64_t max_entry_bytes = std::uint64_t{8} << 30;   ///< uncompressed, one entry
    std::uint64_t max_total_bytes = std::uint64_t{32} << 30;  ///< uncompressed, one pass
    std::uint64_t max_entries = 1'000'000;
    /// Unpacked bytes per compressed byte read, checked once `ratio_free_bytes` are unpacked.
    /// Real archives stay far below (JSON deflates about 10:1, media not at all); a bomb's
    /// entries unpack about 1000:1, so it is stopped after `ratio_free_bytes`, not gigabytes.
    std::uint64_t max_ratio = 100;
    std::uint64_t ratio_free_bytes = std::uint64_t{64} << 20;
};

/// One entry's header.
struct ArchiveEntry {
    std::string name;         ///< as stored, "data/tweets.js"
    std::int64_t size = -1;   ///< declared uncompressed size, -1 when unknown
    bool regular = false;     ///< a regular file (not a folder, link or device)
    core::TimePoint mtime{};  ///< modification time stored in the archive
};

/// A forward-only pass over an archive's entries. Names with ".." components or absolute
/// paths and more than `max_entries` entries are errors; so is reading an entry that declares
/// or unpacks to more than `max_entry_bytes`, more than `max_total_bytes` read in all, or more
/// than `max_ratio` times the compressed bytes read (past `ratio_free_bytes`).
/// Entries that are skipped unread cost nothing (media in archives may be many GB). Not
/// thread-safe.
class ArchiveReader {
  public:
    /// Opens `path` (zip or tar, optionally gzip/bzip2/xz-compressed; detected from content).
    static core::Result<std::unique_ptr<ArchiveReader>> open(const std::string& path,
                                                             ArchiveLimits limits = {});
    ~ArchiveReader();
    ArchiveReader(const ArchiveReader&) = delete;
    ArchiveReader& operator=(const ArchiveReader&) = delete;

    /// The next entry, nullopt at the end, or an Error for a damaged or hostile archive.
    core::Result<std::optional<ArchiveEntry>> next();

    /// Reads up to `n` bytes of the current entry's data; 0 at its end.
    core::Result<std::size_t> read(char* buf, std::size_t n);

    /// Compressed bytes consumed so far (for progress).
    std::uint64_t position() const;

    const std::string& path() const { return m_path; }
    const std::string& entry_name() const { return m_entry; }

  private:
    ArchiveReader(struct archive* a, std::string path, ArchiveLimits limits);
    core::Error fail(const std::string& what) const;

    struct archive* m_archive;
    std::string m_path, m_entry;
    ArchiveLimits m_limits;
    std::uint64_t m_entries = 0, m_entry_bytes = 0, m_total_bytes = 0;
    std::int64_t m_declared = -1;  ///< the current entry's declared size
};

/// A std::streambuf over the current entry's data, so parsers can read it as an istream. A read
/// error (damage, a cap exceeded) ends the stream; `error()` then says what happened.
class EntryStreamBuf final : public std::streambuf {
  public:
    explicit EntryStreamBuf(ArchiveReader& reader);
    /// Bytes handed to the reader of the stream so far.
    std::uint64_t consumed() const;
    const std::optional<core::Error>& error() const { return m_error; }

  protected:
    int_type underflow() override;

  private:
    ArchiveReader& m_reader;
    std::string m_buf;
    std::uint64_t m_before = 0;  ///< bytes of earlier buffers
    std::optional<core::Error> m_error;
};

/// Reads the whole current entry into a string when it is at most `max_bytes` long (small
/// files: account.js, the manifest); an Error otherwise.
core::Result<std::string> read_small_entry(ArchiveReader& reader, std::size_t max_bytes);

/// True when `name` would escape a target folder if it were extracted ("../x", "/etc/x", "C:\x").
bool unsafe_entry_name(std::string_view name);

}  // namespace kith::import
