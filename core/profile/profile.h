// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/diagnostics.h"
#include "core/job.h"
#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <array>
#include <optional>
#include <vector>

namespace core {

/// How the profile treats a column (more specific than its storage).
enum class ProfileKind {
    Numeric, ///< numbers with more than two values, or any non-0/1 numbers
    Binary, ///< numbers that only take 0 and 1: counts shown, no numeric alerts
    Boolean, ///< Boolean storage (yes/no, TRUE/FALSE, ...): counts only, no numeric stats
    Categorical, ///< labels from a finite set
    DateTime, ///< points in time
    Text, ///< free text
    Identifier, ///< unique per row (or declared Id in the schema)
    Empty, ///< no value at all in any row
};

/// "numeric", "binary", "boolean", "categorical", "datetime", "text", "identifier", "empty".
QString profileKindKey(ProfileKind kind);

/// One value and how often it occurs.
struct ValueCount {
    QString value;
    qint64 count = 0;
};

/// Equal-width histogram over the finite values; edges.size() == counts.size() + 1.
struct Histogram {
    std::vector<double> edges;
    std::vector<qint64> counts;
};

/// Statistics of the finite values of a number column. Moments follow pandas: std with ddof 1,
/// skewness is the adjusted Fisher-Pearson G1, kurtosis the bias-corrected excess kurtosis G2.
struct NumericStats {
    static constexpr std::array<double, 7> kQuantileLevels { 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99 };

    qint64 finite = 0; ///< cells holding a finite number
    qint64 positiveInfinite = 0; ///< +inf cells (not counted as missing, not in any statistic below)
    qint64 negativeInfinite = 0;
    qint64 extreme = 0; ///< finite cells with |x| > kExtremeMagnitude (squares overflow)
    QList<double> extremeExamples;
    double min = 0, max = 0, mean = 0, std = 0, sum = 0;
    double skewness = 0, kurtosis = 0; ///< NaN when fewer than 3 / 4 values or zero variance
    std::array<double, 7> quantiles {}; ///< at kQuantileLevels, numpy "linear" interpolation
    double mad = 0; ///< median absolute deviation (unscaled)
    qint64 zeros = 0, negatives = 0;
    bool integral = false; ///< every finite value is a whole number
    double lowerFence = 0, upperFence = 0; ///< Q1 - 1.5 IQR and Q3 + 1.5 IQR
    qint64 iqrOutliers = 0; ///< values outside the fences
    qint64 robustZOutliers = 0; ///< |x - median| / (1.4826 MAD) > 3.5; 0 when MAD is 0
    double maxRobustZ = 0; ///< largest robust z-score (0 when MAD is 0)
    QList<double> outlierExamples; ///< up to 5 most extreme values flagged by both rules
    Histogram histogram;
    QList<ValueCount> sentinels; ///< codes like -7 / 999 set apart from the other values (likely missing)
    QString plausibleRule; ///< clinical range applied because of the column's name, e.g. "age"
    double plausibleMin = 0, plausibleMax = 0;
    qint64 belowPlausible = 0, abovePlausible = 0; ///< finite values outside that range
    QList<double> implausibleExamples; ///< up to 5 of them, most extreme first

    static constexpr double kExtremeMagnitude = 1e150;
    qint64 nonFinite() const { return positiveInfinite + negativeInfinite; }
};

/// Dates and times of a DateTime column (seconds since 1970-01-01 UTC).
struct DateStats {
    double min = 0, max = 0;
    QString minText, maxText; ///< in the column's own format
    qint64 future = 0; ///< values after ProfileOptions::now
    double largestGapDays = 0; ///< largest distance between consecutive distinct values
    QString gapFrom, gapTo; ///< the values on either side of that gap
    double medianGapDays = 0; ///< median distance between consecutive distinct values
};

/// Text and label statistics, computed over the cells (weighted by occurrence).
struct TextStats {
    int minLength = 0, maxLength = 0;
    double meanLength = 0;
    QList<ValueCount> patterns; ///< top shapes: digit 9, upper A, lower a, others kept ("A-9999")
    QString regex; ///< a regular expression every value matches, when one is simple
    qint64 whitespacePadded = 0; ///< cells with leading or trailing spaces / tabs
    QList<ValueCount> paddedExamples; ///< the most frequent padded values (up to 10)
    QList<ValueCount>
        nonNumericExamples; ///< the most frequent values that are not numbers as written (up to 10)
    qint64 numericCells = 0; ///< cells that read as a number as they are
    qint64 numericAfterTrim = 0; ///< cells that read as a number only after trimming whitespace
    qint64 nonFinite = 0; ///< cells spelled inf, -inf, Infinity, ...
    qint64 markerCells = 0; ///< cells that look like an undeclared missing marker ("?", "N/A", ...)
    QList<ValueCount> markers; ///< which markers, how often (as written, whitespace included)
    QStringList dateFormats; ///< date layouts found among the values ("ISO", "dd/mm/yyyy", ...)
    qint64 decimalComma = 0, decimalPoint = 0; ///< cells like "1,5" and "1.5"
    QString piiKind; ///< "email", "phone_number", "ssn", "postal_code", "name", "free_text"
    double piiShare = 0; ///< share of cells that match piiKind
    QList<QStringList> spellingVariants; ///< groups of labels equal after trimming and case folding
};

/// Everything measured about one column.
struct ColumnProfile {
    QString name;
    ColumnStorage storage = ColumnStorage::Number;
    SemanticType semanticType = SemanticType::Numerical; ///< from the schema given
    double confidence = 1.0; ///< the schema's confidence in semanticType
    bool modelled = true; ///< Schema::isModelled() of the given schema
    ProfileKind kind = ProfileKind::Numeric;
    qint64 count = 0; ///< non-missing cells
    qint64 missing = 0; ///< missing cells
    qint64 distinct = 0; ///< distinct non-missing values (numbers compared exactly)
    QList<ValueCount> topValues; ///< up to ProfileOptions::topValues, most frequent first
    std::optional<NumericStats> numeric; ///< Number storage (also Binary)
    std::optional<DateStats> dates; ///< DateTime storage
    std::optional<TextStats> text; ///< Text, Category and Boolean storage

