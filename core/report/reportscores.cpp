// SPDX-License-Identifier: MIT
#include "core/report/reportscores.h"

#include "core/report/reportbuilder.h"

#include <QJsonArray>
#include <QLocale>
#include <cmath>
#include <limits>

namespace core::reportscores {

namespace {

    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    QString tr(const char *text)
    {
        return ReportBuilder::tr(text);
    }

    double number(const QJsonValue &v)
    {
        return v.isDouble() ? v.toDouble() : kNaN;
    }

    QString decimals(double v, int places)
    {
        return std::isfinite(v) ? QString::number(v, 'f', places) : QStringLiteral("n/a");
    }

    TrafficLight lightFromKey(const QString &key)
    {
        if (key == QLatin1String("green"))
            return TrafficLight::Green;
        if (key == QLatin1String("amber"))
            return TrafficLight::Amber;
        if (key == QLatin1String("red"))
            return TrafficLight::Red;
        return TrafficLight::NotAvailable;
    }

    bool computed(const QJsonObject &family)
    {
        return family.value(QStringLiteral("computed")).toBool(true);
    }

    QString reasonOf(const QJsonObject &family, const QString &fallback)
    {
        const QString reason = family.value(QStringLiteral("reason")).toString();
        return reason.isEmpty() ? fallback : reason;
    }

    /// A score from a JSON rating {value, light, reading}, its value shown by `format`.
    ReportScore fromRating(const QString &name, const QJsonObject &rating, QString (*format)(double))
    {
        ReportScore s;
        s.name = name;
        s.value = number(rating.value(QStringLiteral("value")));
        s.valueText = format(s.value);
        s.light = lightFromKey(rating.value(QStringLiteral("light")).toString());
        s.reading = rating.value(QStringLiteral("reading")).toString();
        return s;
    }

    ReportScore notComputed(const QString &name, const QString &reason)
    {
        return { name, kNaN, QStringLiteral("n/a"), TrafficLight::NotAvailable, reason };
    }

    ReportScore share(const QString &name, double value, TrafficLight light, const QString &reading)
    {
        return { name, value, ReportBuilder::percentText(value),
            std::isfinite(value) ? light : TrafficLight::NotAvailable, reading };
    }

    QString asPercent(double v)
    {
        return ReportBuilder::percentText(v);
    }
    QString asThreeDecimals(double v)
    {
        return decimals(v, 3);
    }
    QString asGap(double v)
    {
        return std::isfinite(v) ? tr("gap %1").arg(v, 0, 'f', 3) : QStringLiteral("n/a");
    }
    QString asWhole(double v)
    {
        return std::isfinite(v) ? QString::number(qint64(std::llround(v))) : QStringLiteral("n/a");
    }

    TrafficLight diagnosticLight(double v)
    {
        return lightHigherIsBetter(v, 0.95, 0.8);
    }

