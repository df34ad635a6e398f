// Email end to end: a generated mailbox with known truth imported with the real kith-cli from
// mbox, Maildir and .eml sources, then `today --json` must list exactly the expected
// owe-reply and waiting-on-them items.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/app/cli/subprocess.h"

using kith::test::KithCli;
using kith::test::TempDir;
using kith::test::write_file;
using json = nlohmann::json;

namespace {

struct Mail {
    std::string from, to, cc, date, id, in_reply_to, references, extra, subject, body;
};

std::string render(const Mail& m) {
    std::string s = "From: " + m.from + "\nTo: " + m.to + "\n";
    if (!m.cc.empty()) s += "Cc: " + m.cc + "\n";
    s += "Subject: " + m.subject + "\nDate: " + m.date + "\nMessage-ID: <" + m.id + ">\n";
    if (!m.in_reply_to.empty()) s += "In-Reply-To: <" + m.in_reply_to + ">\n";
    if (!m.references.empty()) s += "References: " + m.references + "\n";
    s += m.extra + "\n" + m.body + "\n";
    return s;
}

const char* kMe = "Me Myself <me@example.org>";
const char* kAna = "Ana Ruiz <ana@example.org>";
const char* kBen = "Ben Okafor <ben@example.org>";

// "Now" is 2026-11-25T12:00:00Z (kCliNow); waiting needs 7 days of silence.
const std::vector<Mail> kMbox = {
    // T1: the last word is Ana's, to me → I owe her a reply.
    {kAna, kMe, "", "Fri, 20 Nov 2026 09:00:00 +0000", "t1-1@x", "", "", "", "Grant report",
     "Could you send the grant report?"},
    {kMe, kAna, "", "Sat, 21 Nov 2026 09:00:00 +0000", "t1-2@x", "t1-1@x", "<t1-1@x>", "",
     "Re: Grant report", "Which year?\n\nOn Fri, Ana wrote:\n> Could you send it?"},
    {kAna, kMe, "", "Sun, 22 Nov 2026 09:00:00 +0100", "t1-3@x", "t1-2@x", "<t1-1@x> <t1-2@x>", "",
     "Re: Grant report", "2025, thanks!\n-- \nAna"},
    // T2: my reply to Ben is the last word, 20 days ago → waiting on Ben.
    {kBen, kMe, "", "Sun, 01 Nov 2026 08:00:00 +0000", "t2-1@x", "", "", "", "Meetup",
     "Are you coming?"},
    {kMe, kBen, "", "Thu, 05 Nov 2026 08:00:00 +0000", "t2-2@x", "t2-1@x", "<t2-1@x>", "",
     "Re: Meetup", "Yes, if you send the address."},
    // T4: my post to a list answered by the list: the last word is the list's → nothing.
    {kMe, "dev@lists.example.org", "", "Mon, 02 Nov 2026 08:00:00 +0000", "t4-1@x", "", "", "",
     "RFC: import", "Thoughts?"},
    {"Erin <erin@example.org>", "dev@lists.example.org", "", "Tue, 03 Nov 2026 08:00:00 +0000",
     "t4-2@x", "t4-1@x", "<t4-1@x>", "List-Id: <dev.lists.example.org>\n", "Re: RFC: import", "+1"},
    // T5: a newsletter addressed to me → bulk, nothing.
    {"Shop <news@shop.example>", kMe, "", "Mon, 23 Nov 2026 08:00:00 +0000", "t5-1@x", "", "",
     "List-Unsubscribe: <mailto:unsub@shop.example>\n", "Sale", "50% off"},
};

const std::vector<Mail> kMaildir = {
    // T3: my message to Carl two days ago → not waiting yet.
    {kMe, "Carl <carl@example.org>", "", "Mon, 23 Nov 2026 08:00:00 +0000", "t3-1@x", "", "", "",
     "Photos", "Here they are"},
    // T6: Fay writes to her team with me in Cc → I owe a reply.
    {"Fay <fay@example.org>", "team@example.org", kMe, "Tue, 24 Nov 2026 08:00:00 +0000", "t6-1@x",
     "", "", "", "Offsite", "Can everyone make Friday?"},
    // T7: Gus to someone else, me only in Bcc → not personal.
    {"Gus <gus@example.org>", "hal@example.org", "", "Tue, 24 Nov 2026 09:00:00 +0000", "t7-1@x",
     "", "", "", "FYI", "See attached"},
    // T8: a robot to me → bulk.
    {"GitHub <noreply@github.com>", kMe, "", "Tue, 24 Nov 2026 10:00:00 +0000", "t8-1@x", "", "",
     "", "[repo] CI failed", "Build 12 failed"},
    // T9: I wrote to Ivy, her vacation auto-reply came back → the auto-reply is bulk, nothing.
    {kMe, "Ivy <ivy@example.org>", "", "Sun, 01 Nov 2026 08:00:00 +0000", "t9-1@x", "", "", "",
     "Dinner", "Free on the 10th?"},
    {"Ivy <ivy@example.org>", kMe, "", "Sun, 01 Nov 2026 08:01:00 +0000", "t9-2@x", "t9-1@x",
     "<t9-1@x>", "Auto-Submitted: auto-replied\n", "Out of office", "Back in December"},
};

std::vector<std::string> field(const json& list, const char* key) {
    std::vector<std::string> out;
    for (const auto& item : list) out.push_back(item[key].get<std::string>());
    std::sort(out.begin(), out.end());
    return out;
}

// The generated mailbox in mbox, Maildir (with a duplicate in .Sent) and .eml form.
void write_mailbox(const TempDir& dir) {
    std::string mbox;
    for (const auto& m : kMbox) mbox += "From x@y Sun Nov 22 09:00:00 2026\n" + render(m) + "\n";
    write_file(dir / "all.mbox", mbox);
    int n = 0;
    for (const auto& m : kMaildir)
        write_file(dir / "Mail" / "cur" / ("17640000" + std::to_string(10 + n++) + ".x:2,S"),
                   render(m));
    // The same message again in the Maildir's Sent folder and as a saved .eml: deduplicated.
    write_file(dir / "Mail" / ".Sent" / "cur" / "1764000099.y:2,S", render(kMbox[2]));
    write_file(dir / "saved" / "t1-3.eml", render(kMbox[2]));
}

// Exactly the threads the mailbox's truth says: I owe Ana and Fay, I wait on Ben.
void check_today(const KithCli& cli) {
    const auto today = cli.json({"today"});
    INFO("today: " << today.dump(1));
    CHECK(field(today["owe_reply"], "external_id") ==
          std::vector<std::string>{"<t1-3@x>", "<t6-1@x>"});
    CHECK(field(today["owe_reply"], "person") == std::vector<std::string>{"Ana Ruiz", "Fay"});
    CHECK(field(today["owe_reply"], "thread") == std::vector<std::string>{"<t1-1@x>", "<t6-1@x>"});
    CHECK(field(today["waiting"], "external_id") == std::vector<std::string>{"<t2-2@x>"});
    CHECK(field(today["waiting"], "person") == std::vector<std::string>{"Ben Okafor"});
}

}  // namespace

