// SPDX-License-Identifier: MIT
#include "core/report/reportbuilder.h"

#include "core/generators/generator.h"
#include "core/profile/profile.h"
#include "core/report/reportscores.h"
#include "core/version.h"

#include <QHash>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace core {

namespace {

    QString settingText(const QVariant &value)
    {
        if (value.typeId() == QMetaType::Double) {
            const double v = value.toDouble();
            return QString::number(v, 'g', 6);
        }
        if (value.typeId() == QMetaType::Bool)
            return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return value.toString();
    }

    ReportSource sourceOf(const ReportInputs &in)
    {
        ReportSource s;
        s.description = in.sourceDescription;
        s.trainingRows = in.real->rowCount();
        s.holdoutRows = in.holdout ? in.holdout->rowCount() : 0;
        s.realRows = s.trainingRows + s.holdoutRows;
        s.syntheticRows = in.synthetic->rowCount();
        for (const ColumnMeta &meta : in.schema.columns) {
            ReportSourceColumn c;
            c.name = meta.name;
            c.type = semanticTypeKey(meta.type);
            c.modelled = Schema::isModelled(meta);
            const int i = in.real->indexOf(meta.name);
            if (i >= 0)
                c.missingShare = in.real->column(i).missingRate();
            s.columns.append(c);
        }
        return s;
    }

    ReportGenerator generatorOf(const ReportInputs &in)
    {
        ReportGenerator g;
        g.target = in.target;
        g.sensitiveColumns = in.sensitiveColumns;
        g.quasiIdentifiers = in.quasiIdentifiers;
        g.holdoutShare = in.holdoutShare;
        g.reproduceCommand = in.reproduceCommand;
        if (in.seed) {
            g.seedKnown = true;
            g.seed = *in.seed;
        }
        if (!in.generator)
            return g;
        const Generator &gen = *in.generator;
        const GeneratorInfo info = gen.info();
        g.known = true;
        g.id = gen.id();
        g.name = gen.displayName();
        // In the order the generator declares them, defaults filled in where the fit had none.
        for (const SettingSpec &spec : gen.settings()) {
            const QVariant value = info.settings.value(spec.key, spec.defaultValue);
            g.settings.append({ spec.key, settingText(value) });
        }
        if (info.fitted) {
            if (!g.seedKnown) {
                g.seedKnown = true;
                g.seed = info.seed;
            }
            g.trainedWith = info.appVersion;
            g.trainedAt = info.fittedAt;
        }
        if (info.facts.contains(QStringLiteral("epsilon_spent"))) {
            g.epsilonSpent = info.facts.value(QStringLiteral("epsilon_spent")).toDouble();
            g.differentiallyPrivate = info.facts.value(QStringLiteral("differentially_private")).toBool();
        }
        return g;
    }

    QString severityKey(Diagnostic::Severity severity)
    {
        switch (severity) {
        case Diagnostic::Severity::Error:
            return QStringLiteral("error");
        case Diagnostic::Severity::Warning:
            return QStringLiteral("warning");
        case Diagnostic::Severity::Info:
            break;
        }
        return QStringLiteral("info");
    }

    ReportDataQuality dataQualityOf(const ReportInputs &in)
    {
        ReportDataQuality q;
        if (!in.profile) {
            q.reason = ReportBuilder::tr("The real table was not profiled for this report.");
            return q;
        }
        const Profile &p = *in.profile;
        q.profiled = true;
        q.rows = p.rows;
        q.columns = int(p.columns.size());
        qint64 missing = 0;
        for (const ColumnProfile &c : p.columns)
            missing += c.missing;
        const double cells = double(p.rows) * double(p.columns.size());
        q.missingCellShare = cells > 0 ? double(missing) / cells : std::numeric_limits<double>::quiet_NaN();
        q.duplicateRows = p.duplicateRows;
        QList<Alert> alerts = p.alerts;
        // Errors first, then warnings, then notes; the profile's own order within each.
        std::stable_sort(alerts.begin(), alerts.end(),
            [](const Alert &a, const Alert &b) { return int(a.severity) > int(b.severity); });
        for (const Alert &a : alerts) {
            q.alerts.append({ severityKey(a.severity), a.kind, a.message });
            if (a.severity == Diagnostic::Severity::Error)
                ++q.errors;
            else if (a.severity == Diagnostic::Severity::Warning)
                ++q.warnings;
            else
                ++q.infos;
        }
        return q;
    }

