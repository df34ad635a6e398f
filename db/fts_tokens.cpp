#include "db/fts_tokens.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "db/fts_query.h"
#include "db/rollback_savepoint.h"

namespace kith::db {

std::vector<std::string> fts_tokens(SQLite::Database& s, const std::string& word) {
    s.exec(std::string("CREATE VIRTUAL TABLE IF NOT EXISTS temp.token_probe USING fts5(t, "
                       "tokenize = '") +
           kSearchTokenizer + "')");
    // 'instance' lists every token of every row with its offset: the tokenizer's output.
    s.exec(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.token_probe_terms "
        "USING fts5vocab(temp, token_probe, instance)");
    const RollbackSavepoint scope(s, "token_probe");
    SQLite::Statement insert(s, "INSERT INTO temp.token_probe(rowid, t) VALUES (1, ?)");
    insert.bind(1, word);
    insert.exec();
    std::vector<std::string> out;
    SQLite::Statement terms(s, "SELECT term FROM temp.token_probe_terms ORDER BY offset");
    while (terms.executeStep()) out.push_back(terms.getColumn(0).getString());
    return out;
}

}  // namespace kith::db
