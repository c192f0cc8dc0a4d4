// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QStringList>

namespace core::privacy {

/// The CAP attacks of SDMetrics (metrics.md section 5, "CAP family").
enum class CapMethod {
    Cap,            ///< real rows whose key tuple is absent from the synthetic table are skipped
    ZeroCap,        ///< ... score 0
    GeneralizedCap, ///< every real row uses the synthetic keys at the smallest Hamming distance
};

/// "cap", "zero_cap", "generalized_cap".
QString capMethodKey(CapMethod method);

/// Settings of DisclosureProtection. Known columns are what an attacker already knows about a
/// person (quasi-identifiers); sensitive columns are what they try to learn.
struct DisclosureOptions {
    QStringList knownColumns;
    QStringList sensitiveColumns;
    /// Columns binned before matching; empty = the numerical and datetime columns of the schema.
    QStringList continuousColumns;
    int bins = 10; ///< num_discrete_bins: pd.cut of the real column, outer edges open (±inf)
    CapMethod method = CapMethod::Cap;
};

/// DisclosureProtection: score = min(capProtection / baseline, 1).
struct DisclosureResult {
    double score = 0.0;         ///< NaN when the baseline is 0 or no real row could be attacked
    double capProtection = 0.0; ///< 1 - mean row score of the attack
    double baseline = 0.0;      ///< 1 - 1 / product of distinct sensitive values in the real table (NaN counts)
    qint64 attackedRows = 0;    ///< real rows the attack scored
    bool manyRows = false;      ///< the real table has more than 10,000 rows (the reference warns: slow)
};

class Disclosure final {
    Q_DECLARE_TR_FUNCTIONS(core::privacy::Disclosure)
public:
    /// Computes DisclosureProtection on all rows, deterministically. Fails with InvalidInput
    /// naming a known or sensitive column missing from either table, or when either list is empty.
    static Result<DisclosureResult> protection(const Table &real, const Table &synthetic, const Schema &schema,
                                               const DisclosureOptions &options);
};

/// k-anonymity of one table on chosen quasi-identifiers: rows with exactly equal values on all
/// of them (missing equal to missing) form an equivalence class.
struct KAnonymityResult {
    qint64 k = 0;               ///< size of the smallest class (0 for an empty table)
    qint64 classCount = 0;      ///< number of classes
    double uniqueShare = 0.0;   ///< share of rows alone in their class
    double belowThresholdShare = 0.0; ///< share of rows in classes smaller than `threshold`
    int threshold = 5;
};

/// Fails with InvalidInput naming a quasi-identifier missing from the table, or when none is given.
Result<KAnonymityResult> kAnonymity(const Table &table, const QStringList &quasiIdentifiers, int threshold = 5);

} // namespace core::privacy
