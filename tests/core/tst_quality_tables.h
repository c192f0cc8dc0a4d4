// SPDX-License-Identifier: MIT
#pragma once
// Small table builders shared by the quality / diagnostic tests.

#include "core/data/schema.h"
#include "core/data/table.h"

#include <QDateTime>
#include <QFile>
#include <QStringList>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <utility>
#include <vector>

namespace qualitytest {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

inline core::Column numbers(const QString &name, const std::vector<double> &values, bool integer = false)
{
    core::Column column(name, core::ColumnStorage::Number);
    column.setInteger(integer);
    for (double v : values)
        column.appendNumber(v);
    return column;
}

/// QStringList from ASCII literals (the build forbids implicit casts from char *).
inline QStringList strings(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out.append(QString::fromLatin1(item));
    return out;
}

/// Empty label = missing.
inline core::Column categories(const QString &name, const QStringList &values)
{
    core::Column column(name, core::ColumnStorage::Category);
    for (const QString &v : values) {
        if (v.isEmpty())
            column.appendMissing();
        else
            column.appendCode(column.codeFor(v));
    }
    return column;
}

inline core::Column categories(const QString &name, std::initializer_list<const char *> values)
{
    return categories(name, strings(values));
}

/// "T" / "F", empty = missing.
inline core::Column booleans(const QString &name, const QStringList &values)
{
    core::Column column(name, core::ColumnStorage::Boolean);
    column.labels() = QStringList { QStringLiteral("F"), QStringLiteral("T") };
    for (const QString &v : values) {
        if (v.isEmpty())
            column.appendMissing();
        else
            column.appendCode(v == QLatin1StringView("T") ? 1 : 0);
    }
    return column;
}

/// ISO dates (UTC midnight), empty = missing.
inline core::Column dates(const QString &name, const QStringList &values)
{
    core::Column column(name, core::ColumnStorage::DateTime);
    for (const QString &v : values) {
        if (v.isEmpty()) {
            column.appendMissing();
            continue;
        }
        const QDateTime t(QDate::fromString(v, Qt::ISODate), QTime(0, 0), Qt::UTC);
        column.appendNumber(double(t.toSecsSinceEpoch()));
    }
    return column;
}

inline core::Table table(std::vector<core::Column> columns)
{
    core::Table t;
    for (core::Column &c : columns)
        t.addColumn(std::move(c));
    return t;
}

inline core::Schema schema(const std::vector<std::pair<QString, core::SemanticType>> &columns)
{
    core::Schema s;
    for (const auto &[name, type] : columns) {
        core::ColumnMeta meta;
        meta.name = name;
        meta.type = type;
        s.columns.append(meta);
    }
    return s;
}

/// A metric case file (../shared/cases/README.md): `split,<column>` rows, real then synthetic.
/// Returns the raw cells of the metric column ("" = empty cell) for each split.
struct CaseCells {
    QString column;
    QStringList real;
    QStringList synthetic;
    bool ok = false;
};

inline CaseCells readCase(const QString &path)
{
    CaseCells out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return out;
    const QStringList header = lines.first().trimmed().split(u',');
    if (header.size() != 2 || header[0] != QLatin1StringView("split"))
        return out;
    out.column = header[1];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList fields = lines[i].trimmed().split(u',');
        if (fields.size() != 2)
            return out;
        (fields[0] == QLatin1StringView("real") ? out.real : out.synthetic).append(fields[1]);
    }
    out.ok = true;
    return out;
}

/// Parses number cells, "" = NaN.
inline std::vector<double> toNumbers(const QStringList &cells)
{
    std::vector<double> out;
    for (const QString &c : cells)
        out.push_back(c.isEmpty() ? kNaN : c.toDouble());
    return out;
}

} // namespace qualitytest
