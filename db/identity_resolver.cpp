#include "db/identity_resolver.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/identity_match_keys.h"
#include "core/merge_evidence.h"
#include "core/name_similarity.h"
#include "db/database.h"
#include "db/evidence_json.h"
#include "db/merge_repo.h"
#include "db/person_match_keys.h"
#include "db/person_stats.h"
#include "db/settings_repo.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::Evidence;
using core::EvidenceKind;
using core::Result;

namespace {

// A key shared by more people than this (a common name, "u:admin") finds nobody in particular,
// and weighing every pair of a big block is quadratic; mailbox and handle keys are exact and
// always followed.
constexpr int kMaxBlock = 12;
// Names compared per person, so a much-renamed account costs no more than this.
constexpr std::size_t kMaxNames = 6;
constexpr const char* kIdentityMark = "resolution.identity_watermark";
constexpr const char* kLinkMark = "resolution.link_watermark";

using Pair = std::pair<std::int64_t, std::int64_t>;

Pair ordered(std::int64_t a, std::int64_t b) {
    return a < b ? Pair{a, b} : Pair{b, a};
}

double name_weight(core::NameMatch::Kind k) {
    using K = core::NameMatch::Kind;
    switch (k) {
        case K::same:
        case K::reordered:
            return 0.55;
        case K::nickname:
        case K::single:
        case K::initial:
        case K::prefix:
            // Enough to ask on its own: a wrong suggestion costs a click, a missed one a
            // person split in two.
            return 0.5;
        case K::joined:
            return 0.45;
        case K::none:
            return 0;
    }
    return 0;
}

/// One resolution pass: caches what it read about people, follows merges it made.
class Pass {
  public:
    Pass(Database& db, core::TimePoint now) : m_db(db), m_now(now), m_merges(db) {}

    /// Reindexes `people`, keeping the facts it reads for weighing.
    void reindex(std::span<const std::int64_t> people) {
        reindex_match_keys(m_db, people, &m_facts);
    }

    void collect(std::int64_t person, std::set<Pair>& pairs) {
        std::vector<std::string> keys;
        {
            auto q = m_db.statement("SELECT key FROM match_keys WHERE person_id = ?");
            q->bind(1, person);
            while (q->executeStep()) keys.push_back(q->getColumn(0).getString());
        }
        auto block = m_db.statement("SELECT person_id FROM match_keys WHERE key = ? LIMIT ?");
        for (const auto& key : keys) {
            const bool exact = key.rfind("e:", 0) == 0 || key.rfind("x:", 0) == 0;
            block->reset();
            block->bind(1, key);
            block->bind(2, exact ? -1 : kMaxBlock + 1);
            std::vector<std::int64_t> found;
            while (block->executeStep()) found.push_back(block->getColumn(0).getInt64());
            if (!exact && found.size() > static_cast<std::size_t>(kMaxBlock)) continue;
            for (const auto other : found)
                if (other != person) pairs.insert(ordered(person, other));
        }
        for (const char* sql :
             {"SELECT ib.person_id FROM identities ia JOIN identity_links l ON l.a = ia.id "
              "JOIN identities ib ON ib.id = l.b WHERE ia.person_id = ?1 AND ib.person_id != ?1",
              "SELECT ia.person_id FROM identities ib JOIN identity_links l ON l.b = ib.id "
              "JOIN identities ia ON ia.id = l.a WHERE ib.person_id = ?1 AND ia.person_id != ?1"}) {
            auto q = m_db.statement(sql);
            q->bind(1, person);
            while (q->executeStep()) pairs.insert(ordered(person, q->getColumn(0).getInt64()));
        }
        ++m_counts.people_checked;
    }

    /// Weighs and decides every pair, certain ones first so that probable ones see their merges.
    void settle(const std::set<Pair>& pairs) {
        std::vector<Pair> certain, probable;
        for (const auto& p : pairs) {
            auto ev = weigh(p.first, p.second, false);
            const bool det = std::any_of(ev.begin(), ev.end(), [](const Evidence& e) {
                return core::is_deterministic(e.kind);
            });
            (det ? certain : probable).push_back(p);
            // Kept for decide(): weighing a pair again costs as much, and gives the same answer
            // unless a merge touched either person in between (then it is weighed afresh).
            m_weighed.emplace(p, std::move(ev));
        }
        for (const auto* list : {&certain, &probable})
            for (const auto& [a, b] : *list) {
                if (m_error) return;
                decide(live(a), live(b));
            }
    }

    const ResolutionCounts& counts() const { return m_counts; }
    const std::optional<core::Error>& error() const { return m_error; }

