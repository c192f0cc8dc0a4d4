// SPDX-License-Identifier: MIT
#include "core/profile/profilejson.h"

#include "core/data/metadatafile.h"

#include <QJsonArray>
#include <cmath>

namespace core {

namespace {

    QJsonValue number(double v)
    {
        return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
    }

    QJsonArray numbers(const QList<double> &values)
    {
        QJsonArray a;
        for (double v : values)
            a.append(number(v));
        return a;
    }

    QJsonArray valueCounts(const QList<ValueCount> &values)
    {
        QJsonArray a;
        for (const ValueCount &v : values)
            a.append(
                QJsonObject { { QStringLiteral("value"), v.value }, { QStringLiteral("count"), v.count } });
        return a;
    }

    QJsonObject numericJson(const NumericStats &s, QJsonObject o)
    {
        o.insert(QStringLiteral("min"), number(s.min));
        o.insert(QStringLiteral("max"), number(s.max));
        o.insert(QStringLiteral("mean"), number(s.mean));
        o.insert(QStringLiteral("std"), number(s.std));
        o.insert(QStringLiteral("sum"), number(s.sum));
        o.insert(QStringLiteral("skewness"), number(s.skewness));
        o.insert(QStringLiteral("kurtosis"), number(s.kurtosis));
        static const char *const names[] = { "p01", "p05", "p25", "p50", "p75", "p95", "p99" };
        QJsonObject q;
        for (size_t i = 0; i < s.quantiles.size(); ++i)
            q.insert(QLatin1String(names[i]), number(s.quantiles[i]));
        o.insert(QStringLiteral("quantiles"), q);
        o.insert(QStringLiteral("mad"), number(s.mad));
        o.insert(QStringLiteral("zeros"), s.zeros);
        o.insert(QStringLiteral("negatives"), s.negatives);
        o.insert(QStringLiteral("integral"), s.integral);
        o.insert(QStringLiteral("finite"), s.finite);
        o.insert(QStringLiteral("infinite"),
            QJsonObject { { QStringLiteral("positive"), s.positiveInfinite },
                { QStringLiteral("negative"), s.negativeInfinite } });
        o.insert(QStringLiteral("extreme"), s.extreme);
        o.insert(QStringLiteral("extreme_examples"), numbers(s.extremeExamples));
        o.insert(QStringLiteral("outliers"),
            QJsonObject { { QStringLiteral("iqr"), s.iqrOutliers },
                { QStringLiteral("robust_z"), s.robustZOutliers },
                { QStringLiteral("lower_fence"), number(s.lowerFence) },
                { QStringLiteral("upper_fence"), number(s.upperFence) },
                { QStringLiteral("max_robust_z"), number(s.maxRobustZ) },
                { QStringLiteral("examples"), numbers(s.outlierExamples) } });
        QJsonArray edges, counts;
        for (double e : s.histogram.edges)
            edges.append(number(e));
        for (qint64 c : s.histogram.counts)
            counts.append(c);
        o.insert(QStringLiteral("histogram"),
            QJsonObject { { QStringLiteral("edges"), edges }, { QStringLiteral("counts"), counts } });
        o.insert(QStringLiteral("sentinels"), valueCounts(s.sentinels));
        if (!s.plausibleRule.isEmpty()) {
            o.insert(QStringLiteral("plausible"),
                QJsonObject { { QStringLiteral("rule"), s.plausibleRule },
                    { QStringLiteral("min"), s.plausibleMin }, { QStringLiteral("max"), s.plausibleMax },
                    { QStringLiteral("below"), s.belowPlausible },
                    { QStringLiteral("above"), s.abovePlausible },
                    { QStringLiteral("examples"), numbers(s.implausibleExamples) } });
        }
        return o;
    }

    QJsonObject textJson(const TextStats &t, QJsonObject o)
    {
        o.insert(QStringLiteral("length"),
            QJsonObject { { QStringLiteral("min"), t.minLength }, { QStringLiteral("max"), t.maxLength },
                { QStringLiteral("mean"), number(t.meanLength) } });
        o.insert(QStringLiteral("patterns"), valueCounts(t.patterns));
        o.insert(QStringLiteral("pattern"), t.regex);
        o.insert(QStringLiteral("whitespace"), t.whitespacePadded);
        o.insert(QStringLiteral("numeric_cells"), t.numericCells);
        o.insert(QStringLiteral("numeric_after_trim"), t.numericAfterTrim);
        o.insert(QStringLiteral("infinite"), t.nonFinite);
        o.insert(QStringLiteral("missing_markers"), valueCounts(t.markers));
        o.insert(QStringLiteral("date_formats"), QJsonArray::fromStringList(t.dateFormats));
        o.insert(QStringLiteral("decimal_comma"), t.decimalComma);
        o.insert(QStringLiteral("decimal_point"), t.decimalPoint);
        o.insert(QStringLiteral("pii_kind"), t.piiKind);
        o.insert(QStringLiteral("pii_share"), number(t.piiShare));
        QJsonArray variants;
        for (const QStringList &g : t.spellingVariants)
            variants.append(QJsonArray::fromStringList(g));
        o.insert(QStringLiteral("spelling_variants"), variants);
        return o;
    }

    QJsonValue variantJson(const QVariant &v)
    {
        if (v.typeId() == QMetaType::Double) {
            return number(v.toDouble());
        }
        return QJsonValue::fromVariant(v);
    }

