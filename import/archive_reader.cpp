#include "import/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace kith::import {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

constexpr std::size_t kBlockBytes = 64 * 1024;
constexpr const char* kHint =
    "Download the archive again; Kith reads .zip and .tar.gz archives as the services make them.";

std::string mib(std::uint64_t bytes) {
    return std::to_string(bytes >> 20) + " MiB";
}

}  // namespace

bool unsafe_entry_name(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.front() == '\\') return true;
    if (name.size() >= 2 && name[1] == ':') return true;  // "C:\…" on Windows-made archives
    std::size_t start = 0;
    while (start <= name.size()) {
        const auto end = name.find_first_of("/\\", start);
        const auto part =
            name.substr(start, end == std::string_view::npos ? name.npos : end - start);
        if (part == "..") return true;
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return false;
}

ArchiveReader::ArchiveReader(struct archive* a, std::string path, ArchiveLimits limits)
    : m_archive(a), m_path(std::move(path)), m_limits(limits) {}

ArchiveReader::~ArchiveReader() {
    archive_read_free(m_archive);
}

Result<std::unique_ptr<ArchiveReader>> ArchiveReader::open(const std::string& path,
                                                           ArchiveLimits limits) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return make_error(ErrorCode::io, path + " is a folder, not an archive",
                          "Pick the .zip or .tar.gz file you downloaded, without unpacking it.");
    if (!std::filesystem::exists(path, ec))
        return make_error(ErrorCode::not_found, "cannot open " + path + ": no such file",
                          "Check the file name and path.");
    struct archive* a = archive_read_new();
    if (!a) return make_error(ErrorCode::internal, "libarchive could not start");
    archive_read_support_filter_all(a);
    archive_read_support_format_zip(a);
    archive_read_support_format_tar(a);
    if (archive_read_open_filename(a, path.c_str(), kBlockBytes) != ARCHIVE_OK) {
        std::string why = archive_error_string(a) ? archive_error_string(a) : "unknown error";
        archive_read_free(a);
        return make_error(ErrorCode::format, path + " is not a readable zip or tar archive: " + why,
                          kHint);
    }
    return std::unique_ptr<ArchiveReader>(new ArchiveReader(a, path, limits));
}

core::Error ArchiveReader::fail(const std::string& what) const {
    const char* why = archive_error_string(m_archive);
    std::string where = m_entry.empty() ? m_path : m_path + " (" + m_entry + ")";
    return make_error(ErrorCode::format,
                      where + ": " + what + (why ? std::string(": ") + why : std::string()), kHint);
}

Result<std::optional<ArchiveEntry>> ArchiveReader::next() {
    struct archive_entry* e = nullptr;
    const int r = archive_read_next_header(m_archive, &e);
    if (r == ARCHIVE_EOF) return std::optional<ArchiveEntry>{};
    if (r < ARCHIVE_WARN) return fail("damaged or truncated archive");
    if (++m_entries > m_limits.max_entries)
        return make_error(ErrorCode::format,
                          m_path + " holds more than " + std::to_string(m_limits.max_entries) +
                              " entries; refused as a possible archive bomb",
                          kHint);
    ArchiveEntry out;
    const char* name = archive_entry_pathname_utf8(e);
    if (!name) name = archive_entry_pathname(e);
    out.name = name ? name : "";
    m_entry = out.name;
    m_entry_bytes = 0;
    if (unsafe_entry_name(out.name))
        return make_error(ErrorCode::format,
                          m_path + " holds an entry named \"" + out.name +
                              "\" that points outside the archive (zip-slip); refused",
                          "This archive was not made by the service; do not open it.");
    out.regular = archive_entry_filetype(e) == AE_IFREG;
    if (archive_entry_size_is_set(e)) out.size = archive_entry_size(e);
    // Sizes are checked when an entry is read: archives hold big media files that are skipped
    // unread (a seek in a zip), and only what is unpacked can exhaust anything.
    m_declared = out.size;
    out.mtime = core::from_unix(archive_entry_mtime(e));
    return std::optional<ArchiveEntry>{std::move(out)};
}

