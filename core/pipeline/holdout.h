// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/table.h"

#include <vector>

namespace core {

/// The real rows split into the part a generator learns from and the part kept aside to
/// evaluate utility and privacy (the generator never sees it).
struct HoldoutSplit {
    Table training;
    Table holdout;
    std::vector<qint64> trainingRows; ///< indices into the source table, ascending
    std::vector<qint64> holdoutRows;
};

/// Splits `table` at random: round(fraction * rows) rows go to the hold-out. fraction in
/// [0, 0.9]; 0 gives an empty hold-out. The same seed gives the same split.
HoldoutSplit splitHoldout(const Table &table, double fraction, quint64 seed);
/// The same split, consuming `table`: with no hold-out its columns move into `training`, else
/// each source column is released as soon as it is split, so a big table is never held twice.
HoldoutSplit splitHoldout(Table &&table, double fraction, quint64 seed);

} // namespace core
