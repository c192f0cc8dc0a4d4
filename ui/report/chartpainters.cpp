// SPDX-License-Identifier: MIT
#include "ui/report/chartpainters.h"

#include "core/report/reportbuilder.h"
#include "ui/report/pageflow.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

namespace ui {

const QColor ChartPainters::kReal(31, 111, 139);
const QColor ChartPainters::kSynthetic(240, 138, 36);

namespace {

    QFont chartFont(qreal pointSize, bool bold = false)
    {
        return PageFlow::font(pointSize, bold);
    }

    /// About `count` round tick values covering [lo, hi] (1, 2 or 5 times a power of ten apart).
    std::vector<double> niceTicks(double lo, double hi, int count)
    {
        std::vector<double> ticks;
        if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi))
            return { lo };
        const double raw = (hi - lo) / std::max(1, count);
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        double step = magnitude;
        for (double m : { 1.0, 2.0, 5.0, 10.0 }) {
            step = m * magnitude;
            if (step >= raw)
                break;
        }
        for (double t = std::ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step)
            ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
        return ticks;
    }

    QString tickText(double v, bool dateTime)
    {
        if (dateTime)
            return QDateTime::fromSecsSinceEpoch(qint64(std::llround(v)), QTimeZone::utc())
                .toString(QStringLiteral("yyyy-MM-dd"));
        // Whole numbers in full ("200000", not "2e+05"), so counts and amounts read at a glance.
        if (std::abs(v) < 1e9 && v == std::round(v))
            return QString::number(qint64(v));
        return QString::number(v, 'g', 4);
    }

    QString elide(const QString &text, int maxChars)
    {
        return text.size() > maxChars ? text.left(maxChars - 1) + QChar(0x2026) : text;
    }

    QColor diverging(double v, double range)
    {
        static const QColor kLow(33, 102, 172), kMid(247, 247, 247), kHigh(178, 24, 43);
        const double t = std::clamp(v / range, -1.0, 1.0);
        const QColor &end = t < 0 ? kLow : kHigh;
        const double a = std::abs(t);
        return QColor::fromRgbF(float(kMid.redF() + (end.redF() - kMid.redF()) * a),
            float(kMid.greenF() + (end.greenF() - kMid.greenF()) * a),
            float(kMid.blueF() + (end.blueF() - kMid.blueF()) * a));
    }

    /// Y axis in percent with grid lines; returns the top of the scale (a share).
    double drawShareAxis(QPainter &p, const QRectF &plot, double top, qreal mm)
    {
        const std::vector<double> ticks = niceTicks(0.0, std::max(top, 0.01) * 1.08, 4);
        const double scaleTop = std::max(ticks.back(), std::max(top, 0.01) * 1.08);
        p.setFont(chartFont(6));
        for (double t : ticks) {
            const qreal y = plot.bottom() - plot.height() * t / scaleTop;
            p.setPen(QPen(QColor(225, 225, 225), mm * 0.15));
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            p.setPen(QColor(70, 70, 70));
            p.drawText(QRectF(plot.left() - mm * 11, y - mm * 2, mm * 10, mm * 4),
                Qt::AlignRight | Qt::AlignVCenter, QString::number(t * 100.0, 'g', 3) + QStringLiteral(" %"));
        }
        p.setPen(QPen(QColor(120, 120, 120), mm * 0.2));
        p.drawLine(plot.bottomLeft(), plot.bottomRight());
        p.drawLine(plot.bottomLeft(), plot.topLeft());
        return scaleTop;
    }

    void drawLegend(QPainter &p, const QRectF &box, qreal mm)
    {
        p.setFont(chartFont(6.5));
        const QFontMetricsF fm(p.font(), p.device());
        qreal x = box.right();
        const QList<std::pair<QString, QColor>> items { { ChartPainters::tr("Synthetic"),
                                                            ChartPainters::kSynthetic },
            { ChartPainters::tr("Real"), ChartPainters::kReal } };
        for (const auto &[label, color] : items) {
            const qreal w = fm.horizontalAdvance(label);
            x -= w;
            p.setPen(Qt::black);
            p.drawText(QRectF(x, box.top(), w + mm, box.height()), Qt::AlignLeft | Qt::AlignVCenter, label);
            x -= mm * 3.2;
            QColor fill = color;
            fill.setAlpha(170);
            p.fillRect(QRectF(x, box.center().y() - mm * 1.1, mm * 2.2, mm * 2.2), fill);
            x -= mm * 3;
        }
    }

    void drawContinuous(
        QPainter &p, const QRectF &plot, const core::ColumnComparison &c, double scaleTop, qreal mm)
    {
        const double lo = c.edges.front(), hi = c.edges.back();
        const double span = hi > lo ? hi - lo : 1.0;
        auto xOf = [&](double v) { return plot.left() + plot.width() * (v - lo) / span; };
        auto yOf = [&](double s) { return plot.bottom() - plot.height() * s / scaleTop; };
        auto bars = [&](const std::vector<double> &shares, const QColor &color, int alpha) {
            QColor fill = color;
            fill.setAlpha(alpha);
            QPainterPath outline;
            outline.moveTo(xOf(c.edges[0]), plot.bottom());
            for (size_t i = 0; i + 1 < c.edges.size() && i < shares.size(); ++i) {
                const QRectF bar(
                    QPointF(xOf(c.edges[i]), yOf(shares[i])), QPointF(xOf(c.edges[i + 1]), plot.bottom()));
                p.fillRect(bar, fill);
                outline.lineTo(xOf(c.edges[i]), yOf(shares[i]));
                outline.lineTo(xOf(c.edges[i + 1]), yOf(shares[i]));
            }
            outline.lineTo(xOf(c.edges.back()), plot.bottom());
            p.setPen(QPen(color, mm * 0.3));
            p.setBrush(Qt::NoBrush);
            p.drawPath(outline);
        };
        bars(c.realShares, ChartPainters::kReal, 105);
        if (!c.syntheticShares.empty())
            bars(c.syntheticShares, ChartPainters::kSynthetic, 95);

        p.setFont(chartFont(6));
        p.setPen(QColor(70, 70, 70));
        const QFontMetricsF fm(p.font(), p.device());
        std::vector<double> ticks;
        if (c.dateTime) {
            for (int i = 0; i <= 3; ++i)
                ticks.push_back(lo + span * i / 3.0);
        } else {
            ticks = niceTicks(lo, hi, 5);
        }
        qreal lastRight = -1e9;
        for (double t : ticks) {
            if (t < lo - span * 1e-9 || t > hi + span * 1e-9)
                continue;
            const QString text = tickText(t, c.dateTime);
            const qreal w = fm.horizontalAdvance(text) + mm;
            const qreal x = std::clamp(xOf(t) - w / 2, plot.left() - mm * 3, plot.right() + mm * 3 - w);
            if (x < lastRight)
                continue; // would overlap the previous label
            p.drawLine(QPointF(xOf(t), plot.bottom()), QPointF(xOf(t), plot.bottom() + mm * 0.8));
            p.drawText(QRectF(x, plot.bottom() + mm * 0.8, w, mm * 3.2), Qt::AlignCenter, text);
            lastRight = x + w;
        }
    }

    void drawDiscrete(
        QPainter &p, const QRectF &plot, const core::ColumnComparison &c, double scaleTop, qreal mm)
    {
        const int n = int(c.labels.size());
        if (n == 0)
            return;
        const bool synthetic = !c.syntheticShares.empty();
        const qreal group = plot.width() / n;
        const qreal bar = group * (synthetic ? 0.38 : 0.6);
        auto yOf = [&](double s) { return plot.bottom() - plot.height() * s / scaleTop; };
        for (int i = 0; i < n; ++i) {
            const qreal left = plot.left() + group * i + (group - bar * (synthetic ? 2 : 1)) / 2;
            p.fillRect(
                QRectF(QPointF(left, yOf(c.realShares[size_t(i)])), QPointF(left + bar, plot.bottom())),
                ChartPainters::kReal);
            if (synthetic)
                p.fillRect(QRectF(QPointF(left + bar, yOf(c.syntheticShares[size_t(i)])),
                               QPointF(left + 2 * bar, plot.bottom())),
                    ChartPainters::kSynthetic);
        }
        p.setFont(chartFont(6));
        p.setPen(QColor(50, 50, 50));
        const QFontMetricsF fm(p.font(), p.device());
        qreal widest = 0;
        QStringList labels;
        for (const QString &l : c.labels) {
            labels.append(elide(l, 14));
            widest = std::max(widest, fm.horizontalAdvance(labels.last()));
        }
        const bool rotate = widest > group - mm * 0.5;
        for (int i = 0; i < n; ++i) {
            const qreal centre = plot.left() + group * (i + 0.5);
            if (!rotate) {
                p.drawText(QRectF(centre - group / 2, plot.bottom() + mm * 0.8, group, mm * 3.2),
                    Qt::AlignCenter, labels.at(i));
                continue;
            }
            p.save();
            p.translate(centre + fm.height() / 3, plot.bottom() + mm * 0.8);
            p.rotate(-50);
            const qreal w = fm.horizontalAdvance(labels.at(i)) + mm;
            p.drawText(QRectF(-w, 0, w, fm.height()), Qt::AlignRight | Qt::AlignVCenter, labels.at(i));
            p.restore();
        }
    }

} // namespace

