// SPDX-License-Identifier: MIT
#include "core/profile/profileinternal.h"

#include <Eigen/Core>
#include <Eigen/Dense>
#include <QHash>
#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <thread>

namespace core::profiling {

namespace {

    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    // Pearson over the rows where both x and y are finite (NaN marks the others); values are
    // centred by the caller's means so the one-pass sums stay accurate.
    template <typename X, typename Y>
    std::pair<double, qint64> pearson(const X &x, double mx, const Y &y, double my, qint64 n)
    {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        qint64 count = 0;
        for (qint64 i = 0; i < n; ++i) {
            const double a = double(x[size_t(i)]), b = double(y[size_t(i)]);
            if (std::isnan(a) || std::isnan(b))
                continue;
            const double da = a - mx, db = b - my;
            sx += da;
            sy += db;
            sxx += da * da;
            syy += db * db;
            sxy += da * db;
            ++count;
        }
        if (count < 2)
            return { kNaN, count };
        const double c = double(count);
        const double cov = sxy - sx * sy / c, vx = sxx - sx * sx / c, vy = syy - sy * sy / c;
        if (vx <= 0 || vy <= 0)
            return { kNaN, count };
        return { std::clamp(cov / std::sqrt(vx * vy), -1.0, 1.0), count };
    }

    // Average ranks of column `self` among the rows where `other` is finite too; NaN elsewhere.
    // With value ids: counts each value over those rows, then reads every row's rank from its
    // value, two sequential passes. Otherwise walks self's sorted rows in order, so the only random
    // reads are other's presence bytes.
    void rerank(const ColumnWork &self, const ColumnWork &other,
        const std::vector<std::uint8_t> &otherMissing, bool otherHasInfinity, std::vector<float> &out)
    {
        auto presentRow = [&](size_t row) {
            return otherHasInfinity ? !std::isnan(other.ranks[row]) : otherMissing[row] == 0;
        };
        if (!self.valueIds.empty()) {
            const size_t rows = self.valueIds.size();
            const std::uint16_t *ids = self.valueIds.data();
            std::vector<qint64> counts(size_t(self.valueIdCount) + 1, 0);
            for (size_t i = 0; i < rows; ++i) {
                if (presentRow(i))
                    ++counts[ids[i] == ColumnWork::kNoValueId ? size_t(self.valueIdCount) : ids[i]];
            }
            std::vector<float> rankOf(size_t(self.valueIdCount) + 1, std::numeric_limits<float>::quiet_NaN());
            qint64 before = 0;
            for (size_t v = 0; v < size_t(self.valueIdCount); ++v) {
                rankOf[v] = float(double(2 * before + counts[v] - 1) / 2.0 + 1.0);
                before += counts[v];
            }
            const float nan = std::numeric_limits<float>::quiet_NaN();
            for (size_t i = 0; i < rows; ++i) {
                const std::uint16_t id = ids[i];
                out[i] = presentRow(i) ? rankOf[id == ColumnWork::kNoValueId ? size_t(self.valueIdCount) : id]
                                       : nan;
            }
            return;
        }
        std::fill(out.begin(), out.end(), std::numeric_limits<float>::quiet_NaN());
        const std::vector<std::uint32_t> &order = self.order;
        const std::vector<std::uint8_t> &starts = self.runStarts;
        auto present = [&](std::uint32_t row) {
            return otherHasInfinity ? !std::isnan(other.ranks[row]) : otherMissing[row] == 0;
        };
        std::vector<std::uint32_t> run;
        qint64 kept = 0;
        auto flush = [&] {
            const float rank = float(double(2 * kept + qint64(run.size()) + 1) / 2.0);
            for (std::uint32_t row : run)
                out[row] = rank;
            kept += qint64(run.size());
            run.clear();
        };
        for (size_t i = 0; i < order.size(); ++i) {
            if (starts[i] && !run.empty())
                flush();
            if (present(order[i]))
                run.push_back(order[i]);
        }
        if (!run.empty())
            flush();
    }

    const std::vector<std::int32_t> &codesOf(
        const Table &table, const std::vector<ColumnWork> &work, int column)
    {
        const ColumnWork &w = work[size_t(column)];
        return w.binaryCodes.empty() ? table.column(column).codes() : w.binaryCodes;
    }

