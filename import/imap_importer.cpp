#include "import/imap_importer.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/email_message_parser.h"
#include "import/imap_connection.h"
#include "import/input_file.h"
#include "import/mbox_envelope.h"

namespace kith::import {

namespace {

using core::ErrorCode;
using core::make_error;
using json = nlohmann::json;

struct FolderState {
    std::uint64_t uidvalidity = 0, last_uid = 0;
};
using Cursor = std::map<std::string, FolderState>;

Cursor read_cursor(const std::optional<std::string>& text) {
    Cursor c;
    if (!text) return c;
    const auto j = json::parse(*text, nullptr, false);
    if (!j.is_object() || !j.contains("folders") || !j["folders"].is_object()) return c;
    for (const auto& [name, f] : j["folders"].items()) {
        if (f.is_object() && f.value("uidvalidity", json()).is_number_unsigned() &&
            f.value("last_uid", json()).is_number_unsigned())
            c[name] = {f["uidvalidity"].get<std::uint64_t>(), f["last_uid"].get<std::uint64_t>()};
    }
    return c;
}

std::string write_cursor(const Cursor& c) {
    json folders = json::object();
    for (const auto& [name, f] : c)
        folders[name] = {{"uidvalidity", f.uidvalidity}, {"last_uid", f.last_uid}};
    return json{{"v", 1}, {"folders", folders}}.dump();
}

/// The number after `key` in `line` ("UIDVALIDITY 3857529045"), if present.
std::optional<std::uint64_t> number_after(std::string_view line, std::string_view key) {
    const auto p = line.find(key);
    if (p == std::string_view::npos) return std::nullopt;
    std::size_t i = p + key.size();
    std::uint64_t n = 0;
    bool any = false;
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) {
        n = n * 10 + static_cast<std::uint64_t>(line[i++] - '0');
        any = true;
    }
    return any ? std::optional(n) : std::nullopt;
}

/// "* LIST (\HasNoChildren \Sent) "/" "Sent Items"" → name and whether it is marked \Sent.
std::optional<std::pair<std::string, bool>> parse_list(const ImapResponse& r) {
    std::string_view line = r.line;
    if (line.rfind("* LIST ", 0) != 0) return std::nullopt;
    const auto close = line.find(')');
    if (close == std::string_view::npos) return std::nullopt;
    const bool sent = line.substr(0, close).find("\\Sent") != std::string_view::npos;
    if (!r.literals.empty()) return std::pair{r.literals.back().second, sent};
    // After the attributes: the delimiter (quoted or NIL), then the name (quoted or an atom).
    auto rest = line.substr(close + 1);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty()) return std::nullopt;
    const auto delim_end = rest.front() == '"' ? rest.find('"', 1) : rest.find(' ');
    if (delim_end == std::string_view::npos || delim_end + 1 >= rest.size()) return std::nullopt;
    const auto after_delim = delim_end + (rest.front() == '"' ? 1 : 0);
    rest = rest.substr(after_delim);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    std::string name;
    if (!rest.empty() && rest.front() == '"') {
        for (std::size_t i = 1; i < rest.size() && rest[i] != '"'; ++i) {
            if (rest[i] == '\\' && i + 1 < rest.size()) ++i;
            name.push_back(rest[i]);
        }
    } else {
        name = std::string(rest);
    }
    return std::pair{name, sent};
}

/// IMAP INTERNALDATE "17-Jul-1996 02:44:25 -0700" through the envelope-date parser.
std::optional<core::TimePoint> internal_date(std::string_view line) {
    const auto p = line.find("INTERNALDATE \"");
    if (p == std::string_view::npos) return std::nullopt;
    const auto start = p + 14;
    const auto end = line.find('"', start);
    if (end == std::string_view::npos) return std::nullopt;
    std::string date(line.substr(start, end - start));
    std::replace(date.begin(), date.end(), '-', ' ');
    // The offset's sign became a space; restore it from the original.
    const std::string original(line.substr(start, end - start));
    if (original.size() > 5 && original[original.size() - 5] == '-') date[date.size() - 5] = '-';
    return parse_envelope_date("From imap " + date);
}

std::string uid_set(const std::vector<std::uint64_t>& uids, std::size_t from, std::size_t to) {
    std::string s;
    for (std::size_t i = from; i < to;) {
        std::size_t j = i;
        while (j + 1 < to && uids[j + 1] == uids[j] + 1) ++j;
        if (!s.empty()) s += ',';
        s += std::to_string(uids[i]);
        if (j > i) s += ":" + std::to_string(uids[j]);
        i = j + 1;
    }
    return s;
}

std::vector<std::string> split_folders(const std::string& list) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        auto end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        auto name = list.substr(start, end - start);
        while (!name.empty() && name.front() == ' ') name.erase(0, 1);
        while (!name.empty() && name.back() == ' ') name.pop_back();
        if (!name.empty()) out.push_back(name);
        start = end + 1;
    }
    return out;
}

/// Everything one run needs, so each step is a small method.
class ImapRun {
  public:
    ImapRun(ImapConnection& conn, const ImapUrl& url, core::RecordSink& sink,
            core::Progress& progress)
        : m_conn(conn), m_url(url), m_sink(sink), m_progress(progress) {}

    core::Result<std::vector<std::string>> folders(const core::ImportRequest& req) {
        // Names the user typed are UTF-8; the server's LIST names are modified UTF-7 already.
        if (const auto it = req.options.find("folders"); it != req.options.end()) {
            auto names = split_folders(it->second);
            for (auto& n : names) n = imap_utf7(n);
            return names;
        }
        if (!m_url.mailbox.empty()) return std::vector<std::string>{imap_utf7(m_url.mailbox)};
        std::vector<std::string> out = {"INBOX"}, named_sent;
        auto r = m_conn.run("LIST \"\" \"*\"", [&](const ImapResponse& resp) {
            const auto entry = parse_list(resp);
            if (!entry) return;
            if (entry->second)
                out.push_back(entry->first);
            else if (entry->first == "Sent")
                named_sent.push_back(entry->first);
        });
        if (!r) return r.error();
        if (out.size() == 1) out.insert(out.end(), named_sent.begin(), named_sent.end());
        return out;
    }

