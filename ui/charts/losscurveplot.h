// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCPItemText;

namespace ui {

/// Live loss curves: one line per named series (e.g. generator_loss, discriminator_loss),
/// epoch on x. Appending is cheap; redraws are coalesced to at most ~10 per second.
class LossCurvePlot final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LossCurvePlot)
public:
    explicit LossCurvePlot(QWidget *parent = nullptr);

    void clear();
    void addPoint(const QString &series, int step, double value);
    /// Replaces everything with saved series (one value per epoch).
    void setSeries(const QList<std::pair<QString, QList<double>>> &series);
    int pointCount() const;
    QCustomPlot *plot() const { return m_plot; }

private:
    QCPGraph *graphFor(const QString &series);
    void scheduleReplot();

    QCustomPlot *m_plot = nullptr;
    QHash<QString, QCPGraph *> m_graphs;
    QCPItemText *m_placeholder = nullptr;
    bool m_replotPending = false;
};

} // namespace ui
