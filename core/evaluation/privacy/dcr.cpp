// SPDX-License-Identifier: MIT
#include "core/evaluation/privacy/dcr.h"

#include "core/stats/quantiles.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <random>
#include <set>
#include <unordered_map>
#include <vector>

namespace core::privacy {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Result<Neighbours> search(const MixedDistanceEncoding &encoding, int k, const DcrOptions &options, JobContext &job)
{
    NeighbourSearchOptions search;
    search.k = k;
    search.threads = options.threads;
    return nearestNeighbours(encoding.query(), encoding.reference(), search, job);
}

Error emptyReference()
{
    return Error { Error::Code::InvalidInput,
                   QCoreApplication::translate("core::privacy", "The reference table has no rows to measure distances to."),
                   {} };
}

double median(const Eigen::VectorXd &values)
{
    return stats::quantileSorted(stats::sortedFinite(values), 0.5);
}

} // namespace

Result<Eigen::VectorXd> distanceToClosestRecord(const Table &query, const Table &reference, const Schema &schema,
                                                JobContext &job, const DcrOptions &options)
{
    if (reference.rowCount() == 0)
        return emptyReference();
    auto encoding = MixedDistanceEncoding::encode(query, reference, schema, options.columns);
    if (!encoding)
        return encoding.error();
    auto found = search(encoding.value(), 1, options, job);
    if (!found)
        return found.error();
    return std::move(found.value().distance1);
}

DistanceSummary summarizeDistances(const Eigen::VectorXd &distances)
{
    const std::vector<double> sorted = stats::sortedFinite(distances);
    DistanceSummary summary;
    summary.median = stats::quantileSorted(sorted, 0.5);
    summary.p5 = stats::quantileSorted(sorted, 0.05);
    summary.mean = sorted.empty() ? kNaN : std::accumulate(sorted.begin(), sorted.end(), 0.0) / double(sorted.size());
    return summary;
}

Table randomDomainTable(const Table &real, const Schema &schema, const QStringList &columns, qint64 rows, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    Table out;
    for (const QString &name : columns) {
        const int index = real.indexOf(name);
        const ColumnMeta *meta = schema.find(name);
        if (index < 0 || !meta)
            continue;
        const Column &source = real.column(index);
        Column column = source.emptyCopy();
        column.reserve(rows);
        const double missingRate = source.missingRate();
        const bool continuous = (meta->type == SemanticType::Numerical || meta->type == SemanticType::DateTime)
            && (source.storage() == ColumnStorage::Number || source.storage() == ColumnStorage::DateTime);
        if (continuous) {
            double lo = std::numeric_limits<double>::infinity();
            double hi = -lo;
            bool whole = meta->type == SemanticType::Numerical;
            for (qint64 r = 0; r < source.size(); ++r) {
                const double v = source.numbers()[size_t(r)];
                if (std::isfinite(v)) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                    whole = whole && v == std::floor(v);
                }
            }
            for (qint64 r = 0; r < rows; ++r) {
                if (!std::isfinite(lo) || unit(rng) < missingRate) {
                    column.appendMissing();
                } else if (whole) {
                    std::uniform_int_distribution<qint64> pick { qint64(lo), qint64(hi) };
                    column.appendNumber(double(pick(rng)));
                } else {
                    column.appendNumber(lo + (hi - lo) * unit(rng));
                }
            }
        } else {
            // Distinct non-missing values, in first-seen order so the draw is reproducible.
            std::vector<qint64> distinctRows;
            std::set<std::int32_t> seenCodes;
            std::set<double> seenNumbers;
            std::set<QString> seenTexts;
            for (qint64 r = 0; r < source.size(); ++r) {
                if (source.isMissing(r))
                    continue;
                bool fresh = false;
                switch (source.storage()) {
                case ColumnStorage::Category:
                case ColumnStorage::Boolean:
                    fresh = seenCodes.insert(source.codes()[size_t(r)]).second;
                    break;
                case ColumnStorage::Number:
                case ColumnStorage::DateTime:
                    fresh = seenNumbers.insert(source.numbers()[size_t(r)]).second;
                    break;
                case ColumnStorage::Text:
                    fresh = seenTexts.insert(source.texts()[size_t(r)]).second;
                    break;
                }
                if (fresh)
                    distinctRows.push_back(r);
            }
            std::vector<qint64> picks;
            picks.reserve(size_t(rows));
            std::vector<bool> missing(static_cast<size_t>(rows));
            for (qint64 r = 0; r < rows; ++r) {
                missing[size_t(r)] = distinctRows.empty() || unit(rng) < missingRate;
                std::uniform_int_distribution<size_t> pick(0, distinctRows.empty() ? 0 : distinctRows.size() - 1);
                picks.push_back(distinctRows.empty() ? 0 : distinctRows[pick(rng)]);
            }
            column = distinctRows.empty() ? column : source.selectRows(picks);
            for (qint64 r = 0; r < rows && !distinctRows.empty(); ++r) {
                if (!missing[size_t(r)])
                    continue;
                column.missingMask()[size_t(r)] = 1;
                if (column.storage() == ColumnStorage::Category || column.storage() == ColumnStorage::Boolean)
                    column.codes()[size_t(r)] = Column::kMissingCode;
                else if (column.storage() == ColumnStorage::Text)
                    column.texts()[size_t(r)].clear();
                else
                    column.numbers()[size_t(r)] = Column::kMissingNumber;
            }
            for (qint64 r = 0; r < rows && distinctRows.empty(); ++r)
                column.appendMissing();
        }
        out.addColumn(std::move(column));
    }
    return out;
}

