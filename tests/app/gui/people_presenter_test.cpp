// The People list's model, headless: filters, the bulk-sender toggle, search order, sorting.
#include <doctest/doctest.h>

#include "app/gui/people_presenter.h"
#include "tests/app/gui/gui_test_support.h"

using namespace kith;
using app::PeopleColumn;
using std::chrono::days;

namespace {

const core::TimePoint kNow = test::test_now();

db::PeopleListRow person(std::int64_t id, std::string name, unsigned channels) {
    db::PeopleListRow r;
    r.id = id;
    r.name = std::move(name);
    r.channels = channels;
    return r;
}

// Ana: email + Mastodon, met 3 days ago, strong; Ben: X follower, going cold; Zed: newsletter
// robot (bulk only); cleo: no contact at all, lower-case name.
std::vector<db::PeopleListRow> people() {
    auto ana = person(1, "Ana Ruiz", db::kChannelEmail | db::kChannelMastodon);
    ana.last_contact = kNow - days{3};
    ana.strength = {kNow, 0, 0, 40.0};
    ana.next_due = kNow + days{27};
    auto ben = person(2, "Ben Okafor", db::kChannelTwitter);
    ben.follows_me = true;
    ben.last_contact = kNow - days{60};
    ben.strength = {kNow, 1.0, 1.0, 0};
    ben.next_due = kNow - days{5};
    auto zed = person(3, "Zed Newsletter", db::kChannelEmail);
    zed.interaction_count = 40;
    zed.bulk_only = true;
    auto cleo = person(4, "cleo", 0);
    return {ana, ben, zed, cleo};
}

std::vector<std::string> names(const app::PeoplePresenter& p) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < p.size(); ++i) out.push_back(p.row(i).name);
    return out;
}

}  // namespace

TEST_CASE("people list: bulk senders are hidden until asked for, and counted") {
    app::PeoplePresenter p;
    p.set_people(people(), kNow);
    CHECK(names(p) == std::vector<std::string>{"Ana Ruiz", "Ben Okafor", "cleo"});
    CHECK(p.hidden_bulk() == 1);
    CHECK(p.summary() == "3 people · 1 bulk senders hidden");
    app::PeopleFilters f;
    f.show_bulk = true;
    p.set_filters(f);
    CHECK(names(p) == std::vector<std::string>{"Ana Ruiz", "Ben Okafor", "cleo", "Zed Newsletter"});
    CHECK(p.summary() == "4 people");
}

TEST_CASE("people list: each filter narrows, and says how many match") {
    struct Row {
        const char* what;
        app::PeopleFilters filters;
        std::vector<std::string> expected;
    };
    app::PeopleFilters attention, email, follower, on_x;
    attention.needs_attention = true;
    email.has_email = true;
    follower.follower = true;
    on_x.channel = db::kChannelTwitter;
    for (const auto& row :
         {Row{"needs attention: past their cadence", attention, {"Ben Okafor"}},
          Row{"has an email address (bulk still hidden)", email, {"Ana Ruiz"}},
          Row{"follows me", follower, {"Ben Okafor"}}, Row{"on X", on_x, {"Ben Okafor"}}}) {
        CAPTURE(std::string(row.what));
        app::PeoplePresenter p;
        p.set_people(people(), kNow);
        p.set_filters(row.filters);
        CHECK(names(p) == row.expected);
        CHECK(p.summary().starts_with(std::to_string(row.expected.size()) + " of 4 people match"));
    }
}

TEST_CASE("people list: a circle shows its members only") {
    app::PeoplePresenter p;
    p.set_people(people(), kNow);
    app::PeopleFilters f;
    f.circle = 9;
    p.set_circle_members({2, 4});
    p.set_filters(f);
    CHECK(names(p) == std::vector<std::string>{"Ben Okafor", "cleo"});
}

TEST_CASE("people list: search results keep their rank until a column is sorted") {
    app::PeoplePresenter p;
    p.set_people(people(), kNow);
    p.set_search_results(std::vector<std::int64_t>{4, 1, 99});  // 99: archived or gone
    CHECK(names(p) == std::vector<std::string>{"cleo", "Ana Ruiz"});
    p.sort_by(PeopleColumn::name);
    CHECK(names(p) == std::vector<std::string>{"Ana Ruiz", "cleo"});
    p.set_search_results(std::nullopt);
    CHECK(p.size() == 3);
}