    QJsonObject evidenceJson(const QVariantMap &map)
    {
        QJsonObject o;
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (it.value().typeId() == QMetaType::QVariantList) {
                QJsonArray a;
                for (const QVariant &item : it.value().toList())
                    a.append(item.typeId() == QMetaType::QVariantMap
                            ? QJsonValue(QJsonObject::fromVariantMap(item.toMap()))
                            : variantJson(item));
                o.insert(it.key(), a);
            } else {
                o.insert(it.key(), variantJson(it.value()));
            }
        }
        return o;
    }

} // namespace

QString severityKey(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Info:
        return QStringLiteral("info");
    case Diagnostic::Severity::Warning:
        return QStringLiteral("warning");
    case Diagnostic::Severity::Error:
        return QStringLiteral("error");
    }
    return {};
}

QJsonObject profileToJson(const Profile &profile)
{
    QJsonObject root;
    root.insert(QStringLiteral("rows"), profile.rows);
    root.insert(QStringLiteral("column_count"), int(profile.columns.size()));
    root.insert(QStringLiteral("seconds"), profile.seconds);
    root.insert(QStringLiteral("source"),
        QJsonObject { { QStringLiteral("path"), profile.source.path },
            { QStringLiteral("encoding"), profile.source.encoding },
            { QStringLiteral("delimiter"),
                profile.source.delimiter.isNull() ? QString() : QString(profile.source.delimiter) },
            { QStringLiteral("decimal_mark"),
                profile.source.decimalMark.isNull() ? QString() : QString(profile.source.decimalMark) } });
    root.insert(QStringLiteral("duplicate_rows"), profile.duplicateRows);
    QJsonArray dupExamples;
    for (qint64 r : profile.duplicateExamples)
        dupExamples.append(r);
    root.insert(QStringLiteral("duplicate_examples"), dupExamples);

    QJsonArray columns;
    for (const ColumnProfile &c : profile.columns) {
        QJsonObject o { { QStringLiteral("name"), c.name },
            { QStringLiteral("type"), profileKindKey(c.kind) },
            { QStringLiteral("storage"), storageName(c.storage) },
            { QStringLiteral("semantic_type"), semanticTypeKey(c.semanticType) },
            { QStringLiteral("confidence"), number(c.confidence) },
            { QStringLiteral("modelled"), c.modelled }, { QStringLiteral("count"), c.count },
            { QStringLiteral("missing"), c.missing },
            { QStringLiteral("missing_share"), number(c.missingShare(profile.rows)) },
            { QStringLiteral("distinct"), c.distinct },
            { QStringLiteral("distinct_share"), number(c.distinctShare()) },
            { QStringLiteral("top_values"), valueCounts(c.topValues) } };
        if (c.numeric && c.kind != ProfileKind::Boolean)
            o = numericJson(*c.numeric, o);
        if (c.dates) {
            o.insert(QStringLiteral("min"), c.dates->minText);
            o.insert(QStringLiteral("max"), c.dates->maxText);
            o.insert(QStringLiteral("future"), c.dates->future);
            o.insert(QStringLiteral("largest_gap_days"), number(c.dates->largestGapDays));
            o.insert(QStringLiteral("gap_from"), c.dates->gapFrom);
            o.insert(QStringLiteral("gap_to"), c.dates->gapTo);
            o.insert(QStringLiteral("median_gap_days"), number(c.dates->medianGapDays));
        }
        if (c.text)
            o = textJson(*c.text, o);
        columns.append(o);
    }
    root.insert(QStringLiteral("columns"), columns);

    QJsonArray associations;
    for (const Association &a : profile.associations) {
        associations.append(QJsonObject {
            { QStringLiteral("columns"),
                QJsonArray { profile.columns.value(a.first).name, profile.columns.value(a.second).name } },
            { QStringLiteral("method"), associationMethodKey(a.method) },
            { QStringLiteral("value"), number(a.value) }, { QStringLiteral("n"), a.n } });
    }
    root.insert(QStringLiteral("associations"), associations);

    if (profile.target) {
        root.insert(QStringLiteral("target"),
            QJsonObject { { QStringLiteral("column"), profile.target->column },
                { QStringLiteral("classes"), valueCounts(profile.target->classes) },
                { QStringLiteral("minority_share"), number(profile.target->minorityShare) } });
    }

    QJsonArray alerts;
    for (const Alert &a : profile.alerts) {
        alerts.append(QJsonObject { { QStringLiteral("kind"), a.kind },
            { QStringLiteral("severity"), severityKey(a.severity) },
            { QStringLiteral("columns"), QJsonArray::fromStringList(a.columns) },
            { QStringLiteral("message"), a.message },
            { QStringLiteral("evidence"), evidenceJson(a.evidence) } });
    }
    root.insert(QStringLiteral("alerts"), alerts);

    QJsonArray actions;
    for (const SuggestedAction &s : profile.actions)
        actions.append(suggestedActionToJson(s));
    root.insert(QStringLiteral("actions"), actions);
    return root;
}

QJsonObject suggestedActionToJson(const SuggestedAction &action)
{
    return QJsonObject { { QStringLiteral("action"), suggestedActionKey(action.kind) },
        { QStringLiteral("column"), action.column }, { QStringLiteral("value"), action.value },
        { QStringLiteral("reason"), action.reason } };
}

QJsonObject metadataWithAcceptedActions(const Schema &schema, const QList<SuggestedAction> &accepted)
{
    QJsonObject root = MetadataFile::toJson(schema);
    QJsonArray actions;
    for (const SuggestedAction &a : accepted)
        actions.append(suggestedActionToJson(a));
    root.insert(QStringLiteral("acceptedActions"), actions);
    return root;
}

} // namespace core
