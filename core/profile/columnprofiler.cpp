// SPDX-License-Identifier: MIT
#include "core/data/datetimeformat.h"
#include "core/profile/clinicalranges.h"
#include "core/profile/profileinternal.h"
#include "core/profile/valueanalysis.h"

#include <QHash>
#include <QMap>
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>

namespace core::profiling {

namespace {

    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    // Keeps the k most frequent values (ties: first seen wins, i.e. the smaller value when the
    // input comes sorted), without sorting every distinct value.
    class TopValues {
    public:
        explicit TopValues(int k)
            : m_k(std::max(0, k))
        {
        }
        template <typename MakeText> void offer(qint64 count, const MakeText &text)
        {
            if (m_k == 0 || (int(m_items.size()) == m_k && count <= m_items.back().count))
                return;
            ValueCount item { text(), count };
            auto at = std::upper_bound(m_items.begin(), m_items.end(), item,
                [](const ValueCount &a, const ValueCount &b) { return a.count > b.count; });
            m_items.insert(at, std::move(item));
            if (int(m_items.size()) > m_k)
                m_items.pop_back();
        }
        QList<ValueCount> take() { return QList<ValueCount>(m_items.begin(), m_items.end()); }

    private:
        int m_k;
        std::vector<ValueCount> m_items;
    };

    // Doubles as unsigned keys that sort in the same order (sign flipped, negatives inverted).
    inline std::uint64_t sortKey(double v)
    {
        const std::uint64_t bits = std::bit_cast<std::uint64_t>(v);
        return (bits & 0x8000000000000000ULL) ? ~bits : bits | 0x8000000000000000ULL;
    }
    inline double fromSortKey(std::uint64_t key)
    {
        return std::bit_cast<double>((key & 0x8000000000000000ULL) ? key & ~0x8000000000000000ULL : ~key);
    }

    // Sorts (value, row) pairs by value, rows ascending among equal values: an LSD radix sort on
    // 11-bit digits that skips digits all values share. About 4x faster than std::sort on a
    // million values, which matters because every number column is sorted once.
    struct SortScratch {
        std::vector<std::uint64_t> keys, keysOut;
        std::vector<std::uint32_t> rowsOut;
    };
    thread_local SortScratch t_sortScratch;

    void sortByValue(std::vector<double> &values, std::vector<std::uint32_t> &rows)
    {
        const size_t n = values.size();
        // Row numbers, sequence numbers and timestamps often arrive in order already.
        if (std::is_sorted(values.begin(), values.end()))
            return;
        if (n < 2048) {
            std::vector<std::pair<double, std::uint32_t>> items(n);
            for (size_t i = 0; i < n; ++i)
                items[i] = { values[i], rows[i] };
            std::sort(items.begin(), items.end());
            for (size_t i = 0; i < n; ++i) {
                values[i] = items[i].first;
                rows[i] = items[i].second;
            }
            return;
        }
        constexpr int kBits = 11, kPasses = 6, kBuckets = 1 << kBits;
        // Buffers reused from column to column on this thread: fresh ones would page-fault every time.
        SortScratch &scratch = t_sortScratch;
        std::vector<std::uint64_t> &keys = scratch.keys, &keysOut = scratch.keysOut;
        std::vector<std::uint32_t> &rowsOut = scratch.rowsOut;
        keys.resize(n);
        keysOut.resize(n);
        rowsOut.resize(n);
        std::vector<std::array<std::uint32_t, kBuckets>> counts(kPasses);
        for (auto &c : counts)
            c.fill(0);
        for (size_t i = 0; i < n; ++i) {
            const std::uint64_t k = sortKey(values[i]);
            keys[i] = k;
            for (int p = 0; p < kPasses; ++p)
                ++counts[size_t(p)][(k >> (p * kBits)) & (kBuckets - 1)];
        }
        for (int p = 0; p < kPasses; ++p) {
            auto &c = counts[size_t(p)];
            if (std::any_of(c.begin(), c.end(), [n](std::uint32_t x) { return x == n; }))
                continue; // every key has the same digit here
            std::uint32_t sum = 0;
            for (std::uint32_t &x : c) {
                const std::uint32_t count = x;
                x = sum;
                sum += count;
            }
            const int shift = p * kBits;
            for (size_t i = 0; i < n; ++i) {
                const std::uint32_t at = c[(keys[i] >> shift) & (kBuckets - 1)]++;
                keysOut[at] = keys[i];
                rowsOut[at] = rows[i];
            }
            keys.swap(keysOut);
            rows.swap(rowsOut);
        }
        for (size_t i = 0; i < n; ++i)
            values[i] = fromSortKey(keys[i]);
    }

