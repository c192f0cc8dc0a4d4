// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace core {

/// How a column's cells are stored in memory.
enum class ColumnStorage {
    Number,   ///< double per row (integers flagged by isInteger())
    Category, ///< int32 code per row into labels()
    Boolean,  ///< code 0 = false, 1 = true; labels() = { falseSpelling, trueSpelling }
    DateTime, ///< seconds since 1970-01-01T00:00:00 UTC as double; dateFormat() says how to write it
    Text,     ///< free text, one QString per row
};

/// One column of a Table: values in the vector that fits its storage, plus a missing mask.
/// Missing cells are NaN in numbers(), -1 in codes() and empty in texts(), and 1 in missingMask().
/// Not thread-safe for writing; concurrent reads are fine.
class Column final {
public:
    static constexpr double kMissingNumber = std::numeric_limits<double>::quiet_NaN();
    static constexpr std::int32_t kMissingCode = -1;

    Column() = default;
    Column(QString name, ColumnStorage storage);

    const QString &name() const { return m_name; }
    void setName(const QString &name) { m_name = name; }
    ColumnStorage storage() const { return m_storage; }
    qint64 size() const { return qint64(m_missing.size()); }

    bool isMissing(qint64 row) const { return m_missing[size_t(row)] != 0; }
    qint64 missingCount() const;
    double missingRate() const { return size() == 0 ? 0.0 : double(missingCount()) / double(size()); }

    // Storage vectors; only the one matching storage() is used. Writers keep the mask in step.
    std::vector<double> &numbers() { return m_numbers; }
    const std::vector<double> &numbers() const { return m_numbers; }
    std::vector<std::int32_t> &codes() { return m_codes; }
    const std::vector<std::int32_t> &codes() const { return m_codes; }
    std::vector<QString> &texts() { return m_texts; }
    const std::vector<QString> &texts() const { return m_texts; }
    std::vector<std::uint8_t> &missingMask() { return m_missing; }
    const std::vector<std::uint8_t> &missingMask() const { return m_missing; }

    /// Category labels (index = code); for Boolean { falseSpelling, trueSpelling }.
    QStringList &labels() { return m_labels; }
    const QStringList &labels() const { return m_labels; }

    // Representation, so a written table looks like its source.
    bool isInteger() const { return m_integer; }
    void setInteger(bool integer) { m_integer = integer; }
    /// Decimal places seen in the source (-1 = unknown / full precision).
    int decimals() const { return m_decimals; }
    void setDecimals(int decimals) { m_decimals = decimals; }
    /// strftime-like format of DateTime cells, e.g. "%Y-%m-%d", "%d/%m/%Y %H:%M:%S".
    const QString &dateFormat() const { return m_dateFormat; }
    void setDateFormat(const QString &format) { m_dateFormat = format; }

    void reserve(qint64 rows);
    void appendNumber(double value);
    void appendCode(std::int32_t code);
    void appendText(const QString &text);
    void appendMissing();

    /// Code of label, adding it to labels() when new. For Category storage.
    std::int32_t codeFor(const QString &label);

    /// The cell as the CSV writer prints it ("" when missing): integers without ".0",
    /// reals with decimals() places when known, datetimes in dateFormat().
    QString cellText(qint64 row) const;

    /// A column of the same name, storage and representation, with no rows.
    Column emptyCopy() const;
    /// The rows at the given indices, in that order.
    Column selectRows(const std::vector<qint64> &rows) const;

private:
    QString m_name;
    ColumnStorage m_storage = ColumnStorage::Number;
    std::vector<double> m_numbers;
    std::vector<std::int32_t> m_codes;
    std::vector<QString> m_texts;
    std::vector<std::uint8_t> m_missing;
    QStringList m_labels;
    bool m_integer = false;
    int m_decimals = -1;
    QString m_dateFormat;
};

/// "number", "category", "boolean", "datetime", "text".
QString storageName(ColumnStorage storage);

} // namespace core
