#include "bench/harness/write_floor.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "bench/process_usage.h"
#include "db/database.h"
#include "db/interaction_storage.h"

namespace kith::bench {

namespace fs = std::filesystem;

namespace {

struct FloorParticipant {
    std::int64_t person = 0;
    std::optional<std::int64_t> identity;
    std::string role;
};

/// One interaction as the import stored it, with everything the floor binds ready in memory.
struct FloorRow {
    std::string channel, kind, direction, ext_ns, ext_id, subject, text, url, place;
    std::int64_t at = 0;
    std::optional<std::int64_t> source_id, run_id;
    bool personal = false, bulk = false;
    std::string thread_channel, thread_key, thread_ref;  ///< ref = channel \x1f key; "" = none
    int tail_state = 0;
    std::int64_t tail_person = 0;  ///< 0 = none
    std::vector<FloorParticipant> people;
};

std::optional<std::int64_t> optional_id(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getInt64();
}

std::unique_ptr<db::Database> open_db(const fs::path& p,
                                      db::OpenMode mode = db::OpenMode::read_write) {
    auto r = db::Database::open(p, mode);
    if (!r) throw std::runtime_error("cannot open " + p.string() + ": " + r.error().message);
    return std::move(r).value();
}

std::vector<FloorRow> read_rows(const fs::path& imported) {
    auto db = open_db(imported, db::OpenMode::read_only);
    std::vector<FloorRow> rows;
    std::unordered_map<std::int64_t, std::size_t> index;
    SQLite::Statement q(db->sql(),
                        "SELECT i.id, i.channel, i.kind, i.direction, i.at, i.source_id, i.run_id, "
                        "i.ext_ns, i.ext_id, i.subject, i.text, i.url, i.place, i.personal, "
                        "i.bulk, t.channel, t.key, t.tail_state "
                        "FROM interactions i LEFT JOIN threads t ON t.id = i.thread_id "
                        "ORDER BY i.id");
    while (q.executeStep()) {
        FloorRow r;
        r.channel = q.getColumn(1).getString();
        r.kind = q.getColumn(2).getString();
        r.direction = q.getColumn(3).getString();
        r.at = q.getColumn(4).getInt64();
        r.source_id = optional_id(q.getColumn(5));
        r.run_id = optional_id(q.getColumn(6));
        r.ext_ns = q.getColumn(7).getString();
        r.ext_id = q.getColumn(8).getString();
        r.subject = q.getColumn(9).getString();
        r.text = q.getColumn(10).getString();
        r.url = q.getColumn(11).getString();
        r.place = q.getColumn(12).getString();
        r.personal = q.getColumn(13).getInt() != 0;
        r.bulk = q.getColumn(14).getInt() != 0;
        if (!q.getColumn(15).isNull()) {
            r.thread_channel = q.getColumn(15).getString();
            r.thread_key = q.getColumn(16).getString();
            r.thread_ref = r.thread_channel + '\x1f' + r.thread_key;
            r.tail_state = q.getColumn(17).getInt();
        }
        index.emplace(q.getColumn(0).getInt64(), rows.size());
        rows.push_back(std::move(r));
    }
    SQLite::Statement p(db->sql(),
                        "SELECT interaction_id, person_id, identity_id, role FROM participants");
    while (p.executeStep()) {
        auto& r = rows.at(index.at(p.getColumn(0).getInt64()));
        r.people.push_back(
            {p.getColumn(1).getInt64(), optional_id(p.getColumn(2)), p.getColumn(3).getString()});
    }
    // The tail's person as the writer picks it: the sender of what came in, else the first.
    for (auto& r : rows) {
        for (const auto& person : r.people)
            if (r.tail_person == 0 ||
                (r.direction == "in" && (person.role == "from" || person.role == "author")))
                r.tail_person = person.person;
    }
    return rows;
}

/// The imported database without its interactions: people, identities, sources, runs stay.
void make_template(const fs::path& imported, const fs::path& tmpl) {
    for (const char* ext : {"", "-wal", "-shm"}) fs::remove(tmpl.string() + ext);
    {
        SQLite::Database src(imported.string(), SQLite::OPEN_READONLY);
        SQLite::Statement into(src, "VACUUM INTO ?");
        into.bind(1, tmpl.string());
        into.exec();
    }
    auto db = open_db(tmpl);
    auto& s = db->sql();
    s.exec("BEGIN IMMEDIATE");
    s.exec("DELETE FROM participants");
    s.exec("DELETE FROM interactions");  // its trigger empties interactions_fts
    s.exec("DELETE FROM threads");
    s.exec("UPDATE people SET stats_dirty = 0 WHERE stats_dirty = 1");
    s.exec("COMMIT");
    s.exec("VACUUM");  // the floor writes into fresh pages, as a first import does
}

/// A prepared statement whose text bindings point into rows that outlive the step (no copy).
class RawStatement {
  public:
    RawStatement(sqlite3* db, const char* sql) : m_db(db) {
        if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) !=
            SQLITE_OK)
            throw std::runtime_error(std::string("prepare: ") + sqlite3_errmsg(db));
    }
    ~RawStatement() { sqlite3_finalize(m_stmt); }
    RawStatement(const RawStatement&) = delete;
    RawStatement& operator=(const RawStatement&) = delete;