    // Most clinical number columns hold few distinct values (ages, pressures, lab values to one
    // decimal). For those a hash of the distinct values gives the sorted values, each row's value id
    // and average rank in two passes over the rows: no radix passes, and no random writes of ranks
    // through the sorted order. The ids also let Spearman re-rank by counting (see rerank()).
    constexpr size_t kMaxDistinct = ColumnWork::kNoValueId; // ids 0 .. kNoValueId - 1

    struct DistinctScratch {
        std::vector<std::uint64_t> keys; // open addressing, kEmpty where free
        std::vector<std::uint16_t> ids;
        std::vector<double> values; // by id, in order of appearance
        std::vector<qint64> counts; // by id
    };
    thread_local DistinctScratch t_distinctScratch;
    thread_local std::vector<double> t_sortedValues;
    constexpr std::uint64_t kEmpty = 0x7FF8DEADBEEF0001ULL; // a NaN: never the bits of a finite value

    /// The distinct finite values in ascending order with how often each occurs.
    struct Runs {
        std::vector<double> values;
        std::vector<qint64> counts;
    };

    // Fills `sorted`, `runs`, work.valueIds and work.ranks, and counts infinities; returns false,
    // having filled none of them, when the column has kMaxDistinct or more distinct finite values.
    bool sortFewDistinct(
        const Column &column, NumericStats &s, std::vector<double> &sorted, Runs &runs, ColumnWork &work)
    {
        const double *values = column.numbers().data();
        const std::uint8_t *mask = column.missingMask().data();
        const size_t n = column.numbers().size();
        DistinctScratch &d = t_distinctScratch;
        constexpr int kTableBits = 17;
        constexpr size_t kTable = size_t(1) << kTableBits;
        d.keys.assign(kTable, kEmpty);
        d.ids.resize(kTable);
        d.values.clear();
        d.counts.clear();
        std::vector<std::uint16_t> ids(n);
        std::uint64_t *keys = d.keys.data();
        std::uint16_t *slotIds = d.ids.data();
        std::uint16_t *rowIds = ids.data();
        qint64 positive = 0, negative = 0;
        for (size_t i = 0; i < n; ++i) {
            const double v = values[i];
            if (mask[i] || !std::isfinite(v)) {
                rowIds[i] = ColumnWork::kNoValueId;
                if (!mask[i] && std::isinf(v))
                    ++(v > 0 ? positive : negative);
                continue;
            }
            const std::uint64_t key = std::bit_cast<std::uint64_t>(v + 0.0); // -0 counts as 0
            size_t slot = size_t((key * 0x9E3779B97F4A7C15ULL) >> (64 - kTableBits));
            while (keys[slot] != key && keys[slot] != kEmpty)
                slot = (slot + 1) & (kTable - 1);
            if (keys[slot] == kEmpty) {
                if (d.values.size() == kMaxDistinct)
                    return false;
                keys[slot] = key;
                slotIds[slot] = std::uint16_t(d.values.size());
                d.values.push_back(v + 0.0);
                d.counts.push_back(0);
            }
            const std::uint16_t id = slotIds[slot];
            rowIds[i] = id;
            ++d.counts[id];
        }
        s.positiveInfinite = positive;
        s.negativeInfinite = negative;

        // Order the distinct values; each id becomes its value's position in that order.
        const size_t k = d.values.size();
        std::vector<std::uint16_t> byValue(k);
        for (size_t i = 0; i < k; ++i)
            byValue[i] = std::uint16_t(i);
        std::sort(byValue.begin(), byValue.end(),
            [&d](std::uint16_t a, std::uint16_t b) { return d.values[a] < d.values[b]; });
        std::vector<std::uint16_t> position(k);
        std::vector<float> rankOf(k);
        runs.values.resize(k);
        runs.counts.resize(k);
        qint64 finite = 0;
        for (size_t p = 0; p < k; ++p) {
            const std::uint16_t id = byValue[p];
            const qint64 c = d.counts[id];
            position[id] = std::uint16_t(p);
            rankOf[p] = float(double(2 * finite + c - 1) / 2.0 + 1.0);
            runs.values[p] = d.values[id];
            runs.counts[p] = c;
            finite += c;
        }
        sorted.resize(size_t(finite));
        double *out = sorted.data();
        for (size_t p = 0; p < k; ++p)
            out = std::fill_n(out, size_t(runs.counts[p]), runs.values[p]);
        work.ranks.resize(n);
        float *ranks = work.ranks.data();
        const std::uint16_t *pos = position.data();
        const float *rank = rankOf.data();
        for (size_t i = 0; i < n; ++i) {
            const std::uint16_t id = rowIds[i];
            if (id == ColumnWork::kNoValueId) {
                ranks[i] = std::numeric_limits<float>::quiet_NaN();
            } else {
                rowIds[i] = pos[id];
                ranks[i] = rank[pos[id]];
            }
        }
        work.valueIds = std::move(ids);
        work.valueIdCount = int(k);
        return true;
    }

