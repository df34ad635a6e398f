#include "bench/gen/roster.h"

#include <array>

#include "bench/gen/gen_random.h"

namespace kith::bench {

namespace {

/// A name part and its ASCII form for addresses and handles.
struct NamePart {
    const char* text;
    const char* ascii;
};

// Mixed origins on purpose: diacritics (search folding), other scripts (encoded words, FTS),
// and common first names shared by many (identity resolution must not merge on names alone).
constexpr std::array kGiven = {
    NamePart{"Ana", "ana"},         NamePart{"José", "jose"},
    NamePart{"Zoë", "zoe"},         NamePart{"Łukasz", "lukasz"},
    NamePart{"Søren", "soren"},     NamePart{"Ólafur", "olafur"},
    NamePart{"Chloé", "chloe"},     NamePart{"Mehmet", "mehmet"},
    NamePart{"Priya", "priya"},     NamePart{"Wei", "wei"},
    NamePart{"Hannah", "hannah"},   NamePart{"David", "david"},
    NamePart{"Fatima", "fatima"},   NamePart{"Kenji", "kenji"},
    NamePart{"Olga", "olga"},       NamePart{"Michael", "michael"},
    NamePart{"Sarah", "sarah"},     NamePart{"Ngozi", "ngozi"},
    NamePart{"Tomás", "tomas"},     NamePart{"Agnieszka", "agnieszka"},
    NamePart{"Björn", "bjorn"},     NamePart{"Aarav", "aarav"},
    NamePart{"Emma", "emma"},       NamePart{"Jürgen", "jurgen"},
    NamePart{"Leïla", "leila"},     NamePart{"Dmitri", "dmitri"},
    NamePart{"Siobhán", "siobhan"}, NamePart{"Mateo", "mateo"},
    NamePart{"Yuki", "yuki"},       NamePart{"Grace", "grace"},
};
constexpr std::array kFamily = {
    NamePart{"García", "garcia"},
    NamePart{"Müller", "muller"},
    NamePart{"Nguyễn", "nguyen"},
    NamePart{"Kowalski", "kowalski"},
    NamePart{"O'Brien", "obrien"},
    NamePart{"Smith", "smith"},
    NamePart{"Johansson", "johansson"},
    NamePart{"Yılmaz", "yilmaz"},
    NamePart{"Sharma", "sharma"},
    NamePart{"Tanaka", "tanaka"},
    NamePart{"Ivanova", "ivanova"},
    NamePart{"Dubois", "dubois"},
    NamePart{"Okafor", "okafor"},
    NamePart{"Rossi", "rossi"},
    NamePart{"van der Berg", "vanderberg"},
    NamePart{"Brown", "brown"},
    NamePart{"Fernández", "fernandez"},
    NamePart{"Novák", "novak"},
    NamePart{"Lefèvre", "lefevre"},
    NamePart{"Chen", "chen"},
    NamePart{"Kim", "kim"},
    NamePart{"Şahin", "sahin"},
    NamePart{"Andersen", "andersen"},
    NamePart{"Silva", "silva"},
};
// Whole names in other scripts, written family-name first as their owners would.
constexpr std::array kWhole = {
    NamePart{"李娜", "li.na"},
    NamePart{"Дмитрий Соколов", "dmitry.sokolov"},
    NamePart{"山田太郎", "yamada.taro"},
    NamePart{"Γιώργος Παπαδόπουλος", "giorgos.p"},
};
constexpr std::array kMailHosts = {"mail.example", "posteo.example", "uni.example.edu",
                                   "fastmail.example", "gmail.example"};
constexpr std::array kWorkHosts = {"acme.example.com", "devconf.example.org", "openlab.example.net",
                                   "city-council.example.gov"};
constexpr std::array kMastodonHosts = {"mastodon.social", "fosstodon.example", "hachyderm.example",
                                       "mastodon.example"};

}  // namespace

Roster::Roster(std::uint64_t people, std::uint64_t seed) {
    GenRandom rng(seed ^ 0x526f73746572ULL);
    m_people.reserve(people);
    for (std::uint64_t i = 0; i < people; ++i) {
        RosterPerson p;
        std::string slug;
        if (rng.below(40) == 0) {
            const auto& w = kWhole[rng.below(kWhole.size())];
            p.name = w.text;
            p.family = p.name;
            slug = w.ascii;
        } else {
            const auto& g = kGiven[rng.below(kGiven.size())];
            const auto& f = kFamily[rng.below(kFamily.size())];
            p.given = g.text;
            p.family = f.text;
            p.name = p.given + " " + p.family;
            slug = std::string(g.ascii) + "." + f.ascii;
        }
        // The number keeps addresses unique however many share a name.
        const auto n = std::to_string(i);
        p.email = slug + n + "@" + kMailHosts[rng.below(kMailHosts.size())];
        if (rng.percent(30)) p.work_email = slug + "@" + kWorkHosts[i % kWorkHosts.size()];
        std::string handle;
        for (char c : slug) handle += c == '.' ? '_' : c;
        if (rng.percent(60)) {
            p.twitter_id = std::to_string(900'000'000ULL + i);
            p.twitter_handle = handle.substr(0, 10) + n;
            m_twitter.push_back(m_people.size());
        }
        if (rng.percent(40)) {
            p.mastodon_user = handle + n;
            p.mastodon_host = kMastodonHosts[rng.below(kMastodonHosts.size())];
            m_mastodon.push_back(m_people.size());
        }
        if (rng.percent(25)) p.website = "https://" + handle + n + ".blog.example/";
        if (rng.percent(50)) p.phone = "+44 20 7946 " + std::to_string(1000 + i % 9000);
        m_people.push_back(std::move(p));
    }
    if (m_twitter.empty()) m_twitter.push_back(0);
    if (m_mastodon.empty()) m_mastodon.push_back(0);
    for (auto* list : {&m_twitter, &m_mastodon}) {
        auto& p = m_people[list->front()];
        if (p.twitter_id.empty()) {
            p.twitter_id = "900000000";
            p.twitter_handle = "first0";
        }
        if (p.mastodon_user.empty()) {
            p.mastodon_user = "first0";
            p.mastodon_host = kMastodonHosts[0];
        }
    }
}

}  // namespace kith::bench
