// SPDX-License-Identifier: MIT
#include "core/evaluation/quality/diagnosticreport.h"

#include "core/evaluation/quality/preparedcolumns.h"
#include "core/evaluation/quality/singlecolumnmetrics.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <unordered_map>

namespace core {

namespace {

using metrics::ColumnShape;
using metrics::PreparedColumn;

QString tr(const char *text)
{
    return QCoreApplication::translate("core::DiagnosticReport", text);
}

QString kindOf(const Column &column)
{
    if (column.storage() == ColumnStorage::Number && column.isInteger())
        return QStringLiteral("integer");
    return storageName(column.storage());
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v)
{
    // splitmix64 finaliser over the running hash: cheap and well spread.
    std::uint64_t z = h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// Rows as keys: the discrete codes followed by the NaN pattern of the continuous columns.
class RowKeys {
public:
    RowKeys(const std::vector<const PreparedColumn *> &discrete,
        const std::vector<const PreparedColumn *> &continuous, bool synthetic, qint64 rows)
        : m_width(discrete.size() + (continuous.size() + 31) / 32)
        , m_data(size_t(rows) * m_width, 0)
    {
        for (size_t d = 0; d < discrete.size(); ++d) {
            const std::vector<std::int32_t> &codes
                = synthetic ? discrete[d]->codes.synthetic : discrete[d]->codes.real;
            for (qint64 r = 0; r < rows; ++r)
                m_data[size_t(r) * m_width + d] = codes[size_t(r)];
        }
        for (size_t c = 0; c < continuous.size(); ++c) {
            const std::span<const double> values
                = synthetic ? continuous[c]->syntheticValues : continuous[c]->realValues;
            const size_t word = discrete.size() + c / 32;
            for (qint64 r = 0; r < rows; ++r) {
                if (std::isnan(values[size_t(r)]))
                    m_data[size_t(r) * m_width + word] |= std::int32_t(1u << (c % 32));
            }
        }
    }
    const std::int32_t *row(qint64 r) const { return m_data.data() + size_t(r) * m_width; }
    bool equal(qint64 r, const RowKeys &other, qint64 otherRow) const
    {
        return std::equal(row(r), row(r) + m_width, other.row(otherRow));
    }
    std::uint64_t hash(qint64 r) const
    {
        std::uint64_t h = 0x12345678ULL;
        for (size_t i = 0; i < m_width; ++i)
            h = mix(h, std::uint64_t(std::uint32_t(row(r)[i])));
        return h;
    }

private:
    size_t m_width;
    std::vector<std::int32_t> m_data;
};

struct RowGroup {
    qint64 firstRow = 0; // a real row holding the group's key
    int pivot = -1; // continuous column the rows are sorted by, -1 = none non-missing
    std::vector<qint64> rows; // real rows, sorted by the pivot's value
    std::vector<double> pivotValues;
};

bool withinTolerance(double real, double synthetic, double tolerance)
{
    return std::fabs(real - synthetic) <= std::fabs(tolerance * synthetic);
}

} // namespace

double tableStructure(const Table &real, const Table &synthetic, const Schema &schema)
{
    QSet<QString> realSet;
    QSet<QString> synthSet;
    for (const Column &column : real.columns()) {
        const ColumnMeta *meta = schema.find(column.name());
        if (meta && meta->excluded)
            continue;
        realSet.insert(column.name() + QChar(0) + kindOf(column));
    }
    for (const Column &column : synthetic.columns())
        synthSet.insert(column.name() + QChar(0) + kindOf(column));
    const qsizetype unionSize = (realSet | synthSet).size();
    if (unionSize == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return double((realSet & synthSet).size()) / double(unionSize);
}

Result<NewRowSynthesisResult> newRowSynthesis(const Table &real, const Table &synthetic, const Schema &schema,
    const DiagnosticOptions &options, JobContext &job)
{
    NewRowSynthesisResult result;
    const std::vector<PreparedColumn> columns = metrics::prepareColumns(real, synthetic, schema, false);
    std::vector<const PreparedColumn *> discrete;
    std::vector<const PreparedColumn *> continuous;
    for (const PreparedColumn &column : columns) {
        if (!column.error.isEmpty())
            continue; // absent or unreadable: cannot take part in a match
        (column.shape == ColumnShape::Continuous ? continuous : discrete).push_back(&column);
    }
    if (synthetic.rowCount() == 0) {
        result.error = tr("The synthetic table has no rows.");
        return result;
    }
    if (discrete.empty() && continuous.empty()) {
        result.error = tr("No numerical, datetime, categorical or boolean column is in both tables.");
        return result;
    }

    const RowKeys realKeys(discrete, continuous, false, real.rowCount());
    const RowKeys synthKeys(discrete, continuous, true, synthetic.rowCount());

    // The pivot of a group is its non-missing continuous column with the most distinct real
    // values, so a binary search leaves few candidates to check.
    std::vector<qint64> distinct(continuous.size(), 0);
    for (size_t c = 0; c < continuous.size(); ++c) {
        std::vector<double> values;
        for (double v : continuous[c]->realValues) {
            if (!std::isnan(v))
                values.push_back(v);
        }
        std::sort(values.begin(), values.end());
        distinct[c] = qint64(std::unique(values.begin(), values.end()) - values.begin());
    }

    std::vector<RowGroup> groups;
    std::unordered_map<std::uint64_t, std::vector<int>> groupsByHash;
    auto findGroup = [&](const RowKeys &keys, qint64 row, std::uint64_t h) -> int {
        const auto it = groupsByHash.find(h);
        if (it == groupsByHash.end())
            return -1;
        for (int g : it->second) {
            if (keys.equal(row, realKeys, groups[size_t(g)].firstRow))
                return g;
        }
        return -1;
    };
    for (qint64 r = 0; r < real.rowCount(); ++r) {
        const std::uint64_t h = realKeys.hash(r);
        int g = findGroup(realKeys, r, h);
        if (g < 0) {
            g = int(groups.size());
            groups.push_back(RowGroup { r, -1, {}, {} });
            groupsByHash[h].push_back(g);
        }
        groups[size_t(g)].rows.push_back(r);
    }
    for (RowGroup &group : groups) {
        for (size_t c = 0; c < continuous.size(); ++c) {
            if (!std::isnan(continuous[c]->realValues[size_t(group.firstRow)])
                && (group.pivot < 0 || distinct[c] > distinct[size_t(group.pivot)]))
                group.pivot = int(c);
        }
        if (group.pivot < 0)
            continue;
        const std::span<const double> values = continuous[size_t(group.pivot)]->realValues;
        std::sort(group.rows.begin(), group.rows.end(),
            [&values](qint64 a, qint64 b) { return values[size_t(a)] < values[size_t(b)]; });
        group.pivotValues.reserve(group.rows.size());
        for (qint64 row : group.rows)
            group.pivotValues.push_back(values[size_t(row)]);
    }

    std::vector<qint64> synthRows(size_t(synthetic.rowCount()));
    std::iota(synthRows.begin(), synthRows.end(), qint64(0));
    if (options.syntheticSampleSize > 0 && options.syntheticSampleSize < synthetic.rowCount()) {
        std::mt19937_64 rng(options.seed);
        std::shuffle(synthRows.begin(), synthRows.end(), rng);
        synthRows.resize(size_t(options.syntheticSampleSize));
    }

    const double tolerance = options.numericalMatchTolerance;
    auto matches = [&](qint64 s) {
        const int g = findGroup(synthKeys, s, synthKeys.hash(s));
        if (g < 0)
            return false;
        const RowGroup &group = groups[size_t(g)];
        if (group.pivot < 0)
            return true; // equal discrete values and all numbers missing on both sides
        const double value = continuous[size_t(group.pivot)]->syntheticValues[size_t(s)];
        const double reach = std::fabs(tolerance * value);
        const double margin = 1e-9 * (reach + std::fabs(value)) + std::numeric_limits<double>::denorm_min();
        auto it
            = std::lower_bound(group.pivotValues.begin(), group.pivotValues.end(), value - reach - margin);
        for (; it != group.pivotValues.end() && *it <= value + reach + margin; ++it) {
            const qint64 r = group.rows[size_t(it - group.pivotValues.begin())];
            bool all = true;
            for (size_t c = 0; c < continuous.size() && all; ++c) {
                const double sv = continuous[c]->syntheticValues[size_t(s)];
                if (!std::isnan(sv))
                    all = withinTolerance(continuous[c]->realValues[size_t(r)], sv, tolerance);
            }
            if (all)
                return true;
        }
        return false;
    };
    for (size_t i = 0; i < synthRows.size(); ++i) {
        if (matches(synthRows[i]))
            ++result.matchedRows;
        else
            ++result.newRows;
        if (i % 4096 == 4095 && job.isCancelled())
            return cancelledError();
    }
    result.score = double(result.newRows) / double(synthRows.size());
    return result;
}

Result<DiagnosticReport> computeDiagnosticReport(const Table &real, const Table &synthetic,
    const Schema &schema, const DiagnosticOptions &options, JobContext &job)
{
    DiagnosticReport report;
    job.reportProgress(0.0, tr("Checking validity"));
    const std::vector<PreparedColumn> columns = metrics::prepareColumns(real, synthetic, schema, true);
    double sum = 0.0;
    int count = 0;
    for (const PreparedColumn &column : columns) {
        ValidityScore score;
        score.column = column.name;
        score.type = column.type;
        metrics::MetricResult result;
        if (column.type == SemanticType::Id) {
            score.metric = QStringLiteral("KeyUniqueness");
            if (column.error.isEmpty())
                result = metrics::keyUniqueness(column.codes.synthetic);
        } else if (column.shape == ColumnShape::Continuous) {
            score.metric = QStringLiteral("BoundaryAdherence");
            if (column.error.isEmpty())
                result = metrics::boundaryAdherence(column.realValues, column.syntheticValues);
        } else {
            score.metric = QStringLiteral("CategoryAdherence");
            if (column.error.isEmpty())
                result = metrics::categoryAdherence(column.codes.real, column.codes.synthetic);
        }
        score.score = result.score;
        score.error = column.error.isEmpty() ? result.error : column.error;
        if (!std::isnan(score.score)) {
            sum += score.score;
            ++count;
        }
        report.columns.append(score);
    }
    report.dataValidity = count == 0 ? std::numeric_limits<double>::quiet_NaN() : sum / double(count);

    report.dataStructure = tableStructure(real, synthetic, schema);
    for (const Column &column : real.columns()) {
        const ColumnMeta *meta = schema.find(column.name());
        if (meta && meta->excluded)
            continue;
        const int at = synthetic.indexOf(column.name());
        if (at < 0)
            report.missingColumns.append(column.name());
        else if (kindOf(synthetic.column(at)) != kindOf(column))
            report.typeMismatches.append(
                QStringLiteral("%1: %2 vs %3")
                    .arg(column.name(), kindOf(column), kindOf(synthetic.column(at))));
    }
    for (const Column &column : synthetic.columns()) {
        if (real.indexOf(column.name()) < 0)
            report.extraColumns.append(column.name());
    }
    {
        double total = 0.0;
        int parts = 0;
        for (double v : { report.dataValidity, report.dataStructure }) {
            if (!std::isnan(v)) {
                total += v;
                ++parts;
            }
        }
        report.overall = parts == 0 ? std::numeric_limits<double>::quiet_NaN() : total / double(parts);
    }
    if (job.isCancelled())
        return cancelledError();

    if (options.computeNewRowSynthesis) {
        job.reportProgress(0.5, tr("Looking for copied rows"));
        Result<NewRowSynthesisResult> rows = newRowSynthesis(real, synthetic, schema, options, job);
        if (!rows)
            return rows.error();
        report.newRowSynthesis = rows.value();
    } else {
        report.newRowSynthesis.error = tr("not computed");
    }
    job.reportProgress(1.0, tr("Diagnostic report done"));
    return report;
}

DiagnosticReport computeDiagnosticReport(
    const Table &real, const Table &synthetic, const Schema &schema, const DiagnosticOptions &options)
{
    SilentJob job;
    return computeDiagnosticReport(real, synthetic, schema, options, job).value();
}

} // namespace core