  private:
    std::int64_t live(std::int64_t id) const {
        for (auto it = m_alias.find(id); it != m_alias.end(); it = m_alias.find(id))
            id = it->second;
        return id;
    }

    const PersonFacts& facts(std::int64_t id) {
        auto it = m_facts.find(id);
        if (it == m_facts.end()) it = m_facts.emplace(id, read_person_facts(m_db, id)).first;
        return it->second;
    }

    const std::set<core::Channel>& channels(std::int64_t id) {
        if (auto it = m_channels.find(id); it != m_channels.end()) return it->second;
        auto& out = m_channels[id];
        auto q = m_db.statement(
            "SELECT DISTINCT i.channel FROM participants p JOIN interactions i "
            "ON i.id = p.interaction_id WHERE p.person_id = ? AND p.identity_id IS NOT NULL");
        q->bind(1, id);
        while (q->executeStep())
            if (auto c = core::parse_channel(q->getColumn(0).getString())) out.insert(*c);
        return out;
    }

    /// The distinct threads `id` took part in, sorted: read once per person, not once per pair.
    const std::vector<std::int64_t>& threads(std::int64_t id) {
        if (auto it = m_threads.find(id); it != m_threads.end()) return it->second;
        auto& out = m_threads[id];
        auto q = m_db.statement(
            "SELECT DISTINCT i.thread_id FROM participants p JOIN interactions i "
            "ON i.id = p.interaction_id WHERE p.person_id = ? AND i.thread_id IS NOT NULL "
            "ORDER BY 1");
        q->bind(1, id);
        while (q->executeStep()) out.push_back(q->getColumn(0).getInt64());
        return out;
    }

    int shared_threads(std::int64_t a, std::int64_t b) {
        const auto& ta = threads(a);
        const auto& tb = threads(b);
        int n = 0;
        for (auto i = ta.begin(), j = tb.begin(); i != ta.end() && j != tb.end();) {
            if (*i < *j) {
                ++i;
            } else if (*j < *i) {
                ++j;
            } else {
                ++n, ++i, ++j;
            }
        }
        return n;
    }

    void links(std::int64_t a, std::int64_t b, std::vector<Evidence>& ev) {
        auto q = m_db.statement(
            "SELECT l.evidence, ia.value, ib.value FROM identities ia JOIN identity_links l "
            "ON l.a = ia.id JOIN identities ib ON ib.id = l.b "
            "WHERE ia.person_id = ?1 AND ib.person_id = ?2 UNION ALL "
            "SELECT l.evidence, ia.value, ib.value FROM identities ia JOIN identity_links l "
            "ON l.a = ia.id JOIN identities ib ON ib.id = l.b "
            "WHERE ia.person_id = ?2 AND ib.person_id = ?1 LIMIT 1");
        q->bind(1, a);
        q->bind(2, b);
        if (q->executeStep())
            ev.push_back({EvidenceKind::linked,
                          q->getColumn(1).getString() + " and " + q->getColumn(2).getString() +
                              " on one record (" + q->getColumn(0).getString() + ")",
                          core::default_weight(EvidenceKind::linked)});
    }

    static std::vector<std::string> names(const PersonFacts& f) {
        std::vector<std::string> out{f.name};
        for (const auto& n : f.names_seen) {
            if (out.size() >= kMaxNames) break;
            if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
        }
        return out;
    }

    static std::string joined_name(const std::string& n) {
        std::string out;
        for (const auto& t : core::name_tokens(n)) out += t;
        return out;
    }