Result<DcrBaselineResult> dcrBaselineProtection(const Table &real, const Table &synthetic, const Schema &schema,
                                                quint64 seed, JobContext &job, const DcrOptions &options)
{
    if (real.rowCount() == 0)
        return emptyReference();
    const QStringList columns = options.columns.isEmpty()
        ? MixedDistanceEncoding::distanceColumns(schema, synthetic, real)
        : options.columns;
    DcrOptions withColumns = options;
    withColumns.columns = columns;
    auto syntheticDcr = distanceToClosestRecord(synthetic, real, schema, job, withColumns);
    if (!syntheticDcr)
        return syntheticDcr.error();
    const Table random = randomDomainTable(real, schema, columns, synthetic.rowCount(), seed);
    auto randomDcr = distanceToClosestRecord(random, real, schema, job, withColumns);
    if (!randomDcr)
        return randomDcr.error();
    DcrBaselineResult result;
    result.syntheticMedian = median(syntheticDcr.value());
    result.randomMedian = median(randomDcr.value());
    result.score = result.randomMedian == 0.0 ? kNaN : std::min(result.syntheticMedian / result.randomMedian, 1.0);
    return result;
}

DcrOverfittingResult dcrOverfittingFromDistances(const Eigen::VectorXd &toTraining, const Eigen::VectorXd &toHoldout,
                                                 qint64 trainingRows, qint64 holdoutRows)
{
    Q_ASSERT(toTraining.size() == toHoldout.size());
    DcrOverfittingResult result;
    qint64 closer = 0;
    for (Eigen::Index i = 0; i < toTraining.size(); ++i)
        closer += toTraining[i] < toHoldout[i] ? 1 : 0;
    result.closerToTrainingShare = toTraining.size() == 0 ? kNaN : double(closer) / double(toTraining.size());
    result.score = std::min(2.0 * (1.0 - result.closerToTrainingShare), 1.0);
    result.holdoutSmall = double(holdoutRows) < 0.5 * double(trainingRows);
    return result;
}

Result<DcrOverfittingResult> dcrOverfittingProtection(const Table &training, const Table &holdout,
                                                      const Table &synthetic, const Schema &schema, JobContext &job,
                                                      const DcrOptions &options)
{
    if (training.rowCount() == 0 || holdout.rowCount() == 0)
        return emptyReference();
    auto toTraining = distanceToClosestRecord(synthetic, training, schema, job, options);
    if (!toTraining)
        return toTraining.error();
    auto toHoldout = distanceToClosestRecord(synthetic, holdout, schema, job, options);
    if (!toHoldout)
        return toHoldout.error();
    return dcrOverfittingFromDistances(toTraining.value(), toHoldout.value(), training.rowCount(),
                                       holdout.rowCount());
}

