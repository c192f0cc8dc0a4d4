// SPDX-License-Identifier: MIT
#include "core/evaluation/quality/columnvalues.h"

#include <QHash>
#include <cmath>
#include <unordered_map>

namespace core::metrics {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Canonical text of a number, so 1, 1.0 and "1" meet in one category.
QString numberKey(double value)
{
    if (value == 0.0)
        value = 0.0; // -0 and +0 are one value
    if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 17);
}

QString labelKey(const QString &label)
{
    bool ok = false;
    const double value = label.trimmed().toDouble(&ok);
    return ok ? numberKey(value) : label;
}

bool isNumericStorage(ColumnStorage storage)
{
    return storage == ColumnStorage::Number || storage == ColumnStorage::DateTime;
}

// Assigns codes to keys in order of first appearance, real column first.
template <typename Key, typename Map> std::int32_t codeOf(Map &map, const Key &key)
{
    const auto [it, inserted] = map.try_emplace(key, std::int32_t(map.size()));
    return it->second;
}

// Every cell of a column as a canonical key (for columns of different storages).
std::vector<QString> cellKeys(const Column &column)
{
    std::vector<QString> keys(size_t(column.size()));
    QStringList labelKeys;
    if (column.storage() == ColumnStorage::Category || column.storage() == ColumnStorage::Boolean) {
        for (const QString &label : column.labels())
            labelKeys.append(labelKey(label));
    }
    for (qint64 row = 0; row < column.size(); ++row) {
        if (column.isMissing(row))
            continue;
        switch (column.storage()) {
        case ColumnStorage::Number:
        case ColumnStorage::DateTime:
            keys[size_t(row)] = numberKey(column.numbers()[size_t(row)]);
            break;
        case ColumnStorage::Category:
        case ColumnStorage::Boolean:
            keys[size_t(row)] = labelKeys.value(column.codes()[size_t(row)]);
            break;
        case ColumnStorage::Text:
            keys[size_t(row)] = labelKey(column.texts()[size_t(row)]);
            break;
        }
    }
    return keys;
}

} // namespace

ColumnShape shapeOf(SemanticType type)
{
    switch (type) {
    case SemanticType::Numerical:
    case SemanticType::DateTime:
        return ColumnShape::Continuous;
    case SemanticType::Categorical:
    case SemanticType::Boolean:
        return ColumnShape::Discrete;
    case SemanticType::Id:
    case SemanticType::Pii:
    case SemanticType::Text:
        return ColumnShape::Other;
    }
    return ColumnShape::Other;
}

std::optional<std::vector<double>> continuousValues(const Column &column)
{
    const size_t n = size_t(column.size());
    std::vector<double> values(n, kNaN);
    switch (column.storage()) {
    case ColumnStorage::Number:
    case ColumnStorage::DateTime:
        // DateTime stays in seconds: KS, bin membership, Pearson and adherence are invariant
        // under the reference's scaling to nanoseconds.
        for (size_t i = 0; i < n; ++i) {
            if (!column.missingMask()[i])
                values[i] = column.numbers()[i];
        }
        return values;
    case ColumnStorage::Boolean:
        for (size_t i = 0; i < n; ++i) {
            if (!column.missingMask()[i])
                values[i] = double(column.codes()[i]);
        }
        return values;
    case ColumnStorage::Category: {
        std::vector<double> labelValues;
        for (const QString &label : column.labels()) {
            bool ok = false;
            labelValues.push_back(label.trimmed().toDouble(&ok));
            if (!ok)
                return std::nullopt;
        }
        for (size_t i = 0; i < n; ++i) {
            const std::int32_t code = column.codes()[i];
            if (!column.missingMask()[i] && code >= 0 && size_t(code) < labelValues.size())
                values[i] = labelValues[size_t(code)];
        }
        return values;
    }
    case ColumnStorage::Text:
        for (size_t i = 0; i < n; ++i) {
            if (column.missingMask()[i])
                continue;
            bool ok = false;
            values[i] = column.texts()[i].trimmed().toDouble(&ok);
            if (!ok)
                return std::nullopt;
        }
        return values;
    }
    return std::nullopt;
}

