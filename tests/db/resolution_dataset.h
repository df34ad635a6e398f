#pragma once
// A deterministic multi-channel dataset with known truth, for identity resolution's acceptance
// test and benchmark: the same people across email, blog comments, X, Mastodon and vCards, with
// the noise real data has — nicknames on social networks, diacritics lost in email headers,
// shared first names, shared company domains, families sharing a surname and a home domain,
// sub-addresses and Gmail dots, pseudonyms, "(she/her)" and emoji in display names.
// Written as Kith's own JSON Lines, so it goes through the real importer and import runner.

#include <cstdint>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kith::test {

/// Which true person each identity string (as written in the file) belongs to.
struct DatasetTruth {
    std::map<std::string, int> owner;  ///< identity as written → true person index
    int people = 0;
    std::int64_t lines = 0;
};

class ResolutionDataset {
  public:
    explicit ResolutionDataset(std::uint32_t seed = 7) : m_rng(seed) {}

    /// Appends the records of true people [first, first + count) to `path`; `tag` keeps record
    /// ids unique between files.
    DatasetTruth write(const std::string& path, int first, int count, const std::string& tag) {
        std::ofstream out(path, std::ios::app);
        DatasetTruth t;
        t.people = count;
        for (int i = first; i < first + count; ++i) person(i, tag, out, t);
        return t;
    }

  private:
    using json = nlohmann::json;

    // Few first names, so many people share one; formal names with their nicknames.
    struct First {
        const char* formal;
        const char* nick;
    };
    static constexpr First kFirst[] = {
        {"Robert", "Bob"},        {"Elizabeth", "Liz"},   {"William", "Bill"},
        {"Katharina", "Kathi"},   {"Michael", "Mike"},    {"Jennifer", "Jen"},
        {"Christopher", "Chris"}, {"Margaret", "Maggie"}, {"Daniel", "Dan"},
        {"Anna", "Anna"},         {"José", "José"},       {"Søren", "Søren"},
        {"Chloé", "Chloé"},       {"Łukasz", "Łukasz"},   {"Ana", "Ana"},
        {"Jürgen", "Jürgen"},     {"Thomas", "Tom"},      {"Matthew", "Matt"},
        {"Samuel", "Sam"},        {"Nicholas", "Nick"},   {"Ingrid", "Ingrid"},
        {"Mei", "Mei"},           {"Olusegun", "Segun"},  {"Priya", "Priya"},
        {"Fatima", "Fatima"},     {"Hiroshi", "Hiroshi"}, {"Agnieszka", "Aga"},
        {"Zoë", "Zoë"},           {"Benjamin", "Ben"},    {"Catherine", "Kate"},
        {"Jonathan", "Jon"},      {"Patrick", "Pat"},     {"Richard", "Rick"},
        {"Susan", "Sue"},         {"Anthony", "Tony"},    {"Edward", "Ted"},
        {"Camille", "Camille"},   {"Dmitri", "Dima"},     {"Lucía", "Lucía"},
        {"Niamh", "Niamh"},
    };
    static constexpr const char* kLast[] = {
        "García",    "Müller",   "Nowak",        "Okafor",    "Lindqvist", "Smith",    "Dubois",
        "Rossi",     "Yılmaz",   "Kowalski",     "Novák",     "Hansen",    "Schmidt",  "Martín",
        "Brown",     "Ibáñez",   "Kovačić",      "Øster",     "Fischer",   "Costa",    "Nguyen",
        "Tanaka",    "Wójcik",   "Papadopoulos", "Andersson", "Moreau",    "Jensen",   "Ferreira",
        "O'Brien",   "Lefèvre",  "Horvath",      "Szabó",     "Petrović",  "Berg",     "Lund",
        "Keller",    "Weber",    "Becker",       "Wagner",    "Koch",      "Richter",  "Klein",
        "Adeyemi",   "Bianchi",  "Castillo",     "Dahl",      "Eriksen",   "Fontaine", "Gallo",
        "Halvorsen", "Iglesias", "Jovanović",    "Kaur",      "Laine",     "Mahler",   "Nakamura",
        "Oyelaran",  "Pereira",  "Quint",        "Rahman",    "Sandoval",  "Takács",   "Ueda",
        "Varga",     "Whitaker", "Xu",           "Yamada",    "Zielińska", "Abara",    "Brennan",
        "Cruz",      "Doyle",    "Engel",        "Farouk",    "Grünewald", "Hartmann", "Ivanova",
    };
    static constexpr const char* kCompanies[] = {"acme.example",    "globex.example",
                                                 "initech.example", "umbrella.example",
                                                 "hooli.example",   "stark.example"};
    static constexpr const char* kInstances[] = {"mastodon.social", "hachyderm.io", "fosstodon.org",
                                                 "chaos.social"};

