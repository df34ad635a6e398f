#include "import/email_header_block.h"

namespace kith::import {

namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// "Name:" or "Name :" with a printable ASCII name; the name, or empty when the line is not one.
std::string_view field_name(std::string_view line, std::size_t& colon) {
    colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return {};
    std::size_t end = colon;
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
    if (end == 0) return {};
    for (std::size_t i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c <= 32 || c >= 127) return {};
    }
    return line.substr(0, end);
}

}  // namespace

bool same_field_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

void EmailHeaderBlock::parse(std::string_view entity) {
    m_fields.clear();
    m_blank = false;
    bool skipping = false;  // inside a line that is no header (and its continuation lines)
    std::size_t pos = 0;
    while (pos < entity.size()) {
        const auto nl = entity.find('\n', pos);
        const std::size_t end = nl == std::string_view::npos ? entity.size() : nl;
        std::string_view line = entity.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::size_t next = nl == std::string_view::npos ? entity.size() : nl + 1;
        if (line.empty()) {
            m_blank = true;
            m_body = entity.substr(next);
            return;
        }
        if (line.front() == ' ' || line.front() == '\t') {
            if (!skipping) {
                if (m_fields.empty()) break;  // a continuation of nothing: the body starts here
                auto& f = m_fields.back();
                f.raw = std::string_view(
                    f.raw.data(),
                    static_cast<std::size_t>(line.data() + line.size() - f.raw.data()));
            }
            pos = next;
            continue;
        }
        std::size_t colon = 0;
        const auto name = field_name(line, colon);
        // A line that is no header (an mbox "From " line, junk between fields) is passed over.
        skipping = name.empty();
        if (!skipping) {
            std::string_view raw = line.substr(colon + 1);
            while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t'))
                raw.remove_prefix(1);
            m_fields.push_back({name, raw});
        }
        pos = next;
    }
    m_body = entity.substr(pos);
}

std::string_view EmailHeaderBlock::first(std::string_view name) const {
    for (const auto& f : m_fields)
        if (same_field_name(f.name, name)) return f.raw;
    return {};
}

std::size_t EmailHeaderBlock::count(std::string_view name) const {
    std::size_t n = 0;
    for (const auto& f : m_fields) n += same_field_name(f.name, name) ? 1 : 0;
    return n;
}

}  // namespace kith::import
