#include "db/migrations.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <array>
#include <string>
#include <vector>

#include "db/interaction_storage.h"

namespace kith::db {

namespace {

// Version 1: the model of DESIGN.md. Times are Unix seconds (UTC).
constexpr std::string_view kV1 = R"sql(
CREATE TABLE settings(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE people(
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  notes        TEXT NOT NULL DEFAULT '',
  is_me        INTEGER NOT NULL DEFAULT 0,
  archived     INTEGER NOT NULL DEFAULT 0,
  cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE UNIQUE INDEX people_only_one_me ON people(is_me) WHERE is_me = 1;
CREATE INDEX people_name ON people(name COLLATE NOCASE);

CREATE TABLE identities(
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,
  value      TEXT NOT NULL,
  display    TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  UNIQUE(kind, value)
);
CREATE INDEX identities_person ON identities(person_id);

-- Names an identity was seen with, and where.
CREATE TABLE identity_names(
  identity_id INTEGER NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  source_id   INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  first_seen  INTEGER NOT NULL,
  PRIMARY KEY(identity_id, name)
) WITHOUT ROWID;

CREATE TABLE sources(
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL,
  location   TEXT NOT NULL,
  label      TEXT NOT NULL DEFAULT '',
  cursor     TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE(kind, location)
);

CREATE TABLE import_runs(
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  started_at  INTEGER NOT NULL,
  finished_at INTEGER,
  status      TEXT NOT NULL CHECK (status IN ('running','completed','failed','cancelled')),
  added       INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  skipped     INTEGER NOT NULL DEFAULT 0,
  warnings    INTEGER NOT NULL DEFAULT 0,
  error       TEXT,
  messages    TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX import_runs_source ON import_runs(source_id, started_at);

-- A conversation within a channel. The tail columns cache its latest interaction so the
-- owe-reply and waiting rules are index lookups (tail_state 1 = their personal message last,
-- 2 = my personal message last, 0 = neither).
CREATE TABLE threads(
  id                  INTEGER PRIMARY KEY,
  channel             TEXT NOT NULL,
  key                 TEXT NOT NULL,
  tail_interaction_id INTEGER,
  tail_person_id      INTEGER,
  tail_at             INTEGER,
  tail_state          INTEGER NOT NULL DEFAULT 0,
  UNIQUE(channel, key)
);
-- Covering, so the digest's first phase never touches the table itself.
CREATE INDEX threads_owe_reply ON threads(tail_at, tail_person_id, tail_interaction_id)
  WHERE tail_state = 1;
CREATE INDEX threads_waiting ON threads(tail_at, tail_person_id, tail_interaction_id)
  WHERE tail_state = 2;

CREATE TABLE interactions(
  id        INTEGER PRIMARY KEY,
  channel   TEXT NOT NULL,
  kind      TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in','out','mutual')),
  at        INTEGER NOT NULL,
  thread_id INTEGER REFERENCES threads(id) ON DELETE SET NULL,
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  run_id    INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
  ext_ns    TEXT NOT NULL,
  ext_id    TEXT NOT NULL,
  subject   TEXT NOT NULL DEFAULT '',
  text      TEXT NOT NULL DEFAULT '',
  url       TEXT NOT NULL DEFAULT '',
  place     TEXT NOT NULL DEFAULT '',
  personal  INTEGER NOT NULL DEFAULT 0,
  bulk      INTEGER NOT NULL DEFAULT 0,
  UNIQUE(ext_ns, ext_id)
);
CREATE INDEX interactions_thread ON interactions(thread_id, at);

-- Who took part. person_id is denormalised from the identity so a person's timeline is one index
-- range; identity_id is NULL for people logged by hand without an identity.
CREATE TABLE participants(
  interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
  person_id      INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  identity_id    INTEGER REFERENCES identities(id) ON DELETE SET NULL,
  role           TEXT NOT NULL,
  at             INTEGER NOT NULL,
  PRIMARY KEY(interaction_id, person_id)
) WITHOUT ROWID;
CREATE INDEX participants_person ON participants(person_id, at);

CREATE TABLE follow_edges(
  id          INTEGER PRIMARY KEY,
  network     TEXT NOT NULL,
  identity_id INTEGER NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
  direction   TEXT NOT NULL CHECK (direction IN ('follows_me','i_follow')),
  first_seen  INTEGER NOT NULL,
  last_seen   INTEGER NOT NULL,
  ended_at    INTEGER,
  UNIQUE(network, identity_id, direction)
);

CREATE TABLE circles(
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
  created_at   INTEGER NOT NULL
);
CREATE TABLE person_circles(
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  circle_id INTEGER NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  PRIMARY KEY(person_id, circle_id)
) WITHOUT ROWID;
CREATE INDEX person_circles_circle ON person_circles(circle_id, person_id);

CREATE TABLE followups(
  id             INTEGER PRIMARY KEY,
  text           TEXT NOT NULL,
  due_at         INTEGER NOT NULL,
  created_at     INTEGER NOT NULL,
  done_at        INTEGER,
  interaction_id INTEGER REFERENCES interactions(id) ON DELETE SET NULL,
  ext_ns         TEXT,
  ext_id         TEXT,
  UNIQUE(ext_ns, ext_id)
);
CREATE INDEX followups_open ON followups(due_at) WHERE done_at IS NULL;
CREATE TABLE followup_people(
  followup_id INTEGER NOT NULL REFERENCES followups(id) ON DELETE CASCADE,
  person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  PRIMARY KEY(followup_id, person_id)
) WITHOUT ROWID;
CREATE INDEX followup_people_person ON followup_people(person_id);

-- done / dismissed / snoozed, keyed by the rule's subject key (core/reminders.h).
CREATE TABLE reminder_states(
  subject    TEXT PRIMARY KEY,
  state      TEXT NOT NULL CHECK (state IN ('done','dismissed','snoozed')),
  until      INTEGER,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE consents(
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  list      TEXT NOT NULL,
  status    TEXT NOT NULL CHECK (status IN ('unknown','asked','opted_in','opted_out')),
  at        INTEGER NOT NULL,
  evidence  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(person_id, list)
) WITHOUT ROWID;
)sql";

// Version 2: per-person caches derived from interactions, so "going cold" and ranking by
// strength are index lookups instead of scans over millions of interactions. stats_dirty marks
// people whose caches must be recomputed (set in the same transaction as the change).
constexpr std::string_view kV2 = R"sql(
ALTER TABLE people ADD COLUMN last_contact_at INTEGER;
ALTER TABLE people ADD COLUMN last_channel TEXT;
ALTER TABLE people ADD COLUMN inferred_cadence_days INTEGER;
ALTER TABLE people ADD COLUMN cadence_source TEXT NOT NULL DEFAULT 'none';
ALTER TABLE people ADD COLUMN cadence_eff_days INTEGER;
ALTER TABLE people ADD COLUMN cold_due_at INTEGER;
ALTER TABLE people ADD COLUMN strength_ref INTEGER NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN strength_in REAL NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN strength_out REAL NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN strength_mutual REAL NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN interaction_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN stats_dirty INTEGER NOT NULL DEFAULT 1;
-- The name spelled without letters full-text search cannot fold itself ("Lukasz" for "Łukasz").
ALTER TABLE people ADD COLUMN search_alias TEXT NOT NULL DEFAULT '';
-- Covering the going-cold candidates, so the digest reads them from the index alone.
CREATE INDEX people_cold_due ON people(cold_due_at, is_me, last_contact_at, created_at,
  cadence_source, cadence_eff_days, strength_ref, strength_in, strength_out, strength_mutual)
  WHERE cold_due_at IS NOT NULL AND archived = 0;
CREATE INDEX people_stats_dirty ON people(id) WHERE stats_dirty = 1;
)sql";

// Version 3: full-text search over people (names, notes, identities) and interactions
// (subject, text, place). Diacritics are folded so "jose" finds "José". New interactions are
// indexed in bulk by InteractionWriter::flush (one INSERT … SELECT per batch) rather than by an
// insert trigger: a trigger makes FTS5 flush a segment per statement, ten times slower.
// A 2-character prefix index keeps search-as-you-type fast on short prefixes (one character
// matches whole words only, see fts_query.h); longer prefixes expand to few terms.
constexpr std::string_view kV3 = R"sql(
CREATE VIRTUAL TABLE people_fts USING fts5(
  name, notes, identities, prefix = '2', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO people_fts(rowid, name, notes, identities)
  SELECT p.id, p.name || ' ' || p.search_alias, p.notes,
         coalesce((SELECT group_concat(i.value || ' ' || i.display, ' ')
                   FROM identities i WHERE i.person_id = p.id), '')
  FROM people p;
CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
  INSERT INTO people_fts(rowid, name, notes, identities)
  VALUES (new.id, new.name || ' ' || new.search_alias, new.notes, '');
END;
CREATE TRIGGER people_fts_update AFTER UPDATE OF name, notes, search_alias ON people BEGIN
  UPDATE people_fts SET name = new.name || ' ' || new.search_alias, notes = new.notes
  WHERE rowid = new.id;
END;
CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
  DELETE FROM people_fts WHERE rowid = old.id;
END;
CREATE TRIGGER identities_fts_insert AFTER INSERT ON identities BEGIN
  UPDATE people_fts SET identities = identities || ' ' || new.value || ' ' || new.display
  WHERE rowid = new.person_id;
END;
CREATE TRIGGER identities_fts_delete AFTER DELETE ON identities BEGIN
  UPDATE people_fts SET identities = coalesce((SELECT group_concat(i.value || ' ' || i.display, ' ')
                                               FROM identities i WHERE i.person_id = old.person_id), '')
  WHERE rowid = old.person_id;
END;
CREATE TRIGGER identities_fts_move AFTER UPDATE OF person_id ON identities BEGIN
  UPDATE people_fts SET identities = coalesce((SELECT group_concat(i.value || ' ' || i.display, ' ')
                                               FROM identities i WHERE i.person_id = old.person_id), '')
  WHERE rowid = old.person_id;
  UPDATE people_fts SET identities = identities || ' ' || new.value || ' ' || new.display
  WHERE rowid = new.person_id;
END;

CREATE VIRTUAL TABLE interactions_fts USING fts5(
  subject, text, place, content = 'interactions', content_rowid = 'id', prefix = '2',
  tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO interactions_fts(interactions_fts) VALUES ('rebuild');
CREATE TRIGGER interactions_fts_delete AFTER DELETE ON interactions BEGIN
  INSERT INTO interactions_fts(interactions_fts, rowid, subject, text, place)
  VALUES ('delete', old.id, old.subject, old.text, old.place);
END;
CREATE TRIGGER interactions_fts_update AFTER UPDATE OF subject, text, place ON interactions BEGIN
  INSERT INTO interactions_fts(interactions_fts, rowid, subject, text, place)
  VALUES ('delete', old.id, old.subject, old.text, old.place);
  INSERT INTO interactions_fts(rowid, subject, text, place)
  VALUES (new.id, new.subject, new.text, new.place);
END;
)sql";

// Version 4: identity resolution. identity_links keeps what a record said about two identities
// being one person when they already belonged to different people (a vCard, a verified Mastodon
// link, a commenter's email and URL), for the resolver to act on. match_keys indexes each person
// under the keys likely duplicates share (blocking), so resolving new people is index lookups.
// merge_suggestions is the review queue (a rejected pair is never suggested again); merges logs
// exactly what each merge moved, so it can be undone.
constexpr std::string_view kV4 = R"sql(
CREATE TABLE identity_links(
  id         INTEGER PRIMARY KEY,
  a          INTEGER NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
  b          INTEGER NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
  evidence   TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE(a, b)
);
CREATE INDEX identity_links_b ON identity_links(b);

CREATE TABLE match_keys(
  key       TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  PRIMARY KEY(key, person_id)
) WITHOUT ROWID;
CREATE INDEX match_keys_person ON match_keys(person_id);

CREATE TABLE merge_suggestions(
  id         INTEGER PRIMARY KEY,
  person_a   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  person_b   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  score      REAL NOT NULL,
  evidence   TEXT NOT NULL DEFAULT '[]',
  status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','rejected')),
  created_at INTEGER NOT NULL,
  decided_at INTEGER,
  UNIQUE(person_a, person_b)
);
CREATE INDEX merge_suggestions_b ON merge_suggestions(person_b);
CREATE INDEX merge_suggestions_pending ON merge_suggestions(score) WHERE status = 'pending';

-- kept_id and merged_id are not foreign keys: the log outlives the people it names.
CREATE TABLE merges(
  id          INTEGER PRIMARY KEY,
  kept_id     INTEGER NOT NULL,
  merged_id   INTEGER NOT NULL,
  kept_name   TEXT NOT NULL,
  merged_name TEXT NOT NULL,
  reason      TEXT NOT NULL CHECK (reason IN ('auto','suggestion','manual')),
  evidence    TEXT NOT NULL DEFAULT '[]',
  undo        TEXT NOT NULL,
  at          INTEGER NOT NULL,
  undone_at   INTEGER
);
CREATE INDEX merges_people ON merges(kept_id, merged_id);
-- A merge moves the thread tails of the merged person: an index lookup, not a scan.
CREATE INDEX threads_tail_person ON threads(tail_person_id) WHERE tail_person_id IS NOT NULL;
)sql";

// Version 5: what contact cards (vCard, LinkedIn, Google CSV) carry beyond names and
// identities, and which card made or enriched which person, so re-importing a card that has no
// identity (an old LinkedIn row: a name only) finds its person again instead of adding one.
constexpr std::string_view kV5 = R"sql(
CREATE TABLE person_details(
  person_id    INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
  organization TEXT NOT NULL DEFAULT '',
  title        TEXT NOT NULL DEFAULT '',
  birthday     TEXT NOT NULL DEFAULT '',
  photo_png    BLOB,
  updated_at   INTEGER NOT NULL
);
CREATE TABLE contact_cards(
  ext_ns    TEXT NOT NULL,
  ext_id    TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  PRIMARY KEY(ext_ns, ext_id)
) WITHOUT ROWID;
CREATE INDEX contact_cards_person ON contact_cards(person_id);
)sql";

// Version 6: people an import creates are added to people search once per batch (one
// INSERT … SELECT in InteractionWriter::flush) instead of by the insert triggers: each trigger's
// write made FTS5 flush a segment of its own, two per new person, ten times the cost of the
// person's rows. fts_pending marks such people until that flush, in the same transaction; every
// other insert (the app, contacts, merges) keeps the triggers, which skip pending people only.
constexpr std::string_view kV6 = R"sql(
ALTER TABLE people ADD COLUMN fts_pending INTEGER NOT NULL DEFAULT 0;
CREATE INDEX people_fts_pending ON people(id) WHERE fts_pending = 1;
DROP TRIGGER people_fts_insert;
CREATE TRIGGER people_fts_insert AFTER INSERT ON people WHEN new.fts_pending = 0 BEGIN
  INSERT INTO people_fts(rowid, name, notes, identities)
  VALUES (new.id, new.name || ' ' || new.search_alias, new.notes, '');
END;
DROP TRIGGER identities_fts_insert;
CREATE TRIGGER identities_fts_insert AFTER INSERT ON identities
  WHEN (SELECT fts_pending FROM people WHERE id = new.person_id) = 0 BEGIN
  UPDATE people_fts SET identities = identities || ' ' || new.value || ' ' || new.display
  WHERE rowid = new.person_id;
END;
)sql";

// Version 7: indexes the Today digest reads whole, at 50,000 people and 600,000 threads. SQLite
// (3.40) does not treat a partial index as covering when its WHERE column is not an index
// column, so the version 1 and 2 partial indexes (`WHERE tail_state = 1`, `WHERE archived = 0`)
// still read every candidate's table row: a B-tree seek per row, half the digest's cost. These
// carry the filtered column first, so each digest query is one range of one covering index.
// threads_tail_state replaces the two tail indexes (each thread was in at most one of them);
// people_cold_due gains `archived`; people_strength is the active people's strength sums in id
// order (the digest ranks tens of thousands of candidates by them).
constexpr std::string_view kV7 = R"sql(
DROP INDEX IF EXISTS threads_owe_reply;
DROP INDEX IF EXISTS threads_waiting;
CREATE INDEX threads_tail_state
  ON threads(tail_state, tail_at, tail_person_id, tail_interaction_id);
DROP INDEX IF EXISTS people_cold_due;
CREATE INDEX people_cold_due ON people(archived, cold_due_at, is_me, last_contact_at, created_at,
  cadence_source, cadence_eff_days, strength_ref, strength_in, strength_out, strength_mutual)
  WHERE cold_due_at IS NOT NULL;
CREATE INDEX people_strength
  ON people(archived, id, strength_ref, strength_in, strength_out, strength_mutual);
)sql";

// Version 8: the cost of writing an interaction. The CHECK on interactions.direction made SQLite
// build an ephemeral table of its three-value IN list on every insert and update (~13,000
// instructions, a quarter of the insert); cheap_direction_check below rewrites it to an
// equivalent OR of comparisons in place. The search index no longer stores each row's column
// sizes (columnsize = 0): only ranking functions read them and search orders by date, so every
// insert writes one B-tree row fewer. Changing an FTS5 option means building the index again.
constexpr std::string_view kV8 = R"sql(
DROP TABLE interactions_fts;
CREATE VIRTUAL TABLE interactions_fts USING fts5(
  subject, text, place, content = 'interactions', content_rowid = 'id', prefix = '2',
  columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO interactions_fts(interactions_fts) VALUES ('rebuild');
)sql";

// Version 9: a smaller file (issue 4: the database per 100k emails).
// - The search index keeps which rows and columns hold each term but no longer where in them
//   (detail = column): positions were 43% of the index (~130 bytes an email). Search asks only
//   for rows holding every word's prefix, newest first; snippets and the phrase a word like
//   "don’t" makes are decided by FTS5 re-reading the few rows shown (fts_recent_matches.h).
//   detail = none would save ~115 bytes more but merges a long prefix's posting lists two at a
//   time: 2.5x slower (`"conf"*` 68 vs 28 ms at 2M interactions), column is faster than full.
// - UNIQUE(ext_ns, ext_id) kept a second copy of every Message-ID in its index (~64 bytes an
//   email); ext_hash, a 64-bit digest of both (interaction_storage.h), is indexed instead and
//   InteractionWriter, the only writer, looks rows up by it and compares the texts.
// - url is NULL where it only repeats the Message-ID (`mid:` URLs, ~45 bytes an email).
// Dropping the UNIQUE constraint needs a new table (SQLite cannot drop one in place): the
// procedure of https://www.sqlite.org/lang_altertable.html#otheralter, with foreign keys off (as
// they are while Database::open migrates), so dropping the old table cascades nowhere. Its
// triggers go with it; recreate_v9_triggers puts them back as they were written.
constexpr std::string_view kV9 = R"sql(
CREATE TEMP TABLE v9_triggers AS
  SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'interactions';
DROP TABLE interactions_fts;
CREATE TABLE interactions_v9(
  id        INTEGER PRIMARY KEY,
  channel   TEXT NOT NULL,
  kind      TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction = 'in' OR direction = 'out' OR direction = 'mutual'),
  at        INTEGER NOT NULL,
  thread_id INTEGER REFERENCES threads(id) ON DELETE SET NULL,
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  run_id    INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
  ext_ns    TEXT NOT NULL,
  ext_id    TEXT NOT NULL,
  subject   TEXT NOT NULL DEFAULT '',
  text      TEXT NOT NULL DEFAULT '',
  url       TEXT DEFAULT '',
  place     TEXT NOT NULL DEFAULT '',
  personal  INTEGER NOT NULL DEFAULT 0,
  bulk      INTEGER NOT NULL DEFAULT 0,
  ext_hash  INTEGER
);
INSERT INTO interactions_v9(id, channel, kind, direction, at, thread_id, source_id, run_id,
                            ext_ns, ext_id, subject, text, url, place, personal, bulk, ext_hash)
  SELECT id, channel, kind, direction, at, thread_id, source_id, run_id, ext_ns, ext_id, subject,
         text,
         CASE WHEN substr(ext_id, 1, 1) = '<' AND substr(ext_id, -1) = '>'
                   AND url = 'mid:' || substr(ext_id, 2, length(ext_id) - 2) THEN NULL
              ELSE url END,
         place, personal, bulk, kith_ext_hash(ext_ns, ext_id)
  FROM interactions ORDER BY id;
