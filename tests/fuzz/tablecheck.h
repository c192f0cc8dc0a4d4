// SPDX-License-Identifier: MIT
// The shape every Table a reader returns must have, checked after each accepted input.
#pragma once

#include "fuzzsupport.h"

#include "core/data/schema.h"
#include "core/data/table.h"

namespace fuzzsupport {

inline void requireWellFormed(const core::Table &table, const core::Schema &schema)
{
    require(schema.columns.size() == table.columnCount(), "schema and table have the same columns");
    const qint64 rows = table.rowCount();
    for (int j = 0; j < table.columnCount(); ++j) {
        const core::Column &column = table.column(j);
        require(column.size() == rows, "every column has the table's row count", column.name());
        require(schema.columns[j].name == column.name(), "schema names follow the table", column.name());
        switch (column.storage()) {
        case core::ColumnStorage::Number:
        case core::ColumnStorage::DateTime:
            require(qint64(column.numbers().size()) == rows, "one number per row", column.name());
            break;
        case core::ColumnStorage::Category:
        case core::ColumnStorage::Boolean:
            require(qint64(column.codes().size()) == rows, "one code per row", column.name());
            for (qint64 i = 0; i < rows; ++i) {
                const std::int32_t code = column.codes()[size_t(i)];
                if (column.isMissing(i))
                    require(code == core::Column::kMissingCode, "missing cells have the missing code", column.name());
                else
                    require(code >= 0 && code < column.labels().size(), "codes index the labels", column.name());
            }
            break;
        case core::ColumnStorage::Text:
            require(qint64(column.texts().size()) == rows, "one text per row", column.name());
            break;
        }
    }
}

} // namespace fuzzsupport
