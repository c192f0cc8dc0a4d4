// SPDX-License-Identifier: MIT
#include "core/evaluation/quality/qualityreport.h"

#include "core/evaluation/quality/preparedcolumns.h"
#include "core/evaluation/quality/singlecolumnmetrics.h"

#include <QCoreApplication>
#include <cmath>

namespace core {

namespace {

using metrics::ColumnShape;
using metrics::PreparedColumn;

QString tr(const char *text)
{
    return QCoreApplication::translate("core::QualityReport", text);
}

double nanMean(const QList<double> &values)
{
    double sum = 0.0;
    int count = 0;
    for (double v : values) {
        if (!std::isnan(v)) {
            sum += v;
            ++count;
        }
    }
    return count == 0 ? std::numeric_limits<double>::quiet_NaN() : sum / double(count);
}

ColumnShapeScore scoreColumn(const PreparedColumn &column)
{
    ColumnShapeScore out;
    out.column = column.name;
    out.type = column.type;
    out.metric = column.shape == ColumnShape::Continuous ? QStringLiteral("KSComplement")
                                                         : QStringLiteral("TVComplement");
    if (!column.error.isEmpty()) {
        out.error = column.error;
        return out;
    }
    out.realMissingRate = column.real->missingRate();
    out.syntheticMissingRate = column.synthetic->missingRate();
    out.missingValueSimilarity = metrics::missingValueSimilarity(*column.real, *column.synthetic).score;
    metrics::MetricResult shape;
    if (column.shape == ColumnShape::Continuous) {
        // Datetimes are integers in the reference: no float-noise rounding for them.
        shape = metrics::ksComplement(
            column.realValues, column.syntheticValues, column.type != SemanticType::DateTime);
        out.coverage = metrics::rangeCoverage(column.realValues, column.syntheticValues).score;
        out.meanSimilarity = metrics::statisticSimilarity(
            column.realValues, column.syntheticValues, metrics::Statistic::Mean)
                                 .score;
        out.stdSimilarity = metrics::statisticSimilarity(
            column.realValues, column.syntheticValues, metrics::Statistic::StandardDeviation)
                                .score;
        out.medianSimilarity = metrics::statisticSimilarity(
            column.realValues, column.syntheticValues, metrics::Statistic::Median)
                                   .score;
    } else {
        shape = metrics::tvComplement(column.codes.real, column.codes.synthetic);
        out.coverage = metrics::categoryCoverage(column.codes.real, column.codes.synthetic).score;
    }
    out.score = shape.score;
    out.error = shape.error;
    out.note = shape.note;
    return out;
}

// What a pair needs from a column: codes for contingency (the column's own, or for a
// continuous column its digitised values) and the raw values for correlation.
struct PairInput {
    const PreparedColumn *column = nullptr;
    std::vector<std::int32_t> binnedReal; // continuous only: digitize on own edges
    std::vector<std::int32_t> binnedSynthetic; // continuous only