TEST_CASE("email: today --json lists exactly the owe-reply and waiting threads of a mailbox") {
    TempDir dir;
    const KithCli cli(dir);
    cli.ok({"me", "add-identity", "me@example.org"});
    write_mailbox(dir);

    auto r = cli.json({"import", "mbox", (dir / "all.mbox").string()});
    CHECK(r["added"] == kMbox.size());
    CHECK(r["warnings"] == 0);
    r = cli.json({"import", "maildir", (dir / "Mail").string()});
    CHECK(r["added"] == kMaildir.size());
    CHECK(r["warnings"] == 0);
    r = cli.json({"import", "eml", (dir / "saved").string()});
    CHECK(r["added"] == 0);
    r = cli.json({"import", "mbox", (dir / "all.mbox").string()});
    CHECK(r["added"] == 0);  // a re-run never duplicates

    check_today(cli);
    const auto stats = cli.json({"stats"});
    CHECK(stats["by_channel"]["email"] == kMbox.size() + kMaildir.size());
    CHECK(stats["by_kind"]["reply"] == 5);  // t1-2, t1-3, t2-2, t4-2, t9-2
}

TEST_CASE("email: imported before Kith knew my address, then me add-identity: the same Today") {
    TempDir dir;
    const KithCli cli(dir);
    write_mailbox(dir);
    const auto first = cli.ok({"import", "mbox", (dir / "all.mbox").string()});
    INFO("stderr: " << first.err);
    CHECK(first.err.find("does not know your email address") != std::string::npos);
    CHECK(first.err.find("kith-cli me add-identity") != std::string::npos);
    cli.ok({"import", "maildir", (dir / "Mail").string()});
    CHECK(cli.json({"today"})["owe_reply"].empty());  // nothing can be owed without a "me"

    const auto claimed = cli.ok({"me", "add-identity", "me@example.org"});
    CHECK(claimed.out.find("It was Me Myself") != std::string::npos);
    check_today(cli);
    // Known now: a later import that adds mail says nothing more about it.
    write_file(dir / "new" / "k1.eml", render({kAna, kMe, "", "Tue, 24 Nov 2026 11:00:00 +0000",
                                               "k1@x", "", "", "", "Thanks", "See you"}));
    const auto later = cli.ok({"import", "eml", (dir / "new").string()});
    CHECK(later.out.find("1 added") != std::string::npos);
    CHECK(later.err.find("does not know") == std::string::npos);
}