    double quantileOfSorted(const std::vector<double> &sorted, double q)
    {
        const double pos = q * double(sorted.size() - 1);
        const size_t lo = size_t(std::floor(pos));
        const size_t hi = std::min(lo + 1, sorted.size() - 1);
        const double frac = pos - double(lo);
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }

    // Median of |x - median| by walking outwards from the median of the sorted values: the
    // deviations left and right are each sorted, so merging them needs no copy.
    double medianAbsoluteDeviation(const std::vector<double> &sorted, double median)
    {
        const qint64 n = qint64(sorted.size());
        qint64 left = qint64(std::upper_bound(sorted.begin(), sorted.end(), median) - sorted.begin()) - 1;
        qint64 right = left + 1;
        const qint64 k1 = (n - 1) / 2, k2 = n / 2;
        double d1 = 0, d2 = 0;
        for (qint64 k = 0; k <= k2; ++k) {
            double d;
            if (left >= 0 && (right >= n || median - sorted[size_t(left)] <= sorted[size_t(right)] - median))
                d = median - sorted[size_t(left--)];
            else
                d = sorted[size_t(right++)] - median;
            if (k == k1)
                d1 = d;
            if (k == k2)
                d2 = d;
        }
        return (d1 + d2) / 2;
    }

    QStringList idNameHints()
    {
        return { QStringLiteral("id"), QStringLiteral("no"), QStringLiteral("nr"), QStringLiteral("num"),
            QStringLiteral("number"), QStringLiteral("key"), QStringLiteral("mrn"), QStringLiteral("ref"),
            QStringLiteral("identifier"), QStringLiteral("uuid"), QStringLiteral("guid") };
    }

    bool nameSuggestsId(const QString &name)
    {
        const QStringList tokens = nameTokens(name);
        const QStringList hints = idNameHints();
        for (const QString &t : tokens) {
            if (hints.contains(t) || (t.size() > 2 && t.endsWith(QLatin1String("id"))))
                return true;
        }
        return false;
    }

