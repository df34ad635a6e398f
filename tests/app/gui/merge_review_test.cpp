// People → Review Merge Suggestions: the presenter headless, and the real dialog under Xvfb
// accepting one suggestion and rejecting another.
#include <doctest/doctest.h>

#include <memory>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include "app/gui/merge_review_dialog.h"
#include "core/clock.h"
#include "core/identity_normalizer.h"
#include "db/identity_resolver.h"
#include "db/import_sink.h"
#include "db/people_repo.h"
#include "tests/app/gui/frame_fixture.h"

using namespace kith;

namespace {

core::InteractionRecord from(const std::string& id, core::Channel channel, core::IdentityKind kind,
                             const std::string& who, const std::string& name) {
    core::InteractionRecord r;
    r.channel = channel;
    r.at = test::test_now() - test::days{2};
    r.ext_ns = "test";
    r.ext_id = id;
    auto identity = core::normalize_identity(kind, who);
    REQUIRE(identity);
    r.participants.push_back({*identity, name, core::ParticipantRole::from});
    return r;
}

/// Two probable pairs: Robert/Bob Miller and John/J. Smith.
void seed(db::Database& db) {
    db::ImportSink sink(db, std::nullopt, std::nullopt, std::nullopt, test::test_now());
    for (const auto& r :
         {from("1", core::Channel::email, core::IdentityKind::email, "robert@acme.example",
               "Robert Miller"),
          from("2", core::Channel::twitter, core::IdentityKind::twitter, "@bobm", "Bob Miller"),
          from("3", core::Channel::email, core::IdentityKind::email, "js@b.example", "J. Smith"),
          from("4", core::Channel::mastodon, core::IdentityKind::mastodon, "@john@m.social",
               "John Smith")})
        REQUIRE(sink.interaction(r));
    REQUIRE(sink.commit());
    REQUIRE(db::IdentityResolver(db, test::test_now()).resolve_new());
}

}  // namespace

TEST_CASE("merge review presenter: rows with score and evidence; accept and reject") {
    test::TempDir dir;
    auto db = test::open_db(dir / "kith.db");
    seed(*db);
    app::MergeReviewPresenter p(*db);
    REQUIRE(p.load());
    REQUIRE(p.rows().size() == 2);
    CHECK(p.rows()[0].score == "50%");  // a nickname, an initial: enough to ask
    CHECK(p.rows()[1].evidence.find("similar name") == 0);
    CHECK(p.reject(5, test::test_now()).error().code == core::ErrorCode::invalid_input);
    auto kept = p.accept(0, test::test_now());
    REQUIRE(kept);
    CHECK(p.rows().size() == 1);
    REQUIRE(p.reject(0, test::test_now()));
    CHECK(p.rows().empty());
    CHECK(app::evidence_label("same_mailbox") == "same mailbox");
}

TEST_CASE("the review dialog accepts a suggestion and the two become one person") {
    test::TempDir dir;
    auto db = test::open_db(dir / "kith.db");
    seed(*db);
    const auto people_before = *db::PeopleRepo(*db).list({});
    wxFrame frame(nullptr, wxID_ANY, "host");
    auto* dialog = new app::MergeReviewDialog(&frame, *db,
                                              std::make_shared<core::FixedClock>(test::test_now()));
    dialog->Show();
    test::pump();
    REQUIRE(dialog->list()->GetItemCount() == 2);
    CHECK(dialog->accept_button()->IsEnabled());  // the first row is selected
    test::save_screenshot(dialog, "merge_review");

    wxCommandEvent click(wxEVT_BUTTON, dialog->accept_button()->GetId());
    dialog->accept_button()->GetEventHandler()->ProcessEvent(click);
    test::pump();
    CHECK(dialog->changed());
    CHECK(dialog->list()->GetItemCount() == 1);
    CHECK(dialog->message()->GetLabel().StartsWith("Merged"));
    CHECK(db::PeopleRepo(*db).list({})->size() == people_before.size() - 1);

    wxCommandEvent reject(wxEVT_BUTTON, dialog->reject_button()->GetId());
    dialog->reject_button()->GetEventHandler()->ProcessEvent(reject);
    test::pump();
    CHECK(dialog->list()->GetItemCount() == 0);
    CHECK_FALSE(dialog->accept_button()->IsEnabled());
    dialog->Destroy();
    test::pump();
}
