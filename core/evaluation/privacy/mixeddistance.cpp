// SPDX-License-Identifier: MIT
#include "core/evaluation/privacy/mixeddistance.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <thread>
#include <unordered_map>
#include <vector>

#include <QHash>

namespace core::privacy {

namespace {

bool isNumericType(SemanticType type)
{
    return type == SemanticType::Numerical || type == SemanticType::DateTime;
}

bool isDiscreteType(SemanticType type)
{
    return type == SemanticType::Categorical || type == SemanticType::Boolean;
}

// Shared category codes of both tables: labels compared as text, numbers as values,
// booleans as false/true, so the same value gets the same code in either table.
class CategoryCodes {
public:
    int forLabel(const QString &label) { return lookup(m_labels, QStringLiteral("l:") + label); }
    int forBoolean(int code) { return lookup(m_labels, code ? QStringLiteral("b:1") : QStringLiteral("b:0")); }
    int forNumber(double value)
    {
        const auto [it, inserted] = m_numbers.try_emplace(value + 0.0, m_next);
        if (inserted)
            ++m_next;
        return it->second;
    }

private:
    int lookup(QHash<QString, int> &map, const QString &key)
    {
        auto it = map.find(key);
        if (it == map.end())
            it = map.insert(key, m_next++);
        return it.value();
    }
    QHash<QString, int> m_labels;
    std::unordered_map<double, int> m_numbers;
    int m_next = 0;
};

void encodeDiscrete(const Column &column, CategoryCodes &codes, EncodedRows &out, int target)
{
    const qint64 rows = column.size();
    constexpr double kMissing = -MixedDistanceEncoding::kCategorySpacing;
    switch (column.storage()) {
    case ColumnStorage::Category: {
        std::vector<int> map(size_t(column.labels().size()));
        for (qsizetype i = 0; i < column.labels().size(); ++i)
            map[size_t(i)] = codes.forLabel(column.labels()[i]);
        for (qint64 r = 0; r < rows; ++r) {
            const std::int32_t code = column.codes()[size_t(r)];
            out(r, target) = code < 0 || column.isMissing(r) ? kMissing
                                                              : MixedDistanceEncoding::kCategorySpacing * map[size_t(code)];
        }
        break;
    }
    case ColumnStorage::Boolean:
        for (qint64 r = 0; r < rows; ++r) {
            const std::int32_t code = column.codes()[size_t(r)];
            out(r, target) = code < 0 || column.isMissing(r)
                ? kMissing
                : MixedDistanceEncoding::kCategorySpacing * codes.forBoolean(code);
        }
        break;
    case ColumnStorage::Number:
    case ColumnStorage::DateTime:
        for (qint64 r = 0; r < rows; ++r) {
            const double value = column.numbers()[size_t(r)];
            out(r, target) = std::isnan(value) || column.isMissing(r)
                ? kMissing
                : MixedDistanceEncoding::kCategorySpacing * codes.forNumber(value);
        }
        break;
    case ColumnStorage::Text:
        Q_ASSERT(false);
        break;
    }
}

double numericValue(const Column &column, qint64 row)
{
    if (column.isMissing(row))
        return std::numeric_limits<double>::quiet_NaN();
    if (column.storage() == ColumnStorage::Boolean)
        return double(column.codes()[size_t(row)]);
    return column.numbers()[size_t(row)];
}

void encodeNumeric(const Column &column, double minimum, double range, EncodedRows &out, EncodedRows &keys,
                   int target)
{
    for (qint64 r = 0; r < column.size(); ++r) {
        const double value = numericValue(column, r);
        keys(r, target) = std::isnan(value) ? std::numeric_limits<double>::quiet_NaN() : value + 0.0;
        double u;
        if (std::isnan(value))
            u = MixedDistanceEncoding::kMissingCoordinate;
        else if (!(range > 0.0))
            u = value == minimum ? 0.0 : 1.0; // constant reference column: d = 1[x != y]
        else
            u = std::clamp((value - minimum) / range, -1.0, 2.0);
        out(r, target) = u;
    }
}

} // namespace

QStringList MixedDistanceEncoding::distanceColumns(const Schema &schema, const Table &a, const Table &b)
{
    QStringList names;
    for (const ColumnMeta &meta : schema.columns) {
        if (meta.excluded || !(isNumericType(meta.type) || isDiscreteType(meta.type)))
            continue;
        if (a.indexOf(meta.name) < 0 || b.indexOf(meta.name) < 0)
            continue;
        if (a.column(a.indexOf(meta.name)).storage() == ColumnStorage::Text
            || b.column(b.indexOf(meta.name)).storage() == ColumnStorage::Text)
            continue;
        names.append(meta.name);
    }
    return names;
}

Result<MixedDistanceEncoding> MixedDistanceEncoding::encode(const Table &query, const Table &reference,
                                                            const Schema &schema, const QStringList &columns)
{
    MixedDistanceEncoding encoding;
    encoding.m_columns = columns.isEmpty() ? distanceColumns(schema, query, reference) : columns;
    if (encoding.m_columns.isEmpty())
        return Error { Error::Code::InvalidInput,
                       tr("No numerical, datetime, categorical or boolean column is shared by both tables, "
                          "so distances cannot be computed."),
                       {} };
    const int m = int(encoding.m_columns.size());
    encoding.m_query.resize(query.rowCount(), m);
    encoding.m_reference.resize(reference.rowCount(), m);
    encoding.m_queryKeys.resize(query.rowCount(), m);
    encoding.m_referenceKeys.resize(reference.rowCount(), m);
    CategoryCodes codes;
    for (int j = 0; j < m; ++j) {
        const QString &name = encoding.m_columns[j];
        const ColumnMeta *meta = schema.find(name);
        const int qi = query.indexOf(name);
        const int ri = reference.indexOf(name);
        if (!meta || qi < 0 || ri < 0)
            return Error { Error::Code::InvalidInput,
                           tr("Column \"%1\" is missing from the schema or from one of the tables.").arg(name), {} };
        const Column &qc = query.column(qi);
        const Column &rc = reference.column(ri);
        if (qc.storage() == ColumnStorage::Text || rc.storage() == ColumnStorage::Text)
            return Error { Error::Code::InvalidInput,
                           tr("Column \"%1\" holds free text, which distances cannot compare.").arg(name), {} };
        if (isDiscreteType(meta->type)) {
            encodeDiscrete(rc, codes, encoding.m_reference, j);
            encodeDiscrete(qc, codes, encoding.m_query, j);
            encoding.m_referenceKeys.col(j) = encoding.m_reference.col(j);
            encoding.m_queryKeys.col(j) = encoding.m_query.col(j);
            continue;
        }
        if (!isNumericType(meta->type))
            return Error { Error::Code::InvalidInput,
                           tr("Column \"%1\" is not numerical, datetime, categorical or boolean.").arg(name), {} };
        const auto numericStorage = [](const Column &c) {
            return c.storage() == ColumnStorage::Number || c.storage() == ColumnStorage::DateTime
                || c.storage() == ColumnStorage::Boolean;
        };
        if (!numericStorage(qc) || !numericStorage(rc))
            return Error { Error::Code::InvalidInput,
                           tr("Column \"%1\" is marked numerical but holds labels in one of the tables.").arg(name),
                           {} };
        double lo = std::numeric_limits<double>::infinity();
        double hi = -std::numeric_limits<double>::infinity();
        for (qint64 r = 0; r < rc.size(); ++r) {
            const double v = numericValue(rc, r);
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        const double range = std::isfinite(lo) ? hi - lo : 0.0;
        encodeNumeric(rc, lo, range, encoding.m_reference, encoding.m_referenceKeys, j);
        encodeNumeric(qc, lo, range, encoding.m_query, encoding.m_queryKeys, j);
    }
    return encoding;
}

double MixedDistanceEncoding::distance(const double *a, const double *b, Eigen::Index columns)
{
    double sum = 0.0;
    for (Eigen::Index j = 0; j < columns; ++j)
        sum += std::min(std::abs(a[j] - b[j]), 1.0);
    return columns > 0 ? sum / double(columns) : 0.0;
}

// ---------------------------------------------------------------------------------------
// The search kernel.

namespace {

constexpr int kLanes = 16;        // reference rows per SIMD step (one AVX-512 register of floats)
constexpr int kBlock = 512;       // reference rows per block (block x columns floats stay in L1/L2)
constexpr int kQueryTile = 4;     // query rows sharing each reference load
constexpr int kQueryChunk = 64;   // query rows per work item (a multiple of kQueryTile)
constexpr int kPruneEvery = 2;    // columns between partial-sum checks

typedef float FloatLanes __attribute__((vector_size(kLanes * sizeof(float))));
typedef int IntLanes __attribute__((vector_size(kLanes * sizeof(int))));

struct TopK {
    float d1 = std::numeric_limits<float>::infinity();
    float d2 = std::numeric_limits<float>::infinity();
    int i1 = -1;
    int i2 = -1;
    void insert(float d, int index, int k)
    {
        if (d < d1) {
            if (k > 1) {
                d2 = d1;
                i2 = i1;
            }
            d1 = d;
            i1 = index;
        } else if (k > 1 && d < d2) {
            d2 = d;
            i2 = index;
        }
    }
    float bound(int k) const { return k > 1 ? d2 : d1; }
};

struct SearchData {
    const float *query = nullptr; // row-major, nq x m (padded to a multiple of kQueryTile rows)
    const float *blocks = nullptr; // per block: m x kBlock column-major
    const float *boxes = nullptr;  // per block: m lows then m highs (the block's bounding box)
    int m = 0;
    int k = 1;
    qint64 nq = 0;
    qint64 nr = 0;
    qint64 blockCount = 0;
};

// One chunk of query rows against every reference block. Cloned for AVX-512, AVX2 and the
// baseline; the lane type is written once and the compiler lowers it per target.
__attribute__((target_clones("avx512f", "avx2", "default"))) void searchChunk(const SearchData &data,
                                                                                qint64 queryBegin, qint64 queryEnd,
                                                                                TopK *best)
{
    const int m = data.m;
    const FloatLanes one = FloatLanes {} + 1.0f;
    // Both tables are sorted on the same key, so the chunk's quantile in the query order
    // points at reference blocks holding similar rows: visit those first (home, home + 1,
    // home - 1, ...) so the k-th best is tight early and more blocks are skipped.
    const qint64 home = std::min(data.blockCount - 1, queryBegin * data.blockCount / std::max<qint64>(1, data.nq));
    std::vector<qint64> sequence;
    sequence.reserve(size_t(data.blockCount));
    sequence.push_back(home);
    for (qint64 d = 1; qint64(sequence.size()) < data.blockCount; ++d) {
        if (home + d < data.blockCount)
            sequence.push_back(home + d);
        if (home - d >= 0)
            sequence.push_back(home - d);
    }
    for (const qint64 block : sequence) {
        const float *ref = data.blocks + block * qint64(m) * kBlock;
        const qint64 blockStart = block * kBlock;
        for (qint64 q0 = queryBegin; q0 < queryEnd; q0 += kQueryTile) {
            const float *qrow[kQueryTile];
            float bound[kQueryTile];
            for (int t = 0; t < kQueryTile; ++t) {
                qrow[t] = data.query + (q0 + t) * m;
                bound[t] = q0 + t < queryEnd ? best[q0 + t - queryBegin].bound(data.k) : -1.0f;
            }
            // Lower bound of every distance into this block from its bounding box: the capped
            // gap to [low, high] per column. Rows are sorted, so boxes are tight on the
            // leading columns and whole blocks drop out.
            {
                const float *low = data.boxes + block * 2 * qint64(m);
                const float *high = low + m;
                bool needed = false;
                for (int t = 0; t < kQueryTile && !needed; ++t) {
                    if (bound[t] < 0.0f)
                        continue;
                    float lowerBound = 0.0f;
                    for (int j = 0; j < m; ++j) {
                        const float v = qrow[t][j];
                        const float gap = v < low[j] ? low[j] - v : v > high[j] ? v - high[j] : 0.0f;
                        lowerBound += gap < 1.0f ? gap : 1.0f;
                    }
                    needed = lowerBound < bound[t];
                }
                if (!needed)
                    continue;
            }
            for (int lane0 = 0; lane0 < kBlock; lane0 += kLanes) {
                FloatLanes acc[kQueryTile] = {};
                bool pruned = false;
                for (int j = 0; j < m; ++j) {
                    FloatLanes y;
                    std::memcpy(&y, ref + qint64(j) * kBlock + lane0, sizeof y);
                    for (int t = 0; t < kQueryTile; ++t) {
                        FloatLanes d = qrow[t][j] - y;
                        d = d < 0 ? -d : d;
                        acc[t] += d < one ? d : one;
                    }
                    if ((j + 1) % kPruneEvery == 0 && j + 1 < m) {
                        // Partial sums only grow: once every candidate of every query in the
                        // tile exceeds its k-th best, the rest of the columns cannot help.
                        IntLanes alive = IntLanes {};
                        for (int t = 0; t < kQueryTile; ++t)
                            alive |= acc[t] < bound[t];
                        std::uint64_t words[sizeof(IntLanes) / 8];
                        std::memcpy(words, &alive, sizeof words);
                        std::uint64_t any = 0;
                        for (std::uint64_t w : words)
                            any |= w;
                        if (!any) {
                            pruned = true;
                            break;
                        }
                    }
                }
                if (pruned)
                    continue;
                for (int t = 0; t < kQueryTile; ++t) {
                    if (q0 + t >= queryEnd)
                        break;
                    const IntLanes below = acc[t] < bound[t];
                    std::uint64_t words[sizeof(IntLanes) / 8];
                    std::memcpy(words, &below, sizeof words);
                    std::uint64_t any = 0;
                    for (std::uint64_t w : words)
                        any |= w;
                    if (!any)
                        continue;
                    float values[kLanes];
                    std::memcpy(values, &acc[t], sizeof values);
                    TopK &top = best[q0 + t - queryBegin];
                    for (int l = 0; l < kLanes; ++l) {
                        if (values[l] < top.bound(data.k) && blockStart + lane0 + l < data.nr)
                            top.insert(values[l], int(blockStart + lane0 + l), data.k);
                    }
                    bound[t] = top.bound(data.k);
                }
            }
        }
    }
}

} // namespace

Result<Neighbours> nearestNeighbours(const EncodedRows &query, const EncodedRows &reference,
                                     const NeighbourSearchOptions &options, JobContext &job)
{
    Q_ASSERT(options.k == 1 || options.k == 2);
    Q_ASSERT(query.cols() == reference.cols());
    const int m = int(query.cols());
    const qint64 nq = query.rows();
    const qint64 nr = reference.rows();
    const int k = options.k;
    Neighbours out;
    out.distance1 = Eigen::VectorXd::Constant(nq, std::numeric_limits<double>::infinity());
    out.index1 = Eigen::VectorXi::Constant(nq, -1);
    if (k > 1) {
        out.distance2 = out.distance1;
        out.index2 = out.index1;
    }
    if (nq == 0 || nr == 0)
        return out;

    // Single-precision copies: queries row-major, padded to whole tiles; reference in
    // column-major blocks padded with far-away rows (never reported: the index is checked).
    // Columns that separate rows most go first, so partial sums pass the k-th best early
    // and the pruning check drops candidates after few columns (the sum does not depend on
    // the order). Estimated from a fixed sample of query/reference pairs.
    std::vector<int> order(static_cast<size_t>(m));
    {
        std::vector<double> spread(static_cast<size_t>(m), 0.0);
        const qint64 samples = std::min<qint64>(2000, nq * nr);
        for (qint64 s = 0; s < samples; ++s) {
            const qint64 qi = (s * 7919) % nq;
            const qint64 ri = (s * 104729 + 13) % nr;
            for (int j = 0; j < m; ++j)
                spread[size_t(j)] += std::min(std::abs(query(qi, j) - reference(ri, j)), 1.0);
        }
        for (int j = 0; j < m; ++j)
            order[size_t(j)] = j;
        std::stable_sort(order.begin(), order.end(),
                         [&spread](int a, int b) { return spread[size_t(a)] > spread[size_t(b)]; });
    }
    // Rows sorted lexicographically on coarse cells of the leading columns (categories
    // exact, numbers in quarters of their range): neighbouring rows land in the same block
    // and query tile, which makes block bounding boxes tight.
    const auto sortedRows = [&order, m](const EncodedRows &rows) {
        const int keyColumns = std::min(m, 6);
        std::vector<float> keys(size_t(rows.rows() * keyColumns));
        for (qint64 r = 0; r < rows.rows(); ++r)
            for (int j = 0; j < keyColumns; ++j)
                keys[size_t(r * keyColumns + j)] = float(std::floor(rows(r, order[size_t(j)]) * 4.0));
        std::vector<qint64> index(size_t(rows.rows()));
        for (qint64 r = 0; r < rows.rows(); ++r)
            index[size_t(r)] = r;
        std::stable_sort(index.begin(), index.end(), [&keys, keyColumns](qint64 a, qint64 b) {
            return std::lexicographical_compare(keys.begin() + a * keyColumns, keys.begin() + (a + 1) * keyColumns,
                                                keys.begin() + b * keyColumns, keys.begin() + (b + 1) * keyColumns);
        });
        return index;
    };
    const std::vector<qint64> queryOrder = sortedRows(query);
    const std::vector<qint64> referenceOrder = sortedRows(reference);

    const qint64 nqPadded = (nq + kQueryTile - 1) / kQueryTile * kQueryTile;
    std::vector<float> q(size_t(nqPadded * m), 0.0f);
    for (qint64 r = 0; r < nq; ++r)
        for (int j = 0; j < m; ++j)
            q[size_t(r * m + j)] = float(query(queryOrder[size_t(r)], order[size_t(j)]));
    const qint64 blockCount = (nr + kBlock - 1) / kBlock;
    std::vector<float> blocks(size_t(blockCount * m * kBlock), 1.0e6f);
    std::vector<float> boxes(size_t(blockCount * 2 * m));
    for (qint64 block = 0; block < blockCount; ++block) {
        float *low = boxes.data() + block * 2 * m;
        float *high = low + m;
        std::fill(low, low + m, std::numeric_limits<float>::infinity());
        std::fill(high, high + m, -std::numeric_limits<float>::infinity());
        for (qint64 lane = 0; lane < kBlock && block * kBlock + lane < nr; ++lane) {
            const qint64 r = referenceOrder[size_t(block * kBlock + lane)];
            for (int j = 0; j < m; ++j) {
                const float v = float(reference(r, order[size_t(j)]));
                blocks[size_t((block * m + j) * kBlock + lane)] = v;
                low[j] = std::min(low[j], v);
                high[j] = std::max(high[j], v);
            }
        }
    }
    SearchData data { q.data(), blocks.data(), boxes.data(), m, k, nq, nr, blockCount };

    const qint64 chunks = (nq + kQueryChunk - 1) / kQueryChunk;
    std::atomic<qint64> nextChunk { 0 };
    std::atomic<qint64> doneChunks { 0 };
    std::atomic_bool cancelled { false };
    std::vector<TopK> best(static_cast<size_t>(nq));
    const auto worker = [&] {
        while (!cancelled.load(std::memory_order_relaxed)) {
            const qint64 chunk = nextChunk.fetch_add(1);
            if (chunk >= chunks)
                return;
            const qint64 begin = chunk * kQueryChunk;
            const qint64 end = std::min(nq, begin + kQueryChunk);
            searchChunk(data, begin, end, best.data() + begin);
            doneChunks.fetch_add(1);
        }
    };
    int threads = options.threads > 0 ? options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    threads = int(std::min<qint64>(threads, chunks));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    // The calling thread works too, and between chunks it polls the job (JobContext is
    // only promised to be callable from the job's own thread).
    while (!cancelled.load()) {
        const qint64 chunk = nextChunk.fetch_add(1);
        if (chunk >= chunks)
            break;
        const qint64 begin = chunk * kQueryChunk;
        const qint64 end = std::min(nq, begin + kQueryChunk);
        searchChunk(data, begin, end, best.data() + begin);
        const qint64 done = doneChunks.fetch_add(1) + 1;
        if (job.isCancelled())
            cancelled.store(true);
        else if (chunk % 16 == 0)
            job.reportProgress(double(done) / double(chunks), QStringLiteral("Nearest neighbours"));
    }
    for (std::thread &thread : pool)
        thread.join();
    // The other worker may have taken every chunk before this thread polled once.
    if (cancelled.load() || job.isCancelled())
        return cancelledError();

    // Exact distances of the chosen neighbours, in double, as the definition says.
    for (qint64 sortedRow = 0; sortedRow < nq; ++sortedRow) {
        const TopK &top = best[size_t(sortedRow)];
        const qint64 r = queryOrder[size_t(sortedRow)];
        int i1 = int(referenceOrder[size_t(top.i1)]);
        double d1 = MixedDistanceEncoding::distance(query.row(r).data(), reference.row(i1).data(), m);
        if (k > 1 && top.i2 >= 0) {
            int i2 = int(referenceOrder[size_t(top.i2)]);
            double d2 = MixedDistanceEncoding::distance(query.row(r).data(), reference.row(i2).data(), m);
            if (d2 < d1) {
                std::swap(d1, d2);
                std::swap(i1, i2);
            }
            out.distance2[r] = d2;
            out.index2[r] = i2;
        }
        out.distance1[r] = d1;
        out.index1[r] = i1;
    }
    return out;
}

} // namespace core::privacy