    double cramersV(const std::vector<std::int32_t> &a, int levelsA, const std::vector<std::int32_t> &b,
        int levelsB, qint64 &n)
    {
        std::vector<qint64> table(size_t(levelsA) * size_t(levelsB), 0);
        n = 0;
        for (size_t i = 0; i < a.size(); ++i) {
            if (a[i] < 0 || b[i] < 0 || a[i] >= levelsA || b[i] >= levelsB)
                continue;
            ++table[size_t(a[i]) * size_t(levelsB) + size_t(b[i])];
            ++n;
        }
        if (n == 0)
            return kNaN;
        std::vector<qint64> rows(size_t(levelsA), 0), cols(size_t(levelsB), 0);
        for (int r = 0; r < levelsA; ++r) {
            for (int c = 0; c < levelsB; ++c) {
                rows[size_t(r)] += table[size_t(r) * size_t(levelsB) + size_t(c)];
                cols[size_t(c)] += table[size_t(r) * size_t(levelsB) + size_t(c)];
            }
        }
        double chi2 = 0;
        for (int r = 0; r < levelsA; ++r) {
            if (rows[size_t(r)] == 0)
                continue;
            for (int c = 0; c < levelsB; ++c) {
                if (cols[size_t(c)] == 0)
                    continue;
                const double expected = double(rows[size_t(r)]) * double(cols[size_t(c)]) / double(n);
                const double d = double(table[size_t(r) * size_t(levelsB) + size_t(c)]) - expected;
                chi2 += d * d / expected;
            }
        }
        const auto nonEmpty = [](const std::vector<qint64> &v) {
            return std::count_if(v.begin(), v.end(), [](qint64 x) { return x > 0; });
        };
        const qint64 k = std::min(nonEmpty(rows), nonEmpty(cols)) - 1;
        if (k <= 0)
            return kNaN;
        return std::sqrt(chi2 / double(n) / double(k));
    }

    // eta = sqrt(between-group / total sum of squares), in one pass over deviations from the
    // column mean (which keeps the sums of squares accurate). `present` is null for a number column
    // without missing or infinite cells, which saves a read and a branch per row.
    template <bool Masked>
    double correlationRatio(const double *x, double mean, const float *present, const std::int32_t *codes,
        size_t rows, int levels, qint64 &n)
    {
        // Four banks of accumulators, taken in turn: consecutive rows of the same category would
        // otherwise wait on each other's store (a few categories make that the common case).
        constexpr size_t kBanks = 4;
        const size_t width = size_t(levels) + 1;
        std::vector<double> sums(kBanks * width, 0), squares(kBanks * width, 0);
        std::vector<qint64> counts(kBanks * width, 0);
        for (size_t i = 0; i < rows; ++i) {
            if constexpr (Masked) {
                if (std::isnan(present[i]))
                    continue;
            }
            // Missing codes (-1) land in an extra slot that is left out below.
            const std::int32_t c = codes[i];
            const size_t slot = (i % kBanks) * width + (c >= 0 && c < levels ? size_t(c) : size_t(levels));
            const double d = x[i] - mean;
            sums[slot] += d;
            squares[slot] += d * d;
            ++counts[slot];
        }
        for (size_t b = 1; b < kBanks; ++b) {
            for (size_t k = 0; k < width; ++k) {
                sums[k] += sums[b * width + k];
                squares[k] += squares[b * width + k];
                counts[k] += counts[b * width + k];
            }
        }
        double total = 0, sq = 0;
        n = 0;
        for (int k = 0; k < levels; ++k) {
            total += sums[size_t(k)];
            sq += squares[size_t(k)];
            n += counts[size_t(k)];
        }
        if (n < 2)
            return kNaN;
        const double m = total / double(n);
        const double within = sq - double(n) * m * m;
        double between = 0;
        for (int k = 0; k < levels; ++k) {
            if (counts[size_t(k)] > 0) {
                const double d = sums[size_t(k)] / double(counts[size_t(k)]) - m;
                between += double(counts[size_t(k)]) * d * d;
            }
        }
        if (!(within > 0))
            return kNaN;
        return std::sqrt(std::clamp(between / within, 0.0, 1.0));
    }

    // Correlation ratios of every complete number column against every category column, from one
    // read of the rows: each chunk of rows adds its centred values into per-category sums, for all
    // category columns at once. eta^2 = between-group / total sum of squares; the total over the
    // rows whose category is present is the column's whole sum of squares minus that of the rows
    // where it is missing, so per category only the sums are needed, not the squares.
    constexpr size_t kRatioBanks = 4;

    struct RatioPartial {
        // per category column: banks x (levels + 1) slots x numbers (banks only for <= 16 levels)
        std::vector<std::vector<double>> sums;
        std::vector<std::vector<qint64>> counts; // per category column: levels + 1 slots
        std::vector<std::vector<double>> missingSquares; // per category column: per number
    };

    struct RatioInput {
        std::vector<const double *> xs; // complete number columns
        std::vector<double> means;
        std::vector<const std::int32_t *> codes; // category columns
        std::vector<int> levels;
    };

