#include "import/demo_importer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <span>
#include <string>

#include "core/time.h"

namespace kith::import {

namespace {

using core::Channel;
using core::Direction;
using core::IdentityKind;
using core::InteractionKind;
using core::Result;
using core::TimePoint;
using std::chrono::days;
using std::chrono::seconds;

// ---------------------------------------------------------------------------------------------
// Pools. Names are grouped by culture so that a person's given and family name belong together
// (and Vietnamese names keep their family-first order); `ascii` feeds email addresses and handles.

struct NamePart {
    std::string_view text;
    std::string_view ascii;
};

// clang-format off: these tables read better with several names a line than one.
constexpr NamePart kSpanishFirst[] = {{"José", "jose"},
                                      {"Ana", "ana"},
                                      {"Lucía", "lucia"},
                                      {"Álvaro", "alvaro"},
                                      {"Mónica", "monica"}};
constexpr NamePart kSpanishLast[] = {{"Álvarez", "alvarez"},
                                     {"Ruiz", "ruiz"},
                                     {"García", "garcia"},
                                     {"Muñoz", "munoz"},
                                     {"Peña", "pena"}};
constexpr NamePart kGermanFirst[] = {{"Zoë", "zoe"},
                                     {"Jürgen", "juergen"},
                                     {"Lena", "lena"},
                                     {"Maximilian", "max"},
                                     {"Anke", "anke"}};
constexpr NamePart kGermanLast[] = {{"Müller", "mueller"},
                                    {"Schäfer", "schaefer"},
                                    {"Weiß", "weiss"},
                                    {"Becker", "becker"},
                                    {"Groß", "gross"}};
constexpr NamePart kPolishFirst[] = {{"Łukasz", "lukasz"},
                                     {"Agnieszka", "agnieszka"},
                                     {"Wojciech", "wojciech"},
                                     {"Małgorzata", "malgorzata"},
                                     {"Zofia", "zofia"}};
constexpr NamePart kPolishLast[] = {{"Nowak", "nowak"},
                                    {"Kowalczyk", "kowalczyk"},
                                    {"Wójcik", "wojcik"},
                                    {"Mazur", "mazur"},
                                    {"Krawczyk", "krawczyk"}};
constexpr NamePart kIrishFirst[] = {{"Siobhán", "siobhan"},
                                    {"Niamh", "niamh"},
                                    {"Cian", "cian"},
                                    {"Aoife", "aoife"},
                                    {"Pádraig", "padraig"}};
constexpr NamePart kIrishLast[] = {{"O'Neill", "oneill"},
                                   {"Murphy", "murphy"},
                                   {"O'Sullivan", "osullivan"},
                                   {"Byrne", "byrne"},
                                   {"Mac Giolla", "macgiolla"}};
constexpr NamePart kVietnameseFirst[] = {{"Thị Lan", "lan"},
                                         {"Văn Minh", "minh"},
                                         {"Thu Hà", "ha"},
                                         {"Quốc Anh", "quocanh"},
                                         {"Ngọc Ánh", "ngocanh"}};
constexpr NamePart kVietnameseLast[] = {
    {"Nguyễn", "nguyen"}, {"Trần", "tran"}, {"Lê", "le"}, {"Phạm", "pham"}, {"Hoàng", "hoang"}};
constexpr NamePart kDanishFirst[] = {{"Søren", "soeren"},
                                     {"Åsa", "aasa"},
                                     {"Bjørn", "bjoern"},
                                     {"Mette", "mette"},
                                     {"Ingrid", "ingrid"}};
constexpr NamePart kDanishLast[] = {{"Ærøe", "aeroee"},
                                    {"Østergaard", "oestergaard"},
                                    {"Kjær", "kjaer"},
                                    {"Bækgaard", "baekgaard"},
                                    {"Halvorsen", "halvorsen"}};
constexpr NamePart kFrenchFirst[] = {{"Élodie", "elodie"},
                                     {"François", "francois"},
                                     {"Hélène", "helene"},
                                     {"Benoît", "benoit"},
                                     {"Maëlle", "maelle"}};
constexpr NamePart kFrenchLast[] = {{"Lefèvre", "lefevre"},
                                    {"Dubois", "dubois"},
                                    {"Girard", "girard"},
                                    {"Fontaine", "fontaine"},
                                    {"Rousseau", "rousseau"}};
constexpr NamePart kPortugueseFirst[] = {{"João", "joao"},
                                         {"Luíza", "luiza"},
                                         {"Thiago", "thiago"},
                                         {"Conceição", "conceicao"},
                                         {"Gonçalo", "goncalo"}};
constexpr NamePart kPortugueseLast[] = {{"Gonçalves", "goncalves"},
                                        {"Araújo", "araujo"},
                                        {"Simões", "simoes"},
                                        {"Lima", "lima"},
                                        {"Magalhães", "magalhaes"}};
constexpr NamePart kCzechFirst[] = {{"Jiří", "jiri"},
                                    {"Tereza", "tereza"},
                                    {"Ondřej", "ondrej"},
                                    {"Kateřina", "katerina"},
                                    {"Radek", "radek"}};
constexpr NamePart kCzechLast[] = {{"Dvořák", "dvorak"},
                                   {"Svoboda", "svoboda"},
                                   {"Černý", "cerny"},
                                   {"Procházka", "prochazka"},
                                   {"Kučera", "kucera"}};
constexpr NamePart kTurkishFirst[] = {{"Şebnem", "sebnem"},
                                      {"Emre", "emre"},
                                      {"Gülşen", "gulsen"},
                                      {"Barış", "baris"},
                                      {"Ayşe", "ayse"}};
constexpr NamePart kTurkishLast[] = {{"Çelik", "celik"},
                                     {"Yılmaz", "yilmaz"},
                                     {"Öztürk", "ozturk"},
                                     {"Şahin", "sahin"},
                                     {"Doğan", "dogan"}};
constexpr NamePart kEnglishFirst[] = {{"Sarah", "sarah"},
                                      {"Marcus", "marcus"},
                                      {"Beth", "beth"},
                                      {"Jamal", "jamal"},
                                      {"Emily", "emily"}};
constexpr NamePart kEnglishLast[] = {{"Carter", "carter"},
                                     {"Bennett", "bennett"},
                                     {"Hughes", "hughes"},
                                     {"Whitfield", "whitfield"},
                                     {"Delgado", "delgado"}};
constexpr NamePart kIndianFirst[] = {{"Priya", "priya"},
                                     {"Arjun", "arjun"},
                                     {"Ananya", "ananya"},
                                     {"Vikram", "vikram"},
                                     {"Meera", "meera"}};
constexpr NamePart kIndianLast[] = {{"Raghunathan", "raghunathan"},
                                    {"Iyer", "iyer"},
                                    {"Banerjee", "banerjee"},
                                    {"Kulkarni", "kulkarni"},
                                    {"Reddy", "reddy"}};
constexpr NamePart kNigerianFirst[] = {{"Chiamaka", "chiamaka"},
                                       {"Oluwaseun", "seun"},
                                       {"Ngozi", "ngozi"},
                                       {"Emeka", "emeka"},
                                       {"Adaeze", "adaeze"}};
constexpr NamePart kNigerianLast[] = {{"Okafor", "okafor"},
                                      {"Adeyemi", "adeyemi"},
                                      {"Eze", "eze"},
                                      {"Balogun", "balogun"},
                                      {"Nwosu", "nwosu"}};
constexpr NamePart kJapaneseFirst[] = {{"Yuki", "yuki"},
                                       {"Haruto", "haruto"},
                                       {"Sakura", "sakura"},
                                       {"Kenji", "kenji"},
                                       {"Aiko", "aiko"}};
constexpr NamePart kJapaneseLast[] = {{"Tanaka", "tanaka"},
                                      {"Watanabe", "watanabe"},
                                      {"Kobayashi", "kobayashi"},
                                      {"Saitō", "saito"},
                                      {"Yamamoto", "yamamoto"}};
constexpr NamePart kGreekFirst[] = {{"Ελένη", "eleni"},
                                    {"Γιώργος", "giorgos"},
                                    {"Δήμητρα", "dimitra"},
                                    {"Νίκος", "nikos"},
                                    {"Σοφία", "sofia"}};
constexpr NamePart kGreekLast[] = {{"Αντωνίου", "antoniou"},
                                   {"Γεωργίου", "georgiou"},
                                   {"Δημητρίου", "dimitriou"},
                                   {"Νικολάου", "nikolaou"},
                                   {"Ιωάννου", "ioannou"}};
constexpr NamePart kItalianFirst[] = {{"Giulia", "giulia"},
                                      {"Niccolò", "niccolo"},
                                      {"Chiara", "chiara"},
                                      {"Matteo", "matteo"},
                                      {"Federica", "federica"}};
constexpr NamePart kItalianLast[] = {{"Bianchi", "bianchi"},
                                     {"Esposito", "esposito"},
                                     {"Ricci", "ricci"},
                                     {"De Luca", "deluca"},
                                     {"Sciortino", "sciortino"}};
// clang-format on

struct Culture {
    std::span<const NamePart> first;
    std::span<const NamePart> last;
    std::string_view phone_prefix;  ///< country code and mobile prefix, as displayed
    bool family_first;              ///< "Nguyễn Thị Lan"
};

constexpr Culture kCultures[] = {
    {kSpanishFirst, kSpanishLast, "+34 6", false},
    {kGermanFirst, kGermanLast, "+49 151", false},
    {kPolishFirst, kPolishLast, "+48 5", false},
    {kIrishFirst, kIrishLast, "+353 8", false},
    {kVietnameseFirst, kVietnameseLast, "+84 9", true},
    {kDanishFirst, kDanishLast, "+45 2", false},
    {kFrenchFirst, kFrenchLast, "+33 6", false},
    {kPortugueseFirst, kPortugueseLast, "+55 11 9", false},
    {kCzechFirst, kCzechLast, "+420 7", false},
    {kTurkishFirst, kTurkishLast, "+90 5", false},
    {kEnglishFirst, kEnglishLast, "+1 415", false},
    {kIndianFirst, kIndianLast, "+91 9", false},
    {kNigerianFirst, kNigerianLast, "+234 80", false},
    {kJapaneseFirst, kJapaneseLast, "+81 90", false},
    {kGreekFirst, kGreekLast, "+30 69", false},
    {kItalianFirst, kItalianLast, "+39 3", false},
};

// Reserved-style domains (.example, example.org…) so exported demo contacts never reach anyone.
constexpr std::string_view kEmailDomains[] = {"example.org",
                                              "example.net",
                                              "example.com",
                                              "mail.example",
                                              "posteo.example",
                                              "fastmail.example",
                                              "riverside-foodbank.example",
                                              "opengrants.example",
                                              "civic-tech.example",
                                              "uni-brno.example",
                                              "studio.example"};
constexpr std::string_view kInstances[] = {"mastodon.example",  "fosstodon.example",
                                           "hachyderm.example", "social.coop.example",
                                           "toot.cafe.example", "nonprofit.social.example"};

// Texts are opener + topic + closer; any combination reads as a sentence, in either direction.
constexpr std::string_view kOpeners[] = {
    "Thanks for the update on ", "Quick note about ",     "Following up on ",
    "Loved reading about ",      "Catching up on ",       "Some thoughts on ",
    "A small update on ",        "Still thinking about ", "Sorry for the slow reply about ",
    "Great chat about ",         "Picking up ",           "Back from holidays and reading up on "};
constexpr std::string_view kTopics[] = {"the grant report",
                                        "the DevConf talk",
                                        "the annual report",
                                        "the volunteer onboarding guide",
                                        "the open source sustainability panel",
                                        "the post on donor retention",
                                        "the board retreat agenda",
                                        "the Mastodon migration",
                                        "the fundraising dashboard",
                                        "the conference workshop",
                                        "the nonprofit tech survey",
                                        "the newsletter redesign",
                                        "the foundation's grant deadline",
                                        "the accessibility audit",
                                        "the community call notes",
                                        "the blog post on measuring impact",
                                        "the maintainers' meetup",
                                        "the conference speaker lineup",
                                        "the grant writing workshop",
                                        "the impact report draft",
                                        "the conference travel budget",
                                        "the open data project",
                                        "the mentoring programme",
                                        "the podcast episode on volunteering"};
constexpr std::string_view kClosers[] = {" — could you send me the draft by Friday?",
                                         ". I think the budget section needs another pass.",
                                         ". Happy to review it before the deadline.",
                                         ". Let's grab coffee next week to talk it through.",
                                         ". The slides are up on my blog now.",
                                         ". Who else should we invite?",
                                         ". I shared it with the board and they loved it.",
                                         ". Can we move our call to Thursday?",
                                         ". The funder wants the final report in March.",
                                         ". Would you be up for co-writing a blog post?",
                                         ". I added my comments in the doc.",
                                         ". See you at the conference!",
                                         ". No rush, whenever you have a minute.",
                                         ". I still owe you a proper answer on this.",
                                         ". The open source folks were really into it.",
                                         ". Let me know if the numbers look right."};
constexpr std::string_view kSubjects[] = {"Grant report draft",
                                          "DevConf talk proposal",
                                          "Coffee next week?",
                                          "Board meeting notes",
                                          "Introduction",
                                          "Your blog post on volunteer retention",
                                          "Conference panel: speakers",
                                          "Annual report review",
                                          "Quick question about the budget",
                                          "Thanks for yesterday",
                                          "Workshop materials",
                                          "Open source sustainability fund",
                                          "Newsletter guest post?",
                                          "Invoice and timeline",
                                          "Travel plans for the conference",
                                          "Feedback on the proposal",
                                          "Catching up",
                                          "Podcast interview",
                                          "Nonprofit tech survey results",
                                          "Mentoring programme",
                                          "Slides from my talk",
                                          "Letter of support for the grant",
                                          "Relaunching the community call",
                                          "Project update",
                                          "Question about your Mastodon instance",
                                          "Book recommendation",
                                          "Dinner in Brno?",
                                          "Impact metrics",
                                          "Speaker travel reimbursement",
                                          "Draft agenda"};

struct Post {
    std::string_view title;
    std::string_view slug;
};
constexpr Post kPosts[] = {
    {"Why grant reports should tell stories", "2025/grant-reports-stories"},
    {"What I learned at DevConf", "2025/devconf-lessons"},
    {"Donor retention is a relationship problem", "2024/donor-retention"},
    {"Leaving the bird site for Mastodon", "2024/mastodon-move"},
    {"Open source needs maintainers, not stars", "2025/maintainers-not-stars"},
    {"Measuring impact without losing the plot", "2026/measuring-impact"},
    {"How we write our annual report", "2026/annual-report"},
    {"The case for smaller conferences", "2024/smaller-conferences"},
    {"Volunteer onboarding in one page", "2025/volunteer-onboarding"},
    {"Followers are not relationships", "2026/followers-not-relationships"},
    {"Notes from the nonprofit tech meetup", "2026/nonprofit-tech-meetup"},
    {"A grant writing checklist", "2024/grant-writing-checklist"},
    {"Email is still the best social network", "2025/email-social-network"},
    {"Filters, columns and the people who matter", "2026/filters-columns"}};

constexpr std::string_view kPlaces[] = {"DevConf Brno",
                                        "Café Central, Vienna",
                                        "FOSDEM, Brussels",
                                        "Nonprofit Technology Conference, Portland",
                                        "Coworking Kreuzberg, Berlin",
                                        "Public library meetup room",
                                        "Kaffeehaus Sperl, Vienna",
                                        "The Crown & Anchor, London",
                                        "Community centre, Lisbon",
                                        "Open Source Summit, Dublin",
                                        "Riverside Food Bank office",
                                        "Hackerspace Prague",
                                        "Conference hallway, DevConf Brno"};
constexpr std::string_view kMeetingSubjects[] = {
    "Coffee",           "Lunch", "Workshop", "Conference dinner", "Hallway chat",
    "Planning session", "Meetup"};
constexpr std::string_view kHowMet[] = {"Met at DevConf Brno",
                                        "Introduced by a grant officer",
                                        "Has commented on my blog for years",
                                        "Found each other on Mastodon",
                                        "Old colleague from the food bank",
                                        "Met at FOSDEM",
                                        "Sat next to each other at a nonprofit workshop",
                                        "Neighbour",
                                        "Reads my newsletter",
                                        "Co-organised a meetup together"};
constexpr std::string_view kWorksOn[] = {"works on grant writing for a food bank",
                                         "maintains an open source mapping library",
                                         "runs communications for a literacy charity",
                                         "blogs about volunteer management",
                                         "organises a regional tech conference",
                                         "consults nonprofits on fundraising",
                                         "is on the board of a community radio",
                                         "researches digital civic engagement",
                                         "leads a small design studio",
                                         "teaches data journalism"};

struct FollowUpText {
    std::string_view before;  ///< text before the person's first name
    std::string_view after;
};
constexpr FollowUpText kFollowUps[] = {{"Send ", " the grant report draft"},
                                       {"Introduce ", " to the DevConf organizers"},
                                       {"Reply to ", " about the conference panel"},
                                       {"Review ", "'s blog post draft"},
                                       {"Ask ", " for feedback on the annual report"},
                                       {"Call ", " about the board seat"},
                                       {"Share the workshop slides with ", ""},
                                       {"Write a letter of support for ", "'s grant application"},
                                       {"Book coffee with ", " next time in town"},
                                       {"Send ", " the podcast link"}};

constexpr std::string_view kCloseFriends = "Close friends";
constexpr std::string_view kFamily = "Family";
constexpr std::string_view kDevConf = "DevConf crowd";
constexpr std::string_view kBloggers = "Bloggers";
constexpr std::string_view kClients = "Clients";
constexpr std::string_view kMastodonRegulars = "Mastodon regulars";

// ---------------------------------------------------------------------------------------------
// Randomness. Only the engine's raw output is used: std:: distributions differ between standard
// libraries, and the demo must be the same everywhere.

class Rng {
  public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}
    /// Uniform in [0, n); the modulo bias is irrelevant for demo data.
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : m_engine() % n; }
    /// Uniform in [lo, hi].
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    /// Uniform in [0, 1).
    double unit() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }
    template <class T>
    const T& pick(std::span<const T> items) {
        return items[below(items.size())];
    }
    template <class T, std::size_t N>
    const T& pick(const T (&items)[N]) {
        return items[below(N)];
    }

  private:
    std::mt19937_64 m_engine;
};

