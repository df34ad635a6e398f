#include "import/demo_importer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <string>

#include "core/time.h"
#include "tests/import/collecting_sink.h"

using namespace kith;
using kith::import::test::CollectingSink;
using kith::import::test::RecordingProgress;

namespace {

const core::TimePoint kNow = *core::parse_iso("2026-11-25T12:00:00Z");

core::ImportRequest demo_request(std::uint64_t people, std::uint64_t seed = 1) {
    core::ImportRequest req;
    req.kind = "demo";
    req.options["people"] = std::to_string(people);
    req.options["seed"] = std::to_string(seed);
    req.options["now"] = core::format_iso(kNow);
    return req;
}

CollectingSink run_demo(const core::ImportRequest& req) {
    import::DemoImporter demo;
    CollectingSink sink;
    core::NullProgress progress;
    const auto r = demo.run(req, sink, progress);
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    return sink;
}

bool has_non_ascii(const std::string& s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

TEST_CASE("demo: the same seed gives the same records, another seed other records") {
    const auto a = run_demo(demo_request(40, 7));
    const auto b = run_demo(demo_request(40, 7));
    const auto c = run_demo(demo_request(40, 8));
    CHECK(import::test::transcript(a) == import::test::transcript(b));
    CHECK(import::test::transcript(a) != import::test::transcript(c));
    CHECK(a.contacts[0].display_name != c.contacts[0].display_name);
}

TEST_CASE("demo: runs on the same day give the same records, the next day other times") {
    auto morning = demo_request(20);
    morning.options["now"] = "2026-11-25T06:01:02Z";
    auto evening = demo_request(20);
    evening.options["now"] = "2026-11-25T23:59:59Z";
    auto tomorrow = demo_request(20);
    tomorrow.options["now"] = "2026-11-26T06:00:00Z";
    const auto a = run_demo(morning);
    CHECK(import::test::transcript(a) == import::test::transcript(run_demo(evening)));
    const auto b = run_demo(tomorrow);
    CHECK(import::test::transcript(a) != import::test::transcript(b));
    for (const auto& r : a.interactions) CHECK(r.at <= *core::parse_iso("2026-11-25"));
    // The same people, one day later.
    REQUIRE(a.interactions.size() == b.interactions.size());
    CHECK(b.interactions[0].at - a.interactions[0].at == std::chrono::days{1});
}

TEST_CASE("demo: person k does not depend on how many people are generated") {
    const auto small = run_demo(demo_request(10));
    const auto large = run_demo(demo_request(20));
    REQUIRE(large.interactions.size() > small.interactions.size());
    for (std::size_t i = 0; i < small.interactions.size(); ++i)
        CHECK(import::test::describe(small.interactions[i]) ==
              import::test::describe(large.interactions[i]));
    for (std::size_t i = 0; i < small.contacts.size(); ++i)
        CHECK(import::test::describe(small.contacts[i]) ==
              import::test::describe(large.contacts[i]));
}

TEST_CASE("demo: counts scale with the options") {
    const auto sink = run_demo(demo_request(50));
    CHECK(sink.contacts.size() == 50);
    CHECK(sink.interactions.size() >= 50 * 40 * 3 / 4);
    CHECK(sink.interactions.size() <= 50 * 40 * 5 / 4);

    auto req = demo_request(200);
    req.options["interactions"] = "10";
    const auto sparse = run_demo(req);
    CHECK(sparse.contacts.size() == 200);
    CHECK(sparse.interactions.size() >= 200 * 10 * 3 / 4);
    CHECK(sparse.interactions.size() <= 200 * 10 * 5 / 4);

    req.options["people"] = "0";
    CHECK(run_demo(req).records() == 0);
}

TEST_CASE("demo: every channel and kind appears, with the shape of the real thing") {
    const auto sink = run_demo(demo_request(200));
    std::set<core::Channel> channels;
    std::set<core::InteractionKind> kinds;
    int bulk = 0, groups = 0, with_place = 0, out_comments = 0, in_comments = 0;
    for (const auto& r : sink.interactions) {
        channels.insert(r.channel);
        kinds.insert(r.kind);
        CHECK(r.ext_ns == "demo");
        CHECK(r.at <= kNow);
        CHECK(r.at >= kNow - std::chrono::days{3 * 366});
        REQUIRE(!r.participants.empty());
        if (r.bulk) {
            ++bulk;
            CHECK_FALSE(r.personal);
            CHECK(r.channel == core::Channel::email);
        }
        if (r.kind == core::InteractionKind::like || r.kind == core::InteractionKind::boost)
            CHECK_FALSE(r.personal);
        if (r.kind == core::InteractionKind::meeting) {
            CHECK(r.direction == core::Direction::mutual);
            CHECK(!r.place.empty());
            ++with_place;
            if (r.participants.size() >= 2) ++groups;
            CHECK(r.participants.size() <= 4);
        }
        if (r.channel == core::Channel::blog && r.kind == core::InteractionKind::comment)
            ++(r.direction == core::Direction::in ? in_comments : out_comments);
        if (r.channel == core::Channel::email) CHECK(!r.subject.empty());
    }
    for (const auto c : core::kAllChannels) {
        CAPTURE(core::to_string(c));
        CHECK(channels.count(c) == 1);
    }
    using K = core::InteractionKind;
    for (const auto k : {K::message, K::reply, K::mention, K::dm, K::comment, K::meeting, K::call,
                         K::like, K::boost}) {
        CAPTURE(core::to_string(k));
        CHECK(kinds.count(k) == 1);
    }
    CHECK(bulk > 0);
    CHECK(groups > 0);
    CHECK(with_place > 0);
    CHECK(in_comments > 0);   // comments on my blog
    CHECK(out_comments > 0);  // mine on theirs
}

TEST_CASE("demo: some threads end with their personal message, some with mine") {
    const auto sink = run_demo(demo_request(100));
    std::map<std::string, const core::InteractionRecord*> last;
    for (const auto& r : sink.interactions) {
        if (r.thread_key.empty()) continue;
        auto& l = last[r.thread_key];
        if (!l || l->at <= r.at) l = &r;
    }
    int owe = 0, waiting = 0, recent_owe = 0;
    for (const auto& [key, r] : last) {
        if (r->direction == core::Direction::in && r->personal) {
            ++owe;
            if (kNow - r->at < std::chrono::days{45}) ++recent_owe;
        }
        if (r->direction == core::Direction::out) ++waiting;
    }
    CHECK(owe > 0);
    CHECK(recent_owe > 0);
    CHECK(waiting > owe);  // most old threads were answered
    // Threads alternate: within a thread, consecutive messages change direction.
    std::map<std::string, std::vector<const core::InteractionRecord*>> threads;
    for (const auto& r : sink.interactions)
        if (!r.thread_key.empty()) threads[r.thread_key].push_back(&r);
    for (const auto& [key, msgs] : threads) {
        for (std::size_t i = 1; i < msgs.size(); ++i) {
            CHECK(msgs[i]->direction != msgs[i - 1]->direction);
            CHECK(msgs[i]->at >= msgs[i - 1]->at);
        }
    }
}

TEST_CASE("demo: relationships have a rhythm, some going cold") {
    const auto sink = run_demo(demo_request(300));
    std::map<std::string, core::TimePoint> last_contact;  // by first participant identity
    std::map<std::string, int> count;
    for (const auto& r : sink.interactions) {
        const auto& key = r.participants[0].identity.value;
        last_contact[key] = std::max(last_contact[key], r.at);
        ++count[key];
    }
    int recent = 0, cold = 0;
    for (const auto& [key, t] : last_contact) {
        if (kNow - t < std::chrono::days{14}) ++recent;
        if (kNow - t > std::chrono::days{365}) ++cold;
    }
    CHECK(recent > 10);
    CHECK(cold > 10);
    const auto [lo, hi] =
        std::minmax_element(count.begin(), count.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; });
    CHECK(hi->second > 4 * lo->second);  // close people talk far more than acquaintances
}

TEST_CASE("demo: people have realistic names, identities, circles, cadences and notes") {
    const auto sink = run_demo(demo_request(300));
    std::set<std::string> identities;
    std::set<std::string> circles;
    int non_ascii = 0, cadence = 0, notes = 0;
    for (const auto& c : sink.contacts) {
        CHECK(c.ext_ns == "demo");
        CHECK(c.display_name.find(' ') != std::string::npos);
        if (has_non_ascii(c.display_name)) ++non_ascii;
        CHECK(c.identities.size() >= 1);
        CHECK(c.identities.size() <= 4);
        CHECK(c.circles.size() <= 2);
        for (const auto& id : c.identities) {
            const auto key = std::string(core::to_string(id.kind)) + ":" + id.value;
            CHECK_MESSAGE(identities.insert(key).second, key);  // no two people share one
            switch (id.kind) {
                case core::IdentityKind::email:
                    CHECK(id.value.find('@') != std::string::npos);
                    break;
                case core::IdentityKind::twitter:
                    CHECK(id.value.find_first_not_of("0123456789") == std::string::npos);
                    CHECK(id.display.front() == '@');
                    break;
                case core::IdentityKind::phone:
                    CHECK(id.value.front() == '+');
                    break;
                case core::IdentityKind::website:
                    CHECK(id.value.find("://") == std::string::npos);
                    break;
                default:
                    break;
            }
        }
        circles.insert(c.circles.begin(), c.circles.end());
        if (c.cadence_days) ++cadence;
        if (!c.notes.empty()) ++notes;
    }
    CHECK(non_ascii > 30);
    CHECK(circles == std::set<std::string>{"Bloggers", "Clients", "Close friends", "DevConf crowd",
                                           "Family", "Mastodon regulars"});
    CHECK(cadence >= 10);  // about 10 %
    CHECK(cadence <= 60);
    CHECK(notes > 30);
    // Every participant is someone the demo introduced with a contact card.
    for (const auto& r : sink.interactions) {
        for (const auto& p : r.participants) {
            const auto key = std::string(core::to_string(p.identity.kind)) + ":" + p.identity.value;
            CHECK_MESSAGE(identities.count(key) == 1, key);
        }
    }
}

TEST_CASE("demo: texts are searchable for what users write about") {
    const auto sink = run_demo(demo_request(30));
    std::string all;
    for (const auto& r : sink.interactions) all += r.subject + " " + r.text + "\n";
    for (const char* word : {"grant", "report", "conference", "blog", "open source", "nonprofit"}) {
        CAPTURE(word);
        CHECK(all.find(word) != std::string::npos);
    }
}

TEST_CASE("demo: ext ids are unique") {
    const auto sink = run_demo(demo_request(150));
    std::set<std::string> ids;
    for (const auto& r : sink.interactions) CHECK(ids.insert(r.ext_id).second);
    for (const auto& r : sink.contacts) CHECK(ids.insert(r.ext_id).second);
    for (const auto& r : sink.followups) CHECK(ids.insert(r.ext_id).second);
}

TEST_CASE("demo: follow edges and follow-ups") {
    const auto sink = run_demo(demo_request(600));
    std::set<std::string> followers;
    int i_follow = 0;
    for (const auto& e : sink.follow_edges) {
        CHECK((e.network == core::Channel::twitter || e.network == core::Channel::mastodon));
        CHECK(e.seen_at <= kNow);
        if (e.direction == core::FollowDirection::follows_me)
            followers.insert(e.display_name + e.their.value);
        else
            ++i_follow;
    }
    CHECK(followers.size() > 600 * 20 / 100);  // about 30 % follow me
    CHECK(followers.size() < 600 * 40 / 100);
    CHECK(i_follow > 0);

    // About one per twenty people, a mix of done, overdue, due this week and later.
    CHECK(sink.followups.size() >= 15);
    CHECK(sink.followups.size() <= 50);
    int done = 0, overdue = 0, this_week = 0, later = 0;
    for (const auto& f : sink.followups) {
        CHECK(!f.text.empty());
        CHECK(f.people.size() == 1);
        if (f.done)
            ++done;
        else if (f.due < kNow)
            ++overdue;
        else if (f.due < kNow + std::chrono::days{7})
            ++this_week;
        else
            ++later;
    }
    CHECK(done > 0);
    CHECK(overdue > 0);
    CHECK(this_week > 0);
    CHECK(later > 0);
}

TEST_CASE("demo: cancel stops between people") {
    import::DemoImporter demo;
    CollectingSink sink;
    RecordingProgress progress;
    progress.cancel_at_update = 5;
    const auto r = demo.run(demo_request(100), sink, progress);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == core::ErrorCode::cancelled);
    CHECK(sink.contacts.size() == 5);
    CHECK(progress.updates.back().total == 100);
    CHECK(progress.updates.back().what == "people");
}

