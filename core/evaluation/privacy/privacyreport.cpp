// SPDX-License-Identifier: MIT
#include "core/evaluation/privacy/privacyreport.h"

#include "core/stats/quantiles.h"

#include <QJsonArray>

#include <cmath>

namespace core::privacy {

namespace {

struct SearchOutcome {
    Neighbours neighbours;
    EncodedRows queryKeys;
    EncodedRows referenceKeys;
};

Result<SearchOutcome> searchPair(const Table &query, const Table &reference, const Schema &schema,
                                 const QStringList &columns, int k, int threads, JobContext &job)
{
    auto encoding = MixedDistanceEncoding::encode(query, reference, schema, columns);
    if (!encoding)
        return encoding.error();
    NeighbourSearchOptions options;
    options.k = k;
    options.threads = threads;
    auto found = nearestNeighbours(encoding.value().query(), encoding.value().reference(), options, job);
    if (!found)
        return found.error();
    return SearchOutcome { std::move(found.value()), encoding.value().queryKeys(), encoding.value().referenceKeys() };
}

// Progress of the nested searches mapped into one job-wide fraction.
class StageJob final : public JobContext {
public:
    StageJob(JobContext &outer, double from, double to, QString stage)
        : m_outer(outer), m_from(from), m_to(to), m_stage(std::move(stage))
    {
    }
    bool isCancelled() const override { return m_outer.isCancelled(); }
    void reportProgress(double fraction, const QString &) override
    {
        m_outer.reportProgress(m_from + (m_to - m_from) * fraction, m_stage);
    }

private:
    JobContext &m_outer;
    double m_from;
    double m_to;
    QString m_stage;
};

QString percent(double share)
{
    return QString::number(100.0 * share, 'f', 1) + QStringLiteral(" %");
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

Result<PrivacyReport> PrivacyEvaluator::evaluate(const Table &training, const Table &holdout,
                                                 const Table &synthetic, const Schema &schema,
                                                 const PrivacyOptions &options, JobContext &job)
{
    PrivacyReport report;
    report.trainingRows = training.rowCount();
    report.holdoutRows = holdout.rowCount();
    report.syntheticRows = synthetic.rowCount();
    if (training.rowCount() == 0 || synthetic.rowCount() == 0)
        return Error { Error::Code::InvalidInput, tr("Privacy metrics need real training rows and synthetic rows."),
                       {} };
    report.columns = options.distanceColumns.isEmpty()
        ? MixedDistanceEncoding::distanceColumns(schema, synthetic, training)
        : options.distanceColumns;
    const bool withHoldout = holdout.rowCount() > 0;
    const double stages = withHoldout ? 6.0 : 2.0;
    double stage = 0.0;
    const auto next = [&](const QString &name) {
        StageJob sub(job, stage / stages, (stage + 1.0) / stages, name);
        stage += 1.0;
        return sub;
    };

    // Synthetic -> training: DCR, NNDR, exact copies.
    {
        StageJob sub = next(tr("Distances to training rows"));
        auto st = searchPair(synthetic, training, schema, report.columns, 2, options.threads, sub);
        if (!st)
            return st.error();
        report.syntheticDcr = summarizeDistances(st.value().neighbours.distance1);
        const std::vector<double> ratios = stats::sortedFinite(neighbourDistanceRatios(st.value().neighbours));
        report.nndrMedian = stats::quantileSorted(ratios, 0.5);
        report.nndrP10 = stats::quantileSorted(ratios, 0.1);
        report.exactCopyRate = exactCopyRate(st.value().queryKeys, st.value().referenceKeys);
        // DCRBaselineProtection reuses these distances: its synthetic side is exactly this DCR.
        report.baseline.syntheticMedian = report.syntheticDcr.median;

        if (withHoldout) {
            StageJob hsub = next(tr("Hold-out distances"));
            auto ht = searchPair(holdout, training, schema, report.columns, 2, options.threads, hsub);
            if (!ht)
                return ht.error();
            const Eigen::VectorXd &holdoutDcr = ht.value().neighbours.distance1;
            report.holdoutDcr = summarizeDistances(holdoutDcr);
            const std::vector<double> holdoutRatios
                = stats::sortedFinite(neighbourDistanceRatios(ht.value().neighbours));
            report.holdoutNndrP10 = stats::quantileSorted(holdoutRatios, 0.1);
            report.holdoutExactCopyRate = exactCopyRate(ht.value().queryKeys, ht.value().referenceKeys);
            const double p5 = report.holdoutDcr->p5;
            const Eigen::VectorXd &dcr = st.value().neighbours.distance1;
            report.shareBelowHoldoutP5 = double((dcr.array() < p5).count()) / double(dcr.size());

            StageJob shsub = next(tr("Distances to hold-out rows"));
            auto sh = searchPair(synthetic, holdout, schema, report.columns, 1, options.threads, shsub);
            if (!sh)
                return sh.error();
            report.overfitting = dcrOverfittingFromDistances(dcr, sh.value().neighbours.distance1,
                                                             training.rowCount(), holdout.rowCount());

            StageJob tssub = next(tr("Membership attack"));
            auto ts = searchPair(training, synthetic, schema, report.columns, 1, options.threads, tssub);
            if (!ts)
                return ts.error();
            StageJob hssub = next(tr("Membership attack"));
            auto hs = searchPair(holdout, synthetic, schema, report.columns, 1, options.threads, hssub);
            if (!hs)
                return hs.error();
            MembershipInferenceResult membership;
            membership.auc = rocAuc(-ts.value().neighbours.distance1, -hs.value().neighbours.distance1);
            membership.memberMedianDistance = summarizeDistances(ts.value().neighbours.distance1).median;
            membership.nonMemberMedianDistance = summarizeDistances(hs.value().neighbours.distance1).median;
            report.membership = membership;
        }
    }

    {
        StageJob sub = next(tr("Random baseline"));
        const Table random = randomDomainTable(training, schema, report.columns, synthetic.rowCount(), options.seed);
        auto rt = searchPair(random, training, schema, report.columns, 1, options.threads, sub);
        if (!rt)
            return rt.error();
        report.baseline.randomMedian = summarizeDistances(rt.value().neighbours.distance1).median;
        report.baseline.score = report.baseline.randomMedian == 0.0
            ? qQNaN()
            : std::min(report.baseline.syntheticMedian / report.baseline.randomMedian, 1.0);
    }

    report.sensitiveColumns = options.sensitiveColumns;
    report.capMethod = options.capMethod;
    if (!options.sensitiveColumns.isEmpty()) {
        QStringList known = options.knownColumns.isEmpty() ? options.quasiIdentifiers : options.knownColumns;
        if (known.isEmpty()) {
            for (const QString &name : report.columns) {
                if (!options.sensitiveColumns.contains(name))
                    known.append(name);
            }
        }
        report.knownColumns = known;
        DisclosureOptions disclosure;
        disclosure.knownColumns = known;
        disclosure.sensitiveColumns = options.sensitiveColumns;
        disclosure.method = options.capMethod;
        auto result = Disclosure::protection(training, synthetic, schema, disclosure);
        if (!result)
            return result.error();
        report.disclosure = result.value();
    }

    report.quasiIdentifiers = options.quasiIdentifiers.isEmpty() ? options.knownColumns : options.quasiIdentifiers;
    if (!report.quasiIdentifiers.isEmpty()) {
        auto result = kAnonymity(synthetic, report.quasiIdentifiers, options.kAnonymityThreshold);
        if (!result)
            return result.error();
        report.kAnonymity = result.value();
    }
    job.reportProgress(1.0, tr("Privacy metrics done"));
    rate(report);
    return report;
}

// Traffic-light thresholds (documented in privacyToJson's key list too):
//  dcr                  share of synthetic rows closer to training than the hold-out's 5th
//                       percentile: green <= 0.10, amber <= 0.20 (a fresh sample gives 0.05);
//                       without hold-out the light follows dcr_baseline_protection.
//  dcr_overfitting      score >= 0.8 green, >= 0.6 amber.
//  dcr_baseline         score >= 0.5 green, >= 0.25 amber.
//  nndr                 p10 / hold-out p10 >= 0.9 green, >= 0.7 amber; without hold-out p10
//                       >= 0.5 green, >= 0.3 amber.
//  exact_copies         rate minus the hold-out's rate <= 0.01 green, <= 0.05 amber.
//  membership_inference AUC <= 0.55 green, <= 0.60 amber.
//  disclosure           score >= 0.8 green, >= 0.5 amber.
//  k_anonymity          k >= threshold (5) green, k >= 2 amber, k = 1 red.
void PrivacyEvaluator::rate(PrivacyReport &report)
{
    if (report.holdoutDcr) {
        const double share = report.shareBelowHoldoutP5;
        report.dcrRating = { share, lightLowerIsBetter(share, 0.10, 0.20),
                             tr("%1 of synthetic rows lie closer to a training row than 95 % of real hold-out rows "
                                "do (about 5 % is expected).")
                                 .arg(percent(share)) };
    } else {
        report.dcrRating = { report.syntheticDcr.median,
                             lightHigherIsBetter(report.baseline.score, 0.5, 0.25),
                             tr("Half of the synthetic rows are within a distance of %1 of a training row "
                                "(0 = identical, 1 = as different as possible).")
                                 .arg(report.syntheticDcr.median, 0, 'f', 3) };
    }
    if (report.overfitting) {
        const DcrOverfittingResult &o = *report.overfitting;
        QString reading = tr("%1 of synthetic rows are closer to the training rows than to the hold-out rows.")
                              .arg(percent(o.closerToTrainingShare));
        if (o.holdoutSmall)
            reading += tr(" The hold-out is less than half the training set, which lowers this score.");
        report.overfittingRating = { o.score, lightHigherIsBetter(o.score, 0.8, 0.6), reading };
    } else {
        report.overfittingRating = { qQNaN(), TrafficLight::NotAvailable,
                                     tr("Not computed: no hold-out rows were given.") };
    }
    report.baselineRating = { report.baseline.score, lightHigherIsBetter(report.baseline.score, 0.5, 0.25),
                              std::isnan(report.baseline.score)
                                  ? tr("Not computed: random rows coincide with real rows.")
                                  : tr("Synthetic rows are %1 as far from real rows as random rows are (100 % = "
                                       "as far as random).")
                                        .arg(percent(report.baseline.score)) };
    if (!std::isnan(report.holdoutNndrP10) && report.holdoutNndrP10 > 0.0) {
        const double relative = report.nndrP10 / report.holdoutNndrP10;
        report.nndrRating = { report.nndrP10, lightHigherIsBetter(relative, 0.9, 0.7),
                              tr("The 10 % lowest nearest-neighbour ratios of synthetic rows (%1) compare with %2 "
                                 "for real hold-out rows; lower means rows stand out close to one real person.")
                                  .arg(report.nndrP10, 0, 'f', 3)
                                  .arg(report.holdoutNndrP10, 0, 'f', 3) };
    } else {
        report.nndrRating = { report.nndrP10, lightHigherIsBetter(report.nndrP10, 0.5, 0.3),
                              tr("The 10 % lowest nearest-neighbour ratios of synthetic rows are %1; "
                                 "values near 0 mean rows sit right next to one real person.")
                                  .arg(report.nndrP10, 0, 'f', 3) };
    }
    {
        const double natural = std::isnan(report.holdoutExactCopyRate) ? 0.0 : report.holdoutExactCopyRate;
        const double excess = report.exactCopyRate - natural;
        QString reading = tr("%1 of synthetic rows are exact copies of a training row").arg(percent(report.exactCopyRate));
        reading += std::isnan(report.holdoutExactCopyRate)
            ? QStringLiteral(".")
            : tr(" (real hold-out rows: %1).").arg(percent(report.holdoutExactCopyRate));
        report.exactCopyRating = { report.exactCopyRate, lightLowerIsBetter(excess, 0.01, 0.05), reading };
    }
    if (report.membership) {
        const double auc = report.membership->auc;
        report.membershipRating = { auc, lightLowerIsBetter(auc, 0.55, 0.60),
                                    tr("An attacker guessing who was in the training data from the synthetic rows "
                                       "scores an AUC of %1 (0.5 = pure guessing).")
                                        .arg(auc, 0, 'f', 3) };
    } else {
        report.membershipRating = { qQNaN(), TrafficLight::NotAvailable,
                                    tr("Not computed: no hold-out rows were given.") };
    }
    if (report.disclosure) {
        const DisclosureResult &d = *report.disclosure;
        report.disclosureRating = { d.score, lightHigherIsBetter(d.score, 0.8, 0.5),
                                    std::isnan(d.score)
                                        ? tr("Not computable: no real row's known values occur in the synthetic "
                                             "table, or the sensitive columns hold a single value.")
                                        : tr("Guessing %1 from %2 in the synthetic data works %3 as rarely as "
                                             "guessing blindly (100 % = no better than a blind guess).")
                                              .arg(report.sensitiveColumns.join(QStringLiteral(", ")),
                                                   report.knownColumns.join(QStringLiteral(", ")), percent(d.score)) };
    } else {
        report.disclosureRating = { qQNaN(), TrafficLight::NotAvailable,
                                    tr("Not computed: no sensitive column was chosen.") };
    }
    if (report.kAnonymity) {
        const KAnonymityResult &k = *report.kAnonymity;
        const TrafficLight light = k.k >= k.threshold ? TrafficLight::Green
            : k.k >= 2                               ? TrafficLight::Amber
                                                     : TrafficLight::Red;
        report.kAnonymityRating = { double(k.k), light,
                                    tr("Every combination of %1 is shared by at least %2 synthetic rows; %3 of rows "
                                       "are in groups smaller than %4.")
                                        .arg(report.quasiIdentifiers.join(QStringLiteral(", ")))
                                        .arg(k.k)
                                        .arg(percent(k.belowThresholdShare))
                                        .arg(k.threshold) };
    } else {
        report.kAnonymityRating = { qQNaN(), TrafficLight::NotAvailable,
                                    tr("Not computed: no quasi-identifier was chosen.") };
    }
}

// The "privacy" object of `healthsynth-cli evaluate --json` (README: copy this list).
// Distances are SDMetrics' DCR distance (metrics.md section 5): per column range-normalised
// |x - y| capped at 1 (categories 0/1), averaged over columns, so 0 = identical, 1 = maximal.
// Every "rating" is { value, light: green|amber|red|n/a, reading }. null = not computable.
//  privacy.columns                               columns compared by the distances
//  privacy.rows.training|holdout|synthetic       row counts used
//  privacy.dcr.median, .p5, .mean                DCR of synthetic rows to their closest training row
//  privacy.dcr.holdout_median, .holdout_p5, .holdout_mean
//                                                the same for real hold-out rows (the baseline)
//  privacy.dcr.share_below_holdout_p5            share of synthetic DCRs below the hold-out's p5 (0.05 expected)
//  privacy.dcr.share_closer_than_holdout         share of synthetic rows closer to a training row than to any
//                                                hold-out row (strict; DCROverfittingProtection's p)
//  privacy.dcr.rating                            light on share_below_holdout_p5 (<= 0.10 green, <= 0.20 amber)
//  privacy.dcr_overfitting_protection.score      min(2 (1 - p), 1)  (>= 0.8 green, >= 0.6 amber)
//  privacy.dcr_overfitting_protection.holdout_small  hold-out < half the training rows (score biased down)
//  privacy.dcr_baseline_protection.score         min(median DCR synthetic / median DCR random rows, 1)
//                                                (>= 0.5 green, >= 0.25 amber)
//  privacy.dcr_baseline_protection.synthetic_median, .random_median
//  privacy.nndr.median, .p10                     nearest / second-nearest training distance ratio of synthetic rows
//                                                ((d1 + 1e-8) / (d2 + 1e-8))
//  privacy.nndr.holdout_p10                      the same for hold-out rows; light on p10 / holdout_p10
//                                                (>= 0.9 green, >= 0.7 amber)
//  privacy.exact_copies.rate                     share of synthetic rows equal to a training row on every column
//  privacy.exact_copies.holdout_rate             share of hold-out rows equal to a training row (natural duplicates);
//                                                light on rate - holdout_rate (<= 0.01 green, <= 0.05 amber)
//  privacy.membership_inference.auc              distance attack, training rows vs hold-out rows scored by their
//                                                distance to the synthetic table (0.5 ideal; <= 0.55 green, <= 0.60 amber)
//  privacy.membership_inference.member_median_distance, .non_member_median_distance
//  privacy.disclosure_protection.score           DisclosureProtection (CAP attack; >= 0.8 green, >= 0.5 amber)
//  privacy.disclosure_protection.cap_protection, .baseline, .method, .attacked_rows,
//                                  .known_columns, .sensitive_columns, .many_rows
//  privacy.k_anonymity.k                         smallest equivalence class of the synthetic table on the
//                                                quasi-identifiers (>= threshold green, >= 2 amber, 1 red)
//  privacy.k_anonymity.classes, .unique_share, .below_threshold_share, .threshold, .quasi_identifiers
QJsonObject privacyToJson(const PrivacyReport &report)
{
    QJsonObject out;
    out.insert(QStringLiteral("columns"), toArray(report.columns));
    out.insert(QStringLiteral("rows"), QJsonObject { { QStringLiteral("training"), double(report.trainingRows) },
                                                     { QStringLiteral("holdout"), double(report.holdoutRows) },
                                                     { QStringLiteral("synthetic"), double(report.syntheticRows) } });
    QJsonObject dcr { { QStringLiteral("median"), jsonNumber(report.syntheticDcr.median) },
                      { QStringLiteral("p5"), jsonNumber(report.syntheticDcr.p5) },
                      { QStringLiteral("mean"), jsonNumber(report.syntheticDcr.mean) },
                      { QStringLiteral("share_below_holdout_p5"), jsonNumber(report.shareBelowHoldoutP5) },
                      { QStringLiteral("rating"), ratedScoreToJson(report.dcrRating) } };
    dcr.insert(QStringLiteral("holdout_median"), jsonNumber(report.holdoutDcr ? report.holdoutDcr->median : qQNaN()));
    dcr.insert(QStringLiteral("holdout_p5"), jsonNumber(report.holdoutDcr ? report.holdoutDcr->p5 : qQNaN()));
    dcr.insert(QStringLiteral("holdout_mean"), jsonNumber(report.holdoutDcr ? report.holdoutDcr->mean : qQNaN()));
    dcr.insert(QStringLiteral("share_closer_than_holdout"),
               jsonNumber(report.overfitting ? report.overfitting->closerToTrainingShare : qQNaN()));
    out.insert(QStringLiteral("dcr"), dcr);
    out.insert(QStringLiteral("dcr_overfitting_protection"),
               QJsonObject { { QStringLiteral("score"), jsonNumber(report.overfittingRating.value) },
                             { QStringLiteral("holdout_small"), report.overfitting && report.overfitting->holdoutSmall },
                             { QStringLiteral("rating"), ratedScoreToJson(report.overfittingRating) } });
    out.insert(QStringLiteral("dcr_baseline_protection"),
               QJsonObject { { QStringLiteral("score"), jsonNumber(report.baseline.score) },
                             { QStringLiteral("synthetic_median"), jsonNumber(report.baseline.syntheticMedian) },
                             { QStringLiteral("random_median"), jsonNumber(report.baseline.randomMedian) },
                             { QStringLiteral("rating"), ratedScoreToJson(report.baselineRating) } });
    out.insert(QStringLiteral("nndr"), QJsonObject { { QStringLiteral("median"), jsonNumber(report.nndrMedian) },
                                                     { QStringLiteral("p10"), jsonNumber(report.nndrP10) },
                                                     { QStringLiteral("holdout_p10"), jsonNumber(report.holdoutNndrP10) },
                                                     { QStringLiteral("rating"), ratedScoreToJson(report.nndrRating) } });
    out.insert(QStringLiteral("exact_copies"),
               QJsonObject { { QStringLiteral("rate"), jsonNumber(report.exactCopyRate) },
                             { QStringLiteral("holdout_rate"), jsonNumber(report.holdoutExactCopyRate) },
                             { QStringLiteral("rating"), ratedScoreToJson(report.exactCopyRating) } });
    QJsonObject membership { { QStringLiteral("rating"), ratedScoreToJson(report.membershipRating) } };
    membership.insert(QStringLiteral("auc"), jsonNumber(report.membership ? report.membership->auc : qQNaN()));
    membership.insert(QStringLiteral("member_median_distance"),
                      jsonNumber(report.membership ? report.membership->memberMedianDistance : qQNaN()));
    membership.insert(QStringLiteral("non_member_median_distance"),
                      jsonNumber(report.membership ? report.membership->nonMemberMedianDistance : qQNaN()));
    out.insert(QStringLiteral("membership_inference"), membership);
    QJsonObject disclosure { { QStringLiteral("rating"), ratedScoreToJson(report.disclosureRating) },
                             { QStringLiteral("known_columns"), toArray(report.knownColumns) },
                             { QStringLiteral("sensitive_columns"), toArray(report.sensitiveColumns) } };
    if (report.disclosure) {
        disclosure.insert(QStringLiteral("score"), jsonNumber(report.disclosure->score));
        disclosure.insert(QStringLiteral("cap_protection"), jsonNumber(report.disclosure->capProtection));
        disclosure.insert(QStringLiteral("baseline"), jsonNumber(report.disclosure->baseline));
        disclosure.insert(QStringLiteral("attacked_rows"), double(report.disclosure->attackedRows));
        disclosure.insert(QStringLiteral("many_rows"), report.disclosure->manyRows);
        disclosure.insert(QStringLiteral("method"), capMethodKey(report.capMethod));
    } else {
        disclosure.insert(QStringLiteral("score"), QJsonValue::Null);
    }
    out.insert(QStringLiteral("disclosure_protection"), disclosure);
    QJsonObject k { { QStringLiteral("rating"), ratedScoreToJson(report.kAnonymityRating) },
                    { QStringLiteral("quasi_identifiers"), toArray(report.quasiIdentifiers) } };
    if (report.kAnonymity) {
        k.insert(QStringLiteral("k"), double(report.kAnonymity->k));
        k.insert(QStringLiteral("classes"), double(report.kAnonymity->classCount));
        k.insert(QStringLiteral("unique_share"), jsonNumber(report.kAnonymity->uniqueShare));
        k.insert(QStringLiteral("below_threshold_share"), jsonNumber(report.kAnonymity->belowThresholdShare));
        k.insert(QStringLiteral("threshold"), report.kAnonymity->threshold);
    } else {
        k.insert(QStringLiteral("k"), QJsonValue::Null);
    }
    out.insert(QStringLiteral("k_anonymity"), k);
    return out;
}

} // namespace core::privacy
