#pragma once
// Keys that make two different identities point at one person: the same mailbox written two
// ways, the same user name on two networks, a company mail domain.

#include <string>
#include <vector>

#include "core/identity.h"

namespace kith::core {

/// The mailbox an address delivers to: "+tag" dropped from the local part, and for Gmail the
/// dots too ("Ana.Ruiz+blog@googlemail.com" → "anaruiz@gmail.com"). Expects a normalized email
/// identity value; returns it unchanged when nothing applies. Pure.
std::string email_mailbox_key(const std::string& email);

/// True for mail providers anyone can sign up with (gmail.com, outlook.com, gmx.de…): sharing
/// such a domain says nothing about two people. Pure.
bool is_free_mail_domain(const std::string& domain);

/// The domain of a normalized email value ("ana@example.org" → "example.org"), empty otherwise.
std::string email_domain(const std::string& email);

/// The user name an identity carries, folded to letters and digits: an email's local part (no
/// "+tag"), a twitter handle (from the value "@h" or, for a numeric account, the display "@H"), a
/// mastodon user ("ana_ruiz@host" → "anaruiz"). Empty when it is shorter than 4 characters, all
/// digits, or a role address (info, contact, hello, noreply…) that names no one. Pure.
std::string username_key(const Identity& id);

/// The twitter handle ("@jack") an identity names: its value for a handle identity, its display
/// for a numeric account seen with its handle; empty otherwise. Pure.
std::string twitter_handle(const Identity& id);

}  // namespace kith::core