    static std::string ascii(const std::string& s) {
        // What an old mail client or a handle does to a name: letters without their marks.
        static const std::map<std::string, std::string> kFold = {
            {"á", "a"}, {"é", "e"}, {"è", "e"}, {"í", "i"}, {"ó", "o"}, {"ü", "u"}, {"ö", "o"},
            {"ø", "o"}, {"Ø", "O"}, {"ł", "l"}, {"Ł", "L"}, {"ı", "i"}, {"č", "c"}, {"ć", "c"},
            {"ñ", "n"}, {"ń", "n"}, {"Ö", "O"}, {"Ü", "U"}, {"Ś", "S"}, {"ś", "s"}, {"ó", "o"},
            {"ë", "e"}, {"ä", "a"}, {"ú", "u"}, {"ž", "z"}, {"š", "s"}, {"'", ""}};
        std::string out;
        for (std::size_t i = 0; i < s.size();) {
            bool done = false;
            for (const auto& [from, to] : kFold)
                if (s.compare(i, from.size(), from) == 0) {
                    out += to;
                    i += from.size();
                    done = true;
                    break;
                }
            if (!done) out += s[i++];
        }
        return out;
    }
    static std::string lower(std::string s) {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    }

    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(m_rng) < p; }
    template <class T, std::size_t N>
    const T& pick(const T (&arr)[N]) {
        return arr[std::uniform_int_distribution<std::size_t>(0, N - 1)(m_rng)];
    }

    void emit(std::ofstream& out, const json& j, DatasetTruth& t) {
        out << j.dump() << "\n";
        ++t.lines;
    }

    json message(const std::string& id, const char* channel, const std::string& identity,
                 const std::string& name, int day) {
        char at[32];
        std::snprintf(at, sizeof at, "2026-%02d-%02dT10:00:00Z", 1 + day % 10, 1 + day % 27);
        return {{"type", "interaction"},
                {"id", id},
                {"channel", channel},
                {"at", at},
                {"thread", id},
                {"text", "hello"},
                {"participants", json::array({{{"identity", identity}, {"name", name}}})}};
    }

    void person(int i, const std::string& tag, std::ofstream& out, DatasetTruth& t) {
        // Family members (every 10th person and the next) share a surname and a home domain.
        const bool family = i % 10 == 1;
        // Scrambled indexes, so names repeat the way they do among real acquaintances: some
        // full names twice, most once.
        const auto mix = [](int j, unsigned salt) {
            return static_cast<std::size_t>((static_cast<std::uint32_t>(j) * 2654435761u) ^ salt) >>
                   7;
        };
        const First& first = kFirst[mix(i, 0x9e37u) % std::size(kFirst)];
        const auto last_of = [&](int j) {
            return std::string(kLast[mix(j, 0x85ebu) % std::size(kLast)]);
        };
        const std::string last = last_of(family ? i - 1 : i);
        const std::string formal = std::string(first.formal) + " " + last;
        const std::string nick = std::string(first.nick) + " " + last;
        const std::string slug = lower(ascii(first.formal)) + "." + lower(ascii(last));
        const std::string num = std::to_string(i);
        const int head = family ? i - 1 : i;
        const std::string home = family || i % 10 == 0 ? lower(ascii(last_of(head))) + "-family" +
                                                             std::to_string(head) + ".example"
                                                       : "";
        std::vector<std::string> ids;
        const auto own = [&](const std::string& id) {
            t.owner[id] = i;
            ids.push_back(id);
            return id;
        };
        const std::string id_base = tag + "-" + num;
        int n = 0;
        const auto next = [&] { return id_base + "-" + std::to_string(n++); };

        // Email: a work or personal address, names as mail clients write them.
        std::string email;
        const bool works = chance(0.5);
        if (chance(0.75)) {
            email = works ? slug + num + "@" + pick(kCompanies)
                          : (!home.empty() ? lower(ascii(first.formal)) + num + "@" + home
                                           : lower(ascii(first.formal)) + lower(ascii(last)) + num +
                                                 "@gmail.com");
            own(email);
            const std::string shown = chance(0.3) ? ascii(formal) : formal;
            for (int k = 0; k < 2; ++k) emit(out, message(next(), "email", email, shown, i + k), t);
        }
        // A personal website, on a share of people.
        std::string site;
        // (Owned where a record names it: a site nobody links to is not in the data.)
        if (chance(0.35)) site = lower(ascii(first.formal)) + lower(ascii(last)) + num + ".example";
        // X: a handle, often the nickname as display name, sometimes with emoji.
        std::string handle;
        if (chance(0.5)) {
            handle = own("@" + lower(ascii(first.nick)).substr(0, 6) + "_" + num);
            const std::string shown = chance(0.2) ? nick + " 🚀" : chance(0.5) ? nick : formal;
            emit(out, message(next(), "twitter", handle, shown, i), t);
        }
        // Mastodon: pronouns in the name, and a verified link to the website or X profile.
        std::string masto;
        if (chance(0.4)) {
            masto = own("@" + lower(ascii(first.formal)) + num + "@" + pick(kInstances));
            const bool pseudonym = chance(0.05);
            const std::string shown =
                pseudonym ? "Night Owl " + num : (chance(0.3) ? formal + " (they/them)" : formal);
            emit(out, message(next(), "mastodon", masto, shown, i + 3), t);
            const std::string link = !site.empty()     ? "https://" + site
                                     : !handle.empty() ? "https://x.com/" + handle.substr(1)
                                                       : "";
            if (!link.empty() && (pseudonym || chance(0.7))) {
                if (!site.empty()) own(site);
                emit(out,
                     {{"type", "contact"},
                      {"id", "masto-" + id_base},
                      {"name", shown},
                      {"identities", {masto, link}}},
                     t);
            }
        }
        // Blog comments: the form's email (often a sub-address or a dotted Gmail spelling) and URL.
        if (chance(0.4)) {
            std::string c_email = slug + num + "+blog@gmail.com";
            if (!email.empty() && chance(0.5)) {
                const auto at = email.find('@');
                c_email = email.substr(0, at) + "+comments" + email.substr(at);
            }
            own(c_email);
            const std::string url = !handle.empty() ? "https://twitter.com/" + handle.substr(1)
                                    : !site.empty() ? "https://" + site
                                                    : "";
            const std::string shown = chance(0.5) ? nick : ascii(formal);
            emit(out, message(next(), "blog", c_email, shown, i + 5), t);
            if (!url.empty()) {
                if (handle.empty()) own(site);
                emit(out,
                     {{"type", "contact"},
                      {"id", "commenter-" + id_base},
                      {"name", shown},
                      {"identities", {c_email, url}}},
                     t);
            }
        }
        // A vCard: formal name (sometimes family name first), all known addresses, a phone.
        if (chance(0.3) || ids.empty()) {
            json card_ids = json::array();
            for (const auto& id : ids)
                if (id.find('@') != std::string::npos && id[0] != '@' && card_ids.size() < 2)
                    card_ids.push_back(id);
            if (!site.empty()) card_ids.push_back(own(site));
            card_ids.push_back(own("+49151" + std::to_string(1000000 + i)));
            if (works && chance(0.5)) card_ids.push_back(own(slug + num + "@" + pick(kCompanies)));
            const std::string shown = chance(0.2) ? last + " " + first.formal : formal;
            emit(out,
                 {{"type", "contact"},
                  {"id", "vcard-" + id_base},
                  {"name", shown},
                  {"identities", card_ids}},
                 t);
        }
    }

    std::mt19937 m_rng;
};

}  // namespace kith::test
