// SPDX-License-Identifier: MIT
#include "core/data/table.h"

namespace core {

int Table::indexOf(const QString &name) const
{
    for (size_t i = 0; i < m_columns.size(); ++i) {
        if (m_columns[i].name() == name)
            return int(i);
    }
    return -1;
}

QStringList Table::columnNames() const
{
    QStringList names;
    names.reserve(qsizetype(m_columns.size()));
    for (const Column &column : m_columns)
        names.append(column.name());
    return names;
}

void Table::addColumn(Column column)
{
    Q_ASSERT(m_columns.empty() || column.size() == rowCount());
    m_columns.push_back(std::move(column));
}

void Table::removeColumn(int index)
{
    m_columns.erase(m_columns.begin() + index);
}

Table Table::selectRows(const std::vector<qint64> &rows) const
{
    Table out;
    for (const Column &column : m_columns)
        out.addColumn(column.selectRows(rows));
    return out;
}

} // namespace core