// splitmix64: spreads (seed, person) into well-separated engine seeds.
constexpr std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

void append_number(std::string& s, std::uint64_t n) {
    char buf[24];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
    s.append(buf, end);
}

// Zero-padded to `width` digits.
void append_padded(std::string& s, std::uint64_t n, int width) {
    char buf[24];
    for (int i = width - 1; i >= 0; --i) {
        buf[i] = static_cast<char>('0' + n % 10);
        n /= 10;
    }
    s.append(buf, static_cast<std::size_t>(width));
}

// ---------------------------------------------------------------------------------------------
// People. How close a relationship is drives how much, how recent and over which channels.

enum class Tier { close, regular, acquaintance, faint };

struct TierProfile {
    double share;            ///< of all people
    double weight;           ///< relative number of interactions
    int last_min, last_max;  ///< last contact, days before now
    int span_min, span_max;  ///< first contact, days before the last
    double cadence_chance;
    std::array<int, 3> cadences;
    double follows_me, i_follow;  ///< per network where they have an account
    double phone;                 ///< chance of having their number
};

constexpr TierProfile kTiers[] = {
    {0.08, 3.0, 0, 10, 500, 1095, 0.5, {14, 21, 30}, 0.8, 0.9, 0.7},
    {0.22, 1.6, 2, 40, 300, 1000, 0.2, {30, 60, 90}, 0.6, 0.6, 0.3},
    {0.45, 0.6, 20, 240, 300, 1000, 0.03, {90, 120, 180}, 0.4, 0.3, 0.08},
    {0.25, 0.15, 150, 800, 100, 600, 0.0, {180, 180, 365}, 0.3, 0.15, 0.05},
};
// Mean of `weight` over tiers, so that `interactions` stays the average per person.
constexpr double kMeanWeight = [] {
    double sum = 0;
    for (const auto& t : kTiers) sum += t.share * t.weight;
    return sum;
}();

