#include "core/csv_writer.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using kith::core::CsvWriter;

TEST_CASE("csv: one hostile or quirky cell a row") {
    struct Row {
        const char* what;  ///< where the quirk comes from
        std::string in, out;
    };
    const Row rows[] = {
        {"plain text stays as it is", "Ana Ruiz", "Ana Ruiz"},
        {"a comma needs quotes (RFC 4180)", "Ruiz, Ana", "\"Ruiz, Ana\""},
        {"quotes are doubled inside quotes", "Ana \"Anita\" Ruiz", "\"Ana \"\"Anita\"\" Ruiz\""},
        {"a blog comment name with CRLF must not start a row", "Ana\r\nRuiz", "Ana Ruiz"},
        {"a bare LF and a bare CR each become a space", "a\nb\rc", "a b c"},
        {"formula: '=' (OWASP CSV injection)", "=HYPERLINK(\"http://x\")",
         "\"'=HYPERLINK(\"\"http://x\"\")\""},
        {"formula: '+'", "+1+2", "'+1+2"},
        {"formula: '-'", "-2+3", "'-2+3"},
        {"formula: '@' (Lotus-style @SUM)", "@SUM(A1)", "'@SUM(A1)"},
        {"formula behind a leading tab", "\t=1+1", "'\t=1+1"},
        {"formula behind a leading CR (CR then becomes a space)", "\r=1+1", "' =1+1"},
        {"a formula character later in the cell is harmless", "a=b", "a=b"},
        {"other control characters (NUL, ESC) become spaces", std::string("a\0b\x1b", 4),
         "\"a b \""},
        {"leading space is kept, quoted so importers keep it", " Ana", "\" Ana\""},
        {"UTF-8 passes through", "Chloé Ñúñez", "Chloé Ñúñez"},
        {"empty cell", "", ""},
    };
    for (const auto& r : rows) {
        CAPTURE(r.what);
        CHECK(CsvWriter::cell(r.in) == r.out);
    }
}

TEST_CASE("csv: rows end in CRLF and cells are separated by commas") {
    std::ostringstream out;
    CsvWriter csv(out);
    csv.row({"name", "email"});
    csv.row({"Ana\nRuiz", "=cmd|' /C calc'!A0"});
    CHECK(out.str() == "name,email\r\nAna Ruiz,'=cmd|' /C calc'!A0\r\n");
}
