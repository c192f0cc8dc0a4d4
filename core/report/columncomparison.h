// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"

#include <QList>
#include <QStringList>
#include <vector>

namespace core {

/// Real vs synthetic distribution of one column, ready to draw: shares (summing to 1 over the
/// non-missing cells) on shared bins for continuous columns, or per label for discrete ones.
struct ColumnComparison {
    bool continuous = true;
    bool dateTime = false; ///< edges are seconds since the epoch
    std::vector<double> edges; ///< continuous: bins + 1 edges from the real values
    QStringList labels; ///< discrete: labels, most frequent real first
    std::vector<double> realShares; ///< per bin / label
    std::vector<double> syntheticShares; ///< empty when no synthetic table
};

/// Bins `real` (and `synthetic`, if given) the way the charts show them. Labels beyond
/// `maxLabels` are folded into "Other".
ColumnComparison compareColumn(
    const Column &real, const Column *synthetic, SemanticType type, int bins = 20, int maxLabels = 12);

/// Pearson correlations between the continuous columns (numerical, datetime, boolean) of the
/// real and synthetic tables, rows with a missing cell in the pair left out (NaN if undefined).
struct CorrelationMatrices {
    QStringList columns;
    std::vector<double> real; ///< row-major, columns.size()^2
    std::vector<double> synthetic; ///< same layout; empty when no synthetic table
};
CorrelationMatrices correlationMatrices(
    const Table &real, const Table *synthetic, const Schema &schema, int maxColumns = 30);

} // namespace core
