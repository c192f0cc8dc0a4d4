// SPDX-License-Identifier: MIT
#pragma once

#include "core/profile/profile.h"

#include <QJsonObject>

namespace core {

/// The profile as JSON, as `healthsynth-cli profile INPUT --json OUT` writes it. Numbers that are
/// not finite (an undefined skewness, an overflowing mean) are written as null.
///
/// Keys (README reference):
/// - "rows": number of data rows; "column_count": number of columns; "seconds": profiling time.
/// - "source": {"path", "encoding" ("UTF-8", "UTF-8 with BOM", "Windows-1252"), "delimiter",
///   "decimal_mark"} as the loader reported them (empty strings when unknown).
/// - "duplicate_rows": rows equal in every cell to an earlier row (pandas duplicated().sum());
///   "duplicate_examples": 0-based indices of up to 5 of them.
/// - "columns": one object per column, in table order:
///   - "name"; "type": what the profile treats it as ("numeric", "binary", "boolean", "categorical",
///     "datetime", "text", "identifier", "empty"); "storage" ("number", "category", "boolean",
///     "datetime", "text"); "semantic_type" (schema key, e.g. "numerical", "id", "pii");
///     "confidence" in [0, 1] behind semantic_type; "modelled": whether generators learn it.
///   - "count" (non-missing cells), "missing", "missing_share" (of rows), "distinct",
///     "distinct_share" (of non-missing cells); "top_values": [{"value", "count"}], most frequent first.
///   - numbers: "min", "max", "mean", "std" (ddof 1), "sum", "skewness" (pandas G1), "kurtosis"
///     (pandas excess G2), "quantiles": {"p01", "p05", "p25", "p50", "p75", "p95", "p99"} (linear
///     interpolation), "mad" (median absolute deviation), "zeros", "negatives", "integral",
///     "finite", "infinite" ({"positive", "negative"}), "extreme" (|x| > 1e150) and
///     "extreme_examples", "outliers": {"iqr", "robust_z", "lower_fence", "upper_fence",
///     "max_robust_z", "examples"}, "histogram": {"edges", "counts"}, "sentinels": [{"value",
///     "count"}] (codes like -7 / 999 set apart from the rest), and when the name implies a clinical
///     quantity "plausible": {"rule", "min", "max", "below", "above", "examples"}.
///   - dates: "min", "max" (in the column's format), "future" (values after the run time),
///     "largest_gap_days", "gap_from", "gap_to", "median_gap_days".
///   - texts / labels: "length": {"min", "max", "mean"}, "patterns": [{"value" (shape: 9 digit,
///     A upper, a lower), "count"}], "pattern" (a regular expression all values match, or ""),
///     "whitespace" (padded cells), "numeric_cells", "numeric_after_trim", "infinite",
///     "missing_markers": [{"value", "count"}], "date_formats", "decimal_comma", "decimal_point",
///     "pii_kind" ("email", "phone_number", "ssn", "postal_code", "name", "free_text" or ""),
///     "pii_share", "spelling_variants": [[labels equal after trimming and case folding]].
/// - "associations": [{"columns": [a, b], "method" ("pearson", "spearman", "cramers_v",
///   "correlation_ratio"), "value" (null when not computable), "n" (rows both present)}].
/// - "target" (when a target was named): {"column", "classes": [{"value", "count"}], "minority_share"}.
/// - "alerts": [{"kind", "severity" ("info", "warning", "error"), "columns", "message",
///   "evidence": {numbers behind it}}]. Kinds: constant, almost_constant, all_missing, high_missing,
///   high_cardinality, unique, identifier (an Id that repeats), duplicate_rows, skewed, outliers, zeros,
///   implausible_zeros, implausible_negatives, implausible_value, non_finite, extreme_value, mixed_types,
///   inconsistent_formats, inconsistent_spelling, whitespace, missing_marker, pii, high_correlation,
///   imbalanced_target, future_dates, date_gap, encoding, plus every loader diagnostic's own kind.
/// - "actions": [{"action" ("mark_as_id", "mark_as_pii", "exclude", "change_type",
///   "declare_missing_marker", "trim_whitespace"), "column", "value", "reason" (alert kind)}].
QJsonObject profileToJson(const Profile &profile);

/// "info", "warning", "error".
QString severityKey(Diagnostic::Severity severity);

/// {"action", "column", "value", "reason"}, as in the profile's "actions".
QJsonObject suggestedActionToJson(const SuggestedAction &action);

/// Column metadata in HealthSynth's own dialect (MetadataFile::toJson) after the accepted actions,
/// with the actions listed under "acceptedActions" so the file says why it differs from inference.
/// `schema` must already have the actions applied (applyToSchema).
QJsonObject metadataWithAcceptedActions(const Schema &schema, const QList<SuggestedAction> &accepted);

} // namespace core