    void profileNumbers(const Column &column, ColumnWork &work, const ProfileOptions &options)
    {
        ColumnProfile &p = work.profile;
        NumericStats s;
        const std::vector<double> &values = column.numbers();
        const qint64 n = column.size();
        // The sorted values only live while this column is measured: the thread keeps the buffer
        // for its next column, which saves faulting in fresh pages every time.
        std::vector<double> &sorted = t_sortedValues;
        sorted.clear();
        sorted.reserve(size_t(n - p.missing));
        std::vector<std::uint32_t> sortedRows;
        Runs runs;
        const bool coded = sortFewDistinct(column, s, sorted, runs, work);
        if (!coded) {
            sortedRows.reserve(size_t(n - p.missing));
            for (qint64 i = 0; i < n; ++i) {
                if (column.isMissing(i))
                    continue;
                const double v = values[size_t(i)];
                if (std::isnan(v))
                    continue;
                if (std::isinf(v)) {
                    (v > 0 ? s.positiveInfinite : s.negativeInfinite)++;
                    continue;
                }
                sorted.push_back(v);
                sortedRows.push_back(std::uint32_t(i));
            }
            sortByValue(sorted, sortedRows);
            // Runs of equal values, each row's average rank, and where each run starts.
            work.ranks.assign(size_t(n), std::numeric_limits<float>::quiet_NaN());
            work.runStarts.resize(sorted.size());
            const qint64 count = qint64(sorted.size());
            for (qint64 a = 0; a < count;) {
                const double v = sorted[size_t(a)];
                qint64 b = a + 1;
                while (b < count && sorted[size_t(b)] == v)
                    ++b;
                const float rank = float(double(a + b - 1) / 2.0 + 1.0);
                for (qint64 i = a; i < b; ++i) {
                    work.ranks[sortedRows[size_t(i)]] = rank;
                    work.runStarts[size_t(i)] = i == a;
                }
                runs.values.push_back(v);
                runs.counts.push_back(b - a);
                a = b;
            }
            work.order = std::move(sortedRows);
        }
        s.finite = qint64(sorted.size());
        work.finite = s.finite;
        const qint64 m = s.finite;

        TopValues top(options.topValues);
        bool integral = true;
        for (size_t r = 0; r < runs.values.size(); ++r) {
            const double v = runs.values[r];
            const qint64 c = runs.counts[r];
            if (v == 0)
                s.zeros += c;
            else if (v < 0)
                s.negatives += c;
            if (integral && v != std::floor(v))
                integral = false;
            if (std::abs(v) > NumericStats::kExtremeMagnitude) {
                s.extreme += c;
                if (s.extremeExamples.size() < 5)
                    s.extremeExamples.append(v);
            }
            if (isSentinelNumber(v))
                s.sentinels.append(ValueCount { numberText(v), c });
            top.offer(c, [v] { return numberText(v); });
        }
        p.distinct = qint64(runs.values.size());
        p.topValues = top.take();
        s.integral = integral && m > 0;

        if (m == 0) {
            s.min = s.max = s.mean = s.std = kNaN;
            s.skewness = s.kurtosis = kNaN;
            s.quantiles.fill(kNaN);
            p.numeric = s;
            return;
        }
        s.min = sorted.front();
        s.max = sorted.back();
        // Sums over the runs of equal values: one term per distinct value.
        long double sum = 0;
        for (size_t r = 0; r < runs.values.size(); ++r)
            sum += (long double)runs.values[r] * (long double)runs.counts[r];
        s.sum = double(sum);
        s.mean = double(sum / (long double)m);
        work.mean = s.mean;
        double m2 = 0, m3 = 0, m4 = 0;
        for (size_t r = 0; r < runs.values.size(); ++r) {
            const double d = runs.values[r] - s.mean;
            const double d2 = d * d, c = double(runs.counts[r]);
            m2 += c * d2;
            m3 += c * d2 * d;
            m4 += c * d2 * d2;
        }
        work.sumSquares = m2;
        const double dn = double(m);
        s.std = m > 1 ? std::sqrt(m2 / (dn - 1)) : kNaN;
        // pandas nanskew / nankurt: zero for a constant column, NaN below 3 / 4 values.
        if (m < 3)
            s.skewness = kNaN;
        else if (m2 == 0)
            s.skewness = 0;
        else
            s.skewness = std::sqrt(dn * (dn - 1)) / (dn - 2) * ((m3 / dn) / std::pow(m2 / dn, 1.5));
        if (m < 4)
            s.kurtosis = kNaN;
        else if (m2 == 0)
            s.kurtosis = 0;
        else {
            const double adj = 3 * (dn - 1) * (dn - 1) / ((dn - 2) * (dn - 3));
            s.kurtosis = dn * (dn + 1) * (dn - 1) * m4 / ((dn - 2) * (dn - 3) * m2 * m2) - adj;
        }
        for (size_t i = 0; i < s.quantiles.size(); ++i)
            s.quantiles[i] = quantileOfSorted(sorted, NumericStats::kQuantileLevels[i]);
        const double median = s.quantiles[3];
        s.mad = medianAbsoluteDeviation(sorted, median);

        auto countBelow = [&sorted](double x) {
            return qint64(std::lower_bound(sorted.begin(), sorted.end(), x) - sorted.begin());
        };
        auto countAbove = [&sorted, m](double x) {
            return m - qint64(std::upper_bound(sorted.begin(), sorted.end(), x) - sorted.begin());
        };
        const double iqr = s.quantiles[4] - s.quantiles[2];
        s.lowerFence = s.quantiles[2] - 1.5 * iqr;
        s.upperFence = s.quantiles[4] + 1.5 * iqr;
        s.iqrOutliers = countBelow(s.lowerFence) + countAbove(s.upperFence);
        double lowBoth = s.lowerFence, highBoth = s.upperFence;
        if (s.mad > 0) {
            const double scale = 1.4826 * s.mad;
            s.robustZOutliers = countBelow(median - 3.5 * scale) + countAbove(median + 3.5 * scale);
            s.maxRobustZ = std::max(median - s.min, s.max - median) / scale;
            lowBoth = std::min(lowBoth, median - 3.5 * scale);
            highBoth = std::max(highBoth, median + 3.5 * scale);
        }
        if (s.mad > 0 && iqr > 0) {
            // Examples: values both rules flag, the most extreme first.
            qint64 lo = 0, hi = m - 1;
            while (s.outlierExamples.size() < 5 && (lo <= hi)) {
                const bool lowOut = sorted[size_t(lo)] < lowBoth;
                const bool highOut = sorted[size_t(hi)] > highBoth;
                if (!lowOut && !highOut)
                    break;
                if (highOut && (!lowOut || sorted[size_t(hi)] - median >= median - sorted[size_t(lo)]))
                    s.outlierExamples.append(sorted[size_t(hi--)]);
                else
                    s.outlierExamples.append(sorted[size_t(lo++)]);
            }
        }

        // Histogram: equal-width bins over [min, max]; one bin for a constant column.
        const int bins = s.max > s.min ? std::max(1, options.histogramBins) : 1;
        const double width = (s.max - s.min) / bins;
        if (std::isfinite(width)) {
            s.histogram.edges.resize(size_t(bins) + 1);
            for (int i = 0; i <= bins; ++i)
                s.histogram.edges[size_t(i)] = i == bins ? s.max : s.min + width * i;
            s.histogram.counts.assign(size_t(bins), 0);
            qint64 start = 0;
            for (int i = 0; i < bins; ++i) {
                const qint64 end = i == bins - 1 ? m : countBelow(s.histogram.edges[size_t(i) + 1]);
                s.histogram.counts[size_t(i)] = std::max<qint64>(0, end - start);
                start = std::max(start, end);
            }
        }

        // Sentinel codes count only when they stand apart from the other values.
        QList<ValueCount> sentinels;
        for (const ValueCount &sv : std::as_const(s.sentinels)) {
            const double code = sv.value.toDouble();
            double otherMin = std::numeric_limits<double>::infinity(), otherMax = -otherMin;
            for (qint64 i : { qint64(0), m - 1 }) {
                // The nearest non-sentinel values at either end.
                qint64 j = i;
                const qint64 step = i == 0 ? 1 : -1;
                while (j >= 0 && j < m && isSentinelNumber(sorted[size_t(j)]))
                    j += step;
                if (j >= 0 && j < m) {
                    otherMin = std::min(otherMin, sorted[size_t(j)]);
                    otherMax = std::max(otherMax, sorted[size_t(j)]);
                }
            }
            if (!std::isfinite(otherMin))
                continue; // nothing but codes: see "constant" instead
            const bool apart = code < 0 ? otherMin >= 0 : code > 2 * otherMax && code >= 99;
            if (apart)
                sentinels.append(sv);
        }
        s.sentinels = sentinels;

        if (const std::optional<ClinicalRange> rule = clinicalRangeFor(column.name())) {
            s.plausibleRule = rule->rule;
            s.plausibleMin = rule->min;
            s.plausibleMax = rule->max;
            s.belowPlausible = countBelow(rule->min);
            if (rule->zeroImplausible && rule->min > 0)
                s.belowPlausible -= s.zeros; // zeros are reported on their own
            s.abovePlausible = countAbove(rule->max);
            qint64 lo = 0, hi = m - 1;
            while (s.implausibleExamples.size() < 5 && lo <= hi) {
                if (sorted[size_t(hi)] > rule->max)
                    s.implausibleExamples.append(sorted[size_t(hi--)]);
                else if (sorted[size_t(lo)] < rule->min
                    && !(rule->zeroImplausible && sorted[size_t(lo)] == 0))
                    s.implausibleExamples.append(sorted[size_t(lo++)]);
                else if (sorted[size_t(lo)] == 0 && rule->zeroImplausible)
                    ++lo;
                else
                    break;
            }
        }
        p.numeric = s;
    }

