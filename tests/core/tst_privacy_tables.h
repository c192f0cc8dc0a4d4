// SPDX-License-Identifier: MIT
// Small tables built in code for the privacy, detection and utility tests.
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/result.h"

#include <QByteArray>

#include <QDateTime>
#include <QStringList>

#include <cmath>
#include <limits>
#include <vector>

namespace privacytest {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

inline core::Column numbers(const QString &name, const std::vector<double> &values)
{
    core::Column column(name, core::ColumnStorage::Number);
    for (double v : values) {
        if (std::isnan(v))
            column.appendMissing();
        else
            column.appendNumber(v);
    }
    return column;
}

/// Empty strings are missing cells.
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

/// 0 = false, 1 = true, -1 = missing.
inline core::Column booleans(const QString &name, const std::vector<int> &values)
{
    core::Column column(name, core::ColumnStorage::Boolean);
    column.labels() = QStringList { QStringLiteral("False"), QStringLiteral("True") };
    for (int v : values)
        column.appendCode(v);
    return column;
}

/// ISO dates; empty = missing.
inline core::Column dates(const QString &name, const QStringList &isoDates)
{
    core::Column column(name, core::ColumnStorage::DateTime);
    for (const QString &d : isoDates) {
        if (d.isEmpty())
            column.appendMissing();
        else
            column.appendNumber(double(QDateTime(QDate::fromString(d, Qt::ISODate), QTime(0, 0), Qt::UTC)
                                           .toSecsSinceEpoch()));
    }
    return column;
}

/// The error text of a failed Result, "" when it succeeded (QVERIFY2 evaluates its message always).
template <typename T>
QByteArray errorText(const core::Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

inline core::ColumnMeta meta(const QString &name, core::SemanticType type)
{
    core::ColumnMeta m;
    m.name = name;
    m.type = type;
    return m;
}

} // namespace privacytest