    void readQuality(const QJsonObject &scores, ReportModel &model)
    {
        const QJsonObject quality = scores.value(QStringLiteral("quality")).toObject();
        const QJsonObject diagnostic = scores.value(QStringLiteral("diagnostic")).toObject();
        const double overall = number(quality.value(QStringLiteral("overall")));
        const double shapes = number(quality.value(QStringLiteral("column_shapes")));
        const double pairs = number(quality.value(QStringLiteral("column_pair_trends")));
        const int pairsCounted = quality.value(QStringLiteral("pairs_counted")).toInt();
        model.headline.append(share(tr("Fidelity"), overall, fidelityLight(overall),
            quality.isEmpty()
                ? tr("Not computed.")
                : tr("The synthetic table follows the real one column by column (%1) and pair by pair "
                     "(%2); 100 % = statistically indistinguishable (SDMetrics Quality Report).")
                      .arg(ReportBuilder::percentText(shapes), ReportBuilder::percentText(pairs))));
        model.fidelity.append(share(tr("Column shapes"), shapes, fidelityLight(shapes),
            tr("How well each column's distribution is reproduced (KS and TV complements).")));
        model.fidelity.append(share(tr("Column pair trends"), pairs, fidelityLight(pairs),
            std::isfinite(pairs) ? tr("How well relations between columns are kept, over %1 pair(s) with a "
                                      "clear real trend.")
                                       .arg(pairsCounted)
                                 : tr("No pair of columns shows a clear trend in the real data.")));

        const double diagnosticOverall = number(diagnostic.value(QStringLiteral("overall")));
        const double validity = number(diagnostic.value(QStringLiteral("data_validity")));
        const double structure = number(diagnostic.value(QStringLiteral("data_structure")));
        model.headline.append(share(tr("Diagnostic"), diagnosticOverall, diagnosticLight(diagnosticOverall),
            diagnostic.isEmpty()
                ? tr("Not computed.")
                : tr("Values stay within the real ranges and categories (%1) and the table "
                     "keeps the real columns and types (%2).")
                      .arg(ReportBuilder::percentText(validity), ReportBuilder::percentText(structure))));
        model.fidelity.append(share(tr("Data validity"), validity, diagnosticLight(validity),
            tr("Boundary and category adherence, and unique keys, averaged over the columns.")));
        model.fidelity.append(share(tr("Data structure"), structure, diagnosticLight(structure),
            tr("Share of the real columns the synthetic table has, with the same kind of values.")));
        const QJsonObject newRows = diagnostic.value(QStringLiteral("new_row_synthesis")).toObject();
        const double newShare = number(newRows.value(QStringLiteral("score")));
        model.fidelity.append(share(tr("New rows"), newShare, lightHigherIsBetter(newShare, 0.99, 0.95),
            std::isfinite(newShare) ? tr("%1 of the synthetic rows copy no real row (%2 match one).")
                                          .arg(ReportBuilder::percentText(newShare))
                                          .arg(newRows.value(QStringLiteral("num_matched_rows")).toInteger())
                                    : newRows.value(QStringLiteral("error")).toString()));
    }

    void readDetection(const QJsonObject &scores, ReportModel &model)
    {
        const QJsonObject detection = scores.value(QStringLiteral("detection")).toObject();
        if (detection.isEmpty() || !computed(detection)) {
            const QString reason = reasonOf(detection, tr("Not computed."));
            model.headline.append(notComputed(tr("Detection"), reason));
            return;
        }
        const ReportScore logistic = fromRating(tr("Detection, logistic regression"),
            detection.value(QStringLiteral("logistic")).toObject().value(QStringLiteral("rating")).toObject(),
            asPercent);
        const ReportScore boosted = fromRating(tr("Detection, XGBoost"),
            detection.value(QStringLiteral("xgboost")).toObject().value(QStringLiteral("rating")).toObject(),
            asPercent);
        model.fidelity.append(logistic);
        model.fidelity.append(boosted);
        // The headline is the classifier that tells the tables apart best: the lower score.
        ReportScore worst = !std::isfinite(boosted.value)
                || (std::isfinite(logistic.value) && logistic.value < boosted.value)
            ? logistic
            : boosted;
        worst.name = tr("Detection");
        model.headline.append(worst);
    }

    QString metricName(const QString &key)
    {
        if (key == QLatin1String("accuracy"))
            return tr("accuracy");
        if (key == QLatin1String("macro_f1"))
            return tr("macro F1");
        if (key == QLatin1String("roc_auc"))
            return tr("ROC AUC");
        if (key == QLatin1String("r2"))
            return QStringLiteral("R²");
        if (key == QLatin1String("mae"))
            return tr("MAE");
        return key;
    }

    QString modelName(const QString &key)
    {
        if (key == QLatin1String("xgboost"))
            return QStringLiteral("XGBoost");
        if (key == QLatin1String("logistic_regression"))
            return tr("logistic regression");
        if (key == QLatin1String("linear_regression"))
            return tr("linear regression");
        return key;
    }

