// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;

namespace ui {

/// A square matrix of correlations (or their differences) as a heat map with a colour scale,
/// column names on both axes. NaN cells are left blank.
class CorrelationHeatmap final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CorrelationHeatmap)
public:
    explicit CorrelationHeatmap(QWidget *parent = nullptr);

    /// `values` row-major, columns.size()^2; `range` is the symmetric colour range (1 for
    /// correlations, e.g. 1 for differences too so colours compare across maps).
    void setMatrix(const QString &title, const QStringList &columns, const std::vector<double> &values,
                   double range = 1.0);
    QCustomPlot *plot() const { return m_plot; }

private:
    QCustomPlot *m_plot = nullptr;
    QCPColorMap *m_map = nullptr;
    QCPColorScale *m_scale = nullptr;
};

} // namespace ui
