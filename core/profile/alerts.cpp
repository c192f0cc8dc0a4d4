// SPDX-License-Identifier: MIT
#include "core/profile/profileinternal.h"
#include "core/profile/valueanalysis.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <cmath>

namespace core::profiling {

// Shows tabs, newlines and surrounding spaces, so "ckd\t" and "ckd" read differently.
QString shown(const QString &value)
{
    QString v = value;
    v.replace(u'\\', QStringLiteral("\\\\"));
    v.replace(u'\t', QStringLiteral("\\t"));
    v.replace(u'\n', QStringLiteral("\\n"));
    v.replace(u'\r', QStringLiteral("\\r"));
    return u'"' + v + u'"';
}

QString percent(double share)
{
    return QString::number(100.0 * share, 'f', share < 0.01 && share > 0 ? 2 : 1) + u'%';
}

QVariantList valueCounts(const QList<ValueCount> &values, int limit)
{
    QVariantList list;
    for (const ValueCount &v : values.mid(0, limit))
        list.append(
            QVariantMap { { QStringLiteral("value"), v.value }, { QStringLiteral("count"), v.count } });
    return list;
}

QString listOf(const QList<ValueCount> &values, int limit)
{
    QStringList parts;
    for (const ValueCount &v : values.mid(0, limit))
        parts.append(QStringLiteral("%1 ×%2").arg(shown(v.value)).arg(v.count));
    if (values.size() > limit)
        parts.append(QStringLiteral("…"));
    return parts.join(QStringLiteral(", "));
}

namespace {

    QString tr(const char *text)
    {
        return QCoreApplication::translate("core::Profile", text);
    }

    using Severity = Diagnostic::Severity;

    QVariantList doubles(const QList<double> &values)
    {
        QVariantList list;
        for (double v : values)
            list.append(v);
        return list;
    }

    class AlertSink {
    public:
        explicit AlertSink(Profile &profile)
            : m_profile(profile)
        {
        }
        void add(const QString &kind, Severity severity, const QStringList &columns, const QString &message,
            const QVariantMap &evidence = {})
        {
            m_profile.alerts.append(Alert { kind, severity, columns, message, evidence });
        }
        void suggest(
            SuggestedAction::Kind kind, const QString &column, const QString &value, const QString &reason)
        {
            const QString key = suggestedActionKey(kind) + u'\x1f' + column + u'\x1f' + value;
            if (m_seen.contains(key))
                return;
            m_seen.insert(key);
            m_profile.actions.append(SuggestedAction { kind, column, value, reason });
        }

    private:
        Profile &m_profile;
        QSet<QString> m_seen;
    };

