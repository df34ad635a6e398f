#include "core/clean_text_sink.h"

#include "core/utf8_text.h"

namespace kith::core {

namespace {

// Each record type lists its strings once; `f` is called on every one of them (clean_text or a
// check) and the result says whether it returned true for any.
template <class F, class... S>
bool fields(F& f, S&... s) {
    bool any = false;
    ((any = f(s) || any), ...);  // f runs on every field, even after a true
    return any;
}

template <class F>
bool each_text(Identity& id, F& f) {
    return fields(f, id.value, id.display);
}

template <class F>
bool each_text(std::vector<Participant>& people, F& f) {
    bool any = false;
    for (auto& p : people)
        any = each_text(p.identity, f) || any, any = fields(f, p.display_name) || any;
    return any;
}

template <class F>
bool each_text(InteractionRecord& r, F& f) {
    const bool a = fields(f, r.ext_ns, r.ext_id, r.thread_key, r.subject, r.text, r.url, r.place);
    return each_text(r.participants, f) || a;
}

template <class F>
bool each_text(FollowEdgeRecord& r, F& f) {
    const bool a = fields(f, r.display_name);
    return each_text(r.their, f) || a;
}

template <class F>
bool each_text(ContactRecord& r, F& f) {
    bool any = fields(f, r.ext_ns, r.ext_id, r.display_name, r.notes);
    for (auto& id : r.identities) any = each_text(id, f) || any;
    for (auto& c : r.circles) any = fields(f, c) || any;
    return any;
}

template <class F>
bool each_text(FollowUpRecord& r, F& f) {
    const bool a = fields(f, r.ext_ns, r.ext_id, r.text);
    return each_text(r.people, f) || a;
}

/// Passes `r` on as is when all its text is clean, else a cleaned copy.
template <class R, class Send>
Result<void> send_clean(const R& r, Send&& send) {
    // The check runs on the original (const_cast only to share each_text; nothing is written).
    auto dirty = [](std::string& s) { return !is_clean_text(s); };
    if (!each_text(const_cast<R&>(r), dirty)) return send(r);
    R copy = r;
    auto clean = [](std::string& s) { return clean_text(s); };
    each_text(copy, clean);
    return send(copy);
}

}  // namespace

Result<void> CleanTextSink::interaction(const InteractionRecord& r) {
    return send_clean(r, [&](const InteractionRecord& x) { return m_inner.interaction(x); });
}

Result<void> CleanTextSink::follow_edge(const FollowEdgeRecord& r) {
    return send_clean(r, [&](const FollowEdgeRecord& x) { return m_inner.follow_edge(x); });
}

Result<void> CleanTextSink::contact(const ContactRecord& r) {
    return send_clean(r, [&](const ContactRecord& x) { return m_inner.contact(x); });
}

Result<void> CleanTextSink::followup(const FollowUpRecord& r) {
    return send_clean(r, [&](const FollowUpRecord& x) { return m_inner.followup(x); });
}

Result<void> CleanTextSink::owner_identity(const Identity& id) {
    return send_clean(id, [&](const Identity& x) { return m_inner.owner_identity(x); });
}

void CleanTextSink::warning(ImportWarning w) {
    clean_text(w.location);
    clean_text(w.message);
    m_inner.warning(std::move(w));
}

}  // namespace kith::core