TEST_CASE("demo: a failing sink stops the run with its error") {
    import::DemoImporter demo;
    CollectingSink sink;
    sink.fail_after = 100;
    core::NullProgress progress;
    const auto r = demo.run(demo_request(50), sink, progress);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == core::ErrorCode::database);
    CHECK(sink.records() == 100);
}

TEST_CASE("demo: bad options are invalid input with a hint") {
    import::DemoImporter demo;
    core::NullProgress progress;
    for (const auto& [key, value] : std::map<std::string, std::string>{
             {"people", "many"}, {"people", "-3"}, {"interactions", "1e3"}, {"now", "tomorrow"}}) {
        CAPTURE(key);
        CollectingSink sink;
        auto req = demo_request(10);
        req.options[key] = value;
        const auto r = demo.run(req, sink, progress);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == core::ErrorCode::invalid_input);
        CHECK(r.error().message.find(key) != std::string::npos);
        CHECK(!r.error().hint.empty());
        CHECK(sink.records() == 0);
    }
}

// Run by hand: kith_import_tests -ns -s -tc='demo: 50*'
TEST_CASE("demo: 50,000 people with 40 interactions each, timed" * doctest::skip()) {
    import::DemoImporter demo;
    CollectingSink sink;
    sink.keep = false;
    core::NullProgress progress;
    const auto start = std::chrono::steady_clock::now();
    const auto cpu_start = std::clock();
    const auto r = demo.run(demo_request(50'000), sink, progress);
    const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
    REQUIRE(r.ok());
    MESSAGE(sink.interaction_count << " interactions, " << sink.records() << " records in "
                                   << wall.count() << " s wall, " << cpu << " s CPU");
    CHECK(cpu < 10.0);
}
