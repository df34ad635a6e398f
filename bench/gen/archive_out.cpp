#include "bench/gen/archive_out.h"

#include <archive.h>
#include <archive_entry.h>

#include <fstream>
#include <stdexcept>
#include <vector>

namespace kith::bench {

ArchiveOut::ArchiveOut(const std::filesystem::path& path, Format format)
    : m_a(archive_write_new()) {
    if (format == Format::zip) {
        archive_write_set_format_zip(m_a);
    } else {
        archive_write_set_format_pax_restricted(m_a);
        archive_write_add_filter_gzip(m_a);
    }
    if (archive_write_open_filename(m_a, path.c_str()) != ARCHIVE_OK)
        throw std::runtime_error(std::string("cannot write ") + path.string() + ": " +
                                 archive_error_string(m_a));
}

ArchiveOut::~ArchiveOut() {
    if (m_a) archive_write_free(m_a);
}

void ArchiveOut::header(const std::string& name, long long size) {
    flush();
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_mtime(e, 1'790'000'000, 0);
    if (size >= 0) archive_entry_set_size(e, size);
    const int rc = archive_write_header(m_a, e);
    archive_entry_free(e);
    if (rc != ARCHIVE_OK) throw std::runtime_error(archive_error_string(m_a));
}

void ArchiveOut::begin(const std::string& name) {
    header(name, -1);
}

void ArchiveOut::put(std::string_view s) {
    m_buf.append(s);
    if (m_buf.size() >= (1 << 20)) flush();
}

void ArchiveOut::flush() {
    if (!m_buf.empty() && archive_write_data(m_a, m_buf.data(), m_buf.size()) < 0)
        throw std::runtime_error(archive_error_string(m_a));
    m_buf.clear();
}

void ArchiveOut::add_file(const std::string& name, const std::filesystem::path& from) {
    header(name, static_cast<long long>(std::filesystem::file_size(from)));
    std::ifstream in(from, std::ios::binary);
    std::vector<char> chunk(1 << 20);
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = in.gcount();
        if (got > 0 && archive_write_data(m_a, chunk.data(), static_cast<std::size_t>(got)) < 0)
            throw std::runtime_error(archive_error_string(m_a));
    }
}

void ArchiveOut::close() {
    flush();
    if (archive_write_close(m_a) != ARCHIVE_OK) throw std::runtime_error(archive_error_string(m_a));
    archive_write_free(m_a);
    m_a = nullptr;
}

}  // namespace kith::bench
