// SPDX-License-Identifier: MIT
#pragma once

#include "core/report/reportbuilder.h"

#include <QStringList>

namespace cli {

/// True when the command line asks for a PDF report (--pdf FILE or --pdf=FILE): main() then
/// starts a QGuiApplication, which the PDF writer needs, instead of a QCoreApplication.
bool pdfRequested(const QStringList &arguments);

/// Before the application object exists: without a QT_QPA_PLATFORM of the user's, the PDF is
/// drawn on the offscreen platform, so no display is needed (or contacted).
void preparePdfPlatform();

/// "healthsynth-cli " and `arguments` (the command and its options) as a shell would take them.
QString commandLine(const QStringList &arguments);

/// Builds the report from `inputs`, writes it to `path` and says so on stderr. Returns the
/// exit code (kOk, or kFailure after printing why).
int writeReportPdf(const core::ReportInputs &inputs, const QString &path);

} // namespace cli
