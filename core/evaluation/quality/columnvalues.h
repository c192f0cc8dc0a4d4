// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/column.h"
#include "core/data/schema.h"

#include <QCoreApplication>
#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace core::metrics {

/// Whether a metric sees a column as a distribution of numbers or as a set of labels.
enum class ColumnShape { Continuous, Discrete, Other };

/// Numerical and DateTime are continuous; Categorical and Boolean are discrete (whatever the
/// storage, e.g. numeric codes marked Categorical); Id, Pii and Text are neither.
ColumnShape shapeOf(SemanticType type);

/// The values of a column as numbers, NaN where missing. Number storage as is, DateTime as
/// seconds since the epoch (every metric here is invariant to that unit, see the .cpp),
/// Category labels parsed as numbers. nullopt when a label is not a number.
std::optional<std::vector<double>> continuousValues(const Column &column);

/// The real and synthetic cells of one column mapped onto one shared code space, so that
/// equal values get equal codes whatever each table's label dictionary. Missing = -1.
struct DiscretePair {
    std::vector<std::int32_t> real;
    std::vector<std::int32_t> synthetic;
    int categoryCount = 0; ///< codes are 0 .. categoryCount - 1
};

/// Encodes the two columns. Values compare by meaning: Boolean against Boolean by truth value,
/// labels and texts of the same storage by exact text
/// (so "yes" matches "Y"), numbers by value (-0 = 0), and across storages by
/// the canonical text of the value ("1" = 1.0). Linear time.
DiscretePair encodeDiscretePair(const Column &real, const Column &synthetic);

/// One column alone mapped to codes (missing = -1), e.g. for key uniqueness.
std::vector<std::int32_t> encodeDiscrete(const Column &column, int *categoryCount = nullptr);

} // namespace core::metrics