QColor ChartPainters::lightColor(core::TrafficLight light)
{
    switch (light) {
    case core::TrafficLight::Green:
        return QColor(30, 132, 73);
    case core::TrafficLight::Amber:
        return QColor(230, 160, 20);
    case core::TrafficLight::Red:
        return QColor(192, 57, 43);
    case core::TrafficLight::NotAvailable:
        break;
    }
    return QColor(170, 170, 170);
}

QString ChartPainters::lightName(core::TrafficLight light)
{
    switch (light) {
    case core::TrafficLight::Green:
        return tr("green");
    case core::TrafficLight::Amber:
        return tr("amber");
    case core::TrafficLight::Red:
        return tr("red");
    case core::TrafficLight::NotAvailable:
        break;
    }
    return tr("n/a");
}

void ChartPainters::columnChart(QPainter &p, const QRectF &box, const core::ReportColumn &column, qreal mm)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(200, 200, 200), mm * 0.2));
    p.drawRect(box);

    // Title: the column's name, its metric and score with the light.
    const QRectF title(box.left() + mm * 2, box.top() + mm * 1, box.width() - mm * 4, mm * 4.5);
    p.setFont(chartFont(8, true));
    p.setPen(Qt::black);
    const QFontMetricsF titleMetrics(p.font(), p.device());
    p.drawText(title, Qt::AlignLeft | Qt::AlignVCenter,
        titleMetrics.elidedText(column.name, Qt::ElideRight, title.width() * 0.55));
    const QString score = column.metric.isEmpty()
        ? core::ReportBuilder::percentText(column.score)
        : QStringLiteral("%1 %2").arg(column.metric, core::ReportBuilder::percentText(column.score));
    p.setFont(chartFont(6.5));
    const QFontMetricsF scoreMetrics(p.font(), p.device());
    const qreal scoreWidth = scoreMetrics.horizontalAdvance(score) + mm;
    p.drawText(QRectF(title.right() - scoreWidth, title.top(), scoreWidth, title.height()),
        Qt::AlignRight | Qt::AlignVCenter, score);
    p.setBrush(lightColor(column.light));
    p.setPen(QPen(lightColor(column.light).darker(130), mm * 0.15));
    p.drawEllipse(
        QRectF(title.right() - scoreWidth - mm * 3, title.center().y() - mm * 1.1, mm * 2.2, mm * 2.2));
    p.setBrush(Qt::NoBrush);

    const core::ColumnComparison &c = column.chart;
    const bool discrete = !c.continuous;
    qreal labelSpace = mm * 4.5;
    if (discrete) {
        p.setFont(chartFont(6));
        const QFontMetricsF fm(p.font(), p.device());
        qreal widest = 0;
        for (const QString &l : c.labels)
            widest = std::max(widest, fm.horizontalAdvance(elide(l, 14)));
        const qreal group = (box.width() - mm * 15) / std::max<qsizetype>(1, c.labels.size());
        if (widest > group - mm * 0.5)
            labelSpace = std::min(widest * 0.8 + mm * 2.5, box.height() * 0.35);
    }
    const QRectF legend(box.left() + mm * 2, box.bottom() - mm * 4.2, box.width() - mm * 4, mm * 3.5);
    const QRectF plot(box.left() + mm * 13, title.bottom() + mm * 2, box.width() - mm * 16,
        legend.top() - labelSpace - title.bottom() - mm * 2.5);

    double top = 0;
    for (double s : c.realShares)
        top = std::max(top, s);
    for (double s : c.syntheticShares)
        top = std::max(top, s);
    if (c.realShares.empty() || (c.continuous && c.edges.size() < 2)) {
        p.setFont(chartFont(7));
        p.setPen(QColor(90, 90, 90));
        p.drawText(plot, Qt::AlignCenter, tr("No values to draw."));
        p.restore();
        return;
    }
    const double scaleTop = drawShareAxis(p, plot, top, mm);
    if (c.continuous)
        drawContinuous(p, plot, c, scaleTop, mm);
    else
        drawDiscrete(p, plot, c, scaleTop, mm);
    drawLegend(p, legend, mm);
    p.restore();
}

