// SPDX-License-Identifier: MIT
#pragma once

#include "core/report/reportmodel.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QString>

namespace ui {

/// Paints a core::ReportModel as an A4 PDF with QPdfWriter: a title page with the data source
/// and the generator, the scores with their readings and lights, the data-quality alerts, a
/// chart per column, correlation heat maps, the utility table and the privacy findings; every
/// page's footer names the software version and the seed. Text stays text (selectable).
/// Needs a QGuiApplication (the offscreen platform will do); call on its thread. The file is
/// written through QSaveFile, so a failure leaves any previous file untouched.
class ReportPainter final {
    Q_DECLARE_TR_FUNCTIONS(ui::ReportPainter)
public:
    static core::Result<void> writePdf(const core::ReportModel &model, const QString &path);
};

} // namespace ui
