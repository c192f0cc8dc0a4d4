// SPDX-License-Identifier: MIT
#include "reportpdf.h"

#include "commonoptions.h"
#include "ui/report/reportpainter.h"

#include <QGuiApplication>
#include <QRegularExpression>
#include <cstdio>

namespace cli {

bool pdfRequested(const QStringList &arguments)
{
    for (const QString &a : arguments) {
        if (a == QLatin1String("--pdf") || a.startsWith(QLatin1String("--pdf=")))
            return true;
    }
    return false;
}

void preparePdfPlatform()
{
    // A terminal tool never shows a window; offscreen also works over SSH and in containers.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

QString commandLine(const QStringList &arguments)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=,@%+-]+$"));
    QStringList words { QStringLiteral("healthsynth-cli") };
    for (const QString &a : arguments) {
        if (plain.match(a).hasMatch())
            words << a;
        else
            words << u'\'' + QString(a).replace(u'\'', QStringLiteral("'\\''")) + u'\'';
    }
    return words.join(u' ');
}

int writeReportPdf(const core::ReportInputs &inputs, const QString &path)
{
    // main() made a QGuiApplication when it saw --pdf; anything else is a programming mistake.
    Q_ASSERT(qobject_cast<QGuiApplication *>(QCoreApplication::instance()));
    const core::ReportModel model = core::ReportBuilder::build(inputs);
    if (const auto written = ui::ReportPainter::writePdf(model, path); !written.ok())
        return reportError(written.error());
    std::fprintf(stderr, "Wrote the report to %s\n", qPrintable(path));
    return kOk;
}

} // namespace cli
