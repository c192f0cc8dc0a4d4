// SPDX-License-Identifier: MIT
#include "core/evaluation/quality/qualityjson.h"

#include <QJsonArray>
#include <QJsonValue>
#include <cmath>

namespace core {

namespace {

// JSON has no NaN: not computable is null.
QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}
QJsonValue text(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

} // namespace

QJsonObject qualityReportToJson(const QualityReport &report)
{
    QJsonObject columns;
    QJsonArray details;
    QJsonArray errors;
    for (const ColumnShapeScore &c : report.columns) {
        columns.insert(c.column, number(c.score));
        details.append(QJsonObject {
            { QStringLiteral("column"), c.column },
            { QStringLiteral("sdtype"), semanticTypeKey(c.type) },
            { QStringLiteral("metric"), c.metric },
            { QStringLiteral("score"), number(c.score) },
            { QStringLiteral("error"), text(c.error) },
            { QStringLiteral("note"), text(c.note) },
            { QStringLiteral("real_missing_rate"), number(c.realMissingRate) },
            { QStringLiteral("synthetic_missing_rate"), number(c.syntheticMissingRate) },
            { QStringLiteral("missing_value_similarity"), number(c.missingValueSimilarity) },
            { QStringLiteral("coverage"), number(c.coverage) },
            { QStringLiteral("mean_similarity"), number(c.meanSimilarity) },
            { QStringLiteral("std_similarity"), number(c.stdSimilarity) },
            { QStringLiteral("median_similarity"), number(c.medianSimilarity) },
        });
        if (std::isnan(c.score))
            errors.append(
                QJsonObject { { QStringLiteral("column"), c.column }, { QStringLiteral("error"), c.error } });
    }
    QJsonArray pairs;
    for (const PairTrendScore &p : report.pairs) {
        pairs.append(QJsonObject {
            { QStringLiteral("column_1"), p.column1 },
            { QStringLiteral("column_2"), p.column2 },
            { QStringLiteral("metric"), p.metric },
            { QStringLiteral("score"), number(p.score) },
            { QStringLiteral("real_correlation"), number(p.realCorrelation) },
            { QStringLiteral("synthetic_correlation"), number(p.syntheticCorrelation) },
            { QStringLiteral("real_association"), number(p.realAssociation) },
            { QStringLiteral("meets_threshold"), p.meetsThreshold },
            { QStringLiteral("error"), text(p.error) },
        });
        if (std::isnan(p.score))
            errors.append(QJsonObject { { QStringLiteral("columns"), QJsonArray { p.column1, p.column2 } },
                { QStringLiteral("error"), p.error } });
    }
    return QJsonObject {
        { QStringLiteral("overall"), number(report.overall) },
        { QStringLiteral("column_shapes"), number(report.columnShapes) },
        { QStringLiteral("column_pair_trends"), number(report.columnPairTrends) },
        { QStringLiteral("real_correlation_threshold"), report.realCorrelationThreshold },
        { QStringLiteral("real_association_threshold"), report.realAssociationThreshold },
        { QStringLiteral("pairs_counted"), report.pairsCounted },
        { QStringLiteral("columns"), columns },
        { QStringLiteral("column_details"), details },
        { QStringLiteral("pairs"), pairs },
        { QStringLiteral("errors"), errors },
    };
}

QJsonObject diagnosticReportToJson(const DiagnosticReport &report)
{
    QJsonObject columns;
    QJsonArray details;
    for (const ValidityScore &c : report.columns) {
        columns.insert(c.column, number(c.score));
        details.append(QJsonObject {
            { QStringLiteral("column"), c.column },
            { QStringLiteral("sdtype"), semanticTypeKey(c.type) },
            { QStringLiteral("metric"), c.metric },
            { QStringLiteral("score"), number(c.score) },
            { QStringLiteral("error"), text(c.error) },
        });
    }
    const NewRowSynthesisResult &rows = report.newRowSynthesis;
    return QJsonObject {
        { QStringLiteral("overall"), number(report.overall) },
        { QStringLiteral("data_validity"), number(report.dataValidity) },
        { QStringLiteral("data_structure"), number(report.dataStructure) },
        { QStringLiteral("columns"), columns },
        { QStringLiteral("column_details"), details },
        { QStringLiteral("missing_columns"), QJsonArray::fromStringList(report.missingColumns) },
        { QStringLiteral("extra_columns"), QJsonArray::fromStringList(report.extraColumns) },
        { QStringLiteral("type_mismatches"), QJsonArray::fromStringList(report.typeMismatches) },
        { QStringLiteral("new_row_synthesis"),
            QJsonObject {
                { QStringLiteral("score"), number(rows.score) },
                { QStringLiteral("num_new_rows"), rows.newRows },
                { QStringLiteral("num_matched_rows"), rows.matchedRows },
                { QStringLiteral("error"), text(rows.error) },
            } },
    };
}

QJsonObject qualityToJson(const Schema &schema, const QualityReport &current, const QualityReport &allPairs,
    const DiagnosticReport &diagnostic)
{
    QJsonObject sdtypes;
    for (const ColumnMeta &meta : schema.columns) {
        if (!meta.excluded)
            sdtypes.insert(meta.name, semanticTypeKey(meta.type));
    }
    return QJsonObject {
        { QStringLiteral("sdtypes"), sdtypes },
        { QStringLiteral("quality"), qualityReportToJson(current) },
        { QStringLiteral("quality_all_pairs"), qualityReportToJson(allPairs) },
        { QStringLiteral("diagnostic"), diagnosticReportToJson(diagnostic) },
    };
}

} // namespace core
