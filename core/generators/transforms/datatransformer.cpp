// SPDX-License-Identifier: MIT
#include "core/generators/transforms/datatransformer.h"

#include "core/generators/streamguard.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <thread>
#include <unordered_map>

namespace core::transforms {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("core::DataTransformer", text, disambiguation, n);
}

constexpr double kStdMultiplier = 4.0; // CTGAN / RDT: alpha = (x - mean) / (4 sd)

std::uint64_t columnSeed(std::uint64_t seed, int column)
{
    // SplitMix64 step: decorrelates the per-column streams of neighbouring seeds.
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * std::uint64_t(column + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

bool isDiscrete(const ColumnMeta &meta, const Column &column)
{
    switch (column.storage()) {
    case ColumnStorage::Category:
    case ColumnStorage::Boolean:
    case ColumnStorage::Text: return true;
    case ColumnStorage::Number:
    case ColumnStorage::DateTime:
        return meta.type == SemanticType::Categorical || meta.type == SemanticType::Boolean;
    }
    return false;
}

int argmax(const float *p, int width)
{
    int best = 0;
    for (int j = 1; j < width; ++j)
        if (p[j] > p[best])
            best = j;
    return best;
}

} // namespace

void parallelFor(int count, int threads, const std::function<void(int)> &fn)
{
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::min(threads, count);
    if (threads <= 1) {
        for (int i = 0; i < count; ++i)
            fn(i);
        return;
    }
    std::atomic_int next { 0 };
    std::vector<std::thread> pool;
    pool.reserve(size_t(threads));
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&]() {
            for (int i = next.fetch_add(1); i < count; i = next.fetch_add(1))
                fn(i);
        });
    for (auto &thread : pool)
        thread.join();
}