TEST_CASE("people list: every column sorts, the same column twice reverses") {
    app::PeoplePresenter p;
    p.set_people(people(), kNow);
    p.sort_by(PeopleColumn::last_contact);  // never contacted first, then oldest
    CHECK(names(p) == std::vector<std::string>{"cleo", "Ben Okafor", "Ana Ruiz"});
    p.sort_by(PeopleColumn::last_contact);
    CHECK_FALSE(p.sort_ascending());
    CHECK(names(p) == std::vector<std::string>{"Ana Ruiz", "Ben Okafor", "cleo"});
    p.sort_by(PeopleColumn::strength);
    CHECK(p.strength(0) <= p.strength(1));
    CHECK(p.strength(1) <= p.strength(2));
    CHECK(p.row(2).name == "Ana Ruiz");
    p.sort_by(PeopleColumn::next_due);  // overdue first, no cadence last
    CHECK(names(p) == std::vector<std::string>{"Ben Okafor", "Ana Ruiz", "cleo"});
    p.sort_by(PeopleColumn::channels);
    CHECK(p.row(2).name == "Ana Ruiz");
    p.sort_by(PeopleColumn::name);
    // Case does not decide order: "cleo" sorts between Ben and nobody after.
    CHECK(names(p) == std::vector<std::string>{"Ana Ruiz", "Ben Okafor", "cleo"});
}

TEST_CASE("people list: cells say it the way a person reads it") {
    app::PeoplePresenter p;
    p.set_people(people(), kNow);
    REQUIRE(p.index_of(1) == 0u);
    CHECK(p.cell(0, PeopleColumn::channels) == "Email · Mastodon");
    CHECK(p.cell(0, PeopleColumn::last_contact) == "3 d ago");
    CHECK(p.cell(0, PeopleColumn::next_due) == "in 3 wk");
    CHECK(p.cell(1, PeopleColumn::next_due) == "overdue 5 d");
    CHECK(p.cell(2, PeopleColumn::last_contact) == "—");
    CHECK(p.cell(2, PeopleColumn::next_due) == "—");
    CHECK(std::stoi(p.cell(0, PeopleColumn::strength)) >
          std::stoi(p.cell(1, PeopleColumn::strength)));
    CHECK(app::channels_text(0).empty());
    CHECK(app::channels_text(db::kChannelPhone | db::kChannelEmail | db::kChannelBlog) ==
          "Email · Blog · Phone");
    CHECK_FALSE(p.index_of(3).has_value());  // hidden as a bulk sender
}

TEST_CASE("people list: names sort without case, accented initials after Z, ties by id") {
    app::PeoplePresenter p;
    // Handed in any order: the loader sorts on its thread, set_people sorts what it was not given
    // sorted. "Łukasz" starts with a two-byte UTF-8 letter, which must not sort before "Ana".
    p.set_people({person(7, "Łukasz Nowak", 0), person(5, "zoe", 0), person(6, "Ana", 0),
                  person(2, "ana", 0), person(9, "Bo", 0)},
                 kNow);
    // "ana" (id 2) and "Ana" (id 6) fold alike: the lower id first.
    CHECK(names(p) == std::vector<std::string>{"ana", "Ana", "Bo", "zoe", "Łukasz Nowak"});
    p.sort_by(PeopleColumn::name);  // the same column again: descending
    CHECK(names(p) == std::vector<std::string>{"Łukasz Nowak", "zoe", "Bo", "Ana", "ana"});
    std::vector<db::PeopleListRow> rows = {person(2, "b", 0), person(1, "B", 0), person(3, "a", 0)};
    app::PeoplePresenter::order_by_name(rows);
    CHECK(rows[0].id == 3);
    CHECK(rows[1].id == 1);  // "B" and "b" fold alike: the lower id first
    CHECK(rows[2].id == 2);
    // A name that is another's prefix sorts first whatever the case of the letters they share.
    rows = {person(10, "annA b", 0), person(4, "Anna", 0), person(8, "ANN", 0)};
    app::PeoplePresenter::order_by_name(rows);
    CHECK(rows[0].id == 8);
    CHECK(rows[1].id == 4);
    CHECK(rows[2].id == 10);
}