    void readUtility(const QJsonObject &scores, ReportModel &model)
    {
        const QJsonObject utility = scores.value(QStringLiteral("utility")).toObject();
        ReportUtility &u = model.utility;
        if (utility.isEmpty() || !computed(utility)) {
            u.computed = false;
            u.reason = reasonOf(utility, tr("Not computed."));
            model.headline.append(notComputed(tr("Utility"), u.reason));
            return;
        }
        u.computed = true;
        u.target = utility.value(QStringLiteral("target")).toString();
        u.task = utility.value(QStringLiteral("task")).toString();
        const QJsonObject rows = utility.value(QStringLiteral("rows")).toObject();
        u.trainRealRows = rows.value(QStringLiteral("train_real")).toInteger();
        u.trainSyntheticRows = rows.value(QStringLiteral("train_synthetic")).toInteger();
        u.testRows = rows.value(QStringLiteral("test_real")).toInteger();
        u.seeds = utility.value(QStringLiteral("seeds")).toInt();
        const QStringList metrics = u.task == QLatin1String("regression")
            ? QStringList { QStringLiteral("r2"), QStringLiteral("mae") }
            : QStringList { QStringLiteral("roc_auc"), QStringLiteral("accuracy"),
                  QStringLiteral("macro_f1") };
        const QJsonObject models = utility.value(QStringLiteral("models")).toObject();
        QStringList order { QStringLiteral("xgboost"), QStringLiteral("logistic_regression"),
            QStringLiteral("linear_regression") };
        for (const QString &key : models.keys()) {
            if (!order.contains(key))
                order.append(key);
        }
        for (const QString &key : order) {
            if (!models.contains(key))
                continue;
            const QJsonObject m = models.value(key).toObject();
            for (const QString &metric : metrics) {
                ReportUtilityRow row;
                row.model = modelName(key);
                row.metric = metricName(metric);
                row.real = number(m.value(QStringLiteral("real")).toObject().value(metric));
                row.synthetic = number(m.value(QStringLiteral("synthetic")).toObject().value(metric));
                row.gap = number(m.value(QStringLiteral("gap")).toObject().value(metric));
                row.gapStd = number(m.value(QStringLiteral("gap_std")).toObject().value(metric));
                u.rows.append(row);
            }
            u.ratings.append(fromRating(modelName(key), m.value(QStringLiteral("rating")).toObject(), asGap));
        }
        const QJsonObject headline = utility.value(QStringLiteral("headline")).toObject();
        if (headline.contains(QStringLiteral("light"))) {
            model.headline.append(fromRating(tr("Utility"), headline, asGap));
        } else if (!u.ratings.isEmpty()) {
            ReportScore first = u.ratings.first();
            first.name = tr("Utility");
            model.headline.append(first);
        } else {
            model.headline.append(notComputed(tr("Utility"), tr("No model could be trained.")));
        }
    }