    /// The evidence that `a` and `b` are one person. `full` adds the costlier shared-threads
    /// count (only needed to decide, not to sort).
    std::vector<Evidence> weigh(std::int64_t a, std::int64_t b, bool full) {
        if (full) {
            auto it = m_weighed.find({a, b});
            if (it != m_weighed.end() && !m_merged_into.count(a) && !m_merged_into.count(b)) {
                auto ev = std::move(it->second);
                m_weighed.erase(it);
                add_shared_threads(a, b, ev);
                return ev;
            }
        }
        const PersonFacts fa = facts(a);
        const PersonFacts& fb = facts(b);
        std::vector<Evidence> ev;
        if (fa.id == 0 || fb.id == 0) return ev;
        std::set<std::string> users_a, users_b, domains_a, domains_b;
        for (const auto& x : fa.identities) {
            if (const auto u = core::username_key(x); !u.empty()) users_a.insert(u);
            if (x.kind == core::IdentityKind::email) domains_a.insert(core::email_domain(x.value));
            for (const auto& y : fb.identities) {
                if (x.kind == core::IdentityKind::email && y.kind == x.kind &&
                    core::email_mailbox_key(x.value) == core::email_mailbox_key(y.value))
                    ev.push_back({EvidenceKind::same_mailbox, x.value + " = " + y.value,
                                  core::default_weight(EvidenceKind::same_mailbox)});
                const auto h = core::twitter_handle(x);
                if (!h.empty() && h == core::twitter_handle(y))
                    ev.push_back(
                        {EvidenceKind::same_x_account,
                         x.display + " (" + x.value + ") = " + y.display + " (" + y.value + ")",
                         core::default_weight(EvidenceKind::same_x_account)});
            }
        }
        for (const auto& y : fb.identities) {
            if (const auto u = core::username_key(y); !u.empty()) users_b.insert(u);
            if (y.kind == core::IdentityKind::email) domains_b.insert(core::email_domain(y.value));
        }
        links(a, b, ev);

        core::NameMatch best;
        const auto na = names(fa), nb = names(fb);
        for (const auto& x : na)
            for (const auto& y : nb)
                if (auto m = core::compare_names(x, y); m.score > best.score) {
                    best = std::move(m);
                    best.why = "“" + x + "” ~ “" + y + "”: " + best.why;
                }
        if (best.kind != core::NameMatch::Kind::none)
            ev.push_back({EvidenceKind::similar_name, best.why, name_weight(best.kind)});
        for (const auto& u : users_a)
            if (users_b.count(u)) {
                ev.push_back({EvidenceKind::same_username, u,
                              core::default_weight(EvidenceKind::same_username)});
                break;
            }
        if (best.kind == core::NameMatch::Kind::none) {
            const auto as_user = [](const std::vector<std::string>& ns,
                                    const std::set<std::string>& users) -> std::string {
                for (const auto& n : ns)
                    if (const auto j = joined_name(n); j.size() >= 6 && users.count(j)) return j;
                return {};
            };
            auto j = as_user(na, users_b);
            if (j.empty()) j = as_user(nb, users_a);
            if (!j.empty())
                ev.push_back({EvidenceKind::name_as_username, j,
                              core::default_weight(EvidenceKind::name_as_username)});
        }
        for (const auto& d : domains_a)
            if (domains_b.count(d) && !core::is_free_mail_domain(d)) {
                ev.push_back({EvidenceKind::same_domain, d,
                              core::default_weight(EvidenceKind::same_domain)});
                break;
            }
        if (full) add_shared_threads(a, b, ev);
        return ev;
    }

    /// The costlier shared-threads count, only needed to decide (not to sort) a pair with some
    /// evidence that is not certain yet.
    void add_shared_threads(std::int64_t a, std::int64_t b, std::vector<Evidence>& ev) {
        if (ev.empty() || core::merge_score(ev) >= 0.99) return;
        if (const int n = shared_threads(a, b); n > 0)
            ev.push_back({EvidenceKind::shared_threads,
                          std::to_string(n) + " conversation" + (n == 1 ? "" : "s"),
                          core::default_weight(EvidenceKind::shared_threads, n)});
    }

    void decide(std::int64_t a, std::int64_t b) {
        if (a == b) return;
        ++m_counts.candidates;
        const auto ev = weigh(a, b, true);
        if (ev.empty()) return;
        const core::MergeSide sa{facts(a).is_me, channels(a)};
        const core::MergeSide sb{facts(b).is_me, channels(b)};
        switch (core::decide(ev, sa, sb)) {
            case core::MergeDecision::auto_merge: {
                const auto kept = std::min(a, b), merged = std::max(a, b);
                auto m = m_merges.merge(kept, merged, MergeReason::automatic, ev, m_now);
                if (!m) {
                    m_error = m.error();
                    return;
                }
                m_alias[merged] = kept;
                for (const auto id : {kept, merged}) {
                    m_facts.erase(id);
                    m_channels.erase(id);
                    m_threads.erase(id);
                }
                // Pairs weighed before this merge with either person are stale now.
                m_merged_into.insert(kept);
                ++m_counts.merged;
                return;
            }
            case core::MergeDecision::suggest:
                suggest(a, b, ev);
                return;
            case core::MergeDecision::none:
                return;
        }
    }

