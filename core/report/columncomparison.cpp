// SPDX-License-Identifier: MIT
#include "core/report/columncomparison.h"

#include "core/evaluation/quality/columnvalues.h"
#include "core/evaluation/quality/pairmetrics.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>
#include <cmath>

namespace core {

namespace {

    std::vector<double> finiteValues(const std::vector<double> &values)
    {
        std::vector<double> out;
        out.reserve(values.size());
        for (double v : values) {
            if (std::isfinite(v))
                out.push_back(v);
        }
        return out;
    }

    std::vector<double> binShares(const std::vector<double> &values, const std::vector<double> &edges)
    {
        std::vector<double> shares(edges.size() - 1, 0.0);
        qint64 n = 0;
        for (double v : values) {
            if (!std::isfinite(v))
                continue;
            // Values outside the real range (synthetic ones) are clamped into the outer bins.
            auto it = std::upper_bound(edges.begin(), edges.end(), v);
            int bin = int(it - edges.begin()) - 1;
            bin = std::clamp(bin, 0, int(shares.size()) - 1);
            shares[size_t(bin)] += 1.0;
            ++n;
        }
        if (n > 0) {
            for (double &s : shares)
                s /= double(n);
        }
        return shares;
    }

    QHash<QString, qint64> labelCounts(const core::Column &column, qint64 *total)
    {
        QHash<QString, qint64> counts;
        *total = 0;
        for (qint64 row = 0; row < column.size(); ++row) {
            if (column.isMissing(row))
                continue;
            ++counts[column.cellText(row)];
            ++*total;
        }
        return counts;
    }

    /// Numbers for a correlation: booleans as 0/1 codes, the rest as the metrics read them.
    std::optional<std::vector<double>> numericValues(const core::Column &column)
    {
        if (column.storage() == core::ColumnStorage::Boolean) {
            std::vector<double> v(size_t(column.size()));
            for (qint64 r = 0; r < column.size(); ++r)
                v[size_t(r)] = column.isMissing(r) ? std::numeric_limits<double>::quiet_NaN()
                                                   : double(column.codes()[size_t(r)]);
            return v;
        }
        return core::metrics::continuousValues(column);
    }

} // namespace

ColumnComparison compareColumn(
    const core::Column &real, const core::Column *synthetic, core::SemanticType type, int bins, int maxLabels)
{
    ColumnComparison out;
    const auto shape = core::metrics::shapeOf(type);
    std::optional<std::vector<double>> realValues;
    if (shape == core::metrics::ColumnShape::Continuous)
        realValues = core::metrics::continuousValues(real);
    if (realValues) {
        std::vector<double> finite = finiteValues(*realValues);
        if (!finite.empty()) {
            out.continuous = true;
            out.dateTime = type == core::SemanticType::DateTime;
            out.edges = core::metrics::histogramBinEdges(finite, bins);
            out.realShares = binShares(finite, out.edges);
            if (synthetic) {
                if (auto syn = core::metrics::continuousValues(*synthetic))
                    out.syntheticShares = binShares(*syn, out.edges);
            }
            return out;
        }
    }
    out.continuous = false;
    qint64 realTotal = 0, synTotal = 0;
    const QHash<QString, qint64> realCounts = labelCounts(real, &realTotal);
    QHash<QString, qint64> synCounts;
    if (synthetic)
        synCounts = labelCounts(*synthetic, &synTotal);
    QStringList labels = realCounts.keys();
    for (auto it = synCounts.cbegin(); it != synCounts.cend(); ++it) {
        if (!realCounts.contains(it.key()))
            labels.append(it.key());
    }
    std::sort(labels.begin(), labels.end(), [&](const QString &a, const QString &b) {
        const qint64 ca = realCounts.value(a), cb = realCounts.value(b);
        return ca != cb ? ca > cb : a < b;
    });
    const bool fold = labels.size() > maxLabels;
    const int shown = fold ? maxLabels - 1 : int(labels.size());
    for (int i = 0; i < shown; ++i) {
        out.labels.append(labels.at(i));
        out.realShares.push_back(
            realTotal ? double(realCounts.value(labels.at(i))) / double(realTotal) : 0.0);
        if (synthetic)
            out.syntheticShares.push_back(
                synTotal ? double(synCounts.value(labels.at(i))) / double(synTotal) : 0.0);
    }
    if (fold) {
        double realRest = 1.0, synRest = 1.0;
        for (double s : out.realShares)
            realRest -= s;
        for (double s : out.syntheticShares)
            synRest -= s;
        // The wizard's catalogue translates this label (context "ui"), where it first lived.
        out.labels.append(QCoreApplication::translate("ui", "Other"));
        out.realShares.push_back(std::max(0.0, realRest));
        if (synthetic)
            out.syntheticShares.push_back(std::max(0.0, synRest));
    }
    return out;
}

CorrelationMatrices correlationMatrices(
    const core::Table &real, const core::Table *synthetic, const core::Schema &schema, int maxColumns)
{
    CorrelationMatrices out;
    std::vector<std::vector<double>> realValues, synValues;
    for (const core::ColumnMeta &meta : schema.columns) {
        if (!core::Schema::isModelled(meta) || int(out.columns.size()) >= maxColumns)
            continue;
        if (meta.type != core::SemanticType::Numerical && meta.type != core::SemanticType::DateTime
            && meta.type != core::SemanticType::Boolean)
            continue;
        const int ri = real.indexOf(meta.name);
        if (ri < 0)
            continue;
        auto rv = numericValues(real.column(ri));
        if (!rv)
            continue;
        std::optional<std::vector<double>> sv;
        if (synthetic) {
            const int si = synthetic->indexOf(meta.name);
            if (si < 0)
                continue;
            sv = numericValues(synthetic->column(si));
            if (!sv)
                continue;
        }
        out.columns.append(meta.name);
        realValues.push_back(std::move(*rv));
        if (sv)
            synValues.push_back(std::move(*sv));
    }
    const size_t n = size_t(out.columns.size());
    auto matrix = [n](const std::vector<std::vector<double>> &values) {
        std::vector<double> m(n * n, std::numeric_limits<double>::quiet_NaN());
        std::vector<double> x, y;
        for (size_t i = 0; i < n; ++i) {
            m[i * n + i] = 1.0;
            for (size_t j = i + 1; j < n; ++j) {
                x.clear();
                y.clear();
                for (size_t r = 0; r < values[i].size(); ++r) {
                    if (std::isfinite(values[i][r]) && std::isfinite(values[j][r])) {
                        x.push_back(values[i][r]);
                        y.push_back(values[j][r]);
                    }
                }
                const double r = core::metrics::pearson(x, y);
                m[i * n + j] = m[j * n + i] = r;
            }
        }
        return m;
    };
    out.real = matrix(realValues);
    if (synthetic)
        out.synthetic = matrix(synValues);
    return out;
}

} // namespace core