Result<void> DataTransformer::fit(const Table &table, const Schema &schema, const Options &options,
                                  JobContext &job, Diagnostics &diagnostics)
{
    Q_ASSERT(schema.columns.size() == table.columnCount());
    const int count = table.columnCount();
    std::vector<ColumnModel> models(static_cast<size_t>(count));
    std::vector<Diagnostics> found(static_cast<size_t>(count));
    std::vector<std::vector<std::pair<double, qint64>>> discreteCounts(static_cast<size_t>(count));
    std::vector<qint64> discreteMissing(static_cast<size_t>(count), 0);
    // Workers never call job (it belongs to this thread); cancellation is checked around the fits.
    std::atomic_bool cancelled { job.isCancelled() };

    parallelFor(count, options.threads, [&](int i) {
        if (cancelled.load())
            return;
        const Column &column = table.column(i);
        const ColumnMeta &meta = schema.columns[i];
        ColumnModel &model = models[size_t(i)];
        model.templ = column.emptyCopy();
        const qint64 rows = column.size();

        if (isDiscrete(meta, column)) {
            // Counted here; the encoding is decided once every column's count is known.
            model.kind = Kind::Discrete;
            const bool byCode = column.storage() == ColumnStorage::Category
                || column.storage() == ColumnStorage::Boolean;
            std::map<double, qint64> counts;
            qint64 missing = 0;
            for (qint64 r = 0; r < rows; ++r) {
                if (column.isMissing(r)) {
                    ++missing;
                    continue;
                }
                const double v = byCode ? double(column.codes()[size_t(r)]) : column.numbers()[size_t(r)];
                if (!std::isfinite(v)) {
                    ++missing;
                    continue;
                }
                ++counts[v];
            }
            discreteCounts[size_t(i)].assign(counts.begin(), counts.end());
            discreteMissing[size_t(i)] = missing;
            model.integer = column.isInteger() || meta.integer;
            return;
        }

        // Numbers and datetimes.
        std::vector<double> finite;
        finite.reserve(size_t(rows));
        qint64 missing = 0, infinite = 0;
        for (qint64 r = 0; r < rows; ++r) {
            const double v = column.numbers()[size_t(r)];
            if (column.isMissing(r) || std::isnan(v)) {
                ++missing;
            } else if (!std::isfinite(v)) {
                ++missing;
                ++infinite;
            } else {
                finite.push_back(v);
            }
        }
        if (infinite > 0)
            found[size_t(i)].append(Diagnostic {
                Diagnostic::Severity::Warning, QStringLiteral("non_finite_as_missing"),
                tr("Column %1 has %2 infinite values; they are treated as missing and never generated.")
                    .arg(meta.name)
                    .arg(infinite),
                meta.name, -1 });
        model.hasMissing = missing > 0;
        model.missingRate = rows > 0 ? double(missing) / double(rows) : 0.0;
        model.integer = meta.integer || column.isInteger();
        model.decimals = meta.decimals >= 0 ? meta.decimals : column.decimals();
        if (model.integer || model.decimals >= 15) // at float64 precision rounding only loses information
            model.decimals = -1;
        if (finite.empty()) {
            model.kind = Kind::Constant;
            model.constant = 0.0;
            model.hasMissing = true;
            model.missingRate = 1.0;
            return;
        }
        const auto [lo, hi] = std::minmax_element(finite.begin(), finite.end());
        model.minimum = *lo;
        model.maximum = *hi;
        if (column.storage() == ColumnStorage::DateTime) {
            const bool wholeDays = std::all_of(finite.begin(), finite.end(),
                                               [](double v) { return std::fmod(v, 86400.0) == 0.0; });
            model.granularity = wholeDays ? 86400.0 : 1.0;
        }
        if (model.minimum == model.maximum) {
            model.kind = Kind::Constant;
            model.constant = model.minimum;
            return;
        }
        model.kind = Kind::Continuous;
        model.center = model.minimum / 2.0 + model.maximum / 2.0;
        model.scale = model.maximum / 2.0 - model.minimum / 2.0;
        std::mt19937_64 rng(columnSeed(options.seed, i));
        if (qint64(finite.size()) > options.gmmSampleRows) {
            // Partial Fisher-Yates: a uniform sample without replacement.
            for (qint64 j = 0; j < options.gmmSampleRows; ++j) {
                std::uniform_int_distribution<size_t> pick(size_t(j), finite.size() - 1);
                std::swap(finite[size_t(j)], finite[pick(rng)]);
            }
            finite.resize(size_t(options.gmmSampleRows));
        }
        for (double &v : finite)
            v = (v - model.center) / model.scale;
        BayesianGmm::Options gmmOptions;
        gmmOptions.maxComponents = options.maxModes;
        gmmOptions.weightConcentrationPrior = options.weightConcentrationPrior;
        gmmOptions.seed = rng();
        model.gmm.fit(finite, gmmOptions);
        const auto &weights = model.gmm.weights();
        for (int c = 0; c < model.gmm.componentCount(); ++c)
            if (weights[size_t(c)] > options.weightThreshold)
                model.validModes.push_back(c);
        if (model.validModes.empty())
            model.validModes.push_back(int(std::max_element(weights.begin(), weights.end()) - weights.begin()));
    });
    if (cancelled.load() || job.isCancelled())
        return cancelledError();

    // Categorical encodings, with one limit for all so the table's one-hot width stays bounded.
    std::vector<qint64> distinct;
    for (int i = 0; i < count; ++i)
        if (models[size_t(i)].kind == Kind::Discrete)
            distinct.push_back(qint64(discreteCounts[size_t(i)].size()));
    const int limit = categoryLimit(distinct, options);
    QStringList bounded;
    int boundedKeep = 0;
    for (int i = 0; i < count; ++i) {
        ColumnModel &model = models[size_t(i)];
        if (model.kind != Kind::Discrete)
            continue;
        const std::vector<std::pair<double, qint64>> &present = discreteCounts[size_t(i)];
        if (int(present.size()) > limit) {
            std::vector<std::pair<double, qint64>> byFrequency = present;
            std::stable_sort(byFrequency.begin(), byFrequency.end(),
                             [](const auto &a, const auto &b) { return a.second > b.second; });
            const size_t keep = size_t(std::max(1, limit - 1));
            std::vector<std::pair<double, qint64>> kept(byFrequency.begin(), byFrequency.begin() + qsizetype(keep));
            qint64 otherTotal = 0;
            for (size_t j = keep; j < byFrequency.size(); ++j)
                otherTotal += byFrequency[j].second;
            double cumulative = 0.0;
            for (size_t j = keep; j < byFrequency.size(); ++j) {
                model.otherValues.push_back(byFrequency[j].first);
                cumulative += double(byFrequency[j].second) / double(otherTotal);
                model.otherCumulative.push_back(cumulative);
            }
            model.otherCumulative.back() = 1.0;
            std::sort(kept.begin(), kept.end());
            for (const auto &entry : kept)
                model.values.push_back(entry.first);
            model.otherPosition = int(model.values.size());
            model.values.push_back(std::numeric_limits<double>::quiet_NaN());
            const QString &name = schema.columns[i].name;
            bounded.append(name);
            boundedKeep = int(keep);
            found[size_t(i)].append(Diagnostic {
                Diagnostic::Severity::Info, QStringLiteral("high_cardinality"),
                tr("Column %1 has %2 categories; the %3 most frequent are modelled one by one, the other %4 "
                   "share one group and are drawn from their real frequencies.")
                    .arg(name)
                    .arg(present.size())
                    .arg(keep)
                    .arg(present.size() - keep),
                name, -1 });
        } else {
            for (const auto &entry : present)
                model.values.push_back(entry.first);
        }
        const qint64 missing = discreteMissing[size_t(i)];
        if (missing > 0) {
            model.hasMissing = true;
            model.missingRate = double(missing) / double(table.rowCount());
            model.missingPosition = int(model.values.size());
            model.values.push_back(std::numeric_limits<double>::quiet_NaN());
        }
        if (model.values.empty()) { // cannot happen for a table with rows, but keep one position
            model.missingPosition = 0;
            model.values.push_back(std::numeric_limits<double>::quiet_NaN());
        }
    }
    if (!bounded.isEmpty()) {
        const QString names = bounded.size() <= 5
            ? bounded.join(QStringLiteral(", "))
            : tr("%1 and %2 more").arg(bounded.mid(0, 5).join(QStringLiteral(", "))).arg(bounded.size() - 5);
        job.reportMessage(tr("%n column(s) have too many categories for a one-hot encoding (%1): each keeps its %2 "
                             "most frequent categories and one shared group for the rest, drawn from their real "
                             "frequencies (at most %3 positions per column).",
                             nullptr, int(bounded.size()))
                              .arg(names)
                              .arg(boundedKeep)
                              .arg(limit));
    }

    m_columns = std::move(models);
    m_enforceMinMax = options.enforceMinMax;
    m_threads = options.threads;
    for (const Diagnostics &d : found)
        diagnostics.append(d);
    layout();

    // Frequencies of each categorical position, for CTGAN's condition sampler.
    for (DiscreteBlock &block : m_discrete) {
        const ColumnModel &model = m_columns[size_t(block.column)];
        const Column &column = table.column(block.column);
        block.frequencies.assign(size_t(m_spans[size_t(block.span)].width), 0.0);
        const std::unordered_map<double, int> positions = positionsOf(model);
        for (qint64 r = 0; r < column.size(); ++r)
            block.frequencies[size_t(discretePosition(model, positions, column, r))] += 1.0 / double(column.size());
    }

    // Which categorical value pairs the real rows show, for small pairs of columns. Each block's
    // positions are computed once (two bytes a row), not the whole one-hot encoding of the table.
    m_cooccurrence.clear();
    std::vector<std::vector<std::uint16_t>> rowPositions(m_discrete.size());
    auto smallPair = [this](size_t a, size_t b) {
        return m_spans[size_t(m_discrete[a].span)].width * m_spans[size_t(m_discrete[b].span)].width
            <= kMaxCooccurrenceCells;
    };
    parallelFor(int(m_discrete.size()), m_threads, [&](int a) {
        bool paired = false;
        for (size_t b = 0; b < m_discrete.size(); ++b)
            paired = paired || (b != size_t(a) && smallPair(size_t(a), b));
        if (!paired) // a width above kMaxCooccurrenceCells cannot pair, so positions fit two bytes
            return;
        const ColumnModel &model = m_columns[size_t(m_discrete[size_t(a)].column)];
        const Column &column = table.column(m_discrete[size_t(a)].column);
        const std::unordered_map<double, int> positions = positionsOf(model);
        std::vector<std::uint16_t> &out = rowPositions[size_t(a)];
        out.resize(size_t(column.size()));
        for (qint64 r = 0; r < column.size(); ++r)
            out[size_t(r)] = std::uint16_t(discretePosition(model, positions, column, r));
    });
    for (size_t a = 0; a < m_discrete.size(); ++a)
        for (size_t b = a + 1; b < m_discrete.size(); ++b) {
            if (!smallPair(a, b))
                continue;
            const int widthB = m_spans[size_t(m_discrete[b].span)].width;
            std::vector<bool> seen(size_t(m_spans[size_t(m_discrete[a].span)].width * widthB), false);
            const std::vector<std::uint16_t> &pa = rowPositions[a], &pb = rowPositions[b];
            for (size_t r = 0; r < pa.size(); ++r)
                seen[size_t(pa[r]) * size_t(widthB) + pb[r]] = true;
            m_cooccurrence[{ int(a), int(b) }] = std::move(seen);
        }
    return {};
}

