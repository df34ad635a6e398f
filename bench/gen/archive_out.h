#pragma once
// Writes .zip and .tar.gz archives through libarchive, entry by entry, without holding an
// entry in memory: zip entries stream (sizes unknown up front), tar entries are copied from a
// file on disk (tar headers need the size first).

#include <filesystem>
#include <string>
#include <string_view>

struct archive;

namespace kith::bench {

/// An archive being written. Throws std::runtime_error on libarchive errors. Not copyable.
class ArchiveOut {
  public:
    enum class Format { zip, tar_gz };
    ArchiveOut(const std::filesystem::path& path, Format format);
    ~ArchiveOut();
    ArchiveOut(const ArchiveOut&) = delete;
    ArchiveOut& operator=(const ArchiveOut&) = delete;

    /// Starts an entry of unknown size (zip only); `put` then appends to it.
    void begin(const std::string& name);
    void put(std::string_view s);
    /// Adds the file at `from` as entry `name`.
    void add_file(const std::string& name, const std::filesystem::path& from);
    /// Finishes the archive; errors are thrown here.
    void close();

  private:
    void header(const std::string& name, long long size);
    void flush();
    struct archive* m_a = nullptr;
    std::string m_buf;
};

}  // namespace kith::bench
