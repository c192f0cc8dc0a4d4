// SPDX-License-Identifier: MIT
#include "core/evaluation/utility/featureencoder.h"

#include "core/stats/quantiles.h"

#include <QHash>
#include <QSet>

#include <cmath>
#include <limits>

namespace core::utility {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool isNumberStorage(const Column &column)
{
    return column.storage() == ColumnStorage::Number || column.storage() == ColumnStorage::DateTime
        || column.storage() == ColumnStorage::Boolean;
}

double numericCell(const Column &column, qint64 row)
{
    if (column.isMissing(row))
        return kNaN;
    if (column.storage() == ColumnStorage::Boolean)
        return double(column.codes()[size_t(row)]);
    return column.numbers()[size_t(row)];
}

} // namespace

QString categoryKey(const Column &column, qint64 row)
{
    if (column.isMissing(row))
        return {};
    switch (column.storage()) {
    case ColumnStorage::Category:
        return QStringLiteral("l:") + column.labels()[column.codes()[size_t(row)]];
    case ColumnStorage::Boolean:
        return column.codes()[size_t(row)] ? QStringLiteral("b:1") : QStringLiteral("b:0");
    case ColumnStorage::Number:
    case ColumnStorage::DateTime: {
        const double v = column.numbers()[size_t(row)];
        return std::isnan(v) ? QString() : QStringLiteral("n:") + QString::number(v + 0.0, 'g', 17);
    }
    case ColumnStorage::Text:
        return QStringLiteral("t:") + column.texts()[size_t(row)];
    }
    return {};
}

Result<FeatureEncoder> FeatureEncoder::fit(const Table &table, const Schema &schema, const QStringList &skip)
{
    FeatureEncoder encoder;
    for (const ColumnMeta &meta : schema.columns) {
        if (meta.excluded || skip.contains(meta.name) || !Schema::isModelled(meta))
            continue;
        const int index = table.indexOf(meta.name);
        if (index < 0)
            continue;
        const Column &column = table.column(index);
        if (column.storage() == ColumnStorage::Text)
            continue;
        encoder.m_columns.append(meta.name);
        const bool numeric = (meta.type == SemanticType::Numerical || meta.type == SemanticType::DateTime
                              || meta.type == SemanticType::Boolean)
            && isNumberStorage(column);
        if (numeric) {
            double sum = 0.0;
            qint64 count = 0;
            for (qint64 r = 0; r < column.size(); ++r) {
                const double v = numericCell(column, r);
                if (std::isfinite(v)) {
                    sum += v;
                    ++count;
                }
            }
            Feature feature;
            feature.column = meta.name;
            feature.mean = count > 0 ? sum / double(count) : 0.0;
            encoder.m_features.push_back(feature);
            continue;
        }
        // Categories in order of first appearance, so feature order is stable.
        QSet<QString> seen;
        bool hasMissing = false;
        for (qint64 r = 0; r < column.size(); ++r) {
            const QString key = categoryKey(column, r);
            if (key.isEmpty()) {
                hasMissing = true;
                continue;
            }
            if (!seen.contains(key)) {
                seen.insert(key);
                Feature feature;
                feature.column = meta.name;
                feature.oneHot = true;
                feature.key = key;
                encoder.m_features.push_back(feature);
            }
        }
        if (hasMissing) {
            Feature feature;
            feature.column = meta.name;
            feature.oneHot = true;
            feature.missingIndicator = true;
            encoder.m_features.push_back(feature);
        }
    }
    if (encoder.m_features.empty())
        return Error { Error::Code::InvalidInput,
                       tr("No numerical, datetime, boolean or categorical column is left to learn from."), {} };
    return encoder;
}

Eigen::MatrixXd FeatureEncoder::transform(const Table &table, bool imputeMissing) const
{
    const qint64 rows = table.rowCount();
    Eigen::MatrixXd x = Eigen::MatrixXd::Zero(rows, Eigen::Index(m_features.size()));
    // Group features by column so each column's cells are keyed once.
    size_t f = 0;
    while (f < m_features.size()) {
        const QString &name = m_features[f].column;
        size_t end = f;
        while (end < m_features.size() && m_features[end].column == name)
            ++end;
        const int index = table.indexOf(name);
        const Column *column = index >= 0 ? &table.column(index) : nullptr;
        if (!m_features[f].oneHot) {
            for (qint64 r = 0; r < rows; ++r) {
                double v = column && isNumberStorage(*column) ? numericCell(*column, r) : kNaN;
                if (std::isnan(v) && imputeMissing)
                    v = m_features[f].mean;
                x(r, Eigen::Index(f)) = v;
            }
        } else {
            QHash<QString, Eigen::Index> position;
            Eigen::Index missingPosition = -1;
            for (size_t g = f; g < end; ++g) {
                if (m_features[g].missingIndicator)
                    missingPosition = Eigen::Index(g);
                else
                    position.insert(m_features[g].key, Eigen::Index(g));
            }
            for (qint64 r = 0; r < rows; ++r) {
                const QString key = column ? categoryKey(*column, r) : QString();
                if (key.isEmpty()) {
                    if (missingPosition >= 0)
                        x(r, missingPosition) = 1.0;
                    continue;
                }
                const auto it = position.constFind(key);
                if (it != position.constEnd())
                    x(r, it.value()) = 1.0;
            }
        }
        f = end;
    }
    return x;
}

QStringList FeatureEncoder::featureNames() const
{
    QStringList names;
    for (const Feature &feature : m_features) {
        if (!feature.oneHot)
            names.append(feature.column);
        else if (feature.missingIndicator)
            names.append(feature.column + QStringLiteral("=<missing>"));
        else
            names.append(feature.column + u'=' + feature.key.mid(2));
    }
    return names;
}

void RobustScaler::fit(const Eigen::MatrixXd &x)
{
    m_center.resize(x.cols());
    m_scale.resize(x.cols());
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
        const std::vector<double> sorted = stats::sortedFinite(x.col(j));
        const double median = stats::quantileSorted(sorted, 0.5);
        const double iqr = stats::quantileSorted(sorted, 0.75) - stats::quantileSorted(sorted, 0.25);
        m_center[j] = std::isfinite(median) ? median : 0.0;
        m_scale[j] = std::isfinite(iqr) && iqr != 0.0 ? iqr : 1.0;
    }
}

Eigen::MatrixXd RobustScaler::transform(const Eigen::MatrixXd &x) const
{
    return ((x.rowwise() - m_center).array().rowwise() / m_scale.array()).matrix();
}

} // namespace core::utility