    RawStatement& text(int i, const std::string& v) {
        sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
        return *this;
    }
    RawStatement& integer(int i, std::int64_t v) {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    RawStatement& id(int i, std::optional<std::int64_t> v) {
        if (v)
            sqlite3_bind_int64(m_stmt, i, *v);
        else
            sqlite3_bind_null(m_stmt, i);
        return *this;
    }
    void run() {
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        if (rc != SQLITE_DONE)
            throw std::runtime_error(std::string("step: ") + sqlite3_errmsg(m_db));
    }

  private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

/// Writes every row into the database at `path` as `parts` says; returns the run's times.
FloorRun write_rows(const fs::path& path, const std::vector<FloorRow>& rows, FloorParts parts,
                    std::size_t batch) {
    auto db = open_db(path);
    sqlite3* h = db->sql().getHandle();
    RawStatement insert(h,
                        "INSERT INTO interactions(channel, kind, direction, at, thread_id, "
                        "source_id, run_id, ext_ns, ext_id, subject, text, url, place, personal, "
                        "bulk, ext_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    RawStatement fts(
        h, "INSERT INTO interactions_fts(rowid, subject, text, place) VALUES (?, ?, ?, ?)");
    RawStatement participant(h,
                             "INSERT INTO participants(interaction_id, person_id, identity_id, "
                             "role, at) VALUES (?, ?, ?, ?, ?)");
    RawStatement thread(h, "INSERT INTO threads(channel, key) VALUES (?, ?)");
    RawStatement tail(h,
                      "UPDATE threads SET tail_interaction_id = ?2, tail_person_id = ?3, "
                      "tail_at = ?4, tail_state = ?5 WHERE id = ?1 AND (tail_at IS NULL "
                      "OR tail_at < ?4 OR (tail_at = ?4 AND tail_interaction_id <= ?2))");
    RawStatement dirty(h, "UPDATE people SET stats_dirty = 1 WHERE id = ? AND stats_dirty = 0");
    std::unordered_map<std::string_view, std::int64_t> threads;
    std::unordered_set<std::int64_t> touched;
    const auto commit = [&] {
        for (const auto person : touched) dirty.integer(1, person).run();
        touched.clear();
        db->sql().exec("COMMIT");
    };

    const auto wall0 = std::chrono::steady_clock::now();
    const double cpu0 = cpu_seconds();
    std::size_t in_batch = 0;
    db->sql().exec("BEGIN IMMEDIATE");
    for (const auto& r : rows) {
        std::optional<std::int64_t> thread_id;
        if (parts.links && !r.thread_ref.empty()) {
            if (auto it = threads.find(r.thread_ref); it != threads.end()) {
                thread_id = it->second;
            } else {
                thread.text(1, r.thread_channel).text(2, r.thread_key).run();
                thread_id = sqlite3_last_insert_rowid(h);
                threads.emplace(r.thread_ref, *thread_id);
            }
        }
        insert.text(1, r.channel).text(2, r.kind).text(3, r.direction).integer(4, r.at);
        insert.id(5, thread_id).id(6, r.source_id).id(7, r.run_id).text(8, r.ext_ns);
        insert.text(9, r.ext_id).text(10, r.subject).text(11, r.text).text(12, r.url);
        insert.text(13, r.place).integer(14, r.personal).integer(15, r.bulk);
        insert.integer(16, db::ext_hash(r.ext_ns, r.ext_id)).run();
        const auto id = sqlite3_last_insert_rowid(h);
        if (parts.fts) fts.integer(1, id).text(2, r.subject).text(3, r.text).text(4, r.place).run();
        if (parts.links) {
            for (const auto& p : r.people) {
                participant.integer(1, id).integer(2, p.person).id(3, p.identity);
                participant.text(4, p.role).integer(5, r.at).run();
                touched.insert(p.person);
            }
            if (thread_id)
                tail.integer(1, *thread_id)
                    .integer(2, id)
                    .integer(3, r.tail_person)
                    .integer(4, r.at)
                    .integer(5, r.tail_state)
                    .run();
        }
        if (++in_batch == batch) {
            commit();
            db->sql().exec("BEGIN IMMEDIATE");
            in_batch = 0;
        }
    }
    commit();
    FloorRun run;
    run.parts = parts;
    run.rows = rows.size();
    run.cpu_s = cpu_seconds() - cpu0;
    run.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    return run;
}

}  // namespace

std::vector<FloorRun> measure_write_floor(const fs::path& imported, const fs::path& scratch,
                                          const std::vector<FloorParts>& parts, int repeat,
                                          std::size_t batch) {
    fs::create_directories(scratch);
    const auto rows = read_rows(imported);
    const auto tmpl = scratch / "floor-template.db";
    make_template(imported, tmpl);
    std::vector<FloorRun> runs;
    for (const auto& p : parts) {
        // A floor is the best of a few runs: a busy machine only ever makes a run slower.
        std::optional<FloorRun> best;
        for (int i = 0; i < repeat; ++i) {
            const auto path = scratch / "floor-run.db";
            for (const char* ext : {"", "-wal", "-shm"}) fs::remove(path.string() + ext);
            fs::copy_file(tmpl, path);
            auto run = write_rows(path, rows, p, batch);
            if (!best || run.cpu_s < best->cpu_s) best = run;
        }
        runs.push_back(*best);
    }
    for (const auto& path : {tmpl, scratch / "floor-run.db"})
        for (const char* ext : {"", "-wal", "-shm"}) fs::remove(path.string() + ext);
    return runs;
}

}  // namespace kith::bench
