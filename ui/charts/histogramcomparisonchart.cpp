// SPDX-License-Identifier: MIT
#include "ui/charts/histogramcomparisonchart.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtCharts/QAreaSeries>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace ui {

namespace {
    const QColor kReal(31, 111, 139);
    const QColor kSynthetic(240, 138, 36);

    QAreaSeries *stepArea(const std::vector<double> &edges, const std::vector<double> &shares, bool dates,
                          const QString &name, const QColor &color, QObject *parent)
    {
        auto *upper = new QLineSeries(parent);
        auto *lower = new QLineSeries(parent);
        auto x = [dates](double v) { return dates ? v * 1000.0 : v; }; // QDateTimeAxis wants ms
        for (size_t i = 0; i + 1 < edges.size(); ++i) {
            upper->append(x(edges[i]), shares[i] * 100.0);
            upper->append(x(edges[i + 1]), shares[i] * 100.0);
            lower->append(x(edges[i]), 0.0);
            lower->append(x(edges[i + 1]), 0.0);
        }
        auto *area = new QAreaSeries(upper, lower);
        area->setName(name);
        QColor fill = color;
        fill.setAlpha(110);
        area->setBrush(fill);
        area->setPen(QPen(color, 1.5));
        return area;
    }
} // namespace

HistogramComparisonChart::HistogramComparisonChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    clear();
}

void HistogramComparisonChart::clear()
{
    // A fresh chart each time: series and axes of the previous column cannot linger.
    QChart *old = chart();
    auto *c = new QChart;
    c->setMargins(QMargins(4, 4, 4, 4));
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setBackgroundRoundness(0);
    setChart(c);
    delete old;
}

void HistogramComparisonChart::setComparison(const QString &column, const ColumnComparison &data)
{
    clear();
    QChart *c = chart();
    c->setTitle(column);
    const bool hasSynthetic = !data.syntheticShares.empty();
    double top = 0;
    for (double s : data.realShares)
        top = std::max(top, s);
    for (double s : data.syntheticShares)
        top = std::max(top, s);
    auto *yAxis = new QValueAxis(c);
    yAxis->setRange(0, std::max(1.0, top * 100.0 * 1.1));
    yAxis->setLabelFormat(QStringLiteral("%.0f%"));
    yAxis->applyNiceNumbers();
    yAxis->setTitleText(tr("Share of rows"));
    c->addAxis(yAxis, Qt::AlignLeft);

    if (data.continuous) {
        if (data.edges.size() < 2)
            return;
        QAbstractAxis *xAxis = nullptr;
        if (data.dateTime) {
            auto *axis = new QDateTimeAxis(c);
            axis->setFormat(QStringLiteral("yyyy-MM-dd"));
            axis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(data.edges.front() * 1000.0), QTimeZone::utc()),
                           QDateTime::fromMSecsSinceEpoch(qint64(data.edges.back() * 1000.0), QTimeZone::utc()));
            xAxis = axis;
        } else {
            auto *axis = new QValueAxis(c);
            axis->setRange(data.edges.front(), data.edges.back());
            axis->setLabelFormat(QStringLiteral("%.4g"));
            axis->applyNiceNumbers();
            xAxis = axis;
        }
        c->addAxis(xAxis, Qt::AlignBottom);
        QAreaSeries *real = stepArea(data.edges, data.realShares, data.dateTime, tr("Real"), kReal, c);
        c->addSeries(real);
        real->attachAxis(xAxis);
        real->attachAxis(yAxis);
        if (hasSynthetic) {
            QAreaSeries *syn
                = stepArea(data.edges, data.syntheticShares, data.dateTime, tr("Synthetic"), kSynthetic, c);
            c->addSeries(syn);
            syn->attachAxis(xAxis);
            syn->attachAxis(yAxis);
        }
    } else {
        auto *series = new QBarSeries(c);
        auto *real = new QBarSet(tr("Real"), series);
        real->setColor(kReal);
        auto *syn = hasSynthetic ? new QBarSet(tr("Synthetic"), series) : nullptr;
        if (syn)
            syn->setColor(kSynthetic);
        for (size_t i = 0; i < data.realShares.size(); ++i) {
            real->append(data.realShares[i] * 100.0);
            if (syn)
                syn->append(data.syntheticShares[i] * 100.0);
        }
        series->append(real);
        if (syn)
            series->append(syn);
        c->addSeries(series);
        auto *xAxis = new QBarCategoryAxis(c);
        QStringList labels;
        for (const QString &l : data.labels)
            labels.append(l.size() > 14 ? l.left(13) + u'…' : l);
        xAxis->append(labels);
        if (labels.size() > 6)
            xAxis->setLabelsAngle(-45);
        c->addAxis(xAxis, Qt::AlignBottom);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
    c->legend()->setVisible(hasSynthetic);
}

} // namespace ui