std::unordered_map<double, int> DataTransformer::positionsOf(const ColumnModel &model)
{
    std::unordered_map<double, int> positions;
    for (size_t p = 0; p < model.values.size(); ++p)
        if (!std::isnan(model.values[p]))
            positions[model.values[p]] = int(p);
    return positions;
}

int DataTransformer::discretePosition(const ColumnModel &model, const std::unordered_map<double, int> &positions,
                                      const Column &column, qint64 r)
{
    int p = model.missingPosition;
    if (!column.isMissing(r)) {
        const bool byCode = column.storage() == ColumnStorage::Category || column.storage() == ColumnStorage::Boolean;
        const double v = byCode ? double(column.codes()[size_t(r)]) : column.numbers()[size_t(r)];
        if (std::isfinite(v)) {
            const auto it = positions.find(v);
            p = it != positions.end() ? it->second : model.otherPosition;
        }
    }
    return p < 0 ? 0 : p; // a value unseen at fit and no "other" group: nearest is the first position
}

int DataTransformer::categoryLimit(const std::vector<qint64> &distinctCounts, const Options &options)
{
    const auto width = [&distinctCounts](int limit) {
        qint64 total = 0;
        for (qint64 n : distinctCounts)
            total += std::min<qint64>(n, limit);
        return total;
    };
    int limit = std::max(options.maxCategories, 1);
    const int floor = std::clamp(options.minCategories, 1, limit);
    while (limit > floor && width(limit) > options.maxCategoricalWidth)
        --limit;
    return limit;
}

