// Archive bombs, generated here (never committed): a zip and a tar.gz of a few MiB whose data
// file unpacks to 3 GiB, below the per-entry size cap, so only the compression-ratio check of
// import/archive_reader.cpp can stop them early. The import must fail with a clear error in
// seconds, in bounded memory, writing nothing.
#include <doctest/doctest.h>
#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "tests/import/hostile_support.h"

using namespace kith;
using import::test::import_in_child;
using import::test::kUnderAsan;
using import::test::Scene;

namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kBombBytes = std::uint64_t{3} << 30;  // what each bomb unpacks to
constexpr std::size_t kBlock = 1 << 20;                       // one repeated piece: 1 MiB
const std::string kActor =
    R"({"id":"https://social.example/users/me","type":"Person","preferredUsername":"me"})";

/// Raw deflate (or gzip with `gzip`) of `data`, ended by a full flush (`finish` false: the
/// compressor starts afresh after it, so the piece can be repeated) or as the stream's end.
std::string deflate_piece(const std::string& data, bool gzip, bool finish) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, gzip ? 31 : -15, 9, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&z, data.size()) + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&z, finish ? Z_FINISH : Z_FULL_FLUSH) != Z_STREAM_ERROR);
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    return out;
}

void put16(std::string& s, std::uint32_t v) {
    s += static_cast<char>(v & 0xFF), s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, std::uint32_t v) {
    put16(s, v & 0xFFFF), put16(s, v >> 16);
}

/// A zip header (local `sig` 0x04034b50 or central 0x02014b50) for one entry.
std::string zip_header(bool central, const std::string& name, std::uint16_t method,
                       std::uint32_t crc, std::uint32_t csize, std::uint32_t usize,
                       std::uint32_t offset) {
    std::string h;
    put32(h, central ? 0x02014b50 : 0x04034b50);
    if (central) put16(h, 20);                                                   // made by
    put16(h, 20), put16(h, 0), put16(h, method), put16(h, 0), put16(h, 0x5821);  // 2024-01-01
    put32(h, crc), put32(h, csize), put32(h, usize);
    put16(h, static_cast<std::uint32_t>(name.size())), put16(h, 0);
    if (central) put16(h, 0), put16(h, 0), put16(h, 0), put32(h, 0), put32(h, offset);
    return h + name;
}

/// A Twitter archive zip: data/account.js stored, then data/tweets.js: "window.YTD… = [" and
/// 3 GiB of spaces (valid JSON so far: a parser keeps reading), deflated from repeated pieces.
void write_zip_bomb(const fs::path& path) {
    const std::string account =
        R"(window.YTD.account.part0 = [ { "account" : { "username" : "MeHandle", )"
        R"("accountId" : "12" } } ])";
    const std::string head = "window.YTD.tweets.part0 = [ ";
    const std::string first = deflate_piece(head, false, false);
    const std::string piece = deflate_piece(std::string(kBlock, ' '), false, false);
    const std::string last = deflate_piece("", false, true);
    const std::uint64_t n = kBombBytes / kBlock;
    const auto csize = static_cast<std::uint32_t>(first.size() + n * piece.size() + last.size());
    const auto usize = static_cast<std::uint32_t>(head.size() + n * kBlock);
    const auto crc = static_cast<std::uint32_t>(crc32(
        0, reinterpret_cast<const Bytef*>(account.data()), static_cast<uInt>(account.size())));

    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    std::string central;
    std::uint32_t at = 0;
    auto entry = [&](const std::string& name, std::uint16_t method, std::uint32_t c,
                     std::uint32_t cs, std::uint32_t us) {
        const auto local = zip_header(false, name, method, c, cs, us, 0);
        out << local;
        central += zip_header(true, name, method, c, cs, us, at);
        at += static_cast<std::uint32_t>(local.size()) + cs;
    };
    entry("data/account.js", 0, crc, static_cast<std::uint32_t>(account.size()),
          static_cast<std::uint32_t>(account.size()));
    out << account;
    entry("data/tweets.js", 8, 0 /* never reached: the CRC is checked at the end */, csize, usize);
    out << first;
    for (std::uint64_t i = 0; i < n; ++i) out << piece;
    out << last;
    std::string end;
    put32(end, 0x06054b50), put16(end, 0), put16(end, 0), put16(end, 2), put16(end, 2);
    put32(end, static_cast<std::uint32_t>(central.size())), put32(end, at), put16(end, 0);
    out << central << end;
}

/// A 512-byte ustar header for a regular file of `size` bytes.
std::string tar_header(const std::string& name, std::uint64_t size) {
    std::string h(512, '\0');
    auto field = [&](std::size_t at, std::size_t width, std::uint64_t v) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%0*llo", static_cast<int>(width - 1),
                      static_cast<unsigned long long>(v));
        h.replace(at, width - 1, buf);
    };
    h.replace(0, name.size(), name);
    field(100, 8, 0644), field(108, 8, 0), field(116, 8, 0), field(124, 12, size);
    field(136, 12, 1'700'000'000);
    h[156] = '0';
    h.replace(257, 6, std::string("ustar\0", 6)), h.replace(263, 2, "00");
    h.replace(148, 8, "        ");
    unsigned sum = 0;
    for (const unsigned char c : h) sum += c;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%06o", sum);
    h.replace(148, 7, std::string(buf, 6) + '\0');
    return h;
}

