// SPDX-License-Identifier: MIT
#pragma once

#include "core/report/reportmodel.h"

#include <QColor>
#include <QCoreApplication>
#include <QRectF>

class QPainter;

namespace ui {

/// Vector charts for the PDF report, drawn with QPainter only (no widgets), so the report
/// builds wherever QtGui does and its labels stay selectable text.
class ChartPainters final {
    Q_DECLARE_TR_FUNCTIONS(ui::ChartPainters)
public:
    /// Real against synthetic shares of one column in `box`: overlaid histograms on shared
    /// bins for continuous columns, paired bars per label for discrete ones; title with the
    /// column's fidelity score and a legend. `dotsPerMm` scales lines and fonts' margins.
    static void columnChart(
        QPainter &painter, const QRectF &box, const core::ReportColumn &column, qreal dotsPerMm);

    /// A square correlation matrix as a heat map: blue -1, white 0, red +1 (of `range`), names
    /// on both axes, values written in the cells when they are large enough, a colour scale.
    static void heatmap(QPainter &painter, const QRectF &box, const QString &title,
        const QStringList &columns, const std::vector<double> &values, double range, qreal dotsPerMm);

    /// Colour of a traffic light as the report and the wizard draw it.
    static QColor lightColor(core::TrafficLight light);
    /// "green", "amber", "red", "n/a", translated.
    static QString lightName(core::TrafficLight light);

    static const QColor kReal;
    static const QColor kSynthetic;
};

} // namespace ui
