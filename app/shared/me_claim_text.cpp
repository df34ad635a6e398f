#include "app/shared/me_claim_text.h"

namespace kith::app {

std::string me_claim_text(const core::Identity& identity, const db::MeClaim& c) {
    if (c.already_mine)
        return std::string(core::to_string(identity.kind)) + " " + identity.value +
               " is already yours; nothing changed.\n";
    std::string s =
        "Added " + std::string(core::to_string(identity.kind)) + " " + identity.value + " (me)\n";
    if (!c.previous_person_id) return s;
    const std::string who =
        c.previous_person_name + " (#" + std::to_string(c.previous_person_id) + ")";
    s += "It was " + who +
         ", made by an import before Kith knew it was yours. Redone as if it had known: " +
         std::to_string(c.interactions_changed) +
         " interactions (who sent what, who owes a reply), " + std::to_string(c.threads_changed) +
         " conversations";
    if (c.interactions_removed)
        s += "; " + std::to_string(c.interactions_removed) +
             " messages between your own addresses removed";
    s += ".\n";
    if (c.previous_person_archived)
        s += who +
             " has no identity or history left and is archived (notes and follow-ups stay): "
             "kith-cli person archive '#" +
             std::to_string(c.previous_person_id) + "' --undo brings them back.\n";
    return s;
}

}  // namespace kith::app