    void profileDates(const Column &column, ColumnProfile &p, const ProfileOptions &options)
    {
        DateStats d;
        std::vector<double> sorted;
        std::vector<std::uint32_t> rows;
        for (qint64 i = 0; i < column.size(); ++i) {
            const double v = column.numbers()[size_t(i)];
            if (!column.isMissing(i) && std::isfinite(v)) {
                sorted.push_back(v);
                rows.push_back(std::uint32_t(i));
            }
        }
        sortByValue(sorted, rows);
        const double now = double(options.now.toSecsSinceEpoch());
        TopValues top(options.topValues);
        std::vector<double> gaps;
        qint64 distinct = 0;
        for (size_t a = 0; a < sorted.size();) {
            size_t b = a + 1;
            while (b < sorted.size() && sorted[b] == sorted[a])
                ++b;
            ++distinct;
            const double v = sorted[a];
            top.offer(qint64(b - a), [&] { return formatDateTime(v, column.dateFormat()); });
            if (v > now)
                d.future += qint64(b - a);
            if (b < sorted.size()) {
                const double gap = (sorted[b] - v) / 86400.0;
                gaps.push_back(gap);
                if (gap > d.largestGapDays) {
                    d.largestGapDays = gap;
                    d.gapFrom = formatDateTime(v, column.dateFormat());
                    d.gapTo = formatDateTime(sorted[b], column.dateFormat());
                }
            }
            a = b;
        }
        p.distinct = distinct;
        p.topValues = top.take();
        if (!sorted.empty()) {
            d.min = sorted.front();
            d.max = sorted.back();
            d.minText = formatDateTime(d.min, column.dateFormat());
            d.maxText = formatDateTime(d.max, column.dateFormat());
        }
        if (!gaps.empty()) {
            auto mid = gaps.begin() + std::ptrdiff_t(gaps.size() / 2);
            std::nth_element(gaps.begin(), mid, gaps.end());
            d.medianGapDays = *mid;
        }
        p.dates = d;
    }