constexpr int kHistoryDays = 1095;  // about three years

/// Everything about person k that other people's records may need (group meetings, cc): a pure
/// function of (seed, k), drawn first from the person's own engine.
struct Person {
    std::uint64_t index = 0;
    const Culture* culture = nullptr;
    const NamePart* first = nullptr;
    const NamePart* last = nullptr;
    Tier tier = Tier::regular;
    bool email = false, twitter = false, mastodon = false, website = false, phone = false;
    bool newsletter = false;  ///< sends a newsletter I subscribe to
    std::uint8_t email_style = 0, handle_style = 0, site_style = 0;
    std::string_view email_domain, instance;
    std::uint64_t twitter_id = 0;
    std::uint64_t phone_digits = 0;  ///< 8 digits, unique per person
};

constexpr IdentityKind kPersonKinds[] = {IdentityKind::email, IdentityKind::twitter,
                                         IdentityKind::mastodon, IdentityKind::website,
                                         IdentityKind::phone};

bool has(const Person& p, IdentityKind kind) {
    switch (kind) {
        case IdentityKind::email:
            return p.email;
        case IdentityKind::twitter:
            return p.twitter;
        case IdentityKind::mastodon:
            return p.mastodon;
        case IdentityKind::website:
            return p.website;
        case IdentityKind::phone:
            return p.phone;
        case IdentityKind::linkedin:
            break;
    }
    return false;
}

