// SPDX-License-Identifier: MIT
#include "core/pipeline/holdout.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace core {

namespace {

// The row indices of the split, without the tables.
HoldoutSplit splitIndices(qint64 rows, double fraction, quint64 seed)
{
    const qint64 holdoutCount = std::clamp<qint64>(qint64(std::llround(std::clamp(fraction, 0.0, 0.9) * double(rows))),
                                                   0, rows);
    std::vector<qint64> order(static_cast<size_t>(rows));
    std::iota(order.begin(), order.end(), 0);
    // Fisher-Yates with our own index draw: std::shuffle's use of the engine is not
    // specified, and the split must be the same on every standard library.
    std::mt19937_64 rng(seed);
    for (qint64 i = rows - 1; i > 0; --i) {
        const qint64 j = qint64(rng() % quint64(i + 1));
        std::swap(order[size_t(i)], order[size_t(j)]);
    }
    HoldoutSplit split;
    split.holdoutRows.assign(order.begin(), order.begin() + holdoutCount);
    split.trainingRows.assign(order.begin() + holdoutCount, order.end());
    std::sort(split.holdoutRows.begin(), split.holdoutRows.end());
    std::sort(split.trainingRows.begin(), split.trainingRows.end());
    return split;
}

} // namespace

HoldoutSplit splitHoldout(const Table &table, double fraction, quint64 seed)
{
    HoldoutSplit split = splitIndices(table.rowCount(), fraction, seed);
    split.training = split.holdoutRows.empty() ? table : table.selectRows(split.trainingRows);
    split.holdout = table.selectRows(split.holdoutRows);
    return split;
}

HoldoutSplit splitHoldout(Table &&table, double fraction, quint64 seed)
{
    HoldoutSplit split = splitIndices(table.rowCount(), fraction, seed);
    if (split.holdoutRows.empty()) {
        split.holdout = table.selectRows(split.holdoutRows); // the columns, with no rows
        split.training = std::move(table);
        return split;
    }
    for (Column &column : table.columns()) {
        split.training.addColumn(column.selectRows(split.trainingRows));
        split.holdout.addColumn(column.selectRows(split.holdoutRows));
        column = Column();
    }
    table = Table();
    return split;
}

} // namespace core
