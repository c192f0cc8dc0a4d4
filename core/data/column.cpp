// SPDX-License-Identifier: MIT
#include "core/data/column.h"

#include "core/data/datetimeformat.h"

#include <algorithm>
#include <numeric>

namespace core {

Column::Column(QString name, ColumnStorage storage)
    : m_name(std::move(name))
    , m_storage(storage)
{
    if (storage == ColumnStorage::DateTime)
        m_dateFormat = QStringLiteral("%Y-%m-%d");
}

qint64 Column::missingCount() const
{
    return std::accumulate(m_missing.begin(), m_missing.end(), qint64(0));
}

void Column::reserve(qint64 rows)
{
    m_missing.reserve(size_t(rows));
    switch (m_storage) {
    case ColumnStorage::Number:
    case ColumnStorage::DateTime: m_numbers.reserve(size_t(rows)); break;
    case ColumnStorage::Category:
    case ColumnStorage::Boolean: m_codes.reserve(size_t(rows)); break;
    case ColumnStorage::Text: m_texts.reserve(size_t(rows)); break;
    }
}

void Column::appendNumber(double value)
{
    const bool missing = std::isnan(value);
    m_numbers.push_back(value);
    m_missing.push_back(missing ? 1 : 0);
}

void Column::appendCode(std::int32_t code)
{
    m_codes.push_back(code);
    m_missing.push_back(code < 0 ? 1 : 0);
}

void Column::appendText(const QString &text)
{
    m_texts.push_back(text);
    m_missing.push_back(0);
}

void Column::appendMissing()
{
    switch (m_storage) {
    case ColumnStorage::Number:
    case ColumnStorage::DateTime: m_numbers.push_back(kMissingNumber); break;
    case ColumnStorage::Category:
    case ColumnStorage::Boolean: m_codes.push_back(kMissingCode); break;
    case ColumnStorage::Text: m_texts.emplace_back(); break;
    }
    m_missing.push_back(1);
}

std::int32_t Column::codeFor(const QString &label)
{
    const qsizetype at = m_labels.indexOf(label);
    if (at >= 0)
        return std::int32_t(at);
    m_labels.append(label);
    return std::int32_t(m_labels.size() - 1);
}

QString Column::cellText(qint64 row) const
{
    if (isMissing(row))
        return {};
    const size_t r = size_t(row);
    switch (m_storage) {
    case ColumnStorage::Number: {
        const double v = m_numbers[r];
        if (m_integer)
            return QString::number(qint64(std::llround(v)));
        if (m_decimals >= 0)
            return QString::number(v, 'f', m_decimals);
        return QString::number(v, 'g', 17);
    }
    case ColumnStorage::DateTime: return formatDateTime(m_numbers[r], m_dateFormat);
    case ColumnStorage::Category:
    case ColumnStorage::Boolean: return m_labels.value(m_codes[r]);
    case ColumnStorage::Text: return m_texts[r];
    }
    return {};
}

Column Column::emptyCopy() const
{
    Column copy(m_name, m_storage);
    copy.m_labels = m_labels;
    copy.m_integer = m_integer;
    copy.m_decimals = m_decimals;
    copy.m_dateFormat = m_dateFormat;
    return copy;
}

Column Column::selectRows(const std::vector<qint64> &rows) const
{
    Column out = emptyCopy();
    out.m_missing.reserve(rows.size());
    for (qint64 row : rows)
        out.m_missing.push_back(m_missing[size_t(row)]);
    auto pick = [&rows](const auto &source, auto &target) {
        target.reserve(rows.size());
        for (qint64 row : rows)
            target.push_back(source[size_t(row)]);
    };
    switch (m_storage) {
    case ColumnStorage::Number:
    case ColumnStorage::DateTime: pick(m_numbers, out.m_numbers); break;
    case ColumnStorage::Category:
    case ColumnStorage::Boolean: pick(m_codes, out.m_codes); break;
    case ColumnStorage::Text: pick(m_texts, out.m_texts); break;
    }
    return out;
}

QString storageName(ColumnStorage storage)
{
    switch (storage) {
    case ColumnStorage::Number: return QStringLiteral("number");
    case ColumnStorage::Category: return QStringLiteral("category");
    case ColumnStorage::Boolean: return QStringLiteral("boolean");
    case ColumnStorage::DateTime: return QStringLiteral("datetime");
    case ColumnStorage::Text: return QStringLiteral("text");
    }
    return {};
}

} // namespace core
