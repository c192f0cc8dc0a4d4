// SPDX-License-Identifier: MIT
#include "ui/report/reportpainter.h"

#include "core/version.h"
#include "ui/charts/chartdata.h"
#include "ui/charts/correlationheatmap.h"
#include "ui/charts/histogramcomparisonchart.h"
#include "ui/controllers/projectcontroller.h"
#include "ui/wizard/scorereading.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include <cmath>

namespace ui {

namespace {

    QString pct(double v) { return std::isfinite(v) ? QLocale().toString(v * 100.0, 'f', 1) + u'%' : QStringLiteral("n/a"); }

    /// Lays out text and images top to bottom over pages.
    class Pager {
    public:
        Pager(QPdfWriter &writer, QPainter &painter)
            : m_writer(writer)
            , m_painter(painter)
        {
            m_width = painter.viewport().width();
            m_height = painter.viewport().height();
        }

        void html(const QString &html)
        {
            QTextDocument doc;
            doc.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 10));
            doc.setPageSize(QSizeF(m_width, 1e9));
            doc.setTextWidth(m_width);
            doc.setHtml(html);
            const qreal h = doc.size().height();
            ensure(h);
            m_painter.save();
            m_painter.translate(0, m_y);
            doc.drawContents(&m_painter);
            m_painter.restore();
            m_y += h;
        }

        void image(const QPixmap &pixmap, qreal widthShare = 1.0)
        {
            const qreal w = m_width * widthShare;
            const qreal h = w * pixmap.height() / std::max(1, pixmap.width());
            ensure(h);
            m_painter.drawPixmap(QRectF(0, m_y, w, h), pixmap, QRectF(pixmap.rect()));
            m_y += h + 10;
        }

        void images(const QList<QPixmap> &pixmaps)
        {
            if (pixmaps.isEmpty())
                return;
            const qreal w = m_width / pixmaps.size();
            qreal h = 0;
            for (const QPixmap &p : pixmaps)
                h = std::max(h, w * p.height() / std::max(1, p.width()));
            ensure(h);
            for (int i = 0; i < pixmaps.size(); ++i)
                m_painter.drawPixmap(QRectF(i * w, m_y, w - 6, (w - 6) * pixmaps[i].height() / std::max(1, pixmaps[i].width())),
                                     pixmaps[i], QRectF(pixmaps[i].rect()));
            m_y += h + 10;
        }

    private:
        void ensure(qreal h)
        {
            if (m_y > 0 && m_y + h > m_height) {
                m_writer.newPage();
                m_y = 0;
            }
        }

        QPdfWriter &m_writer;
        QPainter &m_painter;
        qreal m_width = 0, m_height = 0, m_y = 0;
    };

    QPixmap renderWidget(QWidget &widget, QSize size)
    {
        widget.resize(size);
        widget.ensurePolished();
        return widget.grab();
    }

} // namespace