/// A Mastodon archive .tar.gz: actor.json, then outbox.json declaring 3 GiB: `{"orderedItems":[`
/// and spaces, as concatenated gzip members (each a repeat of one compressed MiB).
void write_tar_gz_bomb(const fs::path& path) {
    const std::string head = R"({"orderedItems":[)";
    const std::uint64_t size = head.size() + (kBombBytes / kBlock) * kBlock;
    std::string start = tar_header("actor.json", kActor.size()) + kActor;
    start.resize((start.size() + 511) / 512 * 512, '\0');
    start += tar_header("outbox.json", size) + head;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << deflate_piece(start, true, true);
    const std::string piece = deflate_piece(std::string(kBlock, ' '), true, true);
    for (std::uint64_t i = 0; i < kBombBytes / kBlock; ++i) out << piece;
}

}  // namespace

TEST_CASE("hostile: zip and tar.gz bombs stop with a clear error, fast, in bounded memory") {
    struct Row {
        const char* quirk;
        std::string kind, file;
        void (*write)(const fs::path&);
    };
    const std::vector<Row> table = {
        {"a Twitter .zip whose tweets.js deflates 3 GiB from 3 MiB", "twitter", "twitter.zip",
         write_zip_bomb},
        {"a Mastodon .tar.gz whose outbox.json is 3 GiB of concatenated gzip members",
         "mastodon-archive", "archive.tar.gz", write_tar_gz_bomb},
    };
    for (const auto& row : table) {
        const std::string quirk = row.quirk;
        CAPTURE(quirk);
        Scene s;
        const auto input = s.dir / row.file;
        row.write(input);
        CHECK(fs::file_size(input) < (8u << 20));  // small on disk
        const auto run = import_in_child(row.kind, input, s.db, s.work);
        CAPTURE(run.report);
        REQUIRE(run.exited);
        CHECK(run.exit_code == 1);
        CHECK(run.report.find("possible zip bomb") != std::string::npos);
        CHECK(run.report.find(row.file) != std::string::npos);  // says which file
        CHECK(run.seconds < (kUnderAsan ? 60 : 20));
        CHECK(run.peak_memory_kib() < 100 * 1024);
        auto check = kith::test::open_db(s.db);
        CHECK(kith::test::count_rows(*check, "interactions") == 0);
        MESSAGE(quirk << ": " << run.seconds << " s, " << run.memory_report());
    }
}

TEST_CASE("hostile: huge white space or strings in an uncompressed archive stay out of memory") {
    // Found with the bombs above: the JSON lexer kept every byte it read until the next token,
    // so 64 MiB of spaces cost 220 MiB; an uncompressed .tar (ratio 1, no bomb) could hold GBs.
    struct Row {
        const char* quirk;
        std::string head;
        char fill;
        std::string tail;
        bool completes;
        std::string expected;
    };
    const std::vector<Row> table = {
        {"100 MiB of white space between items (pretty-printing gone wrong)",
         R"({"orderedItems":[)", ' ', "]}", true, "added=0"},
        {"one 100 MiB string in an item", R"({"orderedItems":[{"type":"Create","object":")", 'a',
         "\"}]}", false, "a string longer than 4 MiB"},
    };
    for (const auto& row : table) {
        const std::string quirk = row.quirk;
        CAPTURE(quirk);
        Scene s;
        const auto input = s.dir / "archive.tar";
        const std::uint64_t n = std::uint64_t{100} << 20;
        {
            std::string start = tar_header("actor.json", kActor.size()) + kActor;
            start.resize((start.size() + 511) / 512 * 512, '\0');
            const auto size = row.head.size() + n + row.tail.size();
            start += tar_header("outbox.json", size) + row.head;
            std::ofstream out(input, std::ios::binary | std::ios::trunc);
            out << start;
            const std::string chunk(kBlock, row.fill);
            for (std::uint64_t i = 0; i < n / kBlock; ++i) out << chunk;
            std::string end = row.tail;
            end.resize(end.size() + (512 - size % 512) % 512 + 1024, '\0');  // padding, end
            out << end;
        }
        const auto run = import_in_child("mastodon-archive", input, s.db, s.work);
        CAPTURE(run.report);
        REQUIRE(run.exited);
        CHECK(run.exit_code == (row.completes ? 0 : 1));
        CHECK(run.report.find(row.expected) != std::string::npos);
        CHECK(run.peak_memory_kib() < 100 * 1024);
        MESSAGE(quirk << ": " << run.seconds << " s, " << run.memory_report());
    }
}
