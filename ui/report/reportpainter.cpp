// SPDX-License-Identifier: MIT
#include "ui/report/reportpainter.h"

#include "core/report/reportbuilder.h"
#include "ui/report/chartpainters.h"
#include "ui/report/pageflow.h"

#include <QDir>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <cmath>

namespace ui {

namespace {

    using Cell = FlowTable::Cell;
    using core::ReportBuilder;

    QString number(double v, int decimals = 3)
    {
        return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("n/a");
    }

    QString count(qint64 n)
    {
        return QLocale(QLocale::English).toString(n);
    }

    Cell lightCell(core::TrafficLight light)
    {
        return { ChartPainters::lightName(light), ChartPainters::lightColor(light), false };
    }

    /// Score | Value | Light | Reading.
    FlowTable scoreTable(const QList<core::ReportScore> &scores, const QString &firstHeader)
    {
        FlowTable t;
        t.header = { firstHeader, ReportPainter::tr("Value"), ReportPainter::tr("Light"),
            ReportPainter::tr("Reading") };
        t.widths = { 2.3, 1.1, 1.1, 6.5 };
        t.align = { Qt::AlignLeft, Qt::AlignRight, Qt::AlignLeft, Qt::AlignLeft };
        for (const core::ReportScore &s : scores)
            t.rows.append({ Cell { s.name, {}, true }, Cell { s.valueText, {}, true }, lightCell(s.light),
                Cell { s.reading } });
        return t;
    }

    FlowTable keyValueTable(const QList<std::pair<QString, QString>> &pairs)
    {
        FlowTable t;
        t.header = { ReportPainter::tr("Item"), ReportPainter::tr("Value") };
        t.widths = { 1.6, 6 };
        for (const auto &[key, value] : pairs)
            t.rows.append({ Cell { key, {}, true }, Cell { value } });
        return t;
    }

    void titlePage(PageFlow &flow, const core::ReportModel &m)
    {
        flow.heading(m.title, 0);
        QStringList subtitle;
        if (!m.projectName.isEmpty())
            subtitle << ReportPainter::tr("Project %1").arg(m.projectName);
        subtitle
            << ReportPainter::tr("created %1").arg(m.createdAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")))
            << ReportPainter::tr("HealthSynth %1").arg(m.appVersion);
        flow.paragraph(subtitle.join(QStringLiteral(" · ")), 10, QColor(60, 60, 60));
        flow.paragraph(
            ReportPainter::tr("This report holds counts, shares, scores and sentences only: no row of the "
                              "real data is included."),
            8.5, QColor(90, 90, 90));

        flow.heading(ReportPainter::tr("Data source"), 1);
        flow.paragraph(
            m.source.description.isEmpty() ? ReportPainter::tr("(not named)") : m.source.description);
        flow.table(keyValueTable({
            { ReportPainter::tr("Real rows"), count(m.source.realRows) },
            { ReportPainter::tr("Training rows"),
                ReportPainter::tr("%1 (the rows the generator learned from)")
                    .arg(count(m.source.trainingRows)) },
            { ReportPainter::tr("Hold-out rows"),
                ReportPainter::tr("%1 (kept out of training, for utility and the privacy baselines)")
                    .arg(count(m.source.holdoutRows)) },
            { ReportPainter::tr("Synthetic rows"), count(m.source.syntheticRows) },
        }));
        FlowTable columns;
        columns.header = { ReportPainter::tr("Column"), ReportPainter::tr("Type"),
            ReportPainter::tr("Learned"), ReportPainter::tr("Missing") };
        columns.widths = { 4, 2, 1.5, 1.5 };
        columns.align = { Qt::AlignLeft, Qt::AlignLeft, Qt::AlignLeft, Qt::AlignRight };
        columns.fontSize = 8;
        for (const core::ReportSourceColumn &c : m.source.columns)
            columns.rows.append({ Cell { c.name }, Cell { c.type },
                Cell { c.modelled ? ReportPainter::tr("yes")
                                  : ReportPainter::tr("no, regenerated or left out") },
                Cell { ReportBuilder::percentText(c.missingShare) } });
        flow.table(columns);

        flow.heading(ReportPainter::tr("Generator and settings"), 1);
        const core::ReportGenerator &g = m.generator;
        QList<std::pair<QString, QString>> rows;
        if (g.known) {
            rows.append({ ReportPainter::tr("Generator"), QStringLiteral("%1 (%2)").arg(g.name, g.id) });
            QStringList settings;
            for (const auto &[key, value] : g.settings)
                settings << QStringLiteral("%1 = %2").arg(key, value);
            rows.append({ ReportPainter::tr("Settings"),
                settings.isEmpty() ? ReportPainter::tr("none") : settings.join(QStringLiteral("; ")) });
        } else {
            rows.append({ ReportPainter::tr("Generator"),
                ReportPainter::tr("not known: the synthetic table was scored without its model") });
        }
        rows.append({ ReportPainter::tr("Seed"),
            g.seedKnown ? QString::number(g.seed) : ReportPainter::tr("not known") });
        if (std::isfinite(g.holdoutShare))
            rows.append({ ReportPainter::tr("Hold-out share"), ReportBuilder::percentText(g.holdoutShare) });
        if (!std::isnan(g.epsilonSpent))
            rows.append({ ReportPainter::tr("Differential privacy"),
                g.differentiallyPrivate
                    ? ReportPainter::tr("yes, epsilon = %1 spent").arg(g.epsilonSpent, 0, 'g', 4)
                    : ReportPainter::tr("off (no guarantee)") });
        rows.append({ ReportPainter::tr("Prediction target"),
            g.target.isEmpty() ? ReportPainter::tr("none") : g.target });
        rows.append({ ReportPainter::tr("Sensitive columns"),
            g.sensitiveColumns.isEmpty() ? ReportPainter::tr("none")
                                         : g.sensitiveColumns.join(QStringLiteral(", ")) });
        rows.append({ ReportPainter::tr("Quasi-identifiers"),
            g.quasiIdentifiers.isEmpty() ? ReportPainter::tr("none")
                                         : g.quasiIdentifiers.join(QStringLiteral(", ")) });
        if (!g.trainedWith.isEmpty())
            rows.append({ ReportPainter::tr("Trained"),
                ReportPainter::tr("with HealthSynth %1 on %2")
                    .arg(g.trainedWith, g.trainedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))) });
        rows.append({ ReportPainter::tr("Software"), ReportPainter::tr("HealthSynth %1").arg(m.appVersion) });
        flow.table(keyValueTable(rows));
        if (!g.reproduceCommand.isEmpty())
            flow.paragraph(ReportPainter::tr("To reproduce the synthetic table: %1").arg(g.reproduceCommand),
                8, QColor(60, 60, 60));
    }