DROP TABLE interactions;
ALTER TABLE interactions_v9 RENAME TO interactions;
CREATE INDEX interactions_thread ON interactions(thread_id, at);
CREATE INDEX interactions_ext ON interactions(ext_hash);
CREATE VIRTUAL TABLE interactions_fts USING fts5(
  subject, text, place, content = 'interactions', content_rowid = 'id', prefix = '2',
  columnsize = 0, detail = column, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO interactions_fts(interactions_fts) VALUES ('rebuild');
)sql";

/// Foreign keys off while migrating, as they were before: a migration that replaces a table (9)
/// drops the old one, which with foreign keys on would first delete every row referring to it.
class ForeignKeysOff {
  public:
    explicit ForeignKeysOff(SQLite::Database& db)
        : m_db(db), m_were_on(db.execAndGet("PRAGMA foreign_keys").getInt() != 0) {
        if (m_were_on) m_db.exec("PRAGMA foreign_keys = OFF");
    }
    ~ForeignKeysOff() {
        try {
            if (m_were_on) m_db.exec("PRAGMA foreign_keys = ON");
        } catch (...) {  // the connection is unusable then anyway
        }
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

  private:
    SQLite::Database& m_db;
    bool m_were_on;
};

/// The triggers of the interactions table that migration 9 replaced, recreated from the text
/// kV9 saved before dropping the old table.
void recreate_v9_triggers(SQLite::Database& db) {
    std::vector<std::string> triggers;
    {
        SQLite::Statement q(db, "SELECT sql FROM temp.v9_triggers");
        while (q.executeStep()) triggers.push_back(q.getColumn(0).getString());
    }
    for (const auto& sql : triggers) db.exec(sql);
    db.exec("DROP TABLE temp.v9_triggers");
}

/// Turns writable_schema off again whatever happens.
class WritableSchema {
  public:
    explicit WritableSchema(SQLite::Database& db) : m_db(db) {
        m_db.exec("PRAGMA writable_schema = ON");
    }
    ~WritableSchema() {
        try {
            m_db.exec("PRAGMA writable_schema = OFF");
        } catch (...) {  // the connection is unusable then anyway
        }
    }
    WritableSchema(const WritableSchema&) = delete;
    WritableSchema& operator=(const WritableSchema&) = delete;

