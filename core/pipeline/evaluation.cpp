// SPDX-License-Identifier: MIT
#include "core/pipeline/evaluation.h"

#include "core/evaluation/privacy/privacyreport.h"
#include "core/evaluation/quality/diagnosticreport.h"
#include "core/evaluation/quality/qualityjson.h"
#include "core/evaluation/quality/qualityreport.h"
#include "core/evaluation/utility/detection.h"
#include "core/evaluation/utility/utilityreport.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace core {

namespace {

// Privacy figures rest on nearest-neighbour searches whose cost grows with
// (synthetic + hold-out rows) x training rows; beyond this many rows a seeded random subset
// of the synthetic and hold-out rows is searched (every training row stays a candidate).
constexpr qint64 kPrivacyProbeRows = 20000;

constexpr qint64 kDetectionRows = 5000;

Table probeRows(const Table &table, quint64 seed, qint64 limit = kPrivacyProbeRows)
{
    if (table.rowCount() <= limit)
        return table;
    std::vector<qint64> rows(size_t(table.rowCount()));
    std::iota(rows.begin(), rows.end(), 0);
    std::mt19937_64 rng(seed);
    for (qint64 i = 0; i < limit; ++i) {
        const qint64 j = i + qint64(rng() % quint64(table.rowCount() - i));
        std::swap(rows[size_t(i)], rows[size_t(j)]);
    }
    rows.resize(size_t(limit));
    std::sort(rows.begin(), rows.end());
    return table.selectRows(rows);
}

// The one rated figure a summary card shows for a family: the first of `keys` that was rated.
QJsonObject headline(const QJsonObject &family, const QStringList &keys)
{
    for (const QString &key : keys) {
        const QJsonObject rating = family.value(key).toObject().value(QStringLiteral("rating")).toObject();
        if (rating.value(QStringLiteral("value")).isDouble())
            return rating;
    }
    return {};
}

QJsonObject notComputed(const QString &reason)
{
    return { { QStringLiteral("computed"), false }, { QStringLiteral("reason"), reason } };
}

} // namespace

Result<QJsonObject> Evaluation::run(const EvaluationRequest &request, JobContext &job)
{
    Q_ASSERT(request.real && request.synthetic);
    const Table &real = *request.real;
    const Table &synthetic = *request.synthetic;
    static const Table kNoRows;
    const Table &holdout = request.holdout ? *request.holdout : kNoRows;

    // One pass with every pair scored; the current mode only filters pairs by the real data's trend.
    ScaledJob qualityJob(job, 0.0, 0.4);
    Result<QualityReport> allPairs = computeQualityReport(real, synthetic, request.schema, QualityOptions::allPairs(), qualityJob);
    if (!allPairs.ok())
        return allPairs.error();
    const QualityOptions current = QualityOptions::current();
    const QualityReport currentMode
        = withThresholds(allPairs.value(), current.realCorrelationThreshold, current.realAssociationThreshold);

    ScaledJob diagnosticJob(job, 0.4, 0.5);
    Result<DiagnosticReport> diagnostic = computeDiagnosticReport(real, synthetic, request.schema, {}, diagnosticJob);
    if (!diagnostic.ok())
        return diagnostic.error();
    QJsonObject out = qualityToJson(request.schema, currentMode, allPairs.value(), diagnostic.value());

    if (request.privacy) {
        privacy::PrivacyOptions options;
        options.sensitiveColumns = request.sensitiveColumns;
        options.quasiIdentifiers = request.quasiIdentifiers;
        ScaledJob privacyJob(job, 0.5, 0.9);
        const Table syntheticProbe = probeRows(synthetic, 1);
        const Table holdoutProbe = probeRows(holdout, 2);
        Result<privacy::PrivacyReport> report = privacy::PrivacyEvaluator::evaluate(
            real, holdoutProbe, syntheticProbe, request.schema, options, privacyJob);
        if (!report.ok()) {
            if (report.error().code == Error::Code::Cancelled)
                return report.error();
            out.insert(QStringLiteral("privacy"), notComputed(report.error().toString()));
        } else {
            QJsonObject privacy = privacy::privacyToJson(report.value());
            // Say so when the figures describe a subset, so nobody reads them as exhaustive.
            privacy.insert(QStringLiteral("probe_rows_limit"), double(kPrivacyProbeRows));
            privacy.insert(QStringLiteral("synthetic_rows_probed"), double(syntheticProbe.rowCount()));
            privacy.insert(QStringLiteral("holdout_rows_probed"), double(holdoutProbe.rowCount()));
            // With unseen rows, "closer to training than to unseen rows?" is the telling test;
            // without them, whether rows were copied.
            privacy.insert(QStringLiteral("headline"),
                           headline(privacy, { QStringLiteral("dcr_overfitting_protection"), QStringLiteral("exact_copies") }));
            out.insert(QStringLiteral("privacy"), privacy);
        }
    }
    if (request.detection) {
        // Classifiers see a seeded subset of each table: a few thousand rows already tell
        // apart tables that differ, and wide one-hot encodings make more rows costly.
        ScaledJob detectionJob(job, 0.9, 0.95);
        Result<utility::DetectionReport> report = utility::Detection::evaluate(
            probeRows(real, 3, kDetectionRows), probeRows(synthetic, 4, kDetectionRows), request.schema, {},
            detectionJob);
        if (!report.ok() && report.error().code == Error::Code::Cancelled)
            return report.error();
        out.insert(QStringLiteral("detection"), report.ok() ? utility::detectionToJson(report.value())
                                                            : notComputed(report.error().toString()));
    }

    if (request.target.isEmpty()) {
        out.insert(QStringLiteral("utility"), notComputed(tr("No prediction target was chosen.")));
    } else if (holdout.rowCount() == 0) {
        out.insert(QStringLiteral("utility"),
                   notComputed(tr("Utility needs real rows kept out of training; set a hold-out share.")));
    } else {
        utility::UtilityOptions options;
        options.target = request.target;
        ScaledJob utilityJob(job, 0.95, 1.0);
        Result<utility::UtilityReport> report
            = utility::Utility::evaluate(real, synthetic, holdout, request.schema, options, utilityJob);
        if (!report.ok() && report.error().code == Error::Code::Cancelled)
            return report.error();
        QJsonObject json = report.ok() ? utility::utilityToJson(report.value()) : notComputed(report.error().toString());
        if (report.ok())
            json.insert(QStringLiteral("headline"),
                        headline(json.value(QStringLiteral("models")).toObject(), { QStringLiteral("xgboost") }));
        out.insert(QStringLiteral("utility"), json);
    }
    job.reportProgress(1.0, tr("Scores ready"));
    return out;
}

} // namespace core
