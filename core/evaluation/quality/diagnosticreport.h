// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/job.h"
#include "core/result.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <limits>

namespace core {

/// Settings of the Diagnostic Report and NewRowSynthesis (../shared/specs/metrics.md section 4).
struct DiagnosticOptions {
    bool computeNewRowSynthesis = true;
    /// A synthetic number matches a real one when |real - synthetic| <= tolerance * |synthetic|.
    double numericalMatchTolerance = 0.01;
    /// > 0: score only this many synthetic rows, drawn with `seed`. 0 (default): all rows.
    qint64 syntheticSampleSize = 0;
    quint64 seed = 0;
};

/// One column of Data Validity.
struct ValidityScore {
    QString column;
    SemanticType type = SemanticType::Numerical;
    QString metric; ///< "BoundaryAdherence", "CategoryAdherence" or "KeyUniqueness" (id columns)
    double score = std::numeric_limits<double>::quiet_NaN();
    QString error; ///< why score is NaN; the column is left out of the average
};

/// Share of synthetic rows that copy no real row.
struct NewRowSynthesisResult {
    double score = std::numeric_limits<double>::quiet_NaN(); ///< new rows / scored synthetic rows
    qint64 newRows = 0;
    qint64 matchedRows = 0;
    QString error;
};

/// SDMetrics' single-table Diagnostic Report plus NewRowSynthesis. Plain data, copyable.
struct DiagnosticReport {
    double overall = std::numeric_limits<double>::quiet_NaN(); ///< nanmean of validity and structure
    double dataValidity = std::numeric_limits<double>::quiet_NaN(); ///< mean of valid column scores
    double dataStructure = std::numeric_limits<double>::quiet_NaN(); ///< TableStructure
    QList<ValidityScore> columns; ///< schema order
    QStringList missingColumns; ///< in real (not excluded) but not in synthetic
    QStringList extraColumns; ///< in synthetic only
    QStringList typeMismatches; ///< in both with different storage ("age: number vs category")
    NewRowSynthesisResult newRowSynthesis; ///< error "not computed" when switched off
};

/// TableStructure: |{(name, kind)} real ∩ synthetic| / |union|, where kind is the storage
/// ("number", "integer", "category", "boolean", "datetime", "text"). Columns the schema marks
/// excluded are left out of the real side (they are dropped on purpose). NaN for two empty tables.
double tableStructure(const Table &real, const Table &synthetic, const Schema &schema);

/// NewRowSynthesis over the schema's numerical, datetime, categorical and boolean columns: a
/// synthetic row is matched if some real row has equal discrete values, NaN exactly where it has
/// NaN, and every number within the tolerance. Hashes the discrete values and NaN pattern, then
/// binary-searches one sorted numeric column per group: about O(n log n) for 100k x 100k rows.
/// Polls `job`; fails only when cancelled.
Result<NewRowSynthesisResult> newRowSynthesis(const Table &real, const Table &synthetic, const Schema &schema,
    const DiagnosticOptions &options, JobContext &job);

/// Data Validity (BoundaryAdherence for numerical/datetime, CategoryAdherence for categorical/
/// boolean, KeyUniqueness for id columns), Data Structure, overall, and NewRowSynthesis.
/// Any thread; fails only when cancelled.
Result<DiagnosticReport> computeDiagnosticReport(const Table &real, const Table &synthetic,
    const Schema &schema, const DiagnosticOptions &options, JobContext &job);
/// Same, without progress or cancellation.
DiagnosticReport computeDiagnosticReport(
    const Table &real, const Table &synthetic, const Schema &schema, const DiagnosticOptions &options = {});

} // namespace core

Q_DECLARE_METATYPE(core::DiagnosticReport)