    double missingShare(qint64 rows) const { return rows == 0 ? 0.0 : double(missing) / double(rows); }
    double distinctShare() const { return count == 0 ? 0.0 : double(distinct) / double(count); }
};

/// A measured dependence between two columns (indices into Profile::columns).
struct Association {
    enum class Method { Pearson, Spearman, CramersV, CorrelationRatio };
    int first = -1;
    int second = -1; ///< for CorrelationRatio: first is the number, second the category
    Method method = Method::Pearson;
    double value = 0; ///< NaN when not computable (constant or fewer than 2 shared rows)
    qint64 n = 0; ///< rows where both are present
};
/// "pearson", "spearman", "cramers_v", "correlation_ratio".
QString associationMethodKey(Association::Method method);

/// A problem found in the data: a suggestion, never a silent change.
struct Alert {
    QString kind; ///< stable key, see profilejson.h for the list
    Diagnostic::Severity severity = Diagnostic::Severity::Warning;
    QStringList columns; ///< empty when table-wide
    QString message; ///< one translated sentence
    QVariantMap evidence; ///< the numbers behind it (counts, shares, examples)
};

/// A change the Profile step offers; the user accepts or rejects it.
struct SuggestedAction {
    enum class Kind { MarkAsId, MarkAsPii, Exclude, ChangeType, DeclareMissingMarker, TrimWhitespace };
    Kind kind = Kind::Exclude;
    QString column;
    QString value; ///< MarkAsPii: pii kind; ChangeType: semantic type key; DeclareMissingMarker: the marker
    QString reason; ///< the alert kind that led to it
};
/// "mark_as_id", "mark_as_pii", "exclude", "change_type", "declare_missing_marker", "trim_whitespace".
QString suggestedActionKey(SuggestedAction::Kind kind);

/// Applies an accepted action to the schema: Id, Pii, exclusion, type, or a value added to the
/// column's ColumnMeta::missingValues (DeclareMissingMarker). TrimWhitespace concerns reading
/// (CsvOptions::trimWhitespace, on by default) and returns false. Returns true when the schema
/// changed; false when the column is unknown or nothing changed.
bool applyToSchema(const SuggestedAction &action, Schema &schema);

/// Where the table came from, as the loader saw it.
struct ProfileSource {
    QString path;
    QString encoding; ///< e.g. "UTF-8 with BOM" from CsvReadResult::encoding
    QChar delimiter;
    QChar decimalMark;
    Diagnostics diagnostics; ///< the loader's findings; each becomes an alert of the same kind
};

/// The target's classes and their counts.
struct TargetBalance {
    QString column;
    /// Most frequent first. Labels that differ only by surrounding whitespace or case count as one
    /// class (under their most frequent spelling); the spelling alert names them.
    QList<ValueCount> classes;
    double minorityShare = 0; ///< smallest class share among non-missing cells
};

struct ProfileOptions {
    QString target; ///< target column for class balance; empty = none
    ProfileSource source;
    QDateTime now = QDateTime::currentDateTimeUtc(); ///< dates after this are "in the future"
    int topValues = 10;
    int histogramBins = 20;
    int threads = 0; ///< 0 = QThread::idealThreadCount()
    double highMissingShare = 0.2; ///< warn above this missing share
    double almostConstantShare = 0.95; ///< warn when one value holds at least this share
    int highCardinality = 50; ///< categorical columns with more distinct labels
    double skewThreshold = 1.0; ///< |skewness| above this is "skewed"
    double correlationThreshold = 0.9; ///< |r|, V or eta at or above this is "highly correlated"
    double imbalanceShare = 0.1; ///< target minority class share below this is "imbalanced"
    int maxAssociationLevels = 1000; ///< categories with more labels are left out of Cramer's V / eta
};

/// The whole profile of a table.
struct Profile {
    qint64 rows = 0;
    QList<ColumnProfile> columns;
    qint64 duplicateRows = 0; ///< rows equal to an earlier row in every cell (pandas duplicated())
    QList<qint64> duplicateExamples; ///< 0-based indices of up to 5 duplicate rows
    QList<Association> associations;
    std::optional<TargetBalance> target;
    QList<Alert> alerts;
    QList<SuggestedAction> actions;
    ProfileSource source;
    double seconds = 0; ///< wall time of profileTable

    int indexOf(const QString &column) const;
    /// Alerts of that kind (and column, when given).
    QList<Alert> alertsOf(const QString &kind, const QString &column = {}) const;
};

/// Measures every column, the pairs of columns and the table, and raises alerts and suggested
/// actions. `schema` may be empty (types then follow storage) or list the table's columns by name.
/// Reads the table only (no row copies; temporary memory is a few vectors per column), on up to
/// options.threads threads. Call from any thread; the table must not change meanwhile.
/// Fails only when cancelled (Error::Code::Cancelled) or when options.target names no column.
Result<Profile> profileTable(
    const Table &table, const Schema &schema, const ProfileOptions &options, JobContext &job);

} // namespace core
