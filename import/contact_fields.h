#pragma once
// What the contact importers (vCard, LinkedIn, Google CSV) share: identities from card fields,
// birthdays, stable record keys.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/identity.h"
#include "core/records.h"

namespace kith::import {

/// Adds the identity `raw` to `card` unless it is already there. With `kind` the value is read
/// as that kind; without, the kind is guessed (URLs of X, Mastodon and LinkedIn profiles become
/// those identities, other URLs websites). Returns the problem ("bad email …") when `raw` is not
/// a valid identity, else empty. Blank input is no problem and adds nothing. A non-empty
/// `display` replaces the display the normalizer derives (Kith's own export states it).
std::string add_contact_identity(core::ContactRecord& card, std::optional<core::IdentityKind> kind,
                                 std::string_view raw, std::string_view display = {});

/// "1980-03-22" from "19800322", "1980-03-22", "1980-03-22T00:00:00Z", "22/03/1980" is not
/// accepted (ambiguous); "--03-22" from "--0322", "--03-22" or "0000-03-22" (year unknown, as
/// Apple and Google write it). Empty when not a valid date.
std::string normalize_birthday(std::string_view raw);

/// Keys records of one file so a re-import finds the same keys: the first use of a key is the
/// key itself, later uses in the same run get "#2", "#3" (two "Ana Ruiz" without identities).
class ContactKeys {
  public:
    std::string unique(std::string key);

  private:
    std::map<std::string, int> m_seen;
};

/// Lower-cased ASCII, trimmed, inner white space collapsed: a name as a key.
std::string name_key(std::string_view name);

}  // namespace kith::import
