// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/table.h"
#include "core/job.h"
#include "core/result.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <functional>

namespace core::transforms {

/// "column = value", compared with the cell's written form (Column::cellText).
struct ColumnCondition {
    QString column;
    QString value;
};

/// Rows that met every condition, how many were drawn to find them, and, when fewer than asked
/// were found, a sentence saying which condition could not be met.
struct ConditionalSample {
    Table table;
    qint64 tries = 0;
    QString message;
};

/// "sex=M, pregnant=yes".
QString describeConditions(const QList<ColumnCondition> &conditions);

/// Draws batches with `draw(rows, seed)` and keeps rows meeting every condition until `rows` are found
/// or `maxTries` rows were drawn. Never fails for an unmet condition: the result then has fewer rows
/// and a message. Fails with Cancelled, or with the error of `draw`.
Result<ConditionalSample> sampleByRejection(qint64 rows, const QList<ColumnCondition> &conditions,
                                            std::uint64_t seed, qint64 maxTries,
                                            const std::function<Result<Table>(qint64, std::uint64_t)> &draw,
                                            JobContext &job);

} // namespace core::transforms
