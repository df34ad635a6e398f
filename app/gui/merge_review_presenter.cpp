#include "app/gui/merge_review_presenter.h"

#include <cmath>

#include "db/merge_repo.h"
#include "db/suggestion_repo.h"

namespace kith::app {

std::string evidence_label(std::string_view kind) {
    std::string out(kind);
    for (auto& c : out)
        if (c == '_') c = ' ';
    return out;
}

core::Result<void> MergeReviewPresenter::load() {
    auto pending = db::SuggestionRepo(m_db).pending();
    if (!pending) return pending.error();
    m_rows.clear();
    for (const auto& s : *pending) {
        MergeReviewRow r;
        r.id = s.id;
        r.person_a = s.person_a;
        r.person_b = s.person_b;
        r.name_a = s.name_a;
        r.name_b = s.name_b;
        r.score = std::to_string(static_cast<int>(std::lround(s.score * 100))) + "%";
        for (const auto& e : s.evidence)
            r.evidence += (r.evidence.empty() ? "" : "; ") +
                          evidence_label(core::to_string(e.kind)) + ": " + e.detail;
        m_rows.push_back(std::move(r));
    }
    return {};
}

core::Result<void> MergeReviewPresenter::check_index(std::size_t index) const {
    if (index < m_rows.size()) return {};
    return core::make_error(core::ErrorCode::invalid_input, "no suggestion is selected",
                            "Select a row first.");
}

core::Result<std::int64_t> MergeReviewPresenter::accept(std::size_t index, core::TimePoint now) {
    if (auto c = check_index(index); !c) return c.error();
    auto merge = db::SuggestionRepo(m_db).accept(m_rows[index].id, now);
    if (!merge) return merge.error();
    auto log = db::MergeRepo(m_db).log(1);
    if (!log) return log.error();
    const auto kept = log->front().kept_id;
    if (auto l = load(); !l) return l.error();
    return kept;
}

core::Result<void> MergeReviewPresenter::reject(std::size_t index, core::TimePoint now) {
    if (auto c = check_index(index); !c) return c;
    if (auto r = db::SuggestionRepo(m_db).reject(m_rows[index].id, now); !r) return r;
    return load();
}

}  // namespace kith::app