    void addRatioChunk(const RatioInput &in, size_t begin, size_t end, RatioPartial &out)
    {
        const size_t k = in.xs.size();
        constexpr size_t kBlock = 1024;
        std::vector<double> centred(kBlock * k);
        for (size_t b0 = begin; b0 < end; b0 += kBlock) {
            const size_t b1 = std::min(end, b0 + kBlock), rows = b1 - b0;
            for (size_t j = 0; j < k; ++j) {
                const double *x = in.xs[j] + b0;
                const double mean = in.means[j];
                for (size_t i = 0; i < rows; ++i)
                    centred[i * k + j] = x[i] - mean;
            }
            for (size_t c = 0; c < in.codes.size(); ++c) {
                const std::int32_t *codes = in.codes[c] + b0;
                const int levels = in.levels[c];
                double *sums = out.sums[c].data();
                qint64 *counts = out.counts[c].data();
                double *squares = out.missingSquares[c].data();
                // Few categories: consecutive rows often share one, and each add would wait for the
                // previous row's; alternating banks of sums keeps them apart.
                const size_t banks = levels <= 16 ? kRatioBanks : 1;
                const size_t bankStride = (size_t(levels) + 1) * k;
                for (size_t i = 0; i < rows; ++i) {
                    const std::int32_t code = codes[i];
                    const bool missing = code < 0 || code >= levels;
                    const size_t slot = missing ? size_t(levels) : size_t(code);
                    ++counts[slot];
                    const double *d = centred.data() + i * k;
                    double *s = sums + (i % banks) * bankStride + slot * k;
                    for (size_t j = 0; j < k; ++j)
                        s[j] += d[j];
                    if (missing) {
                        for (size_t j = 0; j < k; ++j)
                            squares[j] += d[j] * d[j];
                    }
                }
            }
        }
    }

    // One column with missing cells (g) against complete columns (partners) that have value ids:
    // Pearson and Spearman of every pair over the rows where g is finite. Spearman needs each
    // partner's ranks among those rows: first the partner's values are counted over them
    // (countPartnerChunk), then one pass adds the centred values and ranks (addPartnerChunk).
    struct PartnerGroup {
        int g;
        std::vector<int> partners;
    };

    struct PartnerSums {
        // per partner: values sx, sxx, sxg; ranks rx, rxx, rxg
        std::vector<double> sx, sxx, sxg, rx, rxx, rxg;
        double sg = 0, sgg = 0, rg = 0, rgg = 0;
        qint64 n = 0;
        explicit PartnerSums(size_t k = 0)
            : sx(k)
            , sxx(k)
            , sxg(k)
            , rx(k)
            , rxx(k)
            , rxg(k)
        {
        }
    };

    void countPartnerChunk(const PartnerGroup &group, const std::vector<ColumnWork> &work, size_t begin,
        size_t end, std::vector<std::vector<qint64>> &counts)
    {
        const float *gRanks = work[size_t(group.g)].ranks.data();
        for (size_t j = 0; j < group.partners.size(); ++j) {
            const ColumnWork &p = work[size_t(group.partners[j])];
            const std::uint16_t *ids = p.valueIds.data();
            qint64 *c = counts[j].data();
            for (size_t i = begin; i < end; ++i) {
                if (!std::isnan(gRanks[i]))
                    ++c[ids[i]];
            }
        }
    }

    void addPartnerChunk(const Table &table, const PartnerGroup &group, const std::vector<ColumnWork> &work,
        const std::vector<std::vector<float>> &rankOf, size_t begin, size_t end, PartnerSums &out)
    {
        const ColumnWork &gw = work[size_t(group.g)];
        const double *gValues = table.column(group.g).numbers().data();
        const float *gRanks = gw.ranks.data();
        const double mid = double(gw.finite + 1) / 2.0;
        const size_t k = group.partners.size();
        std::vector<const double *> xs(k);
        std::vector<const std::uint16_t *> ids(k);
        std::vector<double> means(k);
        for (size_t j = 0; j < k; ++j) {
            xs[j] = table.column(group.partners[j]).numbers().data();
            ids[j] = work[size_t(group.partners[j])].valueIds.data();
            means[j] = work[size_t(group.partners[j])].mean;
        }
        for (size_t i = begin; i < end; ++i) {
            if (std::isnan(gRanks[i]))
                continue;
            const double dg = gValues[i] - gw.mean, rg = double(gRanks[i]) - mid;
            out.sg += dg;
            out.sgg += dg * dg;
            out.rg += rg;
            out.rgg += rg * rg;
            ++out.n;
            for (size_t j = 0; j < k; ++j) {
                const double dx = xs[j][i] - means[j];
                const double rx = double(rankOf[j][ids[j][i]]) - mid;
                out.sx[j] += dx;
                out.sxx[j] += dx * dx;
                out.sxg[j] += dx * dg;
                out.rx[j] += rx;
                out.rxx[j] += rx * rx;
                out.rxg[j] += rx * rg;
            }
        }
    }

