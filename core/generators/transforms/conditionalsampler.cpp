// SPDX-License-Identifier: MIT
#include "core/generators/transforms/conditionalsampler.h"

#include <QCoreApplication>

#include <algorithm>

namespace core::transforms {

QString describeConditions(const QList<ColumnCondition> &conditions)
{
    QStringList parts;
    for (const ColumnCondition &c : conditions)
        parts.append(c.column + u'=' + c.value);
    return parts.join(QStringLiteral(", "));
}

Result<ConditionalSample> sampleByRejection(qint64 rows, const QList<ColumnCondition> &conditions,
                                            std::uint64_t seed, qint64 maxTries,
                                            const std::function<Result<Table>(qint64, std::uint64_t)> &draw,
                                            JobContext &job)
{
    ConditionalSample result;
    std::vector<qint64> keep;
    Table accumulated;
    bool first = true;
    std::uint64_t batchSeed = seed;
    while (qint64(result.table.rowCount()) < rows && result.tries < maxTries) {
        if (job.isCancelled())
            return cancelledError();
        const qint64 missingRows = rows - result.table.rowCount();
        const qint64 batch = std::min(maxTries - result.tries, std::max<qint64>(missingRows * 2, 500));
        Result<Table> drawn = draw(batch, batchSeed);
        batchSeed = batchSeed * 6364136223846793005ULL + 1442695040888963407ULL;
        if (!drawn.ok())
            return drawn.error();
        const Table &table = drawn.value();
        result.tries += table.rowCount();
        std::vector<int> columnIndex;
        for (const ColumnCondition &c : conditions)
            columnIndex.push_back(table.indexOf(c.column));
        keep.clear();
        for (qint64 r = 0; r < table.rowCount() && qint64(keep.size()) < missingRows; ++r) {
            bool match = true;
            for (qsizetype c = 0; c < conditions.size() && match; ++c)
                match = columnIndex[size_t(c)] >= 0
                    && table.column(columnIndex[size_t(c)]).cellText(r) == conditions[c].value;
            if (match)
                keep.push_back(r);
        }
        Table selected = table.selectRows(keep);
        if (first) {
            result.table = std::move(selected);
            first = false;
        } else {
            for (int c = 0; c < selected.columnCount(); ++c) {
                Column &target = result.table.column(c);
                const Column &source = selected.column(c);
                for (qint64 r = 0; r < source.size(); ++r) {
                    target.missingMask().push_back(source.missingMask()[size_t(r)]);
                    switch (source.storage()) {
                    case ColumnStorage::Number:
                    case ColumnStorage::DateTime: target.numbers().push_back(source.numbers()[size_t(r)]); break;
                    case ColumnStorage::Category:
                    case ColumnStorage::Boolean: target.codes().push_back(source.codes()[size_t(r)]); break;
                    case ColumnStorage::Text: target.texts().push_back(source.texts()[size_t(r)]); break;
                    }
                }
            }
        }
        job.reportProgress(double(result.table.rowCount()) / double(std::max<qint64>(rows, 1)),
                           QCoreApplication::translate("core::ConditionalSampler", "Sampling with conditions"));
    }
    if (result.table.rowCount() == 0 && rows > 0)
        result.message = QCoreApplication::translate(
                             "core::ConditionalSampler",
                             "No rows satisfied %1 after %2 tries; this combination never occurs in the data the "
                             "model learnt.")
                             .arg(describeConditions(conditions))
                             .arg(result.tries);
    else if (result.table.rowCount() < rows)
        result.message = QCoreApplication::translate(
                             "core::ConditionalSampler",
                             "Only %1 of %2 rows satisfied %3 after %4 tries; this combination never or only "
                             "very rarely occurs in the data the model learnt.")
                             .arg(result.table.rowCount())
                             .arg(rows)
                             .arg(describeConditions(conditions))
                             .arg(result.tries);
    return result;
}

} // namespace core::transforms