bool DataTransformer::mayCooccur(const ConditionIndex &a, const ConditionIndex &b) const
{
    if (a.block == b.block)
        return a.position == b.position;
    const ConditionIndex &x = a.block < b.block ? a : b;
    const ConditionIndex &y = a.block < b.block ? b : a;
    const auto it = m_cooccurrence.find({ x.block, y.block });
    if (it == m_cooccurrence.end())
        return true;
    const int width = m_spans[size_t(m_discrete[size_t(y.block)].span)].width;
    return it->second[size_t(x.position * width + y.position)];
}

void DataTransformer::layout()
{
    m_spans.clear();
    m_discrete.clear();
    int at = 0;
    for (size_t i = 0; i < m_columns.size(); ++i) {
        ColumnModel &model = m_columns[i];
        model.firstSpan = int(m_spans.size());
        const int column = int(i);
        switch (model.kind) {
        case Kind::Continuous:
            m_spans.push_back(Span { at, 1, Activation::Tanh, column, false });
            at += 1;
            m_spans.push_back(Span { at, int(model.validModes.size()), Activation::Softmax, column, false });
            at += int(model.validModes.size());
            break;
        case Kind::Constant: break;
        case Kind::Discrete:
            m_discrete.push_back(DiscreteBlock { int(m_spans.size()), column, {} });
            m_spans.push_back(Span { at, int(model.values.size()), Activation::Softmax, column, true });
            at += int(model.values.size());
            break;
        }
        if (model.kind != Kind::Discrete && model.hasMissing) {
            m_spans.push_back(Span { at, 2, Activation::Softmax, column, false });
            at += 2;
        }
    }
    m_dimension = at;
}