core::Result<void> ReportPainter::writePdf(const ProjectController &project, const QString &path)
{
    const QString partial = path + QStringLiteral(".part");
    QFile::remove(partial);
    {
        QPdfWriter writer(partial);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(110);
        writer.setTitle(tr("HealthSynth evaluation report"));
        writer.setCreator(QStringLiteral("HealthSynth ") + core::appVersion());
        QPainter painter;
        if (!painter.begin(&writer))
            return core::Error { core::Error::Code::Io,
                                 tr("Cannot write the report to %1.").arg(QDir::toNativeSeparators(path)), {} };
        Pager pager(writer, painter);
        const core::GenerationSettings &g = project.generation();
        const core::QualityReport &q = project.quality();
        QString generatorName = g.generatorId;
        if (auto gen = project.registry().create(g.generatorId))
            generatorName = gen->displayName();

        QString settings;
        for (auto it = g.generatorSettings.cbegin(); it != g.generatorSettings.cend(); ++it)
            settings += QStringLiteral("%1 = %2; ").arg(it.key().toHtmlEscaped(), it.value().toString().toHtmlEscaped());
        QString html = QStringLiteral("<h1>") + tr("HealthSynth evaluation report").toHtmlEscaped() + QStringLiteral("</h1><p>")
            + tr("Project: %1 · generated %2 · HealthSynth %3")
                  .arg(project.displayName(), QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat),
                       core::appVersion())
                  .toHtmlEscaped()
            + QStringLiteral("</p><h2>") + tr("Data source").toHtmlEscaped() + QStringLiteral("</h2><p>") + project.sourceSummary().toHtmlEscaped()
            + QStringLiteral("<br>") + tr("Training rows: %1 · hold-out rows: %2 · synthetic rows: %3")
                            .arg(project.trainingTable().rowCount())
                            .arg(project.holdoutTable().rowCount())
                            .arg(project.syntheticTable().rowCount())
                            .toHtmlEscaped()
            + QStringLiteral("<br>") + tr("No real row is included in this report.").toHtmlEscaped() + QStringLiteral("</p><h2>")
            + tr("Settings").toHtmlEscaped() + QStringLiteral("</h2><p>")
            + tr("Generator: %1 · seed %2 · hold-out %3%").arg(generatorName).arg(g.seed).arg(qRound(g.holdoutFraction * 100)).toHtmlEscaped()
            + (settings.isEmpty() ? QString() : QStringLiteral("<br>") + settings) + QStringLiteral("</p><h2>") + tr("Scores").toHtmlEscaped()
            + QStringLiteral("</h2><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><th>") + tr("Score").toHtmlEscaped()
            + QStringLiteral("</th><th>") + tr("Value").toHtmlEscaped() + QStringLiteral("</th><th>") + tr("Meaning").toHtmlEscaped() + QStringLiteral("</th></tr>");
        auto row = [&html](const QString &name, const QString &value, const QString &meaning) {
            html += QStringLiteral("<tr><td>") + name.toHtmlEscaped() + QStringLiteral("</td><td align=\"right\"><b>") + value.toHtmlEscaped()
                + QStringLiteral("</b></td><td>") + meaning.toHtmlEscaped() + QStringLiteral("</td></tr>");
        };
        row(tr("Fidelity overall"), pct(q.overall), tr("Mean of column shapes and pair trends (SDMetrics Quality Report)."));
        row(tr("Column shapes"), pct(q.columnShapes), tr("How well each column's distribution is reproduced."));
        row(tr("Pair trends"), pct(q.columnPairTrends), tr("How well relations between columns are kept."));
        for (const QString &family : { QStringLiteral("utility"), QStringLiteral("privacy") }) {
            const ScoreReading r = readScore(project.scores(), family);
            if (std::isfinite(r.value) || !r.reading.isEmpty())
                row(family == QStringLiteral("utility") ? tr("Utility") : tr("Privacy"),
                    std::isfinite(r.value) ? QLocale().toString(r.value, 'f', 3) : QStringLiteral("n/a"), r.reading);
        }
        html += QStringLiteral("</table>");
        pager.html(html);

        QString columns = QStringLiteral("<h2>") + tr("Score per column").toHtmlEscaped()
            + QStringLiteral("</h2><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>") + tr("Column").toHtmlEscaped()
            + QStringLiteral("</th><th>") + tr("Metric").toHtmlEscaped() + QStringLiteral("</th><th>") + tr("Score").toHtmlEscaped() + QStringLiteral("</th><th>")
            + tr("Missing real / synthetic").toHtmlEscaped() + QStringLiteral("</th></tr>");
        for (const core::ColumnShapeScore &c : q.columns)
            columns += QStringLiteral("<tr><td>") + c.column.toHtmlEscaped() + QStringLiteral("</td><td>") + c.metric + QStringLiteral("</td><td align=\"right\">")
                + pct(c.score) + QStringLiteral("</td><td align=\"right\">") + pct(c.realMissingRate) + QStringLiteral(" / ")
                + pct(c.syntheticMissingRate) + QStringLiteral("</td></tr>");
        columns += QStringLiteral("</table>");
        pager.html(columns);

        // Charts: the wizard's own widgets, rendered offscreen.
        pager.html(QStringLiteral("<h2>") + tr("Real vs synthetic, column by column").toHtmlEscaped() + QStringLiteral("</h2>"));
        const core::Table &real = project.realTable();
        const core::Table &syn = project.syntheticTable();
        QList<QPixmap> rowImages;
        for (const core::ColumnMeta &meta : project.schema().columns) {
            const int ri = real.indexOf(meta.name), si = syn.indexOf(meta.name);
            if (!core::Schema::isModelled(meta) || ri < 0 || si < 0)
                continue;
            HistogramComparisonChart chart;
            chart.setComparison(meta.name, compareColumn(real.column(ri), &syn.column(si), meta.type));
            rowImages.append(renderWidget(chart, QSize(420, 280)));
            if (rowImages.size() == 2) {
                pager.images(rowImages);
                rowImages.clear();
            }
        }
        pager.images(rowImages);

        const CorrelationMatrices m = correlationMatrices(real, &syn, project.schema());
        if (m.columns.size() >= 2) {
            pager.html(QStringLiteral("<h2>") + tr("Correlations").toHtmlEscaped() + QStringLiteral("</h2>"));
            std::vector<double> diff(m.real.size());
            for (size_t i = 0; i < diff.size(); ++i)
                diff[i] = m.synthetic[i] - m.real[i];
            CorrelationHeatmap realMap, synMap, diffMap;
            realMap.setMatrix(tr("Real"), m.columns, m.real);
            synMap.setMatrix(tr("Synthetic"), m.columns, m.synthetic);
            diffMap.setMatrix(tr("Synthetic - real"), m.columns, diff);
            pager.images({ renderWidget(realMap, QSize(520, 480)), renderWidget(synMap, QSize(520, 480)) });
            pager.image(renderWidget(diffMap, QSize(520, 480)), 0.5);
        }

        const QJsonValue privacy = project.scores().value(QStringLiteral("privacy"));
        if (privacy.isObject()) {
            QString items;
            const QJsonObject o = privacy.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.value().isObject() && it.value().toObject().contains(QStringLiteral("reading")))
                    items += QStringLiteral("<li><b>") + it.key().toHtmlEscaped() + QStringLiteral("</b>: ")
                        + it.value().toObject().value(QStringLiteral("reading")).toString().toHtmlEscaped() + QStringLiteral("</li>");
            }
            if (!items.isEmpty())
                pager.html(QStringLiteral("<h2>") + tr("Privacy findings").toHtmlEscaped() + QStringLiteral("</h2><ul>") + items
                           + QStringLiteral("</ul>"));
        }
        if (!painter.end())
            return core::Error { core::Error::Code::Io,
                                 tr("Cannot write the report to %1.").arg(QDir::toNativeSeparators(path)), {} };
    }
    QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        return core::Error { core::Error::Code::Io,
                             tr("Cannot write the report to %1.").arg(QDir::toNativeSeparators(path)), {} };
    }
    return {};
}

} // namespace ui