    // Everything about a column's texts, from its distinct values and their counts.
    TextStats analyseLabels(const QList<ValueCount> &values, const QString &columnName)
    {
        TextStats t;
        qint64 cells = 0, lengthSum = 0;
        QHash<QString, qint64> shapes, layouts;
        QHash<QString, qint64> piiCounts;
        qint64 personNames = 0, wordSum = 0;
        t.minLength = std::numeric_limits<int>::max();
        const bool fewLabels = values.size() <= 10000;
        QHash<QString, QStringList> variants;
        QList<ValueCount> padded, nonNumeric;
        for (const ValueCount &vc : values) {
            const QString &v = vc.value;
            const qint64 c = vc.count;
            cells += c;
            lengthSum += c * v.size();
            t.minLength = std::min(t.minLength, int(v.size()));
            t.maxLength = std::max(t.maxLength, int(v.size()));
            const QString trimmed = v.trimmed();
            if (trimmed.size() != v.size()) {
                t.whitespacePadded += c;
                padded.append(vc);
            }
            if (const std::optional<double> number = parseNumber(v)) {
                t.numericCells += c;
                if (std::isinf(*number))
                    t.nonFinite += c;
            } else {
                if (trimmed.size() != v.size() && parseNumber(trimmed))
                    t.numericAfterTrim += c;
                if (nonNumeric.size() < 1000)
                    nonNumeric.append(vc);
            }
            if (isMissingMarkerText(trimmed)) {
                t.markerCells += c;
                t.markers.append(ValueCount { v, c });
            }
            shapes[shapeOf(v)] += c;
            const QString layout = dateLayoutOf(trimmed);
            if (!layout.isEmpty())
                layouts[layout] += c;
            const int style = decimalStyleOf(trimmed);
            if (style == 1)
                t.decimalPoint += c;
            else if (style == 2)
                t.decimalComma += c;
            const QString pii = piiKindOfValue(trimmed);
            if (!pii.isEmpty())
                piiCounts[pii] += c;
            if (looksLikePersonName(trimmed))
                personNames += c;
            wordSum += c * (trimmed.count(u' ') + (trimmed.isEmpty() ? 0 : 1));
            if (fewLabels)
                variants[trimmed.toCaseFolded()].append(v);
        }
        if (cells == 0) {
            t.minLength = 0;
            return t;
        }
        t.meanLength = double(lengthSum) / double(cells);
        const auto byCount = [](const ValueCount &a, const ValueCount &b) { return a.count > b.count; };
        std::stable_sort(padded.begin(), padded.end(), byCount);
        std::stable_sort(nonNumeric.begin(), nonNumeric.end(), byCount);
        t.paddedExamples = padded.mid(0, 10);
        t.nonNumericExamples = nonNumeric.mid(0, 10);

        QList<ValueCount> shapeList;
        for (auto it = shapes.cbegin(); it != shapes.cend(); ++it)
            shapeList.append(ValueCount { it.key(), it.value() });
        std::sort(shapeList.begin(), shapeList.end(), [](const ValueCount &a, const ValueCount &b) {
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
        t.patterns = shapeList.mid(0, 5);
        t.regex = commonRegex(values);

        QList<ValueCount> layoutList;
        for (auto it = layouts.cbegin(); it != layouts.cend(); ++it)
            layoutList.append(ValueCount { it.key(), it.value() });
        std::sort(layoutList.begin(), layoutList.end(),
            [](const ValueCount &a, const ValueCount &b) { return a.count > b.count; });
        for (const ValueCount &l : layoutList)
            t.dateFormats.append(l.value);

        // PII: a kind most of the (non-marker) cells share.
        const double base = double(std::max<qint64>(1, cells - t.markerCells));
        QString bestKind;
        qint64 bestCount = 0;
        for (auto it = piiCounts.cbegin(); it != piiCounts.cend(); ++it) {
            if (it.value() > bestCount) {
                bestKind = it.key();
                bestCount = it.value();
            }
        }
        const QStringList tokens = nameTokens(columnName);
        const bool nameHint = tokens.contains(QLatin1String("name"))
            || tokens.contains(QLatin1String("surname")) || tokens.contains(QLatin1String("firstname"))
            || tokens.contains(QLatin1String("lastname")) || tokens.contains(QLatin1String("fullname"));
        const bool postalHint = tokens.contains(QLatin1String("zip"))
            || tokens.contains(QLatin1String("zipcode")) || tokens.contains(QLatin1String("postcode"))
            || tokens.contains(QLatin1String("postal")) || tokens.contains(QLatin1String("plz"));
        const double meanWords = double(wordSum) / double(cells);
        if (bestCount >= 0.8 * base) {
            t.piiKind = bestKind;
            t.piiShare = double(bestCount) / base;
        } else if (postalHint) {
            qint64 postal = 0;
            for (const ValueCount &vc : values) {
                const QString s = shapeOf(vc.value.trimmed());
                if (s == QLatin1String("99999") || s == QLatin1String("99999-9999")
                    || s == QLatin1String("9999") || (s.contains(u' ') && s.size() >= 6 && s.size() <= 8))
                    postal += vc.count;
            }
            if (postal >= 0.8 * base) {
                t.piiKind = QStringLiteral("postal_code");
                t.piiShare = double(postal) / base;
            }
        } else if (personNames >= 0.8 * base && (nameHint || values.size() >= 0.5 * double(cells))) {
            t.piiKind = QStringLiteral("name");
            t.piiShare = double(personNames) / base;
        } else if (t.meanLength >= 40 && meanWords >= 5) {
            t.piiKind = QStringLiteral("free_text");
            t.piiShare = 1.0;
        }

        for (auto it = variants.cbegin(); it != variants.cend(); ++it) {
            if (it.value().size() > 1 && !it.key().isEmpty()) {
                QStringList group = it.value();
                group.sort();
                t.spellingVariants.append(group);
            }
        }
        std::sort(t.spellingVariants.begin(), t.spellingVariants.end(),
            [](const QStringList &a, const QStringList &b) { return a.front() < b.front(); });
        return t;
    }

    void finishLabels(ColumnProfile &p, QList<ValueCount> distinctValues, const ProfileOptions &options)
    {
        p.distinct = distinctValues.size();
        p.text = analyseLabels(distinctValues, p.name);
        std::stable_sort(distinctValues.begin(), distinctValues.end(),
            [](const ValueCount &a, const ValueCount &b) { return a.count > b.count; });
        p.topValues = distinctValues.mid(0, options.topValues);
    }

} // namespace

void releaseThreadScratch()
{
    t_sortScratch = SortScratch {};
    t_distinctScratch = DistinctScratch {};
    t_sortedValues = {};
}

QString numberText(double value)
{
    if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

ColumnWork profileColumn(const Column &column, const ColumnMeta *meta, const ProfileOptions &options)
{
    ColumnWork work;
    ColumnProfile &p = work.profile;
    p.name = column.name();
    p.storage = column.storage();
    if (meta) {
        p.semanticType = meta->type;
        p.confidence = meta->confidence;
        p.modelled = Schema::isModelled(*meta);
    } else {
        switch (column.storage()) {
        case ColumnStorage::Number:
            p.semanticType = SemanticType::Numerical;
            break;
        case ColumnStorage::Category:
            p.semanticType = SemanticType::Categorical;
            break;
        case ColumnStorage::Boolean:
            p.semanticType = SemanticType::Boolean;
            break;
        case ColumnStorage::DateTime:
            p.semanticType = SemanticType::DateTime;
            break;
        case ColumnStorage::Text:
            p.semanticType = SemanticType::Text;
            break;
        }
        p.confidence = 1.0;
        p.modelled = column.storage() != ColumnStorage::Text;
    }
    p.missing = column.missingCount();
    p.count = column.size() - p.missing;

    switch (column.storage()) {
    case ColumnStorage::Number:
        profileNumbers(column, work, options);
        break;
    case ColumnStorage::DateTime:
        profileDates(column, p, options);
        break;
    case ColumnStorage::Category:
    case ColumnStorage::Boolean: {
        std::vector<qint64> counts(size_t(column.labels().size()), 0);
        for (std::int32_t code : column.codes()) {
            if (code >= 0 && size_t(code) < counts.size())
                ++counts[size_t(code)];
        }
        QList<ValueCount> distinctValues;
        for (size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] > 0)
                distinctValues.append(ValueCount { column.labels().at(qsizetype(i)), counts[i] });
        }
        work.levels = int(counts.size());
        finishLabels(p, distinctValues, options);
        break;
    }
    case ColumnStorage::Text: {
        QHash<QString, qint64> counts;
        for (qint64 i = 0; i < column.size(); ++i) {
            if (!column.isMissing(i))
                ++counts[column.texts()[size_t(i)]];
        }
        QList<ValueCount> distinctValues;
        distinctValues.reserve(counts.size());
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            distinctValues.append(ValueCount { it.key(), it.value() });
        std::sort(distinctValues.begin(), distinctValues.end(),
            [](const ValueCount &a, const ValueCount &b) { return a.value < b.value; });
        finishLabels(p, distinctValues, options);
        break;
    }
    }

    // What the profile treats the column as.
    const bool unique = p.count > 0 && p.distinct == p.count;
    const bool declaredId = meta && meta->type == SemanticType::Id;
    if (p.count == 0) {
        p.kind = ProfileKind::Empty;
    } else if (column.storage() == ColumnStorage::Boolean) {
        // 0/1 read as booleans are still the binary numbers they were written as.
        const bool zeroOne = column.labels().size() == 2 && column.labels().at(0) == QLatin1String("0")
            && column.labels().at(1) == QLatin1String("1");
        p.kind = zeroOne ? ProfileKind::Binary : ProfileKind::Boolean;
    } else if (column.storage() == ColumnStorage::DateTime) {
        p.kind = ProfileKind::DateTime;
    } else if (column.storage() == ColumnStorage::Number) {
        const NumericStats &s = *p.numeric;
        const bool binary = p.distinct == 2 && s.min == 0 && s.max == 1 && s.nonFinite() == 0;
        if (declaredId || (unique && s.integral && p.count >= 2 && nameSuggestsId(p.name)))
            p.kind = ProfileKind::Identifier;
        else
            p.kind = binary ? ProfileKind::Binary : ProfileKind::Numeric;
    } else {
        const TextStats &t = *p.text;
        const bool idLike = unique && t.piiKind != QLatin1String("free_text")
            && (p.count >= 20 || nameSuggestsId(p.name)) && (!t.regex.isEmpty() || t.meanLength <= 40);
        if (declaredId || idLike)
            p.kind = ProfileKind::Identifier;
        else if (column.storage() == ColumnStorage::Text
            && (t.piiKind == QLatin1String("free_text") || p.distinctShare() > 0.5))
            p.kind = ProfileKind::Text;
        else
            p.kind = ProfileKind::Categorical;
    }

    // Roles in the cross-column measures.
    if ((p.kind == ProfileKind::Numeric || p.kind == ProfileKind::Binary) && p.distinct >= 2
        && column.storage() == ColumnStorage::Number)
        work.correlates = true;
    else
        work.ranks = {};
    if (!work.correlates) {
        work.order = {};
        work.runStarts = {};
        work.valueIds = {};
    }
    if ((p.kind == ProfileKind::Categorical || p.kind == ProfileKind::Boolean
            || p.kind == ProfileKind::Binary)
        && (column.storage() == ColumnStorage::Category || column.storage() == ColumnStorage::Boolean)
        && p.distinct >= 2 && work.levels <= options.maxAssociationLevels && 2 * p.distinct <= p.count) {
        // (A label per row or nearly so would "explain" any other column perfectly.)
        work.categorical = true;
    }
    if (p.kind == ProfileKind::Binary && column.storage() == ColumnStorage::Number) {
        work.categorical = true;
        work.levels = 2;
        work.binaryCodes.resize(size_t(column.size()));
        for (qint64 i = 0; i < column.size(); ++i) {
            const double v = column.numbers()[size_t(i)];
            work.binaryCodes[size_t(i)] = column.isMissing(i) || std::isnan(v) ? -1 : (v == 1 ? 1 : 0);
        }
    }
    return work;
}

} // namespace core::profiling