std::vector<float> DataTransformer::transform(const Table &table, std::uint64_t seed) const
{
    const qint64 rows = table.rowCount();
    const size_t dim = size_t(m_dimension);
    std::vector<float> out(size_t(rows) * dim, 0.0f);
    parallelFor(int(m_columns.size()), m_threads, [&](int i) {
        const ColumnModel &model = m_columns[size_t(i)];
        const Column &column = table.column(i);
        const Span *span = m_spans.data() + model.firstSpan;
        switch (model.kind) {
        case Kind::Continuous: {
            std::mt19937_64 rng(columnSeed(seed, i));
            std::uniform_real_distribution<double> uniform(0.0, 1.0);
            const int k = model.gmm.componentCount();
            const int valid = int(model.validModes.size());
            std::vector<double> resp(static_cast<size_t>(k)), prob(static_cast<size_t>(valid));
            const auto &means = model.gmm.means();
            const auto &sds = model.gmm.stddevs();
            // Missing values are encoded at the mean, as the reference replaces them before the mixture.
            double fill = 0.0;
            {
                double sum = 0.0;
                qint64 n = 0;
                for (qint64 r = 0; r < rows; ++r) {
                    const double v = column.numbers()[size_t(r)];
                    if (!column.isMissing(r) && std::isfinite(v)) {
                        sum += (v - model.center) / model.scale;
                        ++n;
                    }
                }
                fill = n > 0 ? sum / double(n) : 0.0;
            }
            const int missingStart = model.hasMissing ? span[2].start : -1;
            for (qint64 r = 0; r < rows; ++r) {
                float *row = out.data() + size_t(r) * dim;
                const double v = column.numbers()[size_t(r)];
                const bool missing = column.isMissing(r) || !std::isfinite(v);
                const double u = missing ? fill : (v - model.center) / model.scale;
                model.gmm.responsibilities(u, resp.data());
                double total = 0.0;
                for (int j = 0; j < valid; ++j) {
                    prob[size_t(j)] = resp[size_t(model.validModes[size_t(j)])] + 1e-6;
                    total += prob[size_t(j)];
                }
                double target = uniform(rng) * total;
                int chosen = valid - 1;
                for (int j = 0; j < valid; ++j) {
                    target -= prob[size_t(j)];
                    if (target <= 0.0) {
                        chosen = j;
                        break;
                    }
                }
                const size_t c = size_t(model.validModes[size_t(chosen)]);
                const double alpha = std::clamp((u - means[c]) / (kStdMultiplier * sds[c]), -0.99, 0.99);
                row[span[0].start] = float(alpha);
                row[span[1].start + chosen] = 1.0f;
                if (missingStart >= 0)
                    row[missingStart + (missing ? 1 : 0)] = 1.0f;
            }
            break;
        }
        case Kind::Constant:
            if (model.hasMissing) {
                const int start = span[0].start;
                for (qint64 r = 0; r < rows; ++r) {
                    const double v = column.numbers()[size_t(r)];
                    const bool missing = column.isMissing(r) || !std::isfinite(v);
                    out[size_t(r) * dim + size_t(start + (missing ? 1 : 0))] = 1.0f;
                }
            }
            break;
        case Kind::Discrete: {
            const std::unordered_map<double, int> positions = positionsOf(model);
            const int start = span[0].start;
            for (qint64 r = 0; r < rows; ++r)
                out[size_t(r) * dim + size_t(start + discretePosition(model, positions, column, r))] = 1.0f;
            break;
        }
        }
    });
    return out;
}

double DataTransformer::finishNumber(const ColumnModel &model, double value) const
{
    if (model.integer) {
        value = std::round(value);
    } else if (model.granularity > 0.0) {
        value = std::round(value / model.granularity) * model.granularity;
    } else if (model.decimals >= 0) {
        const double factor = std::pow(10.0, model.decimals);
        value = std::round(value * factor) / factor;
    }
    if (m_enforceMinMax)
        value = std::clamp(value, model.minimum, model.maximum);
    return value;
}