  private:
    SQLite::Database& m_db;
};

/// Replaces the IN-list CHECK of interactions.direction with the equivalent comparisons, by the
/// procedure of https://www.sqlite.org/lang_altertable.html#otheralter for changes that do not
/// affect the stored data: edit the table's text in sqlite_schema and bump schema_version (so
/// every connection, this one included, parses the schema again). No table copy: instant on
/// millions of rows. A file whose text differs (not written by Kith) keeps its CHECK, which is
/// just as correct, only slower.
void cheap_direction_check(SQLite::Database& db) {
    const int cookie = db.execAndGet("PRAGMA schema_version").getInt();
    {
        WritableSchema writable(db);
        db.exec(
            "UPDATE sqlite_schema SET sql = replace(sql, "
            "'CHECK (direction IN (''in'',''out'',''mutual''))', "
            "'CHECK (direction = ''in'' OR direction = ''out'' OR direction = ''mutual'')') "
            "WHERE type = 'table' AND name = 'interactions'");
        db.exec("PRAGMA schema_version = " + std::to_string(cookie + 1));
    }
}

constexpr std::array<Migration, 9> kMigrations = {{
    {1, "people, identities, interactions, threads, follows, circles, follow-ups, reminders", kV1,
     nullptr},
    {2, "per-person contact, cadence and strength caches", kV2, nullptr},
    {3, "full-text search over people and interactions", kV3, nullptr},
    {4, "identity resolution: links, match keys, merge suggestions, merge log", kV4, nullptr},
    {5, "contact card details (organization, title, birthday, photo) and card keys", kV5, nullptr},
    {6, "people created by imports indexed for search once per batch", kV6, nullptr},
    {7, "covering indexes for the Today digest's candidate scans", kV7, nullptr},
    {8, "cheaper interaction writes: direction check without a list, leaner search index", kV8,
     &cheap_direction_check},
    {9, "smaller file: search index without positions, digest of external ids, no mid: URLs", kV9,
     &recreate_v9_triggers},
}};

}  // namespace

std::span<const Migration> migrations() {
    return kMigrations;
}

int latest_schema_version() {
    return kMigrations.back().version;
}

void apply_migrations(SQLite::Database& db, int from_version, int to_version) {
    if (to_version < 0) to_version = latest_schema_version();
    register_ext_hash(db);  // migration 9 fills interactions.ext_hash
    const ForeignKeysOff foreign_keys_off(db);
    for (const auto& m : kMigrations) {
        if (m.version <= from_version || m.version > to_version) continue;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Two programs opening an old file at once both read the old version; the one that gets
        // the write lock second finds the migration done and must not run it again.
        if (db.execAndGet("PRAGMA user_version").getInt() >= m.version) continue;
        db.exec(std::string(m.sql));
        if (m.finish) m.finish(db);
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
        tx.commit();
    }
}

}  // namespace kith::db
