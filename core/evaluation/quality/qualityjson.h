// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/evaluation/quality/diagnosticreport.h"
#include "core/evaluation/quality/qualityreport.h"

#include <QJsonObject>

namespace core {

// The part of `healthsynth-cli evaluate --json` these reports fill. Scores are numbers in
// [0, 1]; every value that is NaN in the reports (not computable) is written as null, with the
// reason in the neighbouring "error". Paste-ready documentation of every key:
//
// "sdtypes":            {column: "numerical" | "categorical" | "boolean" | "datetime" | "id" | "pii" |
// "text"}
//                       for every column of the schema the user did not exclude.
// "quality":            SDMetrics Quality Report, current mode (real_correlation_threshold 0.5,
//                       real_association_threshold 0.3: only pairs whose real data shows a trend count).
//   "overall":            mean of column_shapes and column_pair_trends (null ones skipped).
//   "column_shapes":      mean of the valid per-column scores below.
//   "column_pair_trends": mean of the scores of the pairs with meets_threshold true.
//   "real_correlation_threshold", "real_association_threshold": the mode's thresholds.
//   "pairs_counted":      how many pairs entered column_pair_trends.
//   "columns":            {column: KSComplement (numerical, datetime) or TVComplement (categorical,
//                         boolean) score, or null}.
//   "column_details":     [{"column", "sdtype", "metric", "score", "error" (why score is null, else null),
//                         "note" (e.g. "synthetic missing rate 1.00 vs real 0.25", else null),
//                         "real_missing_rate", "synthetic_missing_rate", "missing_value_similarity",
//                         "coverage" (RangeCoverage or CategoryCoverage),
//                         "mean_similarity", "std_similarity", "median_similarity" (StatisticSimilarity,
//                         numerical/datetime only, else null)}]
//   "pairs":              [{"column_1", "column_2", "metric" ("CorrelationSimilarity" for two numerical/
//                         datetime columns, else "ContingencySimilarity"), "score" (the pair's similarity,
//                         given even when the pair does not meet the threshold), "real_correlation",
//                         "synthetic_correlation" (Pearson r, correlation pairs), "real_association"
//                         (Cramér's V of the real pair, contingency pairs), "meets_threshold" (counted in
//                         column_pair_trends), "error"}]
//   "errors":             [{"column" or "columns" ([first, second]), "error"}]: every entry left out
//                         of an average because it could not be computed.
// "quality_all_pairs":  the same keys with both thresholds 0 (every computable pair counts; the mode
//                       of results published before 2026).
// "diagnostic":         SDMetrics Diagnostic Report.
//   "overall":            mean of data_validity and data_structure.
//   "data_validity":      mean of the valid per-column scores below.
//   "data_structure":     TableStructure: shared (column, storage kind) / all (column, storage kind).
//   "columns":            {column: BoundaryAdherence (numerical, datetime), CategoryAdherence
//                         (categorical, boolean) or KeyUniqueness (id) score, or null}.
//   "column_details":     [{"column", "sdtype", "metric", "score", "error"}]
//   "missing_columns", "extra_columns": column names only in the real / only in the synthetic table.
//   "type_mismatches":    ["name: real kind vs synthetic kind"].
//   "new_row_synthesis":  {"score" (share of synthetic rows that copy no real row, numbers within
//                         1 % of the synthetic value counting as equal), "num_new_rows",
//                         "num_matched_rows", "error"}.

/// One mode of the Quality Report as the JSON object described above.
QJsonObject qualityReportToJson(const QualityReport &report);
/// The Diagnostic Report as the "diagnostic" object described above.
QJsonObject diagnosticReportToJson(const DiagnosticReport &report);
/// {"sdtypes": ..., "quality": current, "quality_all_pairs": allPairs, "diagnostic": ...}; callers
/// add "detection", "utility" and "privacy" to the same object.
QJsonObject qualityToJson(const Schema &schema, const QualityReport &current, const QualityReport &allPairs,
    const DiagnosticReport &diagnostic);

} // namespace core
