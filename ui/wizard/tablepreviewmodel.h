// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"

#include <QAbstractTableModel>

namespace ui {

/// Read-only view of the first rows of a core::Table, cells printed as the CSV writer would;
/// headers show the column name and its type. Missing cells show greyed "missing".
class TablePreviewModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TablePreviewModel)
public:
    explicit TablePreviewModel(QObject *parent = nullptr);

    /// Shows up to maxRows rows of `table`; `schema` (may be empty) names each column's type.
    void setTable(core::Table table, core::Schema schema = {}, int maxRows = 200);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    core::Table m_table;
    core::Schema m_schema;
    int m_rows = 0;
};

/// Translated display name of a semantic type ("Numerical", "ID", ...).
QString semanticTypeLabel(core::SemanticType type);

} // namespace ui
