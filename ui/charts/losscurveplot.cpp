// SPDX-License-Identifier: MIT
#include "ui/charts/losscurveplot.h"

#include <qcustomplot.h>

#include <QTimer>
#include <QVBoxLayout>

namespace ui {

namespace {
    const QColor kColors[] = { QColor(31, 111, 139), QColor(240, 138, 36), QColor(39, 174, 96),
                               QColor(142, 68, 173), QColor(192, 57, 43) };
}

LossCurvePlot::LossCurvePlot(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumHeight(180);
    m_plot->xAxis->setLabel(tr("Epoch"));
    m_plot->yAxis->setLabel(tr("Loss"));
    m_plot->legend->setVisible(false);
    m_placeholder = new QCPItemText(m_plot);
    m_placeholder->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_placeholder->position->setCoords(0.5, 0.5);
    m_placeholder->setText(tr("Loss curves appear here while a neural generator (CTGAN, TVAE) trains.\n"
                              "The Gaussian copula and the Bayesian network fit in one pass."));
    m_placeholder->setColor(palette().color(QPalette::Disabled, QPalette::Text));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    layout->addWidget(m_plot);
}

void LossCurvePlot::clear()
{
    m_plot->clearGraphs();
    m_graphs.clear();
    m_plot->legend->setVisible(false);
    m_placeholder->setVisible(true);
    m_plot->replot();
}

QCPGraph *LossCurvePlot::graphFor(const QString &series)
{
    if (QCPGraph *g = m_graphs.value(series))
        return g;
    QCPGraph *g = m_plot->addGraph();
    m_plot->legend->setVisible(true);
    m_placeholder->setVisible(false);
    g->setName(series);
    g->setPen(QPen(kColors[m_graphs.size() % std::size(kColors)], 1.6));
    m_graphs.insert(series, g);
    return g;
}

void LossCurvePlot::addPoint(const QString &series, int step, double value)
{
    graphFor(series)->addData(step, value);
    scheduleReplot();
}

void LossCurvePlot::setSeries(const QList<std::pair<QString, QList<double>>> &series)
{
    clear();
    for (const auto &[name, values] : series) {
        QCPGraph *g = graphFor(name);
        for (int i = 0; i < values.size(); ++i)
            g->addData(i + 1, values.at(i));
    }
    m_plot->rescaleAxes();
    m_plot->replot();
}

int LossCurvePlot::pointCount() const
{
    int n = 0;
    for (const QCPGraph *g : m_graphs)
        n += g->dataCount();
    return n;
}

void LossCurvePlot::scheduleReplot()
{
    // Epoch metrics can arrive hundreds per second; one replot per 100 ms keeps the GUI smooth.
    if (m_replotPending)
        return;
    m_replotPending = true;
    QTimer::singleShot(100, this, [this] {
        m_replotPending = false;
        m_plot->rescaleAxes();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
}

} // namespace ui
