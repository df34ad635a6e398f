#include "db/row_snapshot.h"

#include "core/utf8_text.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <algorithm>
#include <string_view>
#include <utility>

#include "db/database.h"

namespace kith::db {

namespace {

// Names come from the schema itself, never from user input; quoting guards odd spellings.
std::string sql_name(std::string_view name) {
    std::string out = "\"";
    for (const char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string to_hex(const void* data, std::size_t size) {
    static constexpr char kHex[] = "0123456789abcdef";
    const auto* p = static_cast<const unsigned char*>(data);
    std::string hex;
    for (std::size_t i = 0; i < size; ++i) {
        hex += kHex[p[i] >> 4];
        hex += kHex[p[i] & 15];
    }
    return hex;
}

std::string from_hex(const std::string& hex) {
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return bytes;
}

nlohmann::json column_value(const SQLite::Column& c) {
    switch (c.getType()) {
        case SQLITE_INTEGER:
            return c.getInt64();
        case SQLITE_FLOAT:
            return c.getDouble();
        case SQLITE_TEXT: {
            // Text imported from the wild may not be UTF-8, which JSON cannot hold: kept as hex
            // so the restore is exact.
            std::string text = c.getString();
            if (core::is_clean_text(text)) return text;
            return nlohmann::json{{"text_hex", to_hex(text.data(), text.size())}};
        }
        case SQLITE_BLOB:
            return nlohmann::json{
                {"hex", to_hex(c.getBlob(), static_cast<std::size_t>(c.getBytes()))}};
        default:
            return nullptr;
    }
}

}  // namespace

nlohmann::json column_json(const SQLite::Column& c) {
    return column_value(c);
}

void bind_json(SQLite::Statement& q, int index, const nlohmann::json& v) {
    if (v.is_null()) {
        q.bind(index);
    } else if (v.is_number_integer()) {
        q.bind(index, v.get<std::int64_t>());
    } else if (v.is_number()) {
        q.bind(index, v.get<double>());
    } else if (v.is_string()) {
        q.bind(index, v.get<std::string>());
    } else if (v.contains("text_hex")) {
        q.bind(index, from_hex(v["text_hex"].get<std::string>()));
    } else {
        const auto bytes = from_hex(v.value("hex", std::string()));
        q.bind(index, bytes.data(), static_cast<int>(bytes.size()));
    }
}

std::vector<PersonColumn> person_columns(Database& db) {
    std::vector<PersonColumn> out;
    SQLite::Statement tables(db.sql(),
                             "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                             "name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                             "ORDER BY name");
    while (tables.executeStep()) {
        const std::string table = tables.getColumn(0).getString();
        std::vector<std::string> refs;
        SQLite::Statement fks(db.sql(),
                              "SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?)");
        fks.bind(1, table);
        while (fks.executeStep())
            if (fks.getColumn(0).getString() == "people") refs.push_back(fks.getColumn(1));
        if (table == "threads") refs.push_back("tail_person_id");
        if (refs.empty()) continue;
        std::vector<std::pair<int, std::string>> pk;
        SQLite::Statement info(db.sql(), "SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0");
        info.bind(1, table);
        while (info.executeStep()) pk.emplace_back(info.getColumn(1).getInt(), info.getColumn(0));
        std::sort(pk.begin(), pk.end());
        std::vector<std::string> key;
        for (auto& [_, name] : pk) key.push_back(std::move(name));
        if (key.empty()) key.push_back("rowid");
        for (auto& col : refs) out.push_back({table, std::move(col), key});
    }
    return out;
}

nlohmann::json rows_where(Database& db, const std::string& table, const std::string& column,
                          std::int64_t value) {
    auto stmt =
        db.statement("SELECT * FROM " + sql_name(table) + " WHERE " + sql_name(column) + " = ?");
    auto& q = *stmt;
    q.bind(1, value);
    nlohmann::json rows = nlohmann::json::array();
    while (q.executeStep()) {
        nlohmann::json row = nlohmann::json::object();
        for (int i = 0; i < q.getColumnCount(); ++i)
            row[q.getColumnName(i)] = column_value(q.getColumn(i));
        rows.push_back(std::move(row));
    }
    return rows;
}

nlohmann::json keys_where(Database& db, const PersonColumn& pc, std::int64_t value) {
    std::string cols;
    for (const auto& k : pc.key) cols += (cols.empty() ? "" : ", ") + sql_name(k);
    auto stmt = db.statement("SELECT " + cols + " FROM " + sql_name(pc.table) + " WHERE " +
                             sql_name(pc.column) + " = ?");
    auto& q = *stmt;
    q.bind(1, value);
    nlohmann::json keys = nlohmann::json::array();
    while (q.executeStep()) {
        nlohmann::json k = nlohmann::json::array();
        for (int i = 0; i < q.getColumnCount(); ++i) k.push_back(column_value(q.getColumn(i)));
        keys.push_back(std::move(k));
    }
    return keys;
}

void insert_rows(Database& db, const std::string& table, const nlohmann::json& rows) {
    for (const auto& row : rows) {
        std::string cols, marks;
        for (const auto& [name, _] : row.items()) {
            cols += (cols.empty() ? "" : ", ") + sql_name(name);
            marks += marks.empty() ? "?" : ", ?";
        }
        auto stmt = db.statement("INSERT INTO " + sql_name(table) + "(" + cols + ") VALUES (" +
                                 marks + ")");
        auto& q = *stmt;
        int i = 1;
        for (const auto& [_, v] : row.items()) bind_json(q, i++, v);
        q.exec();
    }
}

}  // namespace kith::db