Person draw_person(std::uint64_t index, Rng& rng) {
    Person p;
    p.index = index;
    p.culture = &rng.pick(kCultures);
    p.first = &rng.pick(p.culture->first);
    p.last = &rng.pick(p.culture->last);
    const double u = rng.unit();
    double acc = 0;
    p.tier = Tier::faint;
    for (int t = 0; t < 4; ++t) {
        acc += kTiers[t].share;
        if (u < acc) {
            p.tier = static_cast<Tier>(t);
            break;
        }
    }
    p.email = rng.chance(0.8);
    p.twitter = rng.chance(0.45);
    p.mastodon = rng.chance(0.35);
    p.website = rng.chance(0.25);
    p.phone = rng.chance(kTiers[static_cast<int>(p.tier)].phone);
    if (!p.email && !p.twitter && !p.mastodon) p.email = true;
    // At most four identities: the phone and the website are the first to go.
    if (p.email + p.twitter + p.mastodon + p.website + p.phone > 4) p.phone = false;
    p.newsletter = p.email && rng.chance(p.website ? 0.3 : 0.05);
    p.email_style = static_cast<std::uint8_t>(rng.below(3));
    p.handle_style = static_cast<std::uint8_t>(rng.below(3));
    p.site_style = static_cast<std::uint8_t>(rng.below(3));
    p.email_domain = rng.pick(kEmailDomains);
    p.instance = rng.pick(kInstances);
    // Unique by construction: index * 997 + r with r < 997. Twitter ids of the 2009–2012 era.
    p.twitter_id = 14'000'000 + index * 997 + rng.below(997);
    // Multiplying by a number coprime with 10^8 is a bijection mod 10^8: unique 8-digit numbers.
    p.phone_digits = (index * 7'919 + 12'345'678) % 100'000'000;
    return p;
}

Rng person_rng(std::uint64_t seed, std::uint64_t index) {
    return Rng(mix(seed ^ mix(index + 1)));
}

void append_display_name(const Person& p, std::string& out) {
    const auto& [a, b] =
        p.culture->family_first ? std::pair(p.last, p.first) : std::pair(p.first, p.last);
    out.append(a->text);
    out += ' ';
    out.append(b->text);
}

// Every identity value ends in the person's index right after a letter, so values are unique
// across people even when two people share a name.
void make_identity(const Person& p, IdentityKind kind, core::Identity& id) {
    id.kind = kind;
    auto& v = id.value;
    v.clear();
    switch (kind) {
        case IdentityKind::email:
            if (p.email_style == 0) {
                v.append(p.first->ascii).append(".").append(p.last->ascii);
            } else if (p.email_style == 1) {
                v.append(p.first->ascii.substr(0, 1)).append(p.last->ascii);
            } else {
                v.append(p.first->ascii);
            }
            append_number(v, p.index);
            v.append("@").append(p.email_domain);
            id.display = v;
            return;
        case IdentityKind::twitter:
            append_number(v, p.twitter_id);
            id.display.assign("@").append(p.first->ascii);
            if (p.handle_style == 1) id.display.append("_");
            if (p.handle_style != 2) id.display.append(p.last->ascii);
            append_number(id.display, p.index);
            return;
        case IdentityKind::mastodon:
            v.append(p.first->ascii);
            if (p.handle_style != 2) v.append(p.last->ascii);
            append_number(v, p.index);
            v.append("@").append(p.instance);
            id.display.assign("@").append(v);
            return;
        case IdentityKind::website:
            if (p.site_style == 0) {
                v.append(p.first->ascii).append(p.last->ascii);
                append_number(v, p.index);
                v.append(".example");
            } else if (p.site_style == 1) {
                v.append(p.first->ascii);
                append_number(v, p.index);
                v.append(".blog.example");
            } else {
                v.append("blogs.example.net/").append(p.first->ascii).append("-");
                v.append(p.last->ascii);
                append_number(v, p.index);
            }
            id.display.assign("https://").append(v);
            return;
        case IdentityKind::phone: {
            const auto prefix = p.culture->phone_prefix;
            for (const char c : prefix)
                if (c != ' ') v += c;
            append_padded(v, p.phone_digits, 8);
            id.display.assign(prefix).append(" ");
            append_padded(id.display, p.phone_digits / 10'000, 4);
            id.display.append(" ");
            append_padded(id.display, p.phone_digits % 10'000, 4);
            return;
        }
        case IdentityKind::linkedin:
            break;
    }
}

// The identity a channel-less mention of the person uses (attendee, follow-up).
IdentityKind primary_kind(const Person& p) {
    if (p.email) return IdentityKind::email;
    if (p.twitter) return IdentityKind::twitter;
    return IdentityKind::mastodon;
}

// ---------------------------------------------------------------------------------------------
// Conversations. Threads alternate direction; single records (meetings, likes…) stand alone.

enum class Conv {
    email,
    newsletter,
    tweet_thread,
    tweet_dm,
    toot_thread,
    toot_dm,
    comment_on_mine,    ///< their comment on my blog post, my reply, theirs…
    comment_on_theirs,  ///< my comment on their blog post, their reply…
    meeting,
    call,
    reaction,  ///< a like or boost
    other,     ///< a note or a Signal message
};
constexpr int kConvCount = 12;

struct Shape {
    Channel channel;
    InteractionKind first_kind;
    InteractionKind reply_kind;
    int max_messages;
    std::int64_t min_gap, max_gap;     ///< seconds between messages
    std::optional<Direction> opening;  ///< who always starts, if fixed
};

constexpr std::int64_t kMinute = 60, kHour = 3600, kDay = 86400;

constexpr Shape kShapes[kConvCount] = {
    {Channel::email, InteractionKind::message, InteractionKind::reply, 6, 20 * kMinute, 3 * kDay,
     std::nullopt},
    {Channel::email, InteractionKind::message, InteractionKind::message, 1, 0, 0, Direction::in},
    {Channel::twitter, InteractionKind::mention, InteractionKind::reply, 4, 2 * kMinute, 10 * kHour,
     std::nullopt},
    {Channel::twitter, InteractionKind::dm, InteractionKind::dm, 6, kMinute, 2 * kDay,
     std::nullopt},
    {Channel::mastodon, InteractionKind::mention, InteractionKind::reply, 4, 2 * kMinute,
     12 * kHour, std::nullopt},
    {Channel::mastodon, InteractionKind::dm, InteractionKind::dm, 5, kMinute, 2 * kDay,
     std::nullopt},
    {Channel::blog, InteractionKind::comment, InteractionKind::reply, 3, kHour, 4 * kDay,
     Direction::in},
    {Channel::blog, InteractionKind::comment, InteractionKind::reply, 3, kHour, 4 * kDay,
     Direction::out},
    {Channel::in_person, InteractionKind::meeting, InteractionKind::meeting, 1, 0, 0,
     Direction::mutual},
    {Channel::call, InteractionKind::call, InteractionKind::call, 1, 0, 0, Direction::mutual},
    {Channel::twitter, InteractionKind::like, InteractionKind::like, 1, 0, 0, std::nullopt},
    {Channel::other, InteractionKind::note, InteractionKind::note, 1, 0, 0, std::nullopt},
};

// Relative frequency of each conversation type per tier (close … faint), before availability.
constexpr int kConvWeights[4][kConvCount] = {
    // email news tw  twdm md mddm mine theirs meet call react other
    {24, 0, 10, 8, 10, 6, 4, 4, 14, 10, 6, 2},
    {24, 0, 12, 6, 12, 5, 6, 5, 8, 5, 8, 2},
    {20, 0, 15, 3, 15, 2, 8, 6, 4, 1, 12, 1},
    {16, 0, 15, 1, 15, 1, 10, 6, 3, 0, 15, 1},
};
constexpr int kNewsletterWeight = 15;

bool available(const Person& p, Conv c) {
    switch (c) {
        case Conv::email:
            return p.email;
        case Conv::newsletter:
            return p.newsletter;
        case Conv::tweet_thread:
        case Conv::tweet_dm:
            return p.twitter;
        case Conv::toot_thread:
        case Conv::toot_dm:
            return p.mastodon;
        case Conv::comment_on_mine:
            return p.website || p.email;
        case Conv::comment_on_theirs:
            return p.website;
        case Conv::reaction:
            return p.twitter || p.mastodon;
        case Conv::meeting:
        case Conv::call:
        case Conv::other:
            return true;
    }
    return false;
}

Direction opposite(Direction d) {
    return d == Direction::in ? Direction::out : Direction::in;
}

struct Options {
    std::uint64_t people = 300;
    std::uint64_t interactions = 40;
    std::uint64_t seed = 1;
    TimePoint now{};  ///< the start of the user's day: generated history ends here
};

// ---------------------------------------------------------------------------------------------

/// One run of the generator. Holds the records it emits and reuses them from person to person and
/// message to message, so the hot loop assigns into strings that already have capacity.
class DemoRun {
  public:
    DemoRun(const Options& opt, core::RecordSink& sink, core::Progress& progress)
        : m_opt(opt), m_sink(sink), m_progress(progress) {}

    Result<void> run() {
        for (std::uint64_t i = 0; i < m_opt.people; ++i) {
            if (m_progress.cancelled())
                return core::make_error(core::ErrorCode::cancelled, "demo import cancelled");
            m_progress.update(i, m_opt.people, "people");
            if (auto r = person(i); !r) return r;
        }
        m_progress.update(m_opt.people, m_opt.people, "people");
        return {};
    }

  private:
    Result<void> person(std::uint64_t index) {
        Rng rng = person_rng(m_opt.seed, index);
        m_person = draw_person(index, rng);
        const Person& p = m_person;
        const TierProfile& tier = kTiers[static_cast<int>(p.tier)];

        m_prefix.assign("s");
        append_number(m_prefix, m_opt.seed);
        m_prefix.append("-p");
        append_number(m_prefix, index);
        m_name.clear();
        append_display_name(p, m_name);
        for (const auto kind : kPersonKinds)
            if (has(p, kind)) make_identity(p, kind, m_ids[static_cast<int>(kind)]);

        if (auto r = contact(rng, tier); !r) return r;
        if (auto r = follows(rng, tier); !r) return r;
        if (auto r = interactions(rng, tier); !r) return r;
        return followup(rng);
    }

    const core::Identity& identity(IdentityKind k) const { return m_ids[static_cast<int>(k)]; }

    Result<void> contact(Rng& rng, const TierProfile& tier) {
        const Person& p = m_person;
        auto& c = m_contact;
        c.ext_ns = "demo";
        c.ext_id = m_prefix;
        c.display_name = m_name;
        c.identities.clear();
        for (const auto kind : kPersonKinds)
            if (has(p, kind)) c.identities.push_back(identity(kind));

        c.circles.clear();
        const auto add = [&](bool yes, std::string_view circle) {
            if (yes && c.circles.size() < 2) c.circles.emplace_back(circle);
        };
        const bool is_close = p.tier == Tier::close, is_regular = p.tier == Tier::regular;
        add(is_close && rng.chance(0.15), kFamily);
        add(is_close && rng.chance(0.6), kCloseFriends);
        add(p.mastodon && (is_close || is_regular) && rng.chance(0.35), kMastodonRegulars);
        add(p.website && rng.chance(0.4), kBloggers);
        add(is_regular && rng.chance(0.12), kClients);
        add(!is_close && rng.chance(0.1), kDevConf);

        c.cadence_days.reset();
        if (rng.chance(tier.cadence_chance)) c.cadence_days = tier.cadences[rng.below(3)];

        c.notes.clear();
        if (rng.chance(0.3)) {
            c.notes.append(rng.pick(kHowMet));
            c.notes.append("; ");
            c.notes.append(rng.pick(kWorksOn));
            c.notes.append(".");
        }
        return m_sink.contact(c);
    }

    Result<void> follow_edge(Rng& rng, Channel network, IdentityKind kind,
                             core::FollowDirection dir) {
        auto& e = m_edge;
        e.network = network;
        e.their = identity(kind);
        e.display_name = m_name;
        e.direction = dir;
        e.seen_at = m_opt.now - seconds{rng.between(0, 14 * kDay)};
        return m_sink.follow_edge(e);
    }

    Result<void> follows(Rng& rng, const TierProfile& tier) {
        const Person& p = m_person;
        const std::pair<Channel, IdentityKind> networks[] = {
            {Channel::twitter, IdentityKind::twitter}, {Channel::mastodon, IdentityKind::mastodon}};
        for (const auto& [network, kind] : networks) {
            if (!has(p, kind)) continue;
            if (rng.chance(tier.follows_me))
                if (auto r = follow_edge(rng, network, kind, core::FollowDirection::follows_me); !r)
                    return r;
            if (rng.chance(tier.i_follow))
                if (auto r = follow_edge(rng, network, kind, core::FollowDirection::i_follow); !r)
                    return r;
        }
        return {};
    }

    Conv pick_conv(Rng& rng) {
        const int* weights = kConvWeights[static_cast<int>(m_person.tier)];
        int total = 0;
        std::array<int, kConvCount> w{};
        for (int c = 0; c < kConvCount; ++c) {
            const auto conv = static_cast<Conv>(c);
            w[c] = available(m_person, conv)
                       ? (conv == Conv::newsletter ? kNewsletterWeight : weights[c])
                       : 0;
            total += w[c];
        }
        auto r = static_cast<int>(rng.below(static_cast<std::uint64_t>(total)));
        for (int c = 0; c < kConvCount; ++c) {
            if (r < w[c]) return static_cast<Conv>(c);
            r -= w[c];
        }
        return Conv::meeting;
    }

    Result<void> interactions(Rng& rng, const TierProfile& tier) {
        const double expected = static_cast<double>(m_opt.interactions) * tier.weight / kMeanWeight;
        auto remaining = static_cast<std::int64_t>(expected * (0.5 + rng.unit()) + 0.5);
        const TimePoint history_start = m_opt.now - days{kHistoryDays};
        m_last = m_opt.now - days{rng.between(tier.last_min, tier.last_max)} -
                 seconds{rng.between(0, kDay - 1)};
        m_first = std::max(history_start, m_last - days{rng.between(tier.span_min, tier.span_max)});
        if (m_first > m_last) m_first = m_last;
        for (std::uint32_t conv = 0; remaining > 0; ++conv) {
            const Conv c = pick_conv(rng);
            auto r = kShapes[static_cast<int>(c)].max_messages > 1 ? thread(rng, c, conv, remaining)
                                                                   : single(rng, c, conv);
            if (!r) return r.error();
            remaining -= r.value();
        }
        return {};
    }

    // Places a conversation lasting `duration` seconds: the first one ends at the person's last
    // contact (so that date is exact), the others anywhere in the relationship's span.
    TimePoint place_start(Rng& rng, std::uint32_t conv, std::int64_t duration) {
        if (conv == 0) return m_last - seconds{duration};
        const auto room = (m_last - m_first).count() - duration;
        if (room <= 0) return m_first;
        return m_first + seconds{static_cast<std::int64_t>(rng.unit() * static_cast<double>(room))};
    }

    // Starts a record with the fields every interaction has; the callers fill in the rest.
    core::InteractionRecord& begin(Channel ch, InteractionKind kind, Direction dir, TimePoint at,
                                   std::uint32_t conv, int msg) {
        auto& r = m_rec;
        r.channel = ch;
        r.kind = kind;
        r.direction = dir;
        r.at = at;
        r.ext_ns = "demo";
        r.ext_id.assign(m_prefix).append("-c");
        append_number(r.ext_id, conv);
        r.ext_id.append("-m");
        append_number(r.ext_id, static_cast<std::uint64_t>(msg));
        r.thread_key.clear();
        r.subject.clear();
        r.text.clear();
        r.url.clear();
        r.place.clear();
        r.personal = true;
        r.bulk = false;
        return r;
    }

    // Sets the person as the only participant, with `kind`'s identity.
    void only_participant(IdentityKind kind, core::ParticipantRole role) {
        auto& ps = m_rec.participants;
        ps.resize(1);
        ps[0].identity = identity(kind);
        ps[0].display_name = m_name;
        ps[0].role = role;
    }

    void compose(Rng& rng, std::string& out) {
        out.append(rng.pick(kOpeners));
        out.append(rng.pick(kTopics));
        out.append(rng.pick(kClosers));
    }

    // A public post's link, for what they wrote (my own posts have no known URL).
    void their_post_url(Channel ch, std::uint64_t post_id, std::string& url) {
        if (ch == Channel::twitter) {
            url.assign("https://twitter.com/").append(identity(IdentityKind::twitter).display, 1);
            url.append("/status/");
        } else {
            const auto& acct = identity(IdentityKind::mastodon).value;
            const auto at = acct.find('@');
            url.assign("https://").append(acct, at + 1).append("/@").append(acct, 0, at);
            url.append("/");
        }
        append_number(url, post_id);
    }

    // Snowflake-like ids (time in the high bits) make the URLs look like the real thing.
    std::uint64_t post_id(Channel ch, TimePoint at, std::uint32_t conv, int msg) const {
        const auto ms =
            static_cast<std::uint64_t>(std::max<std::int64_t>(core::to_unix(at), 0)) * 1000;
        const std::uint64_t seq = (m_person.index * 64 + conv * 8 + static_cast<unsigned>(msg));
        constexpr std::uint64_t kTwitterEpochMs = 1'288'834'974'657;
        if (ch == Channel::twitter)
            return ((ms > kTwitterEpochMs ? ms - kTwitterEpochMs : 0) << 22) | (seq & 0x3FFFFF);
        return (ms << 16) | (seq & 0xFFFF);
    }

    // A conversation of alternating messages. Returns how many records it emitted.
    Result<std::int64_t> thread(Rng& rng, Conv c, std::uint32_t conv, std::int64_t remaining) {
        const Shape& shape = kShapes[static_cast<int>(c)];
        int n = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(shape.max_messages)));
        // Cut to the person's budget before choosing who speaks last, so the cut keeps the choice.
        n = static_cast<int>(std::min<std::int64_t>(n, remaining));
        std::array<std::int64_t, 8> gaps{};  // gaps[m]: seconds between message m-1 and m
        for (int m = 1; m <= shape.max_messages; ++m) {
            const double u = rng.unit();  // squared: most answers come quickly
            gaps[m] = shape.min_gap +
                      static_cast<std::int64_t>(u * u * static_cast<double>(shape.max_gap));
        }
        const auto duration_of = [&gaps](int count) {
            std::int64_t d = 0;
            for (int m = 1; m < count; ++m) d += gaps[m];
            return d;
        };
        TimePoint at = place_start(rng, conv, duration_of(n));

        // Recent threads are often still open (their word: I owe a reply; mine: I am waiting);
        // old ones were mostly settled with my answer.
        const bool recent = m_opt.now - (at + seconds{duration_of(n)}) < days{45};
        const Direction want_last =
            rng.chance(recent ? 0.35 : 0.015) ? Direction::in : Direction::out;
        Direction first = n % 2 == 1 ? want_last : opposite(want_last);
        if (shape.opening && first != *shape.opening) {
            // The opener is fixed (a comment on my post is theirs): one message more or less.
            first = *shape.opening;
            n += n < shape.max_messages ? 1 : -1;
        }
        // The length may have changed: keep the thread inside the relationship's span.
        const auto duration = duration_of(n);
        if (conv == 0 || at + seconds{duration} > m_last) at = m_last - seconds{duration};

        const IdentityKind kind = c == Conv::email                     ? IdentityKind::email
                                  : shape.channel == Channel::twitter  ? IdentityKind::twitter
                                  : shape.channel == Channel::mastodon ? IdentityKind::mastodon
                                  : m_person.website                   ? IdentityKind::website
                                                                       : IdentityKind::email;
        const auto subject = c == Conv::email ? rng.pick(kSubjects) : std::string_view{};
        const Post& post = rng.pick(kPosts);
        const bool cc = c == Conv::email && m_person.index > 0 && rng.chance(0.1);
        const std::uint64_t cc_index = cc ? rng.below(m_person.index) : 0;

        Direction dir = first;
        for (int m = 0; m < n; ++m, dir = opposite(dir)) {
            if (m > 0) at += seconds{gaps[m]};
            auto& r = begin(shape.channel, m == 0 ? shape.first_kind : shape.reply_kind, dir, at,
                            conv, m);
            r.thread_key.assign(m_prefix).append("-c");
            append_number(r.thread_key, conv);
            only_participant(kind, role_for(r));
            if (cc) add_other(cc_index, core::ParticipantRole::cc);
            if (!subject.empty()) {
                if (m > 0) r.subject.assign("Re: ");
                r.subject.append(subject);
            }
            compose(rng, r.text);
            if (shape.channel == Channel::blog) {
                r.subject.assign(post.title);
                if (c == Conv::comment_on_mine) {
                    r.url.assign("https://myblog.example/");
                } else {
                    r.url.assign("https://").append(identity(IdentityKind::website).value);
                    r.url.append("/");
                }
                r.url.append(post.slug).append("#comment-");
                append_number(r.url, post_id(Channel::blog, at, conv, m) & 0xFFFFFF);
            } else if (dir == Direction::in && shape.channel != Channel::email) {
                their_post_url(shape.channel, post_id(shape.channel, at, conv, m), r.url);
            }
            if (auto res = m_sink.interaction(r); !res) return res.error();
        }
        return static_cast<std::int64_t>(n);
    }

    static core::ParticipantRole role_for(const core::InteractionRecord& r) {
        switch (r.direction) {
            case Direction::in:
                return r.channel == Channel::email ? core::ParticipantRole::from
                                                   : core::ParticipantRole::author;
            case Direction::out:
                return r.kind == InteractionKind::mention ? core::ParticipantRole::mentioned
                                                          : core::ParticipantRole::to;
            case Direction::mutual:
                break;
        }
        return core::ParticipantRole::attendee;
    }

    // Adds person `other_index` (generated earlier) as a participant, recomputing their identity.
    void add_other(std::uint64_t other_index, core::ParticipantRole role) {
        Rng other_rng = person_rng(m_opt.seed, other_index);
        const Person other = draw_person(other_index, other_rng);
        auto& ps = m_rec.participants;
        ps.emplace_back();
        make_identity(other, primary_kind(other), ps.back().identity);
        append_display_name(other, ps.back().display_name);
        ps.back().role = role;
    }

    // One record standing alone: a meeting, call, like/boost, newsletter or note. Returns 1.
    Result<std::int64_t> single(Rng& rng, Conv c, std::uint32_t conv) {
        const Shape& shape = kShapes[static_cast<int>(c)];
        const TimePoint at = place_start(rng, conv, 0);
        Channel ch = shape.channel;
        InteractionKind kind = shape.first_kind;
        Direction dir = shape.opening.value_or(Direction::in);
        IdentityKind id_kind = primary_kind(m_person);
        switch (c) {
            case Conv::reaction:
                ch = m_person.twitter && (!m_person.mastodon || rng.chance(0.5))
                         ? Channel::twitter
                         : Channel::mastodon;
                id_kind = ch == Channel::twitter ? IdentityKind::twitter : IdentityKind::mastodon;
                kind = rng.chance(0.6) ? InteractionKind::like : InteractionKind::boost;
                dir = rng.chance(0.7) ? Direction::in : Direction::out;
                break;
            case Conv::call:
                if (m_person.phone) id_kind = IdentityKind::phone;
                break;
            case Conv::other:
                // Half my notes about them, half chats on a channel without an importer.
                if (rng.chance(0.5)) {
                    dir = Direction::out;
                } else {
                    kind = InteractionKind::message;
                    dir = rng.chance(0.5) ? Direction::in : Direction::out;
                }
                if (m_person.phone) id_kind = IdentityKind::phone;
                break;
            default:
                break;
        }
        auto& r = begin(ch, kind, dir, at, conv, 0);
        only_participant(id_kind, role_for(r));
        switch (c) {
            case Conv::meeting:
                r.place.assign(rng.pick(kPlaces));
                r.subject.assign(rng.pick(kMeetingSubjects));
                r.text.assign("Talked about ");
                r.text.append(rng.pick(kTopics));
                r.text.append(rng.pick(kClosers));
                if (m_person.index > 0 && rng.chance(0.25)) {
                    // A group: two to four people besides me, all met before in the generation.
                    const auto others = 1 + rng.below(3);
                    auto& ps = r.participants;
                    for (std::uint64_t k = 0; k < others; ++k) {
                        add_other(rng.below(m_person.index), core::ParticipantRole::attendee);
                        const auto& added = ps.back().identity;
                        if (std::find_if(ps.begin(), ps.end() - 1, [&](const auto& p) {
                                return p.identity == added;
                            }) != ps.end() - 1)
                            ps.pop_back();  // drew someone already there
                    }
                }
                break;
            case Conv::call:
                r.text.assign("Call about ");
                r.text.append(rng.pick(kTopics));
                r.text.append(rng.pick(kClosers));
                break;
            case Conv::reaction:
                r.personal = false;
                if (dir == Direction::in) {
                    r.text.assign(kind == InteractionKind::like ? "Liked my post about "
                                                                : "Boosted my post about ");
                } else {
                    r.text.assign(kind == InteractionKind::like ? "I liked their post about "
                                                                : "I boosted their post about ");
                    their_post_url(ch, post_id(ch, at, conv, 0), r.url);
                }
                r.text.append(rng.pick(kTopics));
                break;
            case Conv::newsletter:
                r.personal = false;
                r.bulk = true;
                r.subject.assign(m_person.first->text).append("'s newsletter #");
                append_number(r.subject, 100 + conv);
                r.subject.append(": ").append(rng.pick(kPosts).title);
                r.text.assign("This month: ");
                r.text.append(rng.pick(kTopics));
                r.text.append(", ");
                r.text.append(rng.pick(kTopics));
                r.text.append(" and a reader question.");
                break;
            case Conv::other:
                if (kind == InteractionKind::note) {
                    r.personal = false;
                    r.text.assign("Note: remember to ask about ");
                    r.text.append(rng.pick(kTopics));
                } else {
                    r.subject.assign("Signal");
                    compose(rng, r.text);
                }
                break;
            default:
                break;
        }
        if (auto res = m_sink.interaction(r); !res) return res.error();
        return std::int64_t{1};
    }

    // About one person in twenty has a follow-up; person 0 always does, so tiny demos show one.
    Result<void> followup(Rng& rng) {
        if (m_person.index != 0 && rng.below(20) != 0) return {};
        auto& f = m_followup;
        f.ext_ns = "demo";
        f.ext_id.assign(m_prefix).append("-f");
        const auto& t = rng.pick(kFollowUps);
        f.text.assign(t.before).append(m_person.first->text).append(t.after);
        // Due at 09:00 UTC: half done in the past; the open ones overdue, this week or later.
        const auto today = m_opt.now + std::chrono::hours{9};
        const double u = rng.unit();
        f.done = u < 0.5;
        std::int64_t offset = 0;
        if (u < 0.5) {
            offset = -rng.between(3, 300);
        } else if (u < 0.65) {
            offset = -rng.between(1, 30);
        } else if (u < 0.8) {
            offset = rng.between(0, 6);
        } else {
            offset = rng.between(7, 90);
        }
        f.due = TimePoint{today + days{offset}};
        f.people.resize(1);
        f.people[0].identity = identity(primary_kind(m_person));
        f.people[0].display_name = m_name;
        f.people[0].role = core::ParticipantRole::to;
        return m_sink.followup(f);
    }

    const Options& m_opt;
    core::RecordSink& m_sink;
    core::Progress& m_progress;

    Person m_person;
    std::string m_prefix;  ///< "s<seed>-p<index>", the start of every ext id of the person
    std::string m_name;
    std::array<core::Identity, 6> m_ids;  ///< by IdentityKind
    TimePoint m_first{}, m_last{};

    core::InteractionRecord m_rec;
    core::ContactRecord m_contact;
    core::FollowEdgeRecord m_edge;
    core::FollowUpRecord m_followup;
};

Result<std::uint64_t> option_number(const core::ImportRequest& req, const std::string& key,
                                    std::uint64_t fallback, std::uint64_t max) {
    const auto it = req.options.find(key);
    if (it == req.options.end()) return fallback;
    const auto& text = it->second;
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || v > max) {
        return core::make_error(core::ErrorCode::invalid_input,
                                "demo option \"" + key + "\" must be a whole number from 0 to " +
                                    std::to_string(max) + ", not \"" + text + "\"",
                                "For example " + key + "=" + std::to_string(fallback) + ".");
    }
    return v;
}