    void scoresSection(PageFlow &flow, const core::ReportModel &m)
    {
        flow.heading(ReportPainter::tr("Scores"), 1, true);
        if (!m.scoresError.isEmpty())
            flow.paragraph(ReportPainter::tr("The scores could not be computed: %1").arg(m.scoresError), 9.5,
                ChartPainters::lightColor(core::TrafficLight::Red));
        flow.table(scoreTable(m.headline, ReportPainter::tr("Family")));
        flow.heading(ReportPainter::tr("Fidelity in detail"), 2);
        flow.table(scoreTable(m.fidelity, ReportPainter::tr("Score")));
        flow.heading(ReportPainter::tr("How the lights are set"), 2);
        flow.bullets(m.thresholds, 8);
    }

    void dataQualitySection(PageFlow &flow, const core::ReportModel &m)
    {
        const core::ReportDataQuality &q = m.dataQuality;
        flow.heading(ReportPainter::tr("Data quality of the real table"), 1);
        if (!q.profiled) {
            flow.paragraph(q.reason);
            return;
        }
        flow.paragraph(
            ReportPainter::tr("%1 rows and %2 columns; %3 of the cells are missing; %4 row(s) repeat an "
                              "earlier row. The profile raised %5 error(s), %6 warning(s) and %7 note(s).")
                .arg(count(q.rows))
                .arg(q.columns)
                .arg(ReportBuilder::percentText(q.missingCellShare))
                .arg(count(q.duplicateRows))
                .arg(q.errors)
                .arg(q.warnings)
                .arg(q.infos));
        if (q.alerts.isEmpty())
            return;
        FlowTable t;
        t.header = { ReportPainter::tr("Severity"), ReportPainter::tr("Finding") };
        t.widths = { 1.3, 8 };
        t.fontSize = 8;
        for (const core::ReportAlert &a : q.alerts) {
            const core::TrafficLight light = a.severity == QLatin1String("error") ? core::TrafficLight::Red
                : a.severity == QLatin1String("warning")                          ? core::TrafficLight::Amber
                                                         : core::TrafficLight::NotAvailable;
            const QString severity = a.severity == QLatin1String("error") ? ReportPainter::tr("error")
                : a.severity == QLatin1String("warning")                  ? ReportPainter::tr("warning")
                                                                          : ReportPainter::tr("note");
            t.rows.append({ Cell { severity, ChartPainters::lightColor(light) }, Cell { a.message } });
        }
        flow.table(t);
    }

