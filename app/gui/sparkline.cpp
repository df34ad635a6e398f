#include "app/gui/sparkline.h"

#include <algorithm>
#include <memory>

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/settings.h>

namespace kith::app {

Sparkline::Sparkline(wxWindow* parent)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(132, 28))) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &Sparkline::OnPaint, this);
}

void Sparkline::set_values(std::vector<int> values) {
    m_values = std::move(values);
    Refresh();
}

void Sparkline::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc || m_values.empty()) return;
    const wxSize size = GetClientSize();
    const double gap = FromDIP(2);
    const double width = (size.x - gap * (m_values.size() - 1)) / m_values.size();
    const int top = std::max(1, *std::max_element(m_values.begin(), m_values.end()));
    const wxColour bar = wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT);
    const wxColour tick = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    gc->SetPen(*wxTRANSPARENT_PEN);
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        const double x = i * (width + gap);
        const double h = m_values[i] == 0 ? FromDIP(1) : (size.y - 1.0) * m_values[i] / top;
        gc->SetBrush(wxBrush(m_values[i] == 0 ? tick : bar));
        gc->DrawRectangle(x, size.y - h, width, h);
    }
}

}  // namespace kith::app