    std::span<const std::int32_t> realCodes() const
    {
        return column->shape == ColumnShape::Continuous ? std::span<const std::int32_t>(binnedReal)
                                                        : std::span<const std::int32_t>(column->codes.real);
    }
    std::span<const std::int32_t> syntheticCodes() const
    {
        return column->shape == ColumnShape::Continuous
            ? std::span<const std::int32_t>(binnedSynthetic)
            : std::span<const std::int32_t>(column->codes.synthetic);
    }
};

PairTrendScore scorePair(const PairInput &a, const PairInput &b, const QualityOptions &options,
    qint64 realRows, qint64 syntheticRows)
{
    PairTrendScore out;
    out.column1 = a.column->name;
    out.column2 = b.column->name;
    const bool bothContinuous
        = a.column->shape == ColumnShape::Continuous && b.column->shape == ColumnShape::Continuous;
    out.metric
        = bothContinuous ? QStringLiteral("CorrelationSimilarity") : QStringLiteral("ContingencySimilarity");
    if (!a.column->error.isEmpty() || !b.column->error.isEmpty()) {
        out.error = !a.column->error.isEmpty() ? a.column->error : b.column->error;
        return out;
    }
    if (bothContinuous) {
        // Threshold 0 here: the score is kept for every pair, the mode decides what counts.
        const metrics::CorrelationResult r = metrics::correlationSimilarity(a.column->realValues,
            b.column->realValues, a.column->syntheticValues, b.column->syntheticValues, options.coefficient,
            0.0, a.column->name, b.column->name);
        out.score = r.score;
        out.error = r.error;
        out.realCorrelation = r.realCorrelation;
        out.syntheticCorrelation = r.syntheticCorrelation;
        return out;
    }
    metrics::ContingencyOptions contingency;
    // The reference subsamples only when a table is larger than the sample.
    if (options.contingencySubsampleRows > 0
        && std::max(realRows, syntheticRows) > options.contingencySubsampleRows) {
        contingency.subsampleRows = options.contingencySubsampleRows;
        contingency.seed = options.seed;
    }
    const metrics::ContingencyResult c = metrics::contingencySimilarity(
        a.realCodes(), b.realCodes(), a.syntheticCodes(), b.syntheticCodes(), contingency);
    out.score = c.score;
    out.error = c.error;
    out.realAssociation = c.realAssociation;
    return out;
}

} // namespace

QualityReport withThresholds(
    QualityReport report, double realCorrelationThreshold, double realAssociationThreshold)
{
    report.realCorrelationThreshold = realCorrelationThreshold;
    report.realAssociationThreshold = realAssociationThreshold;
    double sum = 0.0;
    int count = 0;
    for (PairTrendScore &pair : report.pairs) {
        const bool correlation = pair.metric == QLatin1StringView("CorrelationSimilarity");
        const double trend = correlation ? std::fabs(pair.realCorrelation) : pair.realAssociation;
        const double threshold = correlation ? realCorrelationThreshold : realAssociationThreshold;
        pair.meetsThreshold
            = !std::isnan(pair.score) && (threshold <= 0.0 || (!std::isnan(trend) && trend > threshold));
        if (pair.meetsThreshold) {
            sum += pair.score;
            ++count;
        }
    }
    report.pairsCounted = count;
    report.columnPairTrends = count == 0 ? std::numeric_limits<double>::quiet_NaN() : sum / double(count);
    QList<double> shapes;
    for (const ColumnShapeScore &column : report.columns)
        shapes.append(column.score);
    report.columnShapes = nanMean(shapes);
    report.overall = nanMean({ report.columnShapes, report.columnPairTrends });
    return report;
}

Result<QualityReport> computeQualityReport(const Table &real, const Table &synthetic, const Schema &schema,
    const QualityOptions &options, JobContext &job)
{
    QualityReport report;
    report.realRows = real.rowCount();
    report.syntheticRows = synthetic.rowCount();

    job.reportProgress(0.0, tr("Comparing columns"));
    const std::vector<PreparedColumn> columns = metrics::prepareColumns(real, synthetic, schema, false);
    for (const PreparedColumn &column : columns)
        report.columns.append(scoreColumn(column));
    if (job.isCancelled())
        return cancelledError();

    std::vector<PairInput> inputs(columns.size());
    for (size_t i = 0; i < columns.size(); ++i) {
        inputs[i].column = &columns[i];
        if (columns[i].shape == ColumnShape::Continuous && columns[i].error.isEmpty()) {
            // Each table binned on its own edges, as the reference's report does.
            inputs[i].binnedReal = metrics::digitizeOwnEdges(columns[i].realValues, options.discreteBins);
            inputs[i].binnedSynthetic
                = metrics::digitizeOwnEdges(columns[i].syntheticValues, options.discreteBins);
        }
    }

    const size_t pairCount = columns.size() * (columns.size() - (columns.empty() ? 0 : 1)) / 2;
    size_t done = 0;
    for (size_t i = 0; i < columns.size(); ++i) {
        for (size_t j = i + 1; j < columns.size(); ++j) {
            report.pairs.append(
                scorePair(inputs[i], inputs[j], options, report.realRows, report.syntheticRows));
            if (++done % 32 == 0) {
                if (job.isCancelled())
                    return cancelledError();
                job.reportProgress(double(done) / double(pairCount), tr("Comparing column pairs"));
            }
        }
    }
    job.reportProgress(1.0, tr("Comparing column pairs"));
    return withThresholds(
        std::move(report), options.realCorrelationThreshold, options.realAssociationThreshold);
}

QualityReport computeQualityReport(
    const Table &real, const Table &synthetic, const Schema &schema, const QualityOptions &options)
{
    SilentJob job;
    return computeQualityReport(real, synthetic, schema, options, job).value();
}

} // namespace core