Result<Options> parse_options(const core::ImportRequest& req) {
    Options opt;
    const auto people = option_number(req, "people", opt.people, 10'000'000);
    if (!people) return people.error();
    const auto interactions = option_number(req, "interactions", opt.interactions, 10'000);
    if (!interactions) return interactions.error();
    const auto seed =
        option_number(req, "seed", opt.seed, std::numeric_limits<std::uint64_t>::max());
    if (!seed) return seed.error();
    opt.people = *people;
    opt.interactions = *interactions;
    opt.seed = *seed;
    const auto it = req.options.find("now");
    const std::string now_text = it == req.options.end() ? "2026-11-25T12:00:00Z" : it->second;
    const auto now = core::parse_iso(now_text);
    if (!now) {
        return core::make_error(core::ErrorCode::invalid_input,
                                "demo option \"now\" is not an ISO 8601 time: \"" + now_text + "\"",
                                "For example now=2026-11-25T12:00:00Z.");
    }
    // The start of the day, not the instant: re-running the demo later the same day must give the
    // same records, or every re-run would rewrite them all with times shifted by a few seconds.
    opt.now = std::chrono::floor<days>(*now);
    return opt;
}

}  // namespace

Result<void> DemoImporter::run(const core::ImportRequest& req, core::RecordSink& sink,
                               core::Progress& progress) {
    const auto opt = parse_options(req);
    if (!opt) return opt.error();
    DemoRun generator(*opt, sink, progress);
    return generator.run();
}

}  // namespace kith::import