    void numericAlerts(const ColumnProfile &c, const ProfileOptions &options, AlertSink &sink)
    {
        const NumericStats &s = *c.numeric;
        const QStringList cols { c.name };
        if (s.nonFinite() > 0) {
            sink.add(QStringLiteral("non_finite"), Severity::Warning, cols,
                tr("%1 has %2 infinite value(s) (+inf %3, -inf %4); they are not numbers a model can learn.")
                    .arg(c.name)
                    .arg(s.nonFinite())
                    .arg(s.positiveInfinite)
                    .arg(s.negativeInfinite),
                { { QStringLiteral("count"), s.nonFinite() },
                    { QStringLiteral("positive_infinite"), s.positiveInfinite },
                    { QStringLiteral("negative_infinite"), s.negativeInfinite } });
        }
        if (s.extreme > 0) {
            sink.add(QStringLiteral("extreme_value"), Severity::Warning, cols,
                tr("%1 has %2 extreme value(s) such as %3, too large to square without overflow.")
                    .arg(c.name)
                    .arg(s.extreme)
                    .arg(numberText(s.extremeExamples.value(0))),
                { { QStringLiteral("count"), s.extreme },
                    { QStringLiteral("examples"), doubles(s.extremeExamples) },
                    { QStringLiteral("threshold"), NumericStats::kExtremeMagnitude } });
        }
        if (c.kind != ProfileKind::Numeric || c.distinct < 2)
            return;
        if (std::isfinite(s.skewness) && std::abs(s.skewness) > options.skewThreshold && c.distinct > 2) {
            sink.add(QStringLiteral("skewed"), Severity::Info, cols,
                tr("%1 is skewed (skewness %2).").arg(c.name).arg(s.skewness, 0, 'f', 2),
                { { QStringLiteral("skewness"), s.skewness },
                    { QStringLiteral("threshold"), options.skewThreshold } });
        }
        if (s.iqrOutliers > 0 && s.robustZOutliers > 0 && !s.outlierExamples.isEmpty()) {
            sink.add(QStringLiteral("outliers"), s.maxRobustZ > 10 ? Severity::Warning : Severity::Info, cols,
                tr("%1 has outliers: %2 outside the IQR fences [%3, %4], %5 with robust z-score above 3.5 "
                   "(most extreme %6).")
                    .arg(c.name)
                    .arg(s.iqrOutliers)
                    .arg(numberText(s.lowerFence), numberText(s.upperFence))
                    .arg(s.robustZOutliers)
                    .arg(numberText(s.outlierExamples.front())),
                { { QStringLiteral("iqr_outliers"), s.iqrOutliers },
                    { QStringLiteral("robust_z_outliers"), s.robustZOutliers },
                    { QStringLiteral("lower_fence"), s.lowerFence },
                    { QStringLiteral("upper_fence"), s.upperFence },
                    { QStringLiteral("max_robust_z"), s.maxRobustZ },
                    { QStringLiteral("examples"), doubles(s.outlierExamples) } });
        }
        QSet<double> sentinelValues;
        for (const ValueCount &v : s.sentinels)
            sentinelValues.insert(v.value.toDouble());
        if (!s.sentinels.isEmpty()) {
            sink.add(QStringLiteral("missing_marker"), Severity::Warning, cols,
                tr("%1 holds codes that look like undeclared missing markers: %2.")
                    .arg(c.name, listOf(s.sentinels)),
                { { QStringLiteral("markers"), valueCounts(s.sentinels) } });
            for (const ValueCount &v : s.sentinels)
                sink.suggest(SuggestedAction::Kind::DeclareMissingMarker, c.name, v.value,
                    QStringLiteral("missing_marker"));
        }
        const bool zeroImplausible = !s.plausibleRule.isEmpty() && s.plausibleMin > 0;
        if (zeroImplausible && s.zeros > 0) {
            sink.add(QStringLiteral("implausible_zeros"), Severity::Warning, cols,
                tr("%1 is zero in %2 row(s), which is not a plausible %3; zeros are often missing values.")
                    .arg(c.name)
                    .arg(s.zeros)
                    .arg(s.plausibleRule),
                { { QStringLiteral("zeros"), s.zeros }, { QStringLiteral("rule"), s.plausibleRule } });
            sink.suggest(SuggestedAction::Kind::DeclareMissingMarker, c.name, QStringLiteral("0"),
                QStringLiteral("implausible_zeros"));
        } else if (!zeroImplausible && s.zeros >= 0.1 * double(c.count)) {
            sink.add(QStringLiteral("zeros"), Severity::Info, cols,
                tr("%1 is zero in %2 of %3 values (%4).")
                    .arg(c.name)
                    .arg(s.zeros)
                    .arg(c.count)
                    .arg(percent(double(s.zeros) / double(c.count))),
                { { QStringLiteral("zeros"), s.zeros } });
        }
        if (s.plausibleRule.isEmpty() && s.negatives > 0 && double(s.negatives) <= 0.02 * double(c.count)) {
            // Mostly positive numbers with a few negatives: likely sign errors or codes.
            qint64 sentinelNegatives = 0;
            for (const ValueCount &v : s.sentinels) {
                if (v.value.toDouble() < 0)
                    sentinelNegatives += v.count;
            }
            if (s.negatives > sentinelNegatives) {
                sink.add(QStringLiteral("implausible_negatives"), Severity::Warning, cols,
                    tr("%1 is negative in only %2 of %3 values; the rest are not, so these may be errors.")
                        .arg(c.name)
                        .arg(s.negatives - sentinelNegatives)
                        .arg(c.count),
                    { { QStringLiteral("negatives"), s.negatives - sentinelNegatives } });
            }
        }
        if (s.belowPlausible + s.abovePlausible > 0) {
            sink.add(QStringLiteral("implausible_value"), Severity::Warning, cols,
                tr("%1 has %2 value(s) outside the plausible range for %3 [%4, %5], e.g. %6.")
                    .arg(c.name)
                    .arg(s.belowPlausible + s.abovePlausible)
                    .arg(s.plausibleRule, numberText(s.plausibleMin), numberText(s.plausibleMax),
                        numberText(s.implausibleExamples.value(0))),
                { { QStringLiteral("rule"), s.plausibleRule }, { QStringLiteral("min"), s.plausibleMin },
                    { QStringLiteral("max"), s.plausibleMax }, { QStringLiteral("below"), s.belowPlausible },
                    { QStringLiteral("above"), s.abovePlausible },
                    { QStringLiteral("examples"), doubles(s.implausibleExamples) } });
        }
    }

