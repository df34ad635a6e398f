#pragma once
// Owning pointers for what GLib and GMime hand out: g_free'd strings and GObject references.

#include <glib-object.h>

#include <memory>

namespace kith::import {

struct GFreeDeleter {
    void operator()(void* p) const { g_free(p); }
};
/// A string GLib allocated (g_utf8_make_valid, g_mime_utils_header_decode_text…).
using GCharPtr = std::unique_ptr<char, GFreeDeleter>;

struct GObjectDeleter {
    void operator()(void* p) const { g_object_unref(p); }
};
/// One reference to a GObject (a GMime parser, content type, address list…).
template <class T>
using GRef = std::unique_ptr<T, GObjectDeleter>;

}  // namespace kith::import
