#include <dlfcn.h>

#include "tests/app/gui/gui_test_support.h"

namespace kith::test {

namespace {

// The few GDK calls a screenshot needs, looked up in the GTK libraries wxWidgets has already
// loaded: no GTK development headers are needed to build the tests.
template <class Fn>
Fn gdk(const char* name) {
    return reinterpret_cast<Fn>(::dlsym(RTLD_DEFAULT, name));
}

}  // namespace

std::filesystem::path save_screenshot(wxWindow* window, const std::string& name) {
    // Let the window finish painting first.
    window->Update();
    wait_until([] { return false; }, std::chrono::milliseconds{300});
    const std::filesystem::path dir = KITH_SCREENSHOT_DIR;
    std::filesystem::create_directories(dir);
    const auto path = dir / (name + ".png");
    // Xvfb has no compositor, so the X window itself holds what is on screen (wxScreenDC under
    // GTK 3 returns a stale copy): GDK reads the window's pixels.
    using GetWindow = void* (*)(void*);
    using Size = int (*)(void*);
    using FromWindow = void* (*)(void*, int, int, int, int);
    using Save = int (*)(void*, const char*, const char*, void**, ...);
    using Unref = void (*)(void*);
    const auto get_window = gdk<GetWindow>("gtk_widget_get_window");
    const auto width = gdk<Size>("gdk_window_get_width");
    const auto height = gdk<Size>("gdk_window_get_height");
    const auto from_window = gdk<FromWindow>("gdk_pixbuf_get_from_window");
    const auto save = gdk<Save>("gdk_pixbuf_save");
    const auto unref = gdk<Unref>("g_object_unref");
    if (!get_window || !width || !height || !from_window || !save || !unref) return path;
    void* w = get_window(window->GetHandle());
    if (!w) return path;
    void* pixels = from_window(w, 0, 0, width(w), height(w));
    if (!pixels) return path;
    save(pixels, path.c_str(), "png", nullptr, nullptr);
    unref(pixels);
    return path;
}

}  // namespace kith::test