Table DataTransformer::inverseTransform(const float *data, qint64 rows, const std::vector<float> *sigmas,
                                        std::uint64_t seed) const
{
    const size_t dim = size_t(m_dimension);
    std::vector<Column> columns(m_columns.size());
    parallelFor(int(m_columns.size()), m_threads, [&](int i) {
        const ColumnModel &model = m_columns[size_t(i)];
        const Span *span = m_spans.data() + model.firstSpan;
        Column column = model.templ.emptyCopy();
        column.reserve(rows);
        std::mt19937_64 rng(columnSeed(seed, i) ^ 0x5bd1e995ULL);
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        std::normal_distribution<double> normal(0.0, 1.0);
        const bool isCode = column.storage() == ColumnStorage::Category || column.storage() == ColumnStorage::Boolean;
        for (qint64 r = 0; r < rows; ++r) {
            const float *row = data + size_t(r) * dim;
            switch (model.kind) {
            case Kind::Continuous: {
                double alpha = row[span[0].start];
                if (sigmas)
                    alpha += double((*sigmas)[size_t(span[0].start)]) * normal(rng);
                alpha = std::clamp(alpha, -1.0, 1.0);
                const int chosen = argmax(row + span[1].start, span[1].width);
                const size_t c = size_t(model.validModes[size_t(chosen)]);
                const double u = alpha * kStdMultiplier * model.gmm.stddevs()[c] + model.gmm.means()[c];
                const bool missing = model.hasMissing && argmax(row + span[2].start, 2) == 1;
                if (missing)
                    column.appendMissing();
                else
                    column.appendNumber(finishNumber(model, u * model.scale + model.center));
                break;
            }
            case Kind::Constant: {
                const bool missing = model.hasMissing
                    && (model.missingRate >= 1.0 || argmax(row + span[0].start, 2) == 1);
                if (missing)
                    column.appendMissing();
                else
                    column.appendNumber(model.constant);
                break;
            }
            case Kind::Discrete: {
                const int p = argmax(row + span[0].start, span[0].width);
                double value = model.values[size_t(p)];
                if (p == model.otherPosition) {
                    const double target = uniform(rng);
                    const auto it = std::lower_bound(model.otherCumulative.begin(), model.otherCumulative.end(), target);
                    value = model.otherValues[size_t(std::min<std::ptrdiff_t>(
                        it - model.otherCumulative.begin(), std::ptrdiff_t(model.otherValues.size()) - 1))];
                }
                if (p == model.missingPosition || std::isnan(value))
                    column.appendMissing();
                else if (isCode)
                    column.appendCode(std::int32_t(value));
                else
                    column.appendNumber(value);
                break;
            }
            }
        }
        columns[size_t(i)] = std::move(column);
    });
    Table table;
    for (Column &column : columns)
        table.addColumn(std::move(column));
    return table;
}

QString DataTransformer::positionLabel(const ColumnModel &model, int position) const
{
    const double value = model.values[size_t(position)];
    if (std::isnan(value))
        return {};
    Column probe = model.templ.emptyCopy();
    if (probe.storage() == ColumnStorage::Category || probe.storage() == ColumnStorage::Boolean)
        probe.appendCode(std::int32_t(value));
    else
        probe.appendNumber(value);
    return probe.cellText(0);
}

bool DataTransformer::isCategorical(const QString &column) const
{
    for (const ColumnModel &model : m_columns)
        if (model.templ.name() == column)
            return model.kind == Kind::Discrete;
    return false;
}

std::optional<DataTransformer::ConditionIndex> DataTransformer::conditionIndex(const QString &column,
                                                                               const QString &value) const
{
    for (size_t b = 0; b < m_discrete.size(); ++b) {
        const ColumnModel &model = m_columns[size_t(m_discrete[b].column)];
        if (model.templ.name() != column)
            continue;
        bool numeric = false;
        const double asNumber = value.toDouble(&numeric);
        const bool byCode = model.templ.storage() == ColumnStorage::Category
            || model.templ.storage() == ColumnStorage::Boolean;
        for (size_t p = 0; p < model.values.size(); ++p) {
            if (int(p) == model.otherPosition || int(p) == model.missingPosition)
                continue;
            if (positionLabel(model, int(p)) == value || (!byCode && numeric && model.values[p] == asNumber))
                return ConditionIndex { int(b), int(p) };
        }
        return std::nullopt;
    }
    return std::nullopt;
}

void DataTransformer::save(QDataStream &out) const
{
    out << qint32(m_columns.size()) << m_enforceMinMax;
    for (const ColumnModel &m : m_columns) {
        out << qint32(m.kind) << m.templ.name() << qint32(m.templ.storage()) << m.templ.labels()
            << m.templ.isInteger() << qint32(m.templ.decimals()) << m.templ.dateFormat();
        out << m.integer << qint32(m.decimals) << m.granularity << m.minimum << m.maximum << m.hasMissing
            << m.missingRate << m.center << m.scale << m.constant;
        m.gmm.save(out);
        out << qint32(m.validModes.size());
        for (int v : m.validModes)
            out << qint32(v);
        auto writeDoubles = [&out](const std::vector<double> &v) {
            out << qint32(v.size());
            for (double d : v)
                out << d;
        };
        writeDoubles(m.values);
        out << qint32(m.otherPosition) << qint32(m.missingPosition);
        writeDoubles(m.otherValues);
        writeDoubles(m.otherCumulative);
    }
    out << qint32(m_discrete.size());
    for (const DiscreteBlock &block : m_discrete) {
        out << qint32(block.frequencies.size());
        for (double f : block.frequencies)
            out << f;
    }
    out << qint32(m_cooccurrence.size());
    for (const auto &[key, seen] : m_cooccurrence) {
        out << qint32(key.first) << qint32(key.second) << qint32(seen.size());
        for (bool bit : seen)
            out << bit;
    }
}