    void suggest(std::int64_t a, std::int64_t b, const std::vector<Evidence>& ev) {
        auto find = m_db.statement(
            "SELECT id, status FROM merge_suggestions WHERE (person_a = ?1 AND person_b = ?2) "
            "OR (person_a = ?2 AND person_b = ?1)");
        find->bind(1, a);
        find->bind(2, b);
        const double score = std::max(core::merge_score(ev), core::kSuggestThreshold);
        if (find->executeStep()) {
            if (find->getColumn(1).getString() != "pending") return;  // decided: never again
            auto up =
                m_db.statement("UPDATE merge_suggestions SET score = ?, evidence = ? WHERE id = ?");
            up->bind(1, score);
            up->bind(2, evidence_to_json(ev));
            up->bind(3, find->getColumn(0).getInt64());
            up->exec();
        } else {
            auto ins = m_db.statement(
                "INSERT INTO merge_suggestions(person_a, person_b, score, evidence, created_at) "
                "VALUES (?, ?, ?, ?, ?)");
            ins->bind(1, std::min(a, b));
            ins->bind(2, std::max(a, b));
            ins->bind(3, score);
            ins->bind(4, evidence_to_json(ev));
            ins->bind(5, core::to_unix(m_now));
            ins->exec();
        }
        ++m_counts.suggested;
    }

    Database& m_db;
    core::TimePoint m_now;
    MergeRepo m_merges;
    ResolutionCounts m_counts;
    std::unordered_map<std::int64_t, std::int64_t> m_alias;  ///< merged → kept
    std::unordered_map<std::int64_t, PersonFacts> m_facts;
    std::unordered_map<std::int64_t, std::set<core::Channel>> m_channels;
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> m_threads;  ///< sorted, distinct
    std::map<Pair, std::vector<Evidence>> m_weighed;  ///< settle()'s evidence, until decided
    std::set<std::int64_t> m_merged_into;  ///< kept people of merges: their pairs are reweighed
    std::optional<core::Error> m_error;    ///< a merge that failed: the pass is abandoned
};

std::int64_t max_id(Database& db, const char* table) {
    return db.sql().execAndGet(std::string("SELECT coalesce(max(id), 0) FROM ") + table).getInt64();
}

}  // namespace

Result<ResolutionCounts> IdentityResolver::resolve_people(std::span<const std::int64_t> people) {
    auto r = guarded("resolve identities", m_db.path().string(), [&]() -> Result<ResolutionCounts> {
        SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        Pass pass(m_db, m_now);
        pass.reindex(people);
        std::set<Pair> pairs;
        for (const auto id : people) pass.collect(id, pairs);
        pass.settle(pairs);
        if (pass.error()) return *pass.error();  // the transaction rolls back
        tx.commit();
        return pass.counts();
    });
    if (r && r->merged > 0) {
        if (auto s = refresh_person_stats(m_db); !s) return s.error();
    }
    return r;
}

Result<ResolutionCounts> IdentityResolver::resolve_new() {
    SettingsRepo settings(m_db);
    const auto mark = [&](const char* key) -> std::int64_t {
        auto v = settings.get(key);
        return v && *v ? std::stoll(**v) : 0;
    };
    const auto identity_mark = mark(kIdentityMark), link_mark = mark(kLinkMark);
    auto people = guarded(
        "resolve identities", m_db.path().string(), [&]() -> Result<std::vector<std::int64_t>> {
            SQLite::Statement q(m_db.sql(),
                                "SELECT person_id FROM identities WHERE id > ?1 UNION "
                                "SELECT i.person_id FROM identity_links l JOIN identities i "
                                "ON i.id = l.a OR i.id = l.b WHERE l.id > ?2");
            q.bind(1, identity_mark);
            q.bind(2, link_mark);
            std::vector<std::int64_t> out;
            while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
            return out;
        });
    if (!people) return people.error();
    const auto identities_now = max_id(m_db, "identities");
    const auto links_now = max_id(m_db, "identity_links");
    auto r =
        people->empty() ? Result<ResolutionCounts>(ResolutionCounts{}) : resolve_people(*people);
    if (!r) return r;
    if (auto s = settings.set(kIdentityMark, std::to_string(identities_now)); !s) return s.error();
    if (auto s = settings.set(kLinkMark, std::to_string(links_now)); !s) return s.error();
    return r;
}

Result<ResolutionCounts> IdentityResolver::resolve_all() {
    auto people = guarded("resolve identities", m_db.path().string(),
                          [&]() -> Result<std::vector<std::int64_t>> {
                              SQLite::Statement q(m_db.sql(), "SELECT id FROM people ORDER BY id");
                              std::vector<std::int64_t> out;
                              while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
                              return out;
                          });
    if (!people) return people.error();
    return resolve_people(*people);
}

}  // namespace kith::db