    QList<ReportColumn> columnsOf(const ReportInputs &in)
    {
        // Per-column scores come from the evaluation JSON, keyed by name.
        QHash<QString, QJsonObject> details;
        const QJsonArray array = in.scores.value(QStringLiteral("quality"))
                                     .toObject()
                                     .value(QStringLiteral("column_details"))
                                     .toArray();
        for (const QJsonValue &v : array)
            details.insert(v.toObject().value(QStringLiteral("column")).toString(), v.toObject());

        QList<ReportColumn> out;
        for (const ColumnMeta &meta : in.schema.columns) {
            const int ri = in.real->indexOf(meta.name), si = in.synthetic->indexOf(meta.name);
            if (!Schema::isModelled(meta) || ri < 0 || si < 0)
                continue;
            ReportColumn c;
            c.name = meta.name;
            c.type = semanticTypeKey(meta.type);
            const QJsonObject d = details.value(meta.name);
            c.metric = d.value(QStringLiteral("metric")).toString();
            if (d.value(QStringLiteral("score")).isDouble())
                c.score = d.value(QStringLiteral("score")).toDouble();
            c.light = reportscores::fidelityLight(c.score);
            c.realMissing = in.real->column(ri).missingRate();
            c.syntheticMissing = in.synthetic->column(si).missingRate();
            c.note = d.value(QStringLiteral("error")).toString();
            if (c.note.isEmpty())
                c.note = d.value(QStringLiteral("note")).toString();
            c.chart = compareColumn(in.real->column(ri), &in.synthetic->column(si), meta.type);
            out.append(c);
        }
        return out;
    }

    ReportCorrelations correlationsOf(const ReportInputs &in)
    {
        const CorrelationMatrices m = correlationMatrices(*in.real, in.synthetic, in.schema);
        ReportCorrelations c;
        c.columns = m.columns;
        c.real = m.real;
        c.synthetic = m.synthetic;
        c.difference.resize(m.real.size(), std::numeric_limits<double>::quiet_NaN());
        if (m.synthetic.size() == m.real.size()) {
            for (size_t i = 0; i < m.real.size(); ++i)
                c.difference[i] = m.synthetic[i] - m.real[i];
        }
        return c;
    }

} // namespace

QString ReportBuilder::percentText(double share)
{
    return std::isfinite(share) ? QString::number(share * 100.0, 'f', 1) + QStringLiteral(" %")
                                : QStringLiteral("n/a");
}

ReportModel ReportBuilder::build(const ReportInputs &in)
{
    Q_ASSERT(in.real && in.synthetic);
    ReportModel model;
    model.title = tr("HealthSynth evaluation report");
    model.projectName = in.projectName;
    model.createdAt = in.createdAt.isValid() ? in.createdAt : QDateTime::currentDateTime();
    model.appVersion = appVersion();
    model.source = sourceOf(in);
    model.generator = generatorOf(in);
    reportscores::read(in.scores, model);
    model.dataQuality = dataQualityOf(in);
    model.columns = columnsOf(in);
    model.correlations = correlationsOf(in);
    if (model.generator.known && !std::isnan(model.generator.epsilonSpent)) {
        model.privacy.notes.prepend(model.generator.differentiallyPrivate
                ? tr("The model is differentially private: a privacy budget of epsilon = %1 was spent on the "
                     "real "
                     "rows (category domains and numeric ranges come from the data and are not protected).")
                      .arg(model.generator.epsilonSpent, 0, 'g', 4)
                : tr("Differential privacy was turned off for this model: no epsilon guarantee."));
    }
    return model;
}

} // namespace core
