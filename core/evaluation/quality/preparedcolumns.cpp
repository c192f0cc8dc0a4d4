// SPDX-License-Identifier: MIT
#include "core/evaluation/quality/preparedcolumns.h"

#include <QCoreApplication>

namespace core::metrics {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("core::metrics", text);
}

bool storesNumbers(const Column &column)
{
    return column.storage() == ColumnStorage::Number || column.storage() == ColumnStorage::DateTime;
}

} // namespace

std::vector<PreparedColumn> prepareColumns(
    const Table &real, const Table &synthetic, const Schema &schema, bool withIds)
{
    std::vector<PreparedColumn> out;
    for (const ColumnMeta &meta : schema.columns) {
        const ColumnShape shape = shapeOf(meta.type);
        if (meta.excluded || (shape == ColumnShape::Other && !(withIds && meta.type == SemanticType::Id)))
            continue;
        PreparedColumn column;
        column.name = meta.name;
        column.type = meta.type;
        column.shape = shape;
        const int realIndex = real.indexOf(meta.name);
        const int synthIndex = synthetic.indexOf(meta.name);
        if (realIndex < 0) {
            column.error = tr("Column '%1' is missing from the real table.").arg(meta.name);
        } else if (synthIndex < 0) {
            column.error = tr("Column '%1' is missing from the synthetic table.").arg(meta.name);
        } else {
            column.real = &real.column(realIndex);
            column.synthetic = &synthetic.column(synthIndex);
        }
        if (column.error.isEmpty() && shape == ColumnShape::Continuous) {
            auto values
                = [&column](const Column &source, std::vector<double> &owned, std::span<const double> &view) {
                      if (storesNumbers(source)) {
                          view = source.numbers(); // missing cells already hold NaN
                          return true;
                      }
                      auto converted = continuousValues(source);
                      if (!converted)
                          return false;
                      owned = std::move(*converted);
                      view = owned;
                      return true;
                  };
            const bool realOk = values(*column.real, column.ownedReal, column.realValues);
            const bool synthOk = values(*column.synthetic, column.ownedSynthetic, column.syntheticValues);
            if (!realOk || !synthOk) {
                column.error
                    = tr("Column '%1' is marked %2 but the %3 table holds text that is not a number.")
                          .arg(meta.name, semanticTypeKey(meta.type), realOk ? tr("synthetic") : tr("real"));
            }
        } else if (column.error.isEmpty()) {
            column.codes = encodeDiscretePair(*column.real, *column.synthetic);
        }
        out.push_back(std::move(column));
    }
    return out;
}

} // namespace core::metrics
