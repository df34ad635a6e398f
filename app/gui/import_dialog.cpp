#include "app/gui/import_dialog.h"

#include <cstdio>

#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/gui/today_presenter.h"
#include "app/gui/wx_text.h"

namespace kith::app {

namespace {

std::string megabytes(std::uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return buf;
}

std::string counts_line(const db::ImportCounts& c) {
    auto n = [](std::uint64_t v) { return format_count(static_cast<std::int64_t>(v)); };
    std::string s = n(c.added) + " added, " + n(c.updated) + " updated, " + n(c.skipped) +
                    " already there or skipped";
    if (c.warnings > 0) s += ". " + n(c.warnings) + (c.warnings == 1 ? " warning" : " warnings");
    return s;
}

}  // namespace

std::string import_summary(const core::Result<db::ImportResult>& result, bool rolled_back) {
    if (result) return "Imported: " + counts_line(result->counts) + ".";
    if (result.error().code == core::ErrorCode::cancelled)
        return rolled_back ? "Cancelled: nothing was imported."
                           : "Stopped: kept what was read so far. Run it again to finish; nothing "
                             "will be imported twice.";
    return error_text(result.error());
}

std::string import_progress_text(const ImportProgress& p) {
    if (p.total == 0) return format_count(static_cast<std::int64_t>(p.done)) + " read";
    std::string s = megabytes(p.done) + " of " + megabytes(p.total);
    if (auto left = ImportJob::eta(p)) {
        const auto secs = left->count();
        s += secs < 60 ? " · less than a minute left"
                       : " · about " + std::to_string((secs + 59) / 60) + " min left";
    }
    return s;
}

ImportDialog::ImportDialog(wxWindow* parent, const std::filesystem::path& db_path,
                           core::ImportRequest request, core::TimePoint now,
                           std::function<void()> on_finished)
    : wxDialog(parent, wxID_ANY, "Import", wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_on_finished(std::move(on_finished)) {
    auto* what = new wxStaticText(this, wxID_ANY, ui(request.kind + ": " + request.location));
    what->SetFont(what->GetFont().Bold());
    m_gauge = new wxGauge(this, wxID_ANY, 1000, wxDefaultPosition, wxSize(FromDIP(420), -1));
    m_status = new wxStaticText(this, wxID_ANY, wxString::FromUTF8("Starting…"));
    m_warnings = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(120)));
    m_warnings->Hide();
    m_stop = new wxButton(this, wxID_ANY, "&Stop");
    m_stop->SetToolTip("Stop here and keep what was imported so far");
    m_cancel = new wxButton(this, wxID_CANCEL, "&Cancel");
    m_cancel->SetToolTip("Stop and undo this import");
    m_close = new wxButton(this, wxID_CLOSE, "C&lose");
    m_close->Hide();

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(m_stop, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    buttons->Add(m_cancel);
    buttons->Add(m_close);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const auto pad = wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    sizer->Add(what, pad);
    sizer->Add(m_gauge, pad);
    sizer->Add(m_status, pad);
    sizer->Add(m_warnings, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(sizer);

    m_stop->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { stop(); });
    m_cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancel(); });
    m_close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Destroy(); });
    // Closing the window while it runs is a Cancel: nothing half-done stays behind.
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        if (running() && e.CanVeto()) {
            cancel();
            e.Veto();
            return;
        }
        Destroy();
    });

    m_job = std::make_unique<ImportJob>(
        db_path, std::move(request), now, [this](const ImportProgress& p) { on_progress(p); },
        [this](const core::Result<db::ImportResult>& r) { on_done(r); });
}

ImportDialog::~ImportDialog() = default;

void ImportDialog::stop() {
    if (!running()) return;
    m_job->stop();
    m_status->SetLabel(wxString::FromUTF8("Stopping after the current record…"));
    m_stop->Disable();
}

void ImportDialog::cancel() {
    if (!running()) return;
    m_rolled_back = true;
    m_job->cancel();
    m_status->SetLabel(wxString::FromUTF8("Cancelling: undoing this import…"));
    m_stop->Disable();
    m_cancel->Disable();
}

void ImportDialog::on_progress(const ImportProgress& p) {
    if (p.total > 0)
        m_gauge->SetValue(
            static_cast<int>(1000.0 * static_cast<double>(p.done) / static_cast<double>(p.total)));
    else
        m_gauge->Pulse();
    if (m_stop->IsEnabled()) m_status->SetLabel(ui(import_progress_text(p)));
}

void ImportDialog::on_done(const core::Result<db::ImportResult>& result) {
    m_result = result;
    m_gauge->SetValue(result ? 1000 : m_gauge->GetValue());
    m_status->SetLabel(ui(import_summary(result, m_rolled_back)));
    m_status->Wrap(FromDIP(420));
    if (result && !result->counts.messages.empty()) {
        for (const auto& w : result->counts.messages)
            m_warnings->Append(ui(w.location + ": " + w.message));
        m_warnings->Show();
    }
    m_stop->Hide();
    m_cancel->Hide();
    m_close->Show();
    m_close->SetFocus();
    GetSizer()->Fit(this);
    Layout();
    if (m_on_finished) m_on_finished();
}

}  // namespace kith::app
