#pragma once
// Contact photos kept as small thumbnails: decode, scale down, re-encode as PNG.

#include <string>
#include <string_view>

#include "core/result.h"

namespace kith::import {

/// Largest side of a thumbnail, in pixels.
inline constexpr int kThumbnailSize = 96;
/// Encoded photos larger than this are refused before decoding (a contact photo is small).
inline constexpr std::size_t kMaxPhotoBytes = 4u << 20;

/// Decodes a PNG, JPEG or GIF image (recognised by its magic bytes; other formats are refused so
/// only well-worn decoders see imported data), scales it while decoding so its larger side is at
/// most kThumbnailSize, and returns it as PNG bytes. Errors (invalid_input) for empty, oversized,
/// unknown or undecodable images. Uses gdk-pixbuf; thread-safe.
core::Result<std::string> make_thumbnail(std::string_view image_bytes);

/// Decodes base64 (standard or URL alphabet) into `out`, ignoring white space and padding.
/// False on a character outside the alphabet.
bool decode_base64(std::string_view text, std::string& out);

}  // namespace kith::import
