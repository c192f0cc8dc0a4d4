// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/column.h"

#include <QMetaType>
#include <QStringList>

#include <vector>

namespace core {

/// A columnar table: every column has the same number of rows. Copyable (deep copy);
/// move it where possible, tables reach millions of rows.
class Table final {
public:
    qint64 rowCount() const { return m_columns.empty() ? 0 : m_columns.front().size(); }
    int columnCount() const { return int(m_columns.size()); }

    Column &column(int index) { return m_columns[size_t(index)]; }
    const Column &column(int index) const { return m_columns[size_t(index)]; }
    std::vector<Column> &columns() { return m_columns; }
    const std::vector<Column> &columns() const { return m_columns; }

    /// Index of the column with that exact name, or -1.
    int indexOf(const QString &name) const;
    QStringList columnNames() const;

    /// Appends a column; its size must equal rowCount() unless the table is empty.
    void addColumn(Column column);
    void removeColumn(int index);

    /// The rows at the given indices, in that order (used for hold-out splits).
    Table selectRows(const std::vector<qint64> &rows) const;

private:
    std::vector<Column> m_columns;
};

} // namespace core

Q_DECLARE_METATYPE(core::Table)