Result<void> DataTransformer::load(QDataStream &in)
{
    auto corrupt = [] {
        return Error { Error::Code::InvalidInput, tr("The model file is damaged or incomplete."),
                       QStringLiteral("data transformer") };
    };
    qint32 count = 0;
    in >> count >> m_enforceMinMax;
    // A column takes at least 40 bytes in the stream; a count beyond what is left is damage.
    if (in.status() != QDataStream::Ok || count < 0 || count > 1000000 || !streamCanHold(in, count, 40))
        return corrupt();
    std::vector<ColumnModel> models(static_cast<size_t>(count));
    auto readDoubles = [&in](std::vector<double> &v) {
        qint32 n = 0;
        in >> n;
        if (n < 0 || n > 100000000 || !streamCanHold(in, n, sizeof(double))) {
            in.setStatus(QDataStream::ReadCorruptData);
            return;
        }
        v.resize(size_t(n));
        for (double &d : v)
            in >> d;
    };
    for (ColumnModel &m : models) {
        qint32 kind = 0, storage = 0, templDecimals = 0, decimals = 0, modes = 0, other = 0, missingPos = 0;
        QString name, format;
        QStringList labels;
        bool templInteger = false;
        in >> kind >> name >> storage;
        readChecked(in, labels, 4);
        in >> templInteger >> templDecimals >> format;
        if (kind < qint32(Kind::Continuous) || kind > qint32(Kind::Discrete) || storage < 0
            || storage > qint32(ColumnStorage::Text))
            return corrupt();
        m.kind = Kind(kind);
        m.templ = Column(name, ColumnStorage(storage));
        m.templ.labels() = labels;
        m.templ.setInteger(templInteger);
        m.templ.setDecimals(templDecimals);
        m.templ.setDateFormat(format);
        in >> m.integer >> decimals >> m.granularity >> m.minimum >> m.maximum >> m.hasMissing >> m.missingRate
            >> m.center >> m.scale >> m.constant;
        m.decimals = decimals;
        m.gmm.load(in);
        in >> modes;
        if (in.status() != QDataStream::Ok || modes < 0 || modes > 1000)
            return corrupt();
        m.validModes.resize(size_t(modes));
        for (int &v : m.validModes) {
            qint32 x = 0;
            in >> x;
            v = x;
        }
        readDoubles(m.values);
        in >> other >> missingPos;
        m.otherPosition = other;
        m.missingPosition = missingPos;
        readDoubles(m.otherValues);
        readDoubles(m.otherCumulative);
        if (in.status() != QDataStream::Ok)
            return corrupt();
        for (int v : m.validModes)
            if (v < 0 || v >= m.gmm.componentCount())
                return corrupt();
    }
    m_columns = std::move(models);
    layout();
    qint32 blocks = 0;
    in >> blocks;
    if (in.status() != QDataStream::Ok || blocks != qint32(m_discrete.size()))
        return corrupt();
    for (DiscreteBlock &block : m_discrete) {
        readDoubles(block.frequencies);
        if (in.status() != QDataStream::Ok)
            return corrupt();
    }
    qint32 pairs = 0;
    in >> pairs;
    if (in.status() != QDataStream::Ok || pairs < 0 || qint64(pairs) > qint64(blocks) * blocks)
        return corrupt();
    m_cooccurrence.clear();
    for (qint32 j = 0; j < pairs; ++j) {
        qint32 a = 0, b = 0, size = 0;
        in >> a >> b >> size;
        if (in.status() != QDataStream::Ok || a < 0 || b <= a || b >= blocks || size < 0 || size > kMaxCooccurrenceCells
            || !streamCanHold(in, size, 1))
            return corrupt();
        std::vector<bool> seen(size_t(size), false);
        for (qint32 i = 0; i < size; ++i) {
            bool bit = false;
            in >> bit;
            seen[size_t(i)] = bit;
        }
        m_cooccurrence[{ a, b }] = std::move(seen);
    }
    if (in.status() != QDataStream::Ok)
        return corrupt();
    return {};
}

} // namespace core::transforms
