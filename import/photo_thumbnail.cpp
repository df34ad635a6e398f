#include "import/photo_thumbnail.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include <algorithm>
#include <memory>

namespace kith::import {

namespace {

const char* image_type(std::string_view b) {
    if (b.starts_with("\x89PNG\r\n\x1a\n")) return "png";
    if (b.starts_with("\xFF\xD8\xFF")) return "jpeg";
    if (b.starts_with("GIF87a") || b.starts_with("GIF89a")) return "gif";
    return nullptr;
}

struct GObjectUnref {
    void operator()(void* p) const {
        if (p) g_object_unref(p);
    }
};

// Called once the header is read: asks the loader to decode straight at thumbnail size, so a
// hostile 30000×30000 image never gets a full-size buffer.
void on_size_prepared(GdkPixbufLoader* loader, int width, int height, gpointer) {
    if (width <= 0 || height <= 0) return;
    const int big = std::max(width, height);
    if (big <= kThumbnailSize) return;
    const int w = std::max(1, width * kThumbnailSize / big);
    const int h = std::max(1, height * kThumbnailSize / big);
    gdk_pixbuf_loader_set_size(loader, w, h);
}

core::Error bad(std::string what) {
    return core::make_error(core::ErrorCode::invalid_input, std::move(what));
}

}  // namespace

core::Result<std::string> make_thumbnail(std::string_view bytes) {
    if (bytes.empty()) return bad("empty photo");
    if (bytes.size() > kMaxPhotoBytes)
        return bad("photo of " + std::to_string(bytes.size()) + " bytes is over the " +
                   std::to_string(kMaxPhotoBytes >> 20) + " MiB limit");
    const char* type = image_type(bytes);
    if (!type) return bad("photo is not PNG, JPEG or GIF");
    GError* err = nullptr;
    std::unique_ptr<GdkPixbufLoader, GObjectUnref> loader(
        gdk_pixbuf_loader_new_with_type(type, &err));
    if (!loader) {
        std::string msg = err ? err->message : "no loader";
        if (err) g_error_free(err);
        return bad("cannot decode " + std::string(type) + " photos: " + msg);
    }
    g_signal_connect(loader.get(), "size-prepared", G_CALLBACK(on_size_prepared), nullptr);
    const bool wrote = gdk_pixbuf_loader_write(
        loader.get(), reinterpret_cast<const guchar*>(bytes.data()), bytes.size(), &err);
    // close() must run even after a failed write, or the loader warns when finalized.
    GError* close_err = nullptr;
    const bool closed = gdk_pixbuf_loader_close(loader.get(), wrote ? &close_err : nullptr);
    if (!wrote || !closed) {
        GError* e = err ? err : close_err;
        std::string msg = e ? e->message : "undecodable";
        if (err) g_error_free(err);
        if (close_err) g_error_free(close_err);
        return bad("damaged " + std::string(type) + " photo: " + msg);
    }
    GdkPixbuf* pix = gdk_pixbuf_loader_get_pixbuf(loader.get());  // owned by the loader
    if (!pix) return bad("damaged " + std::string(type) + " photo");
    std::unique_ptr<GdkPixbuf, GObjectUnref> scaled;
    const int w = gdk_pixbuf_get_width(pix), h = gdk_pixbuf_get_height(pix);
    if (std::max(w, h) > kThumbnailSize) {  // a loader that ignored set_size (GIF animations)
        const int big = std::max(w, h);
        scaled.reset(gdk_pixbuf_scale_simple(pix, std::max(1, w * kThumbnailSize / big),
                                             std::max(1, h * kThumbnailSize / big),
                                             GDK_INTERP_BILINEAR));
        if (!scaled) return bad("photo too large to scale");
        pix = scaled.get();
    }
    gchar* buf = nullptr;
    gsize len = 0;
    if (!gdk_pixbuf_save_to_buffer(pix, &buf, &len, "png", &err, nullptr)) {
        std::string msg = err ? err->message : "";
        if (err) g_error_free(err);
        return core::make_error(core::ErrorCode::internal, "cannot encode thumbnail: " + msg);
    }
    std::string out(buf, len);
    g_free(buf);
    return out;
}

bool decode_base64(std::string_view text, std::string& out) {
    out.clear();
    out.reserve(text.size() / 4 * 3);
    std::uint32_t acc = 0;
    int bits = 0;
    for (const char ch : text) {
        int v;
        if (ch >= 'A' && ch <= 'Z')
            v = ch - 'A';
        else if (ch >= 'a' && ch <= 'z')
            v = ch - 'a' + 26;
        else if (ch >= '0' && ch <= '9')
            v = ch - '0' + 52;
        else if (ch == '+' || ch == '-')
            v = 62;
        else if (ch == '/' || ch == '_')
            v = 63;
        else if (ch == '=' || ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n')
            continue;
        else
            return false;
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    return true;
}

}  // namespace kith::import