    void columnsSection(PageFlow &flow, const core::ReportModel &m)
    {
        flow.heading(ReportPainter::tr("Column by column"), 1, true);
        if (m.columns.isEmpty()) {
            flow.paragraph(ReportPainter::tr("No learned column is in both tables."));
            return;
        }
        FlowTable t;
        t.header = { ReportPainter::tr("Column"), ReportPainter::tr("Type"), ReportPainter::tr("Metric"),
            ReportPainter::tr("Score"), ReportPainter::tr("Missing real"),
            ReportPainter::tr("Missing synthetic"), ReportPainter::tr("Note") };
        t.widths = { 2.6, 1.4, 1.7, 1.4, 1.1, 1.2, 2.8 };
        t.align = { Qt::AlignLeft, Qt::AlignLeft, Qt::AlignLeft, Qt::AlignRight, Qt::AlignRight,
            Qt::AlignRight, Qt::AlignLeft };
        t.fontSize = 7.5;
        for (const core::ReportColumn &c : m.columns)
            t.rows.append({ Cell { c.name }, Cell { c.type }, Cell { c.metric },
                Cell { ReportBuilder::percentText(c.score), ChartPainters::lightColor(c.light) },
                Cell { ReportBuilder::percentText(c.realMissing) },
                Cell { ReportBuilder::percentText(c.syntheticMissing) }, Cell { c.note } });
        flow.table(t);

        flow.heading(ReportPainter::tr("Real against synthetic distributions"), 2);
        flow.paragraph(ReportPainter::tr(
                           "Share of the non-missing values per bin (numbers and dates, bins from the real "
                           "range) or per category (the 11 most frequent real ones, the rest as Other)."),
            8, QColor(60, 60, 60));
        const qreal gap = flow.mm(4);
        const qreal chartWidth = (flow.width() - gap) / 2;
        const qreal chartHeight = flow.mm(62);
        for (int i = 0; i < m.columns.size(); i += 2) {
            const QRectF row = flow.reserve(chartHeight);
            ChartPainters::columnChart(flow.painter(),
                QRectF(row.left(), row.top(), chartWidth, chartHeight - flow.mm(3)), m.columns.at(i),
                flow.mm(1));
            if (i + 1 < m.columns.size())
                ChartPainters::columnChart(flow.painter(),
                    QRectF(row.left() + chartWidth + gap, row.top(), chartWidth, chartHeight - flow.mm(3)),
                    m.columns.at(i + 1), flow.mm(1));
        }
    }

    void correlationsSection(PageFlow &flow, const core::ReportModel &m)
    {
        const core::ReportCorrelations &c = m.correlations;
        flow.heading(ReportPainter::tr("Correlations"), 1, true);
        if (c.columns.size() < 2) {
            flow.paragraph(ReportPainter::tr(
                "Fewer than two numerical, date or yes/no columns: no correlation to show."));
            return;
        }
        flow.paragraph(ReportPainter::tr(
                           "Pearson correlations of the %1 numerical, date and yes/no columns (rows with a "
                           "missing value in the pair left out); blue is negative, red positive. The "
                           "difference map shows synthetic minus real on the same scale.")
                           .arg(c.columns.size()),
            8.5, QColor(60, 60, 60));
        const int n = int(c.columns.size());
        const qreal mm = flow.mm(1);
        if (n <= 12) {
            const qreal gap = flow.mm(4);
            const qreal w = (flow.width() - gap) / 2;
            const qreal h = w + flow.mm(4);
            QRectF row = flow.reserve(h);
            ChartPainters::heatmap(flow.painter(), QRectF(row.left(), row.top(), w, h),
                ReportPainter::tr("Real"), c.columns, c.real, 1.0, mm);
            ChartPainters::heatmap(flow.painter(), QRectF(row.left() + w + gap, row.top(), w, h),
                ReportPainter::tr("Synthetic"), c.columns, c.synthetic, 1.0, mm);
            flow.space(4);
            row = flow.reserve(h);
            ChartPainters::heatmap(flow.painter(),
                QRectF(row.left() + (flow.width() - w) / 2, row.top(), w, h),
                ReportPainter::tr("Synthetic - real"), c.columns, c.difference, 1.0, mm);
            return;
        }
        // Many columns: each map across the page, two to a page, so names and cells stay legible.
        const qreal h = std::min(flow.width(), flow.mm(125));
        for (const auto &[title, values] : { std::pair { ReportPainter::tr("Real"), &c.real },
                 std::pair { ReportPainter::tr("Synthetic"), &c.synthetic },
                 std::pair { ReportPainter::tr("Synthetic - real"), &c.difference } }) {
            const QRectF box = flow.reserve(h);
            ChartPainters::heatmap(flow.painter(), box, title, c.columns, *values, 1.0, mm);
            flow.space(4);
        }
    }

