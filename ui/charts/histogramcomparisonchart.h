// SPDX-License-Identifier: MIT
#pragma once

#include "ui/charts/chartdata.h"

#include <QtCharts/QChartView>

namespace ui {

/// Overlaid histograms of a continuous column (real, and synthetic when given) as translucent
/// areas on shared bins; or paired bars per label for a discrete column. One widget for both,
/// so the Profile and Compare steps and the PDF painter draw a column the same way.
class HistogramComparisonChart final : public QChartView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistogramComparisonChart)
public:
    explicit HistogramComparisonChart(QWidget *parent = nullptr);

    /// Draws `data` titled with the column's name; an empty comparison clears the chart.
    void setComparison(const QString &column, const ColumnComparison &data);
    void clear();
};

} // namespace ui
