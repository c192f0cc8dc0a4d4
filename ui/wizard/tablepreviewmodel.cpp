// SPDX-License-Identifier: MIT
#include "ui/wizard/tablepreviewmodel.h"

#include <QBrush>
#include <QCoreApplication>
#include <QFont>
#include <QPalette>

namespace ui {

QString semanticTypeLabel(core::SemanticType type)
{
    switch (type) {
    case core::SemanticType::Numerical:
        return QCoreApplication::translate("ui", "Numerical");
    case core::SemanticType::Categorical:
        return QCoreApplication::translate("ui", "Categorical");
    case core::SemanticType::Boolean:
        return QCoreApplication::translate("ui", "Boolean");
    case core::SemanticType::DateTime:
        return QCoreApplication::translate("ui", "Date/time");
    case core::SemanticType::Id:
        return QCoreApplication::translate("ui", "ID");
    case core::SemanticType::Pii:
        return QCoreApplication::translate("ui", "Personal data");
    case core::SemanticType::Text:
        return QCoreApplication::translate("ui", "Free text");
    }
    return {};
}

TablePreviewModel::TablePreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TablePreviewModel::setTable(core::Table table, core::Schema schema, int maxRows)
{
    beginResetModel();
    m_table = std::move(table);
    m_schema = std::move(schema);
    m_rows = int(std::min<qint64>(m_table.rowCount(), maxRows));
    endResetModel();
}

void TablePreviewModel::clear() { setTable({}, {}, 0); }

int TablePreviewModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_rows; }

int TablePreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_table.columnCount();
}

QVariant TablePreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const core::Column &column = m_table.column(index.column());
    const bool missing = column.isMissing(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return missing ? tr("missing") : column.cellText(index.row());
    case Qt::ForegroundRole:
        if (missing)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::FontRole:
        if (missing) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        return column.storage() == core::ColumnStorage::Number
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant TablePreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section < 0 || section >= m_table.columnCount())
        return {};
    const core::Column &column = m_table.column(section);
    QString type = core::storageName(column.storage());
    if (const core::ColumnMeta *meta = m_schema.find(column.name()))
        type = semanticTypeLabel(meta->type);
    return column.name() + u'\n' + type;
}

} // namespace ui