    // pearson() from its sums.
    double correlationFromSums(double sx, double sy, double sxx, double syy, double sxy, qint64 count)
    {
        if (count < 2)
            return kNaN;
        const double c = double(count);
        const double cov = sxy - sx * sy / c, vx = sxx - sx * sx / c, vy = syy - sy * sy / c;
        if (vx <= 0 || vy <= 0)
            return kNaN;
        return std::clamp(cov / std::sqrt(vx * vy), -1.0, 1.0);
    }

    struct PairTask {
        int first;
        int second;
        int kind; // 0 Pearson + Spearman, 1 Cramer's V, 2 correlation ratio
    };

} // namespace

bool parallelFor(int count, int threads, JobContext &job, double from, double to, const QString &stage,
    const std::function<void(int)> &fn)
{
    std::atomic<int> next { 0 };
    std::atomic<int> done { 0 };
    std::atomic<bool> stop { false };
    auto worker = [&] {
        while (!stop.load()) {
            const int i = next.fetch_add(1);
            if (i >= count)
                break;
            fn(i);
            done.fetch_add(1);
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::min(threads, count); ++t)
        pool.emplace_back([&worker] {
            worker();
            releaseThreadScratch();
        });
    // The caller's thread works too, and is the only one that talks to the job.
    while (!stop.load()) {
        if (job.isCancelled()) {
            stop.store(true);
            break;
        }
        const int i = next.fetch_add(1);
        if (i >= count)
            break;
        fn(i);
        done.fetch_add(1);
        job.reportProgress(from + (to - from) * double(done.load()) / double(std::max(1, count)), stage);
    }
    for (std::thread &t : pool)
        t.join();
    releaseThreadScratch();
    return !stop.load() && !job.isCancelled();
}

std::optional<QList<Association>> computeAssociations(
    const Table &table, const std::vector<ColumnWork> &work, int threads, JobContext &job)
{
    std::vector<PairTask> tasks;
    const int columns = int(work.size());
    const qint64 rows = table.rowCount();
    auto complete = [&](int i) { return work[size_t(i)].correlates && work[size_t(i)].finite == rows; };
    std::vector<int> completeColumns;
    for (int i = 0; i < columns; ++i) {
        if (complete(i))
            completeColumns.push_back(i);
    }
    // A column with missing cells against complete columns with value ids: all those pairs from
    // one read of the rows (see addPartnerChunk); other pairs one by one.
    auto batched = [&](int i, int j) {
        const ColumnWork &a = work[size_t(i)], &b = work[size_t(j)];
        return (complete(i) && !complete(j) && !a.valueIds.empty())
            || (complete(j) && !complete(i) && !b.valueIds.empty());
    };
    std::vector<PartnerGroup> groups;
    for (int i = 0; i < columns; ++i) {
        if (!work[size_t(i)].correlates || complete(i))
            continue;
        PartnerGroup group { i, {} };
        for (int j : completeColumns) {
            if (!work[size_t(j)].valueIds.empty())
                group.partners.push_back(j);
        }
        if (!group.partners.empty())
            groups.push_back(std::move(group));
    }
    for (int i = 0; i < columns; ++i) {
        for (int j = i + 1; j < columns; ++j) {
            if (work[size_t(i)].correlates && work[size_t(j)].correlates && !(complete(i) && complete(j))
                && !batched(i, j))
                tasks.push_back({ i, j, 0 });
            if (work[size_t(i)].categorical && work[size_t(j)].categorical)
                tasks.push_back({ i, j, 1 });
        }
    }
    // Correlation ratios: numbers with missing cells pair by pair; complete numbers all at once per
    // category column (kind 3, first = -1), reading the codes once.
    std::vector<int> completeNumbers;
    for (int i = 0; i < columns; ++i) {
        if (!work[size_t(i)].correlates || work[size_t(i)].profile.kind != ProfileKind::Numeric)
            continue;
        if (complete(i)) {
            completeNumbers.push_back(i);
            continue;
        }
        for (int j = 0; j < columns; ++j) {
            if (j != i && work[size_t(j)].categorical)
                tasks.push_back({ i, j, 2 });
        }
    }
    std::vector<int> ratioCategories;
    for (int j = 0; j < columns && !completeNumbers.empty(); ++j) {
        if (work[size_t(j)].categorical)
            ratioCategories.push_back(j);
    }
    // Pairs of complete columns: Pearson and Spearman from Gram matrices of the centred values and
    // ranks, accumulated block by block (Eigen's matrix products, little extra memory).
    const int k = int(completeColumns.size());
    QList<Association> gramAssociations;
    if (k >= 2) {
        constexpr qint64 kBlock = 16384;
        const int blocks = int((rows + kBlock - 1) / kBlock);
        std::vector<Eigen::MatrixXd> valueGrams(static_cast<size_t>(blocks)),
            rankGrams(static_cast<size_t>(blocks));
        const double mid = double(rows + 1) / 2.0;
        const bool gramOk
            = parallelFor(blocks, threads, job, 0.7, 0.75, QObject::tr("Measuring associations"), [&](int b) {
                  const qint64 begin = b * kBlock, end = std::min(rows, begin + kBlock);
                  Eigen::MatrixXd x(end - begin, k), r(end - begin, k);
                  for (int c = 0; c < k; ++c) {
                      const ColumnWork &w = work[size_t(completeColumns[size_t(c)])];
                      const std::vector<double> &values = table.column(completeColumns[size_t(c)]).numbers();
                      for (qint64 i = begin; i < end; ++i) {
                          x(i - begin, c) = values[size_t(i)] - w.mean;
                          r(i - begin, c) = double(w.ranks[size_t(i)]) - mid;
                      }
                  }
                  // Symmetric rank updates compute one triangle: half the work of a full product.
                  valueGrams[size_t(b)] = Eigen::MatrixXd::Zero(k, k);
                  rankGrams[size_t(b)] = Eigen::MatrixXd::Zero(k, k);
                  valueGrams[size_t(b)].selfadjointView<Eigen::Lower>().rankUpdate(x.transpose());
                  rankGrams[size_t(b)].selfadjointView<Eigen::Lower>().rankUpdate(r.transpose());
              });
        if (!gramOk)
            return std::nullopt;
        Eigen::MatrixXd gx = Eigen::MatrixXd::Zero(k, k), gr = Eigen::MatrixXd::Zero(k, k);
        for (int b = 0; b < blocks; ++b) {
            gx += valueGrams[size_t(b)];
            gr += rankGrams[size_t(b)];
        }
        auto correlation = [](const Eigen::MatrixXd &g, int i, int j) {
            // Only the lower triangle (row > column) is filled.
            if (!(g(i, i) > 0) || !(g(j, j) > 0))
                return kNaN;
            return std::clamp(g(std::max(i, j), std::min(i, j)) / std::sqrt(g(i, i) * g(j, j)), -1.0, 1.0);
        };
        for (int i = 0; i < k; ++i) {
            for (int j = i + 1; j < k; ++j) {
                const int a = completeColumns[size_t(i)], b = completeColumns[size_t(j)];
                gramAssociations.append(
                    Association { a, b, Association::Method::Pearson, correlation(gx, i, j), rows });
                gramAssociations.append(
                    Association { a, b, Association::Method::Spearman, correlation(gr, i, j), rows });
            }
        }
    }

    // Columns with missing cells against complete ones, group by group.
    QList<Association> partnerAssociations;
    if (!groups.empty()) {
        const int chunks = std::max(1, threads) * 2;
        const qint64 chunkRows = (rows + chunks - 1) / chunks;
        const int items = int(groups.size()) * chunks;
        // counts[group][chunk][partner][value id]
        std::vector<std::vector<std::vector<std::vector<qint64>>>> counts(groups.size());
        for (size_t g = 0; g < groups.size(); ++g) {
            counts[g].resize(size_t(chunks));
            for (auto &chunk : counts[g]) {
                for (int p : groups[g].partners)
                    chunk.emplace_back(size_t(work[size_t(p)].valueIdCount), 0);
            }
        }
        auto range = [&](int item) {
            const int chunk = item % chunks;
            const qint64 begin = std::min(rows, chunk * chunkRows), end = std::min(rows, begin + chunkRows);
            return std::pair<size_t, size_t>(size_t(begin), size_t(end));
        };
        if (!parallelFor(
                items, threads, job, 0.8, 0.82, QObject::tr("Measuring associations"), [&](int item) {
                    const auto [begin, end] = range(item);
                    countPartnerChunk(groups[size_t(item / chunks)], work, begin, end,
                        counts[size_t(item / chunks)][size_t(item % chunks)]);
                }))
            return std::nullopt;
        // Average rank of each partner value among the rows where g is finite.
        std::vector<std::vector<std::vector<float>>> rankOf(groups.size());
        for (size_t g = 0; g < groups.size(); ++g) {
            for (size_t j = 0; j < groups[g].partners.size(); ++j) {
                const size_t values = size_t(work[size_t(groups[g].partners[j])].valueIdCount);
                std::vector<float> ranks(values);
                qint64 before = 0;
                for (size_t v = 0; v < values; ++v) {
                    qint64 c = 0;
                    for (int chunk = 0; chunk < chunks; ++chunk)
                        c += counts[g][size_t(chunk)][j][v];
                    ranks[v] = float(double(2 * before + c - 1) / 2.0 + 1.0);
                    before += c;
                }
                rankOf[g].push_back(std::move(ranks));
            }
        }
        std::vector<PartnerSums> sums;
        for (int item = 0; item < items; ++item)
            sums.emplace_back(groups[size_t(item / chunks)].partners.size());
        if (!parallelFor(
                items, threads, job, 0.82, 0.85, QObject::tr("Measuring associations"), [&](int item) {
                    const auto [begin, end] = range(item);
                    addPartnerChunk(table, groups[size_t(item / chunks)], work, rankOf[size_t(item / chunks)],
                        begin, end, sums[size_t(item)]);
                }))
            return std::nullopt;
        for (size_t g = 0; g < groups.size(); ++g) {
            const size_t k = groups[g].partners.size();
            PartnerSums total(k);
            for (int chunk = 0; chunk < chunks; ++chunk) {
                const PartnerSums &part = sums[g * size_t(chunks) + size_t(chunk)];
                total.sg += part.sg;
                total.sgg += part.sgg;
                total.rg += part.rg;
                total.rgg += part.rgg;
                total.n += part.n;
                for (size_t j = 0; j < k; ++j) {
                    total.sx[j] += part.sx[j];
                    total.sxx[j] += part.sxx[j];
                    total.sxg[j] += part.sxg[j];
                    total.rx[j] += part.rx[j];
                    total.rxx[j] += part.rxx[j];
                    total.rxg[j] += part.rxg[j];
                }
            }
            for (size_t j = 0; j < k; ++j) {
                const int a = std::min(groups[g].g, groups[g].partners[j]);
                const int b = std::max(groups[g].g, groups[g].partners[j]);
                partnerAssociations.append(Association { a, b, Association::Method::Pearson,
                    correlationFromSums(
                        total.sx[j], total.sg, total.sxx[j], total.sgg, total.sxg[j], total.n),
                    total.n });
                partnerAssociations.append(Association { a, b, Association::Method::Spearman,
                    correlationFromSums(
                        total.rx[j], total.rg, total.rxx[j], total.rgg, total.rxg[j], total.n),
                    total.n });
            }
        }
    }

    // Correlation ratios of the complete numbers, all category columns at once.
    QList<Association> ratioAssociations;
    if (!ratioCategories.empty()) {
        RatioInput in;
        for (int i : completeNumbers) {
            in.xs.push_back(table.column(i).numbers().data());
            in.means.push_back(work[size_t(i)].mean);
        }
        for (int c : ratioCategories) {
            in.codes.push_back(codesOf(table, work, c).data());
            in.levels.push_back(work[size_t(c)].levels);
        }
        const size_t k = in.xs.size();
        const int chunks = std::max(1, threads) * 2;
        std::vector<RatioPartial> partials(static_cast<size_t>(chunks));
        for (RatioPartial &part : partials) {
            for (int levels : in.levels) {
                part.sums.emplace_back((levels <= 16 ? kRatioBanks : 1) * (size_t(levels) + 1) * k, 0.0);
                part.counts.emplace_back(size_t(levels) + 1, 0);
                part.missingSquares.emplace_back(k, 0.0);
            }
        }
        const qint64 chunkRows = (rows + chunks - 1) / chunks;
        const bool ratiosOk = parallelFor(
            chunks, threads, job, 0.75, 0.8, QObject::tr("Measuring associations"), [&](int chunk) {
                const qint64 begin = std::min(rows, chunk * chunkRows),
                             end = std::min(rows, begin + chunkRows);
                addRatioChunk(in, size_t(begin), size_t(end), partials[size_t(chunk)]);
            });
        if (!ratiosOk)
            return std::nullopt;
        for (size_t c = 0; c < ratioCategories.size(); ++c) {
            const int levels = in.levels[c];
            std::vector<double> sums((size_t(levels) + 1) * k, 0.0), squares(k, 0.0);
            std::vector<qint64> counts(size_t(levels) + 1, 0);
            for (const RatioPartial &part : partials) {
                for (size_t x = 0; x < part.sums[c].size(); ++x)
                    sums[x % sums.size()] += part.sums[c][x];
                for (size_t x = 0; x < counts.size(); ++x)
                    counts[x] += part.counts[c][x];
                for (size_t j = 0; j < k; ++j)
                    squares[j] += part.missingSquares[c][j];
            }
            const qint64 n = rows - counts[size_t(levels)];
            for (size_t j = 0; j < k; ++j) {
                const int number = completeNumbers[j];
                if (number == ratioCategories[c])
                    continue; // a binary column against itself
                double eta = kNaN;
                if (n >= 2) {
                    double total = 0;
                    for (int l = 0; l < levels; ++l)
                        total += sums[size_t(l) * k + j];
                    const double m = total / double(n);
                    const double within = work[size_t(number)].sumSquares - squares[j] - double(n) * m * m;
                    double between = 0;
                    for (int l = 0; l < levels; ++l) {
                        if (counts[size_t(l)] > 0) {
                            const double d = sums[size_t(l) * k + j] / double(counts[size_t(l)]) - m;
                            between += double(counts[size_t(l)]) * d * d;
                        }
                    }
                    if (within > 0)
                        eta = std::sqrt(std::clamp(between / within, 0.0, 1.0));
                }
                ratioAssociations.append(Association {
                    number, ratioCategories[c], Association::Method::CorrelationRatio, eta, n });
            }
        }
    }

    std::vector<std::vector<Association>> results(tasks.size());
    const bool ok = parallelFor(
        int(tasks.size()), threads, job, 0.7, 0.9, QObject::tr("Measuring associations"), [&](int t) {
            const PairTask &task = tasks[size_t(t)];
            std::vector<Association> &out = results[size_t(t)];
            const ColumnWork &a = work[size_t(task.first)], &b = work[size_t(task.second)];
            const Column &ca = table.column(task.first), &cb = table.column(task.second);
            if (task.kind == 0) {
                // Values are NaN where missing; ranks are NaN where missing or infinite.
                struct Masked {
                    const std::vector<double> &values;
                    const std::vector<float> &ranks;
                    double operator[](size_t i) const { return std::isnan(ranks[i]) ? kNaN : values[i]; }
                };
                const auto [r, n] = pearson(
                    Masked { ca.numbers(), a.ranks }, a.mean, Masked { cb.numbers(), b.ranks }, b.mean, rows);
                out.push_back(Association { task.first, task.second, Association::Method::Pearson, r, n });
                const bool shared = a.finite == n && b.finite == n;
                double rho;
                if (shared) {
                    const double mid = double(n + 1) / 2.0;
                    rho = pearson(a.ranks, mid, b.ranks, mid, rows).first;
                } else {
                    // Re-rank only a side with rows the other one lacks: its ranks count those rows.
                    const bool aInf = a.profile.numeric->nonFinite() > 0,
                               bInf = b.profile.numeric->nonFinite() > 0;
                    const double mid = double(n + 1) / 2.0;
                    std::vector<float> ra, rb;
                    if (a.finite != n) {
                        ra.resize(static_cast<size_t>(rows));
                        rerank(a, b, cb.missingMask(), bInf, ra);
                    }
                    if (b.finite != n) {
                        rb.resize(static_cast<size_t>(rows));
                        rerank(b, a, ca.missingMask(), aInf, rb);
                    }
                    rho = pearson(ra.empty() ? a.ranks : ra, mid, rb.empty() ? b.ranks : rb, mid, rows).first;
                }
                out.push_back(Association { task.first, task.second, Association::Method::Spearman, rho, n });
            } else if (task.kind == 1) {
                if (qint64(a.levels) * qint64(b.levels) > 10'000'000)
                    return;
                qint64 n = 0;
                const double v = cramersV(codesOf(table, work, task.first), a.levels,
                    codesOf(table, work, task.second), b.levels, n);
                out.push_back(Association { task.first, task.second, Association::Method::CramersV, v, n });
            } else {
                qint64 n = 0;
                const std::vector<std::int32_t> &codes = codesOf(table, work, task.second);
                const double eta = a.finite == rows
                    ? correlationRatio<false>(
                        ca.numbers().data(), a.mean, nullptr, codes.data(), size_t(rows), b.levels, n)
                    : correlationRatio<true>(
                        ca.numbers().data(), a.mean, a.ranks.data(), codes.data(), size_t(rows), b.levels, n);
                out.push_back(
                    Association { task.first, task.second, Association::Method::CorrelationRatio, eta, n });
            }
        });
    if (!ok)
        return std::nullopt;
    QList<Association> all = gramAssociations;
    all += partnerAssociations;
    all += ratioAssociations;
    for (const auto &r : results) {
        for (const Association &a : r)
            all.append(a);
    }
    return all;
}

namespace {

    inline std::uint64_t mix(std::uint64_t h)
    {
        // splitmix64 finaliser
        h ^= h >> 30;
        h *= 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 27;
        h *= 0x94d049bb133111ebULL;
        h ^= h >> 31;
        return h;
    }

    inline std::uint64_t cellHash(const Column &c, size_t row)
    {
        if (c.missingMask()[row])
            return 0x5bd1e995ULL;
        switch (c.storage()) {
        case ColumnStorage::Number:
        case ColumnStorage::DateTime: {
            double v = c.numbers()[row];
            if (v == 0)
                v = 0; // -0.0 equals 0.0
            return std::bit_cast<std::uint64_t>(v);
        }
        case ColumnStorage::Category:
        case ColumnStorage::Boolean:
            return std::uint64_t(std::int64_t(c.codes()[row])) + 0x1000;
        case ColumnStorage::Text:
            return qHash(c.texts()[row], 0x9e3779b9U);
        }
        return 0;
    }

    bool cellsEqual(const Column &c, size_t r1, size_t r2)
    {
        const bool m1 = c.missingMask()[r1] != 0, m2 = c.missingMask()[r2] != 0;
        if (m1 || m2)
            return m1 == m2;
        switch (c.storage()) {
        case ColumnStorage::Number:
        case ColumnStorage::DateTime: {
            const double a = c.numbers()[r1], b = c.numbers()[r2];
            return a == b || (std::isnan(a) && std::isnan(b));
        }
        case ColumnStorage::Category:
        case ColumnStorage::Boolean:
            return c.codes()[r1] == c.codes()[r2];
        case ColumnStorage::Text:
            return c.texts()[r1] == c.texts()[r2];
        }
        return false;
    }

} // namespace

std::optional<qint64> countDuplicateRows(const Table &table, const std::vector<ColumnWork> &work, int threads,
    JobContext &job, QList<qint64> &examples)
{
    const qint64 rows = table.rowCount();
    examples.clear();
    if (rows < 2 || table.columnCount() == 0)
        return 0;
    // A column without missing cells whose values are all distinct makes every row distinct.
    for (const ColumnWork &w : work) {
        if (w.profile.missing == 0 && w.profile.distinct == rows
            && (!w.profile.numeric || w.profile.numeric->nonFinite() == 0))
            return 0;
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>> hashes(static_cast<size_t>(rows));
    const int chunks = std::max(1, threads) * 4;
    const qint64 chunkRows = (rows + chunks - 1) / chunks;
    const bool ok = parallelFor(
        chunks, threads, job, 0.9, 0.95, QObject::tr("Looking for duplicate rows"), [&](int chunk) {
            const qint64 begin = chunk * chunkRows, end = std::min(rows, begin + chunkRows);
            for (qint64 r = begin; r < end; ++r)
                hashes[size_t(r)] = { 0x243f6a8885a308d3ULL, std::uint32_t(r) };
            for (int c = 0; c < table.columnCount(); ++c) {
                const Column &column = table.column(c);
                for (qint64 r = begin; r < end; ++r)
                    hashes[size_t(r)].first
                        = mix(hashes[size_t(r)].first + cellHash(column, size_t(r)) + std::uint64_t(c));
            }
        });
    if (!ok)
        return std::nullopt;
    std::sort(hashes.begin(), hashes.end());
    qint64 duplicates = 0;
    std::vector<qint64> found;
    std::vector<std::uint32_t> representatives;
    for (size_t a = 0; a < hashes.size();) {
        size_t b = a + 1;
        while (b < hashes.size() && hashes[b].first == hashes[a].first)
            ++b;
        if (b - a > 1) {
            // Same hash: compare the cells, so a collision never counts as a duplicate.
            representatives.clear();
            for (size_t i = a; i < b; ++i) {
                const std::uint32_t row = hashes[i].second;
                bool duplicate = false;
                for (std::uint32_t rep : representatives) {
                    bool equal = true;
                    for (int c = 0; c < table.columnCount() && equal; ++c)
                        equal = cellsEqual(table.column(c), rep, row);
                    if (equal) {
                        duplicate = true;
                        break;
                    }
                }
                if (duplicate) {
                    ++duplicates;
                    found.push_back(row);
                } else {
                    representatives.push_back(row);
                }
            }
        }
        a = b;
    }
    std::sort(found.begin(), found.end());
    for (size_t i = 0; i < found.size() && i < 5; ++i)
        examples.append(found[i]);
    return duplicates;
}

} // namespace core::profiling