    void utilitySection(PageFlow &flow, const core::ReportModel &m)
    {
        const core::ReportUtility &u = m.utility;
        flow.heading(ReportPainter::tr("Machine-learning utility"), 1, true);
        if (!u.computed) {
            flow.paragraph(u.reason);
            return;
        }
        flow.paragraph(
            ReportPainter::tr("Models predict %1 (%2). Each is trained once on the %3 real training rows and "
                              "once on %4 synthetic rows, and both are tested on the %5 real hold-out rows "
                              "the generator never saw. Gap = trained on real minus trained on synthetic "
                              "(for MAE the other way round): above 0 means utility lost. The spread is the "
                              "standard deviation of the gap over %6 refits on 80 % subsamples.")
                .arg(u.target, u.task)
                .arg(count(u.trainRealRows), count(u.trainSyntheticRows), count(u.testRows))
                .arg(u.seeds),
            8.5, QColor(60, 60, 60));
        FlowTable t;
        t.header = { ReportPainter::tr("Model"), ReportPainter::tr("Metric"),
            ReportPainter::tr("Trained on real"), ReportPainter::tr("Trained on synthetic"),
            ReportPainter::tr("Gap"), ReportPainter::tr("Spread") };
        t.widths = { 2.2, 1.4, 1.4, 1.6, 1.1, 1.1 };
        t.align = { Qt::AlignLeft, Qt::AlignLeft, Qt::AlignRight, Qt::AlignRight, Qt::AlignRight,
            Qt::AlignRight };
        for (const core::ReportUtilityRow &r : u.rows)
            t.rows.append(
                { Cell { r.model }, Cell { r.metric }, Cell { number(r.real) }, Cell { number(r.synthetic) },
                    Cell { number(r.gap), {}, true }, Cell { QStringLiteral("± ") + number(r.gapStd) } });
        flow.table(t);
        flow.table(scoreTable(u.ratings, ReportPainter::tr("Model")));
    }

    void privacySection(PageFlow &flow, const core::ReportModel &m)
    {
        const core::ReportPrivacy &p = m.privacy;
        flow.heading(ReportPainter::tr("Privacy findings"), 1, flow.remaining() < flow.mm(120));
        if (!p.computed) {
            flow.paragraph(p.reason);
            flow.bullets(p.notes, 8);
            return;
        }
        flow.table(scoreTable(p.findings, ReportPainter::tr("Finding")));
        flow.bullets(p.notes, 8);
    }

} // namespace

core::Result<void> ReportPainter::writePdf(const core::ReportModel &model, const QString &path)
{
    auto failed = [&path](const QString &detail) {
        return core::Error { core::Error::Code::Io,
            tr("Cannot write the report to %1.").arg(QDir::toNativeSeparators(path)), detail };
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(16, 14, 16, 12), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(model.title);
        writer.setCreator(QStringLiteral("HealthSynth ") + model.appVersion);
        QPainter painter;
        if (!painter.begin(&writer))
            return failed(tr("The PDF writer could not start."));
        QString footer = tr("HealthSynth %1").arg(model.appVersion);
        if (model.generator.seedKnown)
            footer += QStringLiteral(" · ") + tr("seed %1").arg(model.generator.seed);
        footer += QStringLiteral(" · ") + model.createdAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        if (!model.projectName.isEmpty())
            footer += QStringLiteral(" · ") + model.projectName;
        PageFlow flow(writer, painter, footer);
        titlePage(flow, model);
        scoresSection(flow, model);
        dataQualitySection(flow, model);
        columnsSection(flow, model);
        correlationsSection(flow, model);
        utilitySection(flow, model);
        privacySection(flow, model);
        flow.finish();
        if (!painter.end())
            return failed(tr("The PDF writer failed."));
    }
    if (!file.commit())
        return failed(file.errorString());
    return {};
}

} // namespace ui