Eigen::VectorXd neighbourDistanceRatios(const Neighbours &neighbours)
{
    Eigen::VectorXd ratios(neighbours.distance1.size());
    for (Eigen::Index i = 0; i < ratios.size(); ++i) {
        const double d2 = neighbours.distance2.size() > i ? neighbours.distance2[i] : kNaN;
        ratios[i] = std::isfinite(d2) ? (neighbours.distance1[i] + 1e-8) / (d2 + 1e-8) : kNaN;
    }
    return ratios;
}

namespace {

// Hash of a key row with NaN made canonical (every NaN hashes and compares equal).
std::uint64_t hashRow(const double *row, Eigen::Index size)
{
    std::uint64_t h = 1469598103934665603ull;
    for (Eigen::Index j = 0; j < size; ++j) {
        double v = std::isnan(row[j]) ? kNaN : row[j] + 0.0;
        std::uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        h ^= bits + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    }
    return h;
}

bool equalRows(const double *a, const double *b, Eigen::Index size)
{
    for (Eigen::Index j = 0; j < size; ++j) {
        if (std::isnan(a[j]) != std::isnan(b[j]) || (!std::isnan(a[j]) && a[j] != b[j]))
            return false;
    }
    return true;
}

} // namespace

double exactCopyRate(const EncodedRows &queryKeys, const EncodedRows &referenceKeys)
{
    if (queryKeys.rows() == 0)
        return kNaN;
    const Eigen::Index m = queryKeys.cols();
    std::unordered_multimap<std::uint64_t, Eigen::Index> index;
    index.reserve(size_t(referenceKeys.rows()));
    for (Eigen::Index r = 0; r < referenceKeys.rows(); ++r)
        index.emplace(hashRow(referenceKeys.row(r).data(), m), r);
    qint64 copies = 0;
    for (Eigen::Index r = 0; r < queryKeys.rows(); ++r) {
        const double *row = queryKeys.row(r).data();
        const auto [begin, end] = index.equal_range(hashRow(row, m));
        for (auto it = begin; it != end; ++it) {
            if (equalRows(row, referenceKeys.row(it->second).data(), m)) {
                ++copies;
                break;
            }
        }
    }
    return double(copies) / double(queryKeys.rows());
}

double rocAuc(const Eigen::VectorXd &positiveScores, const Eigen::VectorXd &negativeScores)
{
    const Eigen::Index np = positiveScores.size();
    const Eigen::Index nn = negativeScores.size();
    if (np == 0 || nn == 0)
        return kNaN;
    // Mann-Whitney U from mid-ranks of the pooled scores.
    std::vector<std::pair<double, bool>> pooled;
    pooled.reserve(size_t(np + nn));
    for (Eigen::Index i = 0; i < np; ++i)
        pooled.emplace_back(positiveScores[i], true);
    for (Eigen::Index i = 0; i < nn; ++i)
        pooled.emplace_back(negativeScores[i], false);
    std::sort(pooled.begin(), pooled.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    double rankSumPositive = 0.0;
    size_t i = 0;
    while (i < pooled.size()) {
        size_t j = i;
        while (j < pooled.size() && pooled[j].first == pooled[i].first)
            ++j;
        const double midRank = 0.5 * double(i + 1 + j); // ranks i+1 .. j
        for (size_t t = i; t < j; ++t)
            rankSumPositive += pooled[t].second ? midRank : 0.0;
        i = j;
    }
    const double u = rankSumPositive - double(np) * double(np + 1) / 2.0;
    return u / (double(np) * double(nn));
}

Result<MembershipInferenceResult> membershipInferenceAuc(const Table &training, const Table &holdout,
                                                         const Table &synthetic, const Schema &schema,
                                                         JobContext &job, const DcrOptions &options)
{
    if (synthetic.rowCount() == 0)
        return emptyReference();
    auto members = distanceToClosestRecord(training, synthetic, schema, job, options);
    if (!members)
        return members.error();
    auto nonMembers = distanceToClosestRecord(holdout, synthetic, schema, job, options);
    if (!nonMembers)
        return nonMembers.error();
    MembershipInferenceResult result;
    // Closer means "member": the score is the negated distance.
    result.auc = rocAuc(-members.value(), -nonMembers.value());
    result.memberMedianDistance = median(members.value());
    result.nonMemberMedianDistance = median(nonMembers.value());
    return result;
}

} // namespace core::privacy
