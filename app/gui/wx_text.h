#pragma once
// The one conversion between Kith's UTF-8 strings and wxString: the C locale the tests (and some
// desktops) run in would garble anything but ASCII through wxString's implicit conversion.

#include <string>

#include <wx/string.h>

namespace kith::app {

/// `s` (UTF-8) as a wxString.
inline wxString ui(const std::string& s) {
    return wxString::FromUTF8(s.data(), s.size());
}

}  // namespace kith::app
