// SPDX-License-Identifier: MIT
#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

namespace ui {

class ProjectController;

/// Paints the evaluation report as a PDF with QPdfWriter: title, data source summary (no real
/// row), generator settings, score cards, per-column scores, comparison charts and correlation
/// heat maps, privacy findings. Charts are the same widgets the wizard shows, rendered offscreen.
/// GUI thread only. Writes to a temporary file and renames it, so a failure leaves no partial PDF.
class ReportPainter final {
    Q_DECLARE_TR_FUNCTIONS(ui::ReportPainter)
public:
    static core::Result<void> writePdf(const ProjectController &project, const QString &path);
};

} // namespace ui