DiscretePair encodeDiscretePair(const Column &real, const Column &synthetic)
{
    DiscretePair out;
    out.real.assign(size_t(real.size()), -1);
    out.synthetic.assign(size_t(synthetic.size()), -1);

    if (real.storage() == ColumnStorage::Boolean && synthetic.storage() == ColumnStorage::Boolean) {
        for (size_t i = 0; i < out.real.size(); ++i)
            out.real[i] = real.missingMask()[i] ? -1 : real.codes()[i];
        for (size_t i = 0; i < out.synthetic.size(); ++i)
            out.synthetic[i] = synthetic.missingMask()[i] ? -1 : synthetic.codes()[i];
        out.categoryCount = 2;
        return out;
    }

    if (real.storage() == ColumnStorage::Category && synthetic.storage() == ColumnStorage::Category) {
        // Map label indices, not cells: linear in rows with a tiny hash.
        QHash<QString, std::int32_t> codes;
        auto labelCodes = [&codes](const QStringList &labels) {
            std::vector<std::int32_t> mapped;
            mapped.reserve(size_t(labels.size()));
            for (const QString &label : labels) {
                auto it = codes.constFind(label);
                if (it == codes.constEnd())
                    it = codes.insert(label, std::int32_t(codes.size()));
                mapped.push_back(it.value());
            }
            return mapped;
        };
        const std::vector<std::int32_t> realMap = labelCodes(real.labels());
        const std::vector<std::int32_t> synthMap = labelCodes(synthetic.labels());
        auto apply
            = [](const Column &column, const std::vector<std::int32_t> &map, std::vector<std::int32_t> &to) {
                  for (size_t i = 0; i < to.size(); ++i) {
                      const std::int32_t code = column.codes()[i];
                      to[i] = (column.missingMask()[i] || code < 0 || size_t(code) >= map.size())
                          ? -1
                          : map[size_t(code)];
                  }
              };
        apply(real, realMap, out.real);
        apply(synthetic, synthMap, out.synthetic);
        out.categoryCount = int(codes.size());
        return out;
    }

    if (isNumericStorage(real.storage()) && isNumericStorage(synthetic.storage())) {
        std::unordered_map<double, std::int32_t> codes;
        auto apply = [&codes](const Column &column, std::vector<std::int32_t> &to) {
            for (size_t i = 0; i < to.size(); ++i) {
                if (column.missingMask()[i])
                    continue;
                double value = column.numbers()[i];
                if (std::isnan(value))
                    continue;
                if (value == 0.0)
                    value = 0.0;
                to[i] = codeOf(codes, value);
            }
        };
        apply(real, out.real);
        apply(synthetic, out.synthetic);
        out.categoryCount = int(codes.size());
        return out;
    }

    if (real.storage() == ColumnStorage::Text && synthetic.storage() == ColumnStorage::Text) {
        // Same storage: exact text, so identifiers "000101" and "101" stay distinct.
        QHash<QString, std::int32_t> codes;
        auto apply = [&codes](const Column &column, std::vector<std::int32_t> &to) {
            for (size_t i = 0; i < to.size(); ++i) {
                if (column.missingMask()[i])
                    continue;
                auto it = codes.constFind(column.texts()[i]);
                if (it == codes.constEnd())
                    it = codes.insert(column.texts()[i], std::int32_t(codes.size()));
                to[i] = it.value();
            }
        };
        apply(real, out.real);
        apply(synthetic, out.synthetic);
        out.categoryCount = int(codes.size());
        return out;
    }

    // Different storages (e.g. numbers against labels): meet on canonical text.
    QHash<QString, std::int32_t> codes;
    auto apply = [&codes](const Column &column, std::vector<std::int32_t> &to) {
        const std::vector<QString> keys = cellKeys(column);
        for (size_t i = 0; i < to.size(); ++i) {
            if (column.missingMask()[i])
                continue;
            auto it = codes.constFind(keys[i]);
            if (it == codes.constEnd())
                it = codes.insert(keys[i], std::int32_t(codes.size()));
            to[i] = it.value();
        }
    };
    apply(real, out.real);
    apply(synthetic, out.synthetic);
    out.categoryCount = int(codes.size());
    return out;
}

std::vector<std::int32_t> encodeDiscrete(const Column &column, int *categoryCount)
{
    DiscretePair pair = encodeDiscretePair(column, column.emptyCopy());
    if (categoryCount)
        *categoryCount = pair.categoryCount;
    return std::move(pair.real);
}

} // namespace core::metrics
