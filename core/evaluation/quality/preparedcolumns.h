// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/evaluation/quality/columnvalues.h"

#include <QString>
#include <span>
#include <vector>

namespace core::metrics {

/// One schema column as both reports see it: found in both tables, values ready for the metrics.
/// Holds pointers into the tables, which must outlive it.
struct PreparedColumn {
    PreparedColumn() = default;
    PreparedColumn(PreparedColumn &&) = default; // the spans survive: moved vectors keep their buffers
    PreparedColumn &operator=(PreparedColumn &&) = default;
    PreparedColumn(const PreparedColumn &) = delete;
    PreparedColumn &operator=(const PreparedColumn &) = delete;

    QString name;
    SemanticType type = SemanticType::Numerical;
    ColumnShape shape = ColumnShape::Other;
    const Column *real = nullptr;
    const Column *synthetic = nullptr;
    QString error; ///< why the column cannot be scored (absent from a table, text in a numerical column)

    // Continuous columns: NaN = missing (spans into the tables when stored as numbers).
    std::span<const double> realValues;
    std::span<const double> syntheticValues;
    // Discrete columns (and Id columns when asked for): shared codes, -1 = missing.
    DiscretePair codes;

    std::vector<double> ownedReal;
    std::vector<double> ownedSynthetic;
};

/// The schema's columns, in schema order, skipping columns the user excluded. Continuous and
/// discrete columns always; Id columns too when `withIds` (for key uniqueness).
std::vector<PreparedColumn> prepareColumns(
    const Table &real, const Table &synthetic, const Schema &schema, bool withIds);

} // namespace core::metrics