    void textAlerts(const ColumnProfile &c, AlertSink &sink)
    {
        const TextStats &t = *c.text;
        const QStringList cols { c.name };
        if (t.whitespacePadded > 0) {
            const QList<ValueCount> &padded = t.paddedExamples;
            sink.add(QStringLiteral("whitespace"), Severity::Warning, cols,
                tr("%1 has %2 value(s) with leading or trailing whitespace%3.")
                    .arg(c.name)
                    .arg(t.whitespacePadded)
                    .arg(padded.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(listOf(padded))),
                { { QStringLiteral("count"), t.whitespacePadded },
                    { QStringLiteral("examples"), valueCounts(padded) } });
            sink.suggest(SuggestedAction::Kind::TrimWhitespace, c.name, {}, QStringLiteral("whitespace"));
        }
        if (!t.spellingVariants.isEmpty()) {
            QStringList groups;
            QVariantList evidence;
            for (const QStringList &g : t.spellingVariants) {
                QStringList shownGroup;
                for (const QString &v : g)
                    shownGroup.append(shown(v));
                groups.append(shownGroup.join(QStringLiteral(" / ")));
                evidence.append(QVariant(g));
            }
            sink.add(QStringLiteral("inconsistent_spelling"), Severity::Warning, cols,
                tr("%1 spells the same category in different ways: %2.")
                    .arg(c.name, groups.mid(0, 5).join(QStringLiteral("; "))),
                { { QStringLiteral("groups"), evidence } });
        }
        if (t.markerCells > 0 && t.markerCells < c.count) {
            sink.add(QStringLiteral("missing_marker"), Severity::Warning, cols,
                tr("%1 holds values that look like undeclared missing markers: %2.")
                    .arg(c.name, listOf(t.markers)),
                { { QStringLiteral("count"), t.markerCells },
                    { QStringLiteral("markers"), valueCounts(t.markers) } });
            for (const ValueCount &m : t.markers)
                sink.suggest(SuggestedAction::Kind::DeclareMissingMarker, c.name, m.value.trimmed(),
                    QStringLiteral("missing_marker"));
        } else if (t.markerCells > 0) {
            sink.add(QStringLiteral("missing_marker"), Severity::Warning, cols,
                tr("%1 holds nothing but missing markers (%2).").arg(c.name, listOf(t.markers)),
                { { QStringLiteral("count"), t.markerCells },
                    { QStringLiteral("markers"), valueCounts(t.markers) } });
            for (const ValueCount &m : t.markers)
                sink.suggest(SuggestedAction::Kind::DeclareMissingMarker, c.name, m.value.trimmed(),
                    QStringLiteral("missing_marker"));
        }
        if (t.nonFinite > 0) {
            sink.add(QStringLiteral("non_finite"), Severity::Warning, cols,
                tr("%1 has %2 infinite value(s).").arg(c.name).arg(t.nonFinite),
                { { QStringLiteral("count"), t.nonFinite } });
        }
        const qint64 numbers = t.numericCells;
        const qint64 others = c.count - numbers;
        if (c.kind != ProfileKind::Identifier && c.kind != ProfileKind::Boolean && numbers > 0 && others > 0
            && double(numbers) >= 0.5 * double(c.count)) {
            // Numbers with stray text. When the stray cells are only markers or padded numbers, the
            // column is numeric once those are cleaned: suggest the type change.
            const QList<ValueCount> &stray = t.nonNumericExamples;
            const bool cleanable = t.markerCells + t.numericAfterTrim == others;
            sink.add(QStringLiteral("mixed_types"),
                double(numbers) >= 0.9 * double(c.count) ? Severity::Warning : Severity::Info, cols,
                tr("%1 mixes numbers and text: %2 numbers and %3 other value(s)%4.")
                    .arg(c.name)
                    .arg(numbers)
                    .arg(others)
                    .arg(stray.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(listOf(stray))),
                { { QStringLiteral("numbers"), numbers }, { QStringLiteral("others"), others },
                    { QStringLiteral("numbers_after_trim"), t.numericAfterTrim },
                    { QStringLiteral("markers"), t.markerCells },
                    { QStringLiteral("examples"), valueCounts(stray) } });
            if (cleanable)
                sink.suggest(SuggestedAction::Kind::ChangeType, c.name,
                    semanticTypeKey(SemanticType::Numerical), QStringLiteral("mixed_types"));
        }
        if (t.dateFormats.size() >= 2) {
            sink.add(QStringLiteral("inconsistent_formats"), Severity::Warning, cols,
                tr("%1 mixes date formats: %2.").arg(c.name, t.dateFormats.join(QStringLiteral(", "))),
                { { QStringLiteral("date_formats"), t.dateFormats } });
        }
        if (t.decimalComma > 0 && t.decimalPoint > 0) {
            sink.add(QStringLiteral("inconsistent_formats"), Severity::Warning, cols,
                tr("%1 mixes decimal commas (%2 values) and decimal points (%3 values).")
                    .arg(c.name)
                    .arg(t.decimalComma)
                    .arg(t.decimalPoint),
                { { QStringLiteral("decimal_comma"), t.decimalComma },
                    { QStringLiteral("decimal_point"), t.decimalPoint } });
        }
        if (!t.piiKind.isEmpty()) {
            sink.add(QStringLiteral("pii"), Severity::Warning, cols,
                tr("%1 looks like personal data (%2, %3 of values).")
                    .arg(c.name, t.piiKind, percent(t.piiShare)),
                { { QStringLiteral("pii_kind"), t.piiKind }, { QStringLiteral("share"), t.piiShare } });
            if (c.semanticType != SemanticType::Pii)
                sink.suggest(SuggestedAction::Kind::MarkAsPii, c.name, t.piiKind, QStringLiteral("pii"));
        }
    }

} // namespace

void raiseAlerts(Profile &profile, const ProfileOptions &options)
{
    AlertSink sink(profile);
    const ProfileSource &source = profile.source;
    if (!source.encoding.isEmpty() && source.encoding != QLatin1String("UTF-8")) {
        sink.add(QStringLiteral("encoding"), Severity::Info, {},
            tr("The file is encoded as %1.").arg(source.encoding),
            { { QStringLiteral("encoding"), source.encoding } });
    }
    // The loader's findings come first, except those the profile measures itself (with evidence
    // and actions): those are left to the profile's own alert about the same column.
    const qsizetype profileStart = profile.alerts.size();
    QList<Diagnostic> loaderFindings = source.diagnostics;

    const qint64 rows = profile.rows;
    for (const ColumnProfile &c : std::as_const(profile.columns)) {
        const QStringList cols { c.name };
        const double missingShare = c.missingShare(rows);
        if (rows > 0 && c.count == 0) {
            sink.add(QStringLiteral("all_missing"), Severity::Warning, cols,
                (c.modelled
                        ? tr("%1 is empty in all %2 rows (100% missing); it carries no information and is "
                             "best left out of modelling.")
                        : tr("%1 is empty in all %2 rows (100% missing); it is left out of modelling."))
                    .arg(c.name)
                    .arg(rows),
                { { QStringLiteral("missing"), c.missing }, { QStringLiteral("missing_share"), 1.0 } });
            if (c.modelled)
                sink.suggest(SuggestedAction::Kind::Exclude, c.name, {}, QStringLiteral("all_missing"));
            continue;
        }
        if (missingShare > options.highMissingShare) {
            sink.add(QStringLiteral("high_missing"), Severity::Warning, cols,
                tr("%1 is missing in %2 of %3 rows (%4).")
                    .arg(c.name)
                    .arg(c.missing)
                    .arg(rows)
                    .arg(percent(missingShare)),
                { { QStringLiteral("missing"), c.missing },
                    { QStringLiteral("missing_share"), missingShare } });
        }
        if (c.distinct == 1) {
            const QString value = c.topValues.isEmpty() ? QString() : c.topValues.front().value;
            if (c.missing == 0) {
                sink.add(QStringLiteral("constant"), Severity::Warning, cols,
                    tr("%1 is constant: %2 in all %3 rows.").arg(c.name, shown(value)).arg(rows),
                    { { QStringLiteral("value"), value }, { QStringLiteral("distinct"), 1 } });
            } else {
                sink.add(QStringLiteral("constant"), Severity::Warning, cols,
                    tr("%1 is constant apart from missing (1 distinct value, %2, %3 missing).")
                        .arg(c.name, shown(value), percent(missingShare)),
                    { { QStringLiteral("value"), value }, { QStringLiteral("distinct"), 1 },
                        { QStringLiteral("missing_share"), missingShare },
                        { QStringLiteral("apart_from_missing"), true } });
            }
        } else if (c.kind != ProfileKind::Identifier && !c.topValues.isEmpty()
            && double(c.topValues.front().count) >= options.almostConstantShare * double(c.count)) {
            const double share = double(c.topValues.front().count) / double(c.count);
            sink.add(QStringLiteral("almost_constant"), Severity::Info, cols,
                tr("%1 is almost constant: %2 in %3 of values.")
                    .arg(c.name, shown(c.topValues.front().value), percent(share)),
                { { QStringLiteral("value"), c.topValues.front().value },
                    { QStringLiteral("share"), share } });
        }
        if (c.kind == ProfileKind::Identifier) {
            QVariantMap evidence { { QStringLiteral("unique_ratio"), c.distinctShare() },
                { QStringLiteral("distinct"), c.distinct } };
            QString pattern = c.text ? c.text->regex : QString();
            if (pattern.isEmpty() && c.numeric && c.numeric->integral)
                pattern = QStringLiteral("[0-9]+");
            if (!pattern.isEmpty())
                evidence.insert(QStringLiteral("pattern"), pattern);
            if (c.distinct == c.count) {
                sink.add(QStringLiteral("unique"), Severity::Warning, cols,
                    tr("%1 is unique in every row (%2 of %3, unique ratio %4)%5: it looks like an "
                       "identifier.")
                        .arg(c.name)
                        .arg(c.distinct)
                        .arg(c.count)
                        .arg(c.distinctShare(), 0, 'f', 2)
                        .arg(pattern.isEmpty() ? QString() : tr(" with pattern %1").arg(pattern)),
                    evidence);
            } else {
                // Declared or inferred an identifier without being unique (a patient seen twice).
                sink.add(QStringLiteral("identifier"), Severity::Info, cols,
                    tr("%1 is treated as an identifier: %2 distinct values in %3 rows (unique ratio %4)%5.")
                        .arg(c.name)
                        .arg(c.distinct)
                        .arg(c.count)
                        .arg(c.distinctShare(), 0, 'f', 2)
                        .arg(pattern.isEmpty() ? QString() : tr(", pattern %1").arg(pattern)),
                    evidence);
            }
            const bool pii = c.text && !c.text->piiKind.isEmpty();
            if (c.semanticType != SemanticType::Id && !pii && c.semanticType != SemanticType::Pii)
                sink.suggest(SuggestedAction::Kind::MarkAsId, c.name, pattern, QStringLiteral("unique"));
        }
        if (c.kind == ProfileKind::Categorical && c.distinct > options.highCardinality) {
            sink.add(QStringLiteral("high_cardinality"), Severity::Warning, cols,
                tr("%1 has %2 distinct categories.").arg(c.name).arg(c.distinct),
                { { QStringLiteral("distinct"), c.distinct } });
        }
        if (c.numeric && c.kind != ProfileKind::Identifier)
            numericAlerts(c, options, sink);
        if (c.text)
            textAlerts(c, sink);
        if (c.dates && c.dates->future > 0) {
            sink.add(QStringLiteral("future_dates"), Severity::Warning, cols,
                tr("%1 has %2 date(s) in the future (latest %3).")
                    .arg(c.name)
                    .arg(c.dates->future)
                    .arg(c.dates->maxText),
                { { QStringLiteral("count"), c.dates->future },
                    { QStringLiteral("max"), c.dates->maxText } });
        }
        if (c.dates && c.dates->largestGapDays > std::max(365.0, 50.0 * c.dates->medianGapDays)) {
            sink.add(QStringLiteral("date_gap"), Severity::Info, cols,
                tr("%1 has a gap of %2 days between %3 and %4.")
                    .arg(c.name)
                    .arg(c.dates->largestGapDays, 0, 'f', 0)
                    .arg(c.dates->gapFrom, c.dates->gapTo),
                { { QStringLiteral("gap_days"), c.dates->largestGapDays },
                    { QStringLiteral("from"), c.dates->gapFrom }, { QStringLiteral("to"), c.dates->gapTo } });
        }
    }

    if (profile.duplicateRows > 0) {
        const double share = rows > 0 ? double(profile.duplicateRows) / double(rows) : 0.0;
        QVariantList examples;
        for (qint64 r : profile.duplicateExamples)
            examples.append(r);
        sink.add(QStringLiteral("duplicate_rows"), Severity::Warning, {},
            tr("%1 row(s) (%2) repeat an earlier row exactly.")
                .arg(profile.duplicateRows)
                .arg(percent(share)),
            { { QStringLiteral("count"), profile.duplicateRows }, { QStringLiteral("share"), share },
                { QStringLiteral("example_rows"), examples } });
    }

    // One alert per highly associated pair, naming every measure that crossed the threshold.
    QMap<QPair<int, int>, QStringList> strong;
    QMap<QPair<int, int>, QVariantMap> strongEvidence;
    for (const Association &a : std::as_const(profile.associations)) {
        if (!std::isfinite(a.value) || std::abs(a.value) < options.correlationThreshold)
            continue;
        const QPair<int, int> key(std::min(a.first, a.second), std::max(a.first, a.second));
        strong[key].append(
            QStringLiteral("%1 %2").arg(associationMethodKey(a.method)).arg(a.value, 0, 'f', 2));
        strongEvidence[key].insert(associationMethodKey(a.method), a.value);
    }
    for (auto it = strong.cbegin(); it != strong.cend(); ++it) {
        const QString a = profile.columns[it.key().first].name, b = profile.columns[it.key().second].name;
        sink.add(QStringLiteral("high_correlation"), Severity::Info, { a, b },
            tr("%1 and %2 are highly associated (%3).").arg(a, b, it.value().join(QStringLiteral(", "))),
            strongEvidence.value(it.key()));
    }

    // Loader findings, placed before the profile's own alerts, minus the ones measured here too.
    static const QHash<QString, QString> sameAs {
        { QStringLiteral("all_missing"), QStringLiteral("all_missing") },
        { QStringLiteral("non_finite_values"), QStringLiteral("non_finite") },
        { QStringLiteral("mixed_date_formats"), QStringLiteral("inconsistent_formats") },
        { QStringLiteral("text_in_numeric_column"), QStringLiteral("mixed_types") },
        { QStringLiteral("constant"), QStringLiteral("constant") },
    };
    QList<Alert> loaderAlerts;
    for (const Diagnostic &d : std::as_const(loaderFindings)) {
        if (!d.column.isEmpty() && sameAs.contains(d.kind)
            && !profile.alertsOf(sameAs.value(d.kind), d.column).isEmpty())
            continue;
        QVariantMap evidence { { QStringLiteral("source"), QStringLiteral("loader") } };
        if (d.line >= 0)
            evidence.insert(QStringLiteral("line"), d.line);
        loaderAlerts.append(Alert { d.kind.isEmpty() ? QStringLiteral("loader") : d.kind, d.severity,
            d.column.isEmpty() ? QStringList() : QStringList { d.column }, d.message, evidence });
    }
    for (qsizetype i = 0; i < loaderAlerts.size(); ++i)
        profile.alerts.insert(profileStart + i, loaderAlerts[i]);

    if (profile.target && profile.target->minorityShare < options.imbalanceShare
        && profile.target->classes.size() >= 2) {
        const TargetBalance &t = *profile.target;
        sink.add(QStringLiteral("imbalanced_target"), Severity::Warning, { t.column },
            tr("The target %1 is imbalanced: the smallest class has %2 of rows (%3).")
                .arg(t.column, percent(t.minorityShare), listOf(t.classes)),
            { { QStringLiteral("minority_share"), t.minorityShare },
                { QStringLiteral("classes"), valueCounts(t.classes, 50) } });
    }
}

} // namespace core::profiling
