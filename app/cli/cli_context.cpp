#include "app/cli/cli_context.h"

#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <ctime>
#include <iostream>

namespace kith::app {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

std::chrono::seconds local_offset(core::TimePoint at) {
    const std::time_t t = core::to_unix(at);
    std::tm tm{};
    localtime_r(&t, &tm);
    return std::chrono::seconds{tm.tm_gmtoff};
}

}  // namespace

CliContext::CliContext(std::ostream& out, std::ostream& err)
    : m_out(out), m_err(err), m_clock(std::make_unique<core::SystemClock>()) {}

Result<void> CliContext::init_clock() {
    if (const char* now = std::getenv("KITH_NOW"); now && *now) {
        const auto t = core::parse_iso(now);
        if (!t)
            return make_error(ErrorCode::invalid_input,
                              std::string("KITH_NOW='") + now + "' is not an ISO 8601 time",
                              "Example: KITH_NOW=2026-11-25T09:00:00Z, or unset it.");
        m_clock = std::make_unique<core::FixedClock>(*t);
    }
    m_utc_offset = local_offset(m_clock->now());
    return {};
}

std::filesystem::path CliContext::database_path(bool demo) const {
    if (!db_option.empty()) return db_option;
    // Demo data never goes into the user's own file, wherever KITH_DB points.
    return db::default_database_path(demo);
}

Result<db::Database*> CliContext::database(bool demo) {
    if (!m_db) {
        auto opened = db::Database::open(database_path(demo));
        if (!opened) return opened.error();
        m_db = std::move(*opened);
        if (const auto& backup = m_db->migration_backup())
            m_err << "kith-cli: upgraded the database; the previous version is saved as "
                  << backup->string() << "\n";
    }
    return m_db.get();
}

Result<db::Database*> CliContext::existing_database() {
    if (!m_db) {
        const auto path = database_path();
        std::error_code ec;
        if (!std::filesystem::exists(path, ec) && !ec)
            return make_error(ErrorCode::not_found,
                              "There is no Kith database at " + path.string() + " yet",
                              "Check --db / KITH_DB for a typo, or start one there: kith-cli "
                              "init, kith-cli import KIND SOURCE, or kith-cli person add NAME.");
    }
    return database();
}

Result<core::TimePoint> CliContext::when(const std::string& text, core::WhenBias bias) const {
    return core::parse_when(text, now(), m_utc_offset, bias);
}

void CliContext::print_json(const nlohmann::json& j) {
    m_out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

bool CliContext::confirm(const std::string& question) {
    if (!isatty(STDIN_FILENO)) return false;
    m_err << question << " [y/N] " << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    return !answer.empty() && (answer[0] == 'y' || answer[0] == 'Y');
}

Result<std::optional<int>> parse_cadence_days(const std::string& text) {
    if (text == "none" || text == "off" || text == "clear") return std::optional<int>{};
    std::size_t i = 0;
    long n = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && n < 100000)
        n = n * 10 + (text[i++] - '0');
    const std::string unit = text.substr(i);
    int factor = 0;
    if (unit.empty() || unit == "d" || unit == "days" || unit == "day")
        factor = 1;
    else if (unit == "w" || unit == "weeks" || unit == "week")
        factor = 7;
    else if (unit == "m" || unit == "months" || unit == "month")
        factor = 30;
    else if (unit == "y" || unit == "years" || unit == "year")
        factor = 365;
    if (i == 0 || factor == 0 || n * factor < 1 || n * factor > 3650)
        return make_error(ErrorCode::invalid_input, "'" + text + "' is not a cadence",
                          "Use days or a unit, 1 day to 10 years: 30, 30d, 2w, 3m, 1y, or none.");
    return std::optional<int>(static_cast<int>(n * factor));
}

}  // namespace kith::app
