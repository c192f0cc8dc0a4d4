// SPDX-License-Identifier: MIT
#include "ui/charts/correlationheatmap.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <cmath>

namespace ui {

CorrelationHeatmap::CorrelationHeatmap(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(240, 220);
    layout->addWidget(m_plot);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, new QCPTextElement(m_plot, QString(), QFont(font().family(), 10, QFont::Bold)));
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(1, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_map->setColorScale(m_scale);
    // Diverging blue - white - red: zero reads as "no correlation" at a glance, in print too.
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.0, QColor(33, 102, 172));
    gradient.setColorStopAt(0.5, QColor(247, 247, 247));
    gradient.setColorStopAt(1.0, QColor(178, 24, 43));
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    m_map->setGradient(gradient);
    m_map->setInterpolate(false);
    auto *group = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    m_plot->xAxis->setTickLabelRotation(60);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->yAxis->setRangeReversed(true);
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() - 1.5));
    m_plot->xAxis->setTickLabelFont(small);
    m_plot->yAxis->setTickLabelFont(small);
}

void CorrelationHeatmap::setMatrix(const QString &title, const QStringList &columns, const std::vector<double> &values,
                                   double range)
{
    if (auto *t = qobject_cast<QCPTextElement *>(m_plot->plotLayout()->element(0, 0)))
        t->setText(title);
    const int n = int(columns.size());
    m_map->data()->setSize(std::max(1, n), std::max(1, n));
    m_map->data()->setRange(QCPRange(0, std::max(0, n - 1)), QCPRange(0, std::max(0, n - 1)));
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            const double v = values.size() == size_t(n) * size_t(n) ? values[size_t(i) * size_t(n) + size_t(j)]
                                                                    : std::numeric_limits<double>::quiet_NaN();
            m_map->data()->setCell(j, i, v);
        }
    }
    m_map->setDataRange(QCPRange(-range, range));
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < n; ++i) {
        const QString label = columns.at(i).size() > 16 ? columns.at(i).left(15) + u'…' : columns.at(i);
        ticker->addTick(i, label);
    }
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.5, n - 0.5);
    m_plot->yAxis->setRange(-0.5, n - 0.5);
    m_plot->replot();
}

} // namespace ui