Result<std::size_t> ArchiveReader::read(char* buf, std::size_t n) {
    if (m_entry_bytes == 0 && m_declared > 0 &&
        static_cast<std::uint64_t>(m_declared) > m_limits.max_entry_bytes)
        return make_error(ErrorCode::format,
                          m_path + ": entry " + m_entry + " declares " + mib(m_declared) +
                              " uncompressed, more than the " + mib(m_limits.max_entry_bytes) +
                              " allowed; refused as a possible zip bomb",
                          kHint);
    const auto got = archive_read_data(m_archive, buf, n);
    if (got < 0) return fail("cannot read entry data");
    const auto size = static_cast<std::uint64_t>(got);
    m_entry_bytes += size;
    m_total_bytes += size;
    if (m_entry_bytes > m_limits.max_entry_bytes)
        return make_error(ErrorCode::format,
                          m_path + ": entry " + m_entry + " unpacks to more than " +
                              mib(m_limits.max_entry_bytes) + "; refused as a possible zip bomb",
                          kHint);
    if (m_total_bytes > m_limits.max_total_bytes)
        return make_error(ErrorCode::format,
                          m_path + " unpacks to more than " + mib(m_limits.max_total_bytes) +
                              "; refused as a possible archive bomb",
                          kHint);
    // A bomb is caught by its ratio long before the size caps: those must allow the biggest
    // real data files, which would take minutes to unpack from a few MiB of repeated blocks.
    if (m_total_bytes > m_limits.ratio_free_bytes &&
        m_total_bytes / std::max<std::uint64_t>(position(), 1) > m_limits.max_ratio)
        return make_error(ErrorCode::format,
                          m_path + ": entry " + m_entry + " unpacks to more than " +
                              std::to_string(m_limits.max_ratio) + " times its compressed size (" +
                              mib(m_total_bytes) + " from " + std::to_string(position() >> 10) +
                              " KiB); refused as a possible zip bomb",
                          kHint);
    return static_cast<std::size_t>(got);
}

std::uint64_t ArchiveReader::position() const {
    const auto p = archive_filter_bytes(m_archive, -1);
    return p < 0 ? 0 : static_cast<std::uint64_t>(p);
}

EntryStreamBuf::EntryStreamBuf(ArchiveReader& reader) : m_reader(reader) {}

std::uint64_t EntryStreamBuf::consumed() const {
    return m_before + static_cast<std::uint64_t>(gptr() - eback());
}

EntryStreamBuf::int_type EntryStreamBuf::underflow() {
    if (m_error) return traits_type::eof();
    m_before += static_cast<std::uint64_t>(egptr() - eback());
    m_buf.resize(kBlockBytes);
    auto got = m_reader.read(m_buf.data(), m_buf.size());
    if (!got) {
        m_error = got.error();
        setg(nullptr, nullptr, nullptr);
        return traits_type::eof();
    }
    if (*got == 0) {
        setg(nullptr, nullptr, nullptr);
        return traits_type::eof();
    }
    setg(m_buf.data(), m_buf.data(), m_buf.data() + *got);
    return traits_type::to_int_type(m_buf[0]);
}

Result<std::string> read_small_entry(ArchiveReader& reader, std::size_t max_bytes) {
    std::string out;
    char buf[kBlockBytes];
    for (;;) {
        auto got = reader.read(buf, sizeof buf);
        if (!got) return got.error();
        if (*got == 0) return out;
        if (out.size() + *got > max_bytes)
            return make_error(ErrorCode::format,
                              reader.path() + ": " + reader.entry_name() + " is larger than " +
                                  mib(max_bytes) + ", more than such a file ever holds",
                              kHint);
        out.append(buf, *got);
    }
}

}  // namespace kith::import