void ChartPainters::heatmap(QPainter &p, const QRectF &box, const QString &title, const QStringList &columns,
    const std::vector<double> &values, double range, qreal mm)
{
    const int n = int(columns.size());
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setFont(chartFont(9, true));
    p.setPen(Qt::black);
    const QRectF titleBox(box.left(), box.top(), box.width(), mm * 6);
    p.drawText(titleBox, Qt::AlignHCenter | Qt::AlignVCenter, title);
    if (n == 0) {
        p.restore();
        return;
    }

    const qreal scaleWidth = mm * 12;
    // Label font shrinks with the number of columns, never below 5 pt.
    const qreal labelPt = std::clamp(9.0 - 0.15 * n, 5.0, 7.0);
    p.setFont(chartFont(labelPt));
    const QFontMetricsF fm(p.font(), p.device());
    qreal labelWidth = 0;
    QStringList labels;
    for (const QString &c : columns) {
        labels.append(elide(c, 18));
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(labels.last()));
    }
    labelWidth += mm * 1.5;
    const qreal side = std::max(mm * 10,
        std::min(box.width() - labelWidth - scaleWidth, box.height() - titleBox.height() - labelWidth));
    const qreal cell = side / n;
    const QRectF grid(box.left() + labelWidth + (box.width() - labelWidth - scaleWidth - side) / 2,
        titleBox.bottom() + mm * 1, side, side);

    // "-0.12" must fit a cell with a margin: about 5 digit widths of 0.64 em in 85 % of it.
    const qreal cellPoints = cell / mm * 72.0 / 25.4;
    const qreal valuePoints = std::min(7.0, cellPoints * 0.85 / (5 * 0.64));
    const bool writeValues = valuePoints >= 4.8;
    const QFont valueFont = chartFont(valuePoints);
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            const double v = values.size() == size_t(n) * size_t(n)
                ? values[size_t(i) * size_t(n) + size_t(j)]
                : std::numeric_limits<double>::quiet_NaN();
            const QRectF r(grid.left() + j * cell, grid.top() + i * cell, cell, cell);
            p.fillRect(r, std::isfinite(v) ? diverging(v, range) : QColor(235, 235, 235));
            if (writeValues) {
                p.setFont(valueFont);
                p.setPen(std::isfinite(v) && std::abs(v / range) > 0.6 ? Qt::white : QColor(40, 40, 40));
                p.drawText(r, Qt::AlignCenter,
                    std::isfinite(v) ? QString::number(std::abs(v) < 0.005 ? 0.0 : v, 'f', 2) // no "-0.00"
                                     : QStringLiteral("–"));
            }
        }
    }
    p.setPen(QPen(QColor(255, 255, 255), mm * 0.15));
    for (int i = 1; i < n; ++i) {
        p.drawLine(
            QPointF(grid.left() + i * cell, grid.top()), QPointF(grid.left() + i * cell, grid.bottom()));
        p.drawLine(QPointF(grid.left(), grid.top() + i * cell), QPointF(grid.right(), grid.top() + i * cell));
    }
    p.setPen(QPen(QColor(150, 150, 150), mm * 0.2));
    p.drawRect(grid);

    p.setFont(chartFont(labelPt));
    p.setPen(QColor(40, 40, 40));
    for (int i = 0; i < n; ++i) {
        p.drawText(QRectF(grid.left() - labelWidth, grid.top() + i * cell, labelWidth - mm * 1, cell),
            Qt::AlignRight | Qt::AlignVCenter, labels.at(i));
        p.save();
        p.translate(grid.left() + (i + 0.5) * cell, grid.bottom() + mm * 1);
        p.rotate(-90);
        p.drawText(QRectF(-labelWidth, -cell / 2, labelWidth - mm * 0.5, cell),
            Qt::AlignRight | Qt::AlignVCenter, labels.at(i));
        p.restore();
    }

    // Colour scale: +range at the top, -range at the bottom.
    const QRectF bar(grid.right() + mm * 3, grid.top(), mm * 3, side);
    QLinearGradient gradient(bar.topLeft(), bar.bottomLeft());
    for (int k = 0; k <= 10; ++k)
        gradient.setColorAt(k / 10.0, diverging(range * (1.0 - k / 5.0), range));
    p.fillRect(bar, gradient);
    p.setPen(QPen(QColor(150, 150, 150), mm * 0.2));
    p.drawRect(bar);
    p.setFont(chartFont(6));
    p.setPen(QColor(40, 40, 40));
    for (double t : { range, 0.0, -range }) {
        const qreal y = bar.top() + bar.height() * (range - t) / (2 * range);
        p.drawText(QRectF(bar.right() + mm * 0.8, y - mm * 2, mm * 8, mm * 4),
            Qt::AlignLeft | Qt::AlignVCenter, QString::number(t, 'g', 2));
    }
    p.restore();
}

} // namespace ui