    core::Result<void> folder(const std::string& name, Cursor& cursor) {
        std::optional<std::uint64_t> validity;
        auto r = m_conn.run("EXAMINE " + imap_quote(name), [&](const ImapResponse& resp) {
            if (auto v = number_after(resp.line, "[UIDVALIDITY ")) validity = v;
        });
        if (!r && r.error().code == ErrorCode::network) return r;
        if (!r) {
            m_sink.warning({m_url.server() + "/" + name,
                            "folder cannot be opened (" + r.error().message + "); skipped"});
            return {};
        }
        FolderState state = cursor.count(name) ? cursor[name] : FolderState{};
        if (validity && state.uidvalidity != 0 && *validity != state.uidvalidity) {
            m_sink.warning({m_url.server() + "/" + name,
                            "UIDVALIDITY changed; the folder is read again (no duplicates)"});
            state.last_uid = 0;
        }
        state.uidvalidity = validity.value_or(0);

        std::vector<std::uint64_t> uids;
        r = m_conn.run("UID SEARCH UID " + std::to_string(state.last_uid + 1) + ":*",
                       [&](const ImapResponse& resp) {
                           if (resp.line.rfind("* SEARCH", 0) != 0) return;
                           std::size_t i = 8;
                           while (i < resp.line.size()) {
                               while (i < resp.line.size() && resp.line[i] == ' ') ++i;
                               std::uint64_t n = 0;
                               bool any = false;
                               while (i < resp.line.size() &&
                                      std::isdigit(static_cast<unsigned char>(resp.line[i]))) {
                                   n = n * 10 + static_cast<std::uint64_t>(resp.line[i++] - '0');
                                   any = true;
                               }
                               if (!any) break;
                               // "n:*" also matches the highest UID when n is above it.
                               if (n > state.last_uid) uids.push_back(n);
                           }
                       });
        if (!r) return r;
        std::sort(uids.begin(), uids.end());
        m_total += uids.size();
        m_progress.update(m_done, m_total, "messages");

        for (std::size_t i = 0; i < uids.size(); i += ImapImporter::kBatch) {
            if (m_progress.cancelled()) return cancelled_error(m_url.server());
            const auto end = std::min(uids.size(), i + ImapImporter::kBatch);
            if (auto b = batch(name, uids, i, end, state); !b) return b;
            m_progress.update(m_done, m_total, "messages");
        }
        cursor[name] = state;
        return {};
    }

  private:
    core::Result<void> batch(const std::string& folder, const std::vector<std::uint64_t>& uids,
                             std::size_t from, std::size_t to, FolderState& state) {
        core::Result<void> sink_error;
        const auto command = "UID FETCH " + uid_set(uids, from, to) +
                             " (UID INTERNALDATE BODY.PEEK[HEADER] BODY.PEEK[TEXT]<0." +
                             std::to_string(ImapImporter::kTextBytes) + ">)";
        auto r = m_conn.run(command, [&](const ImapResponse& resp) {
            if (!sink_error || resp.line.find(" FETCH (") == std::string::npos) return;
            const auto uid = number_after(resp.line, "UID ");
            if (!uid) return;
            std::string data;
            bool header_cut = false;
            for (const auto& [pos, bytes] : resp.literals) {
                const auto item = resp.line.rfind("BODY[", pos);
                if (item == std::string::npos) continue;
                const bool header = resp.line.compare(item, 12, "BODY[HEADER]") == 0;
                if (header) {
                    header_cut = resp.literal_truncated;
                    data.insert(0, bytes);
                } else {
                    data += bytes;
                }
            }
            const EmailOrigin origin{m_url.server() + "/" + folder + ";UID=" + std::to_string(*uid),
                                     internal_date(resp.line), header_cut};
            if (!data.empty()) sink_error = m_parser.import(data, origin, m_sink);
            state.last_uid = std::max(state.last_uid, *uid);
            ++m_done;
        });
        if (!sink_error) return sink_error;
        return r;
    }

    ImapConnection& m_conn;
    const ImapUrl& m_url;
    core::RecordSink& m_sink;
    core::Progress& m_progress;
    EmailMessageParser m_parser;
    std::uint64_t m_done = 0, m_total = 0;
};

}  // namespace

core::Result<void> ImapImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                                     core::Progress& progress) {
    auto url = parse_imap_url(req.location);
    if (!url) return url.error();
    const auto password = req.options.find("password");
    if (password == req.options.end() || password->second.empty()) {
        return make_error(ErrorCode::invalid_input, "no password for " + url->user,
                          "Run kith-cli in a terminal to be asked for it, or set "
                          "KITH_IMAP_PASSWORD for scripts.");
    }
    const auto ca = req.options.find("ca_file");
    auto conn = ImapConnection::open(*url, password->second,
                                     ca == req.options.end() ? std::string() : ca->second);
    if (!conn) return conn.error();

    ImapRun run(**conn, *url, sink, progress);
    auto folders = run.folders(req);
    if (!folders) return folders.error();
    Cursor cursor = read_cursor(sink.cursor());
    for (const auto& f : *folders) {
        if (auto r = run.folder(f, cursor); !r) return r;
    }
    sink.set_cursor(write_cursor(cursor));
    (*conn)->logout();
    return {};
}

}  // namespace kith::import