    void readPrivacy(const QJsonObject &scores, ReportModel &model)
    {
        const QJsonObject privacy = scores.value(QStringLiteral("privacy")).toObject();
        ReportPrivacy &p = model.privacy;
        if (privacy.isEmpty() || !computed(privacy)) {
            p.computed = false;
            p.reason = reasonOf(privacy, tr("Not computed."));
            model.headline.append(notComputed(tr("Privacy"), p.reason));
            return;
        }
        p.computed = true;
        struct Finding {
            const char *key;
            const char *name;
            QString (*format)(double);
        };
        static const Finding kFindings[] = {
            { "dcr", QT_TRANSLATE_NOOP("core::ReportBuilder", "Distance to closest record"),
                asThreeDecimals },
            { "dcr_overfitting_protection",
                QT_TRANSLATE_NOOP("core::ReportBuilder", "DCR overfitting protection"), asPercent },
            { "dcr_baseline_protection", QT_TRANSLATE_NOOP("core::ReportBuilder", "DCR baseline protection"),
                asPercent },
            { "nndr", QT_TRANSLATE_NOOP("core::ReportBuilder", "Nearest-neighbour distance ratio"),
                asThreeDecimals },
            { "exact_copies", QT_TRANSLATE_NOOP("core::ReportBuilder", "Exact copies"), asPercent },
            { "membership_inference", QT_TRANSLATE_NOOP("core::ReportBuilder", "Membership inference (AUC)"),
                asThreeDecimals },
            { "disclosure_protection",
                QT_TRANSLATE_NOOP("core::ReportBuilder", "Attribute disclosure protection"), asPercent },
            { "k_anonymity", QT_TRANSLATE_NOOP("core::ReportBuilder", "k-anonymity"), asWhole },
        };
        for (const Finding &f : kFindings) {
            const QJsonObject rating
                = privacy.value(QLatin1String(f.key)).toObject().value(QStringLiteral("rating")).toObject();
            if (!rating.isEmpty())
                p.findings.append(fromRating(tr(f.name), rating, f.format));
        }
        const QJsonObject headline = privacy.value(QStringLiteral("headline")).toObject();
        if (headline.contains(QStringLiteral("light")))
            model.headline.append(fromRating(tr("Privacy"), headline, asPercent));
        else
            model.headline.append(notComputed(tr("Privacy"), tr("No privacy figure could be computed.")));

        const QJsonArray columns = privacy.value(QStringLiteral("columns")).toArray();
        p.notes.append(
            tr("Distances compare %1 column(s): per column the range-normalised difference capped at 1 "
               "(categories: 0 if equal, else 1), averaged; 0 = identical rows, 1 = as different as "
               "possible.")
                .arg(columns.size()));
        const QJsonObject rows = privacy.value(QStringLiteral("rows")).toObject();
        const qint64 synthetic = rows.value(QStringLiteral("synthetic")).toInteger();
        const qint64 holdout = rows.value(QStringLiteral("holdout")).toInteger();
        const qint64 training = rows.value(QStringLiteral("training")).toInteger();
        const qint64 syntheticProbed
            = privacy.value(QStringLiteral("synthetic_rows_probed")).toInteger(synthetic);
        const qint64 holdoutProbed = privacy.value(QStringLiteral("holdout_rows_probed")).toInteger(holdout);
        p.notes.append(
            tr("Searched %1 synthetic and %2 hold-out row(s) against all %3 training row(s), exactly.")
                .arg(syntheticProbed)
                .arg(holdoutProbed)
                .arg(training));
        if (holdout == 0)
            p.notes.append(tr("No real rows were kept out of training, so the comparisons with unseen rows "
                              "(overfitting protection, membership inference) are not computed."));
    }

} // namespace

TrafficLight fidelityLight(double score)
{
    return lightHigherIsBetter(score, 0.8, 0.6);
}

void read(const QJsonObject &scores, ReportModel &model)
{
    if (scores.contains(QStringLiteral("error")) && !scores.contains(QStringLiteral("quality")))
        model.scoresError = scores.value(QStringLiteral("error")).toString();
    readQuality(scores, model);
    readDetection(scores, model);
    readUtility(scores, model);
    readPrivacy(scores, model);
    model.thresholds = {
        tr("Fidelity, column shapes, pair trends and each column: green from 80 %, amber from 60 %, else "
           "red."),
        tr("Diagnostic, data validity and structure: green from 95 %, amber from 80 %; new rows: green from "
           "99 %, "
           "amber from 95 %."),
        tr("Detection (1 - (2 max(AUC, 0.5) - 1), averaged over 3 folds): green from 80 %, amber from 50 %."),
        tr("Utility (ROC AUC or R² trained on real minus trained on synthetic): green up to 0.05, amber up "
           "to 0.15."),
        tr("Privacy: each finding as documented (DCR share below the hold-out 5th percentile up to 10 % "
           "green, 20 % "
           "amber; overfitting protection from 80 % green, 60 % amber; membership AUC up to 0.55 green, 0.60 "
           "amber; "
           "exact copies above the hold-out's rate up to 1 % green, 5 % amber; k from 5 green, 2 amber)."),
    };
}

} // namespace core::reportscores
