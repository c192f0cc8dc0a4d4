// SPDX-License-Identifier: MIT
#include "core/generators/gaussian_copula/gaussiancopula.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <QHash>

#include "core/generators/gaussian_copula/parallelfor.h"
#include "core/generators/streamguard.h"
#include "core/stats/distributions.h"
#include "core/stats/nearestcorrelation.h"

namespace core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kZMax = 7.5;
constexpr int kZGrid = 3001;
constexpr double kZStep = 2 * kZMax / (kZGrid - 1);
constexpr qint64 kBlockRows = 8192;
constexpr qint64 kMinPointMassRows = 5;
constexpr double kUEpsilon = 1e-12;

constexpr double kDefaultPointMassShare = 0.05;
constexpr int kDefaultFitSampleRows = 50000;

using Family = stats::UnivariateDistribution::Family;

quint64 splitmix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// A uniform in (0, 1) that depends only on (seed, column, row): the within-interval jitter of a
// category or point mass, reproducible whatever thread handles the row.
double hashUniform(quint64 seed, quint64 column, quint64 row)
{
    const quint64 h = splitmix(seed ^ splitmix(column * 0x632be59bd9b4e019ULL ^ splitmix(row)));
    return (double(h >> 11) + 0.5) * 0x1.0p-53;
}

double toNormalScore(double u)
{
    return stats::normalQuantile(std::clamp(u, kUEpsilon, 1.0 - kUEpsilon));
}

enum class Kind : qint32 { Continuous, Discrete };

struct Level {
    qint32 code = Column::kMissingCode; // Category / Boolean storage
    double number = kNaN; // Number / DateTime storage
    QString text; // Text storage
    bool missing = false;
};

// Everything learned about one modelled column.
struct ColumnModel {
    // Representation of the output column, copied from the real one.
    QString name;
    qint32 storage = 0;
    QStringList labels;
    bool integer = false;
    qint32 decimals = -1;
    QString dateFormat;

    Kind kind = Kind::Continuous;
    qint32 valueDim = -1; // copula dimension of the value, -1 when constant
    qint32 missingDim = -1; // copula dimension of the missingness indicator (continuous only)
    double missingRate = 0.0;

    // Continuous: point masses (sorted by value) plus a continuous part of share continuousShare.
    double minValue = 0.0, maxValue = 0.0;
    bool clamp = true;
    bool roundInteger = false;
    qint32 roundDecimals = -1;
    double granularity = 0.0; // DateTime: seconds to round to (86400, 60, 1) or 0
    std::vector<double> atomValues, atomProbs;
    std::vector<double> atomLo; // u where each point mass's interval starts
    std::vector<double> atomBelow; // size atoms + 1: total point-mass probability below atom k
    double continuousShare = 0.0;
    bool hasContinuous = false;
    stats::UnivariateDistribution dist;
    double ks = kNaN;
    std::vector<double> table; // x at z = −kZMax + i·kZStep (continuous part's quantile function)

    // Discrete: levels sorted by frequency, cumulative shares (size levels + 1).
    std::vector<Level> levels;
    std::vector<double> levelCum;

    // Fit-time only.
    qint64 nonFinite = 0;

    double tableAt(double z) const
    {
        const double pos = std::clamp((z + kZMax) / kZStep, 0.0, double(kZGrid - 1));
        const int i = std::min(int(pos), kZGrid - 2);
        const double w = pos - double(i);
        return table[size_t(i)] + w * (table[size_t(i) + 1] - table[size_t(i)]);
    }

    double zOfContinuous(double x) const
    {
        if (x <= table.front())
            return -kZMax;
        if (x >= table.back())
            return kZMax;
        const size_t hi = size_t(std::upper_bound(table.begin(), table.end(), x) - table.begin());
        const size_t lo = hi - 1;
        const double w = (x - table[lo]) / (table[hi] - table[lo]);
        return -kZMax + (double(lo) + w) * kZStep;
    }

    // Normal score of a present value; jitter in (0, 1) spreads a point mass over its interval.
    double forwardContinuous(double x, double jitter) const
    {
        if (atomValues.empty())
            return zOfContinuous(x);
        const size_t k
            = size_t(std::lower_bound(atomValues.begin(), atomValues.end(), x) - atomValues.begin());
        if (k < atomValues.size() && atomValues[k] == x)
            return toNormalScore(atomLo[k] + atomProbs[k] * jitter);
        return toNormalScore(atomBelow[k] + continuousShare * stats::normalCdf(zOfContinuous(x)));
    }

    double inverseContinuous(double z) const
    {
        if (atomValues.empty())
            return tableAt(z);
        const double u = stats::normalCdf(z);
        const qsizetype k = qsizetype(std::upper_bound(atomLo.begin(), atomLo.end(), u) - atomLo.begin()) - 1;
        if (!hasContinuous)
            return atomValues[size_t(std::max<qsizetype>(k, 0))];
        if (k >= 0 && u < atomLo[size_t(k)] + atomProbs[size_t(k)])
            return atomValues[size_t(k)];
        const double below = atomBelow[size_t(k + 1)];
        return tableAt(toNormalScore((u - below) / continuousShare));
    }

    double finish(double x) const
    {
        if (clamp)
            x = std::clamp(x, minValue, maxValue);
        if (roundInteger) {
            x = std::round(x);
        } else if (roundDecimals >= 0) {
            const double p = std::pow(10.0, roundDecimals);
            x = std::round(x * p) / p;
        } else if (granularity > 0.0) {
            x = std::round(x / granularity) * granularity;
        }
        if (clamp)
            x = std::clamp(x, minValue, maxValue);
        return x;
    }

    size_t levelOf(double u) const
    {
        const auto first = levelCum.begin() + 1, last = levelCum.begin() + qsizetype(levels.size());
        return size_t(std::upper_bound(first, last, u) - first);
    }

    QString familyName() const
    {
        if (kind == Kind::Discrete)
            return valueDim < 0 ? QStringLiteral("constant") : QStringLiteral("categorical");
        if (hasContinuous)
            return dist.name();
        return atomValues.size() <= 1 ? QStringLiteral("constant") : QStringLiteral("point_masses");
    }
};

struct FitSettings {
    std::vector<Family> candidates;
    double pointMassShare = kDefaultPointMassShare;
    int fitSampleRows = kDefaultFitSampleRows;
    bool clamp = true;
};

bool isContinuous(const Column &column, const ColumnMeta &meta)
{
    const bool numericStorage
        = column.storage() == ColumnStorage::Number || column.storage() == ColumnStorage::DateTime;
    return numericStorage && (meta.type == SemanticType::Numerical || meta.type == SemanticType::DateTime);
}

void fitContinuous(const Column &column, const ColumnMeta &meta, const FitSettings &settings, ColumnModel &m)
{
    const std::vector<double> &numbers = column.numbers();
    std::vector<double> values;
    values.reserve(numbers.size());
    for (qint64 row = 0; row < column.size(); ++row) {
        if (column.isMissing(row))
            continue;
        const double v = numbers[size_t(row)];
        if (std::isfinite(v))
            values.push_back(v);
        else if (!std::isnan(v))
            ++m.nonFinite;
    }
    const qint64 rows = column.size();
    const qint64 present = qint64(values.size());
    m.missingRate = rows == 0 ? 0.0 : double(rows - present) / double(rows);
    m.clamp = settings.clamp;
    if (present == 0)
        return; // all missing: comes back all missing
    std::sort(values.begin(), values.end());
    m.minValue = values.front();
    m.maxValue = values.back();

    // Representation and rounding.
    if (column.storage() == ColumnStorage::DateTime) {
        for (double g : { 86400.0, 60.0, 1.0 }) {
            if (std::all_of(values.begin(), values.end(), [g](double v) { return std::fmod(v, g) == 0.0; })) {
                m.granularity = g;
                break;
            }
        }
    } else if (meta.integer || column.isInteger()
               || std::all_of(values.begin(), values.end(), [](double v) { return v == std::round(v); })) {
        // Whole numbers written as "63.0" are still counts or codes: sample them whole,
        // and the column's decimals keep the ".0" when written.
        m.roundInteger = true;
    } else {
        const int decimals = meta.decimals >= 0 ? meta.decimals : column.decimals();
        if (decimals >= 0) {
            const double magnitude = std::max(std::abs(m.minValue), std::abs(m.maxValue));
            const int integerDigits = magnitude >= 1.0 ? int(std::floor(std::log10(magnitude))) + 1 : 0;
            // Beyond ~15 significant digits a double cannot hold the learned precision: keep it all.
            if (decimals + integerDigits <= 15)
                m.roundDecimals = decimals;
        }
    }

    // Runs of equal values; frequent ones become point masses.
    struct Run {
        double value;
        qint64 count;
        size_t begin;
    };
    std::vector<Run> runs;
    for (size_t i = 0; i < values.size();) {
        size_t j = i + 1;
        while (j < values.size() && values[j] == values[i])
            ++j;
        runs.push_back({ values[i], qint64(j - i), i });
        i = j;
    }
    const double threshold = settings.pointMassShare > 0.0
        ? std::max(double(kMinPointMassRows), settings.pointMassShare * double(present))
        : std::numeric_limits<double>::infinity();
    std::vector<char> isAtom(runs.size(), 0);
    size_t restDistinct = 0;
    for (size_t r = 0; r < runs.size(); ++r) {
        isAtom[r] = runs.size() == 1 || double(runs[r].count) >= threshold;
        restDistinct += isAtom[r] ? 0 : 1;
    }
    if (restDistinct >= 2) {
        // Probe the continuous fit first; a sample no family can describe (a range beyond
        // double's, e.g. 1e308 next to −1e308) keeps its values as point masses instead.
        std::vector<double> probe;
        for (size_t r = 0; r < runs.size(); ++r) {
            if (!isAtom[r])
                probe.push_back(runs[r].value);
        }
        restDistinct = std::isfinite(probe.back() - probe.front()) ? restDistinct : 0;
    }
    if (restDistinct < 2) // too little left for a continuous fit: keep the values as they are
        std::fill(isAtom.begin(), isAtom.end(), 1);

    std::vector<double> rest;
    qint64 atomRows = 0;
    for (size_t r = 0; r < runs.size(); ++r) {
        if (isAtom[r]) {
            m.atomValues.push_back(runs[r].value);
            m.atomProbs.push_back(double(runs[r].count) / double(present));
            atomRows += runs[r].count;
        }
    }
    m.continuousShare = double(present - atomRows) / double(present);
    m.hasContinuous = present > atomRows;
    if (m.hasContinuous) {
        rest.reserve(size_t(present - atomRows));
        for (size_t r = 0; r < runs.size(); ++r) {
            if (!isAtom[r])
                rest.insert(rest.end(), size_t(runs[r].count), runs[r].value);
        }
        // Quantile thinning to at most fitSampleRows order statistics.
        std::vector<double> thinned;
        const size_t limit = size_t(std::max(settings.fitSampleRows, 100));
        if (rest.size() > limit) {
            thinned.resize(limit);
            for (size_t i = 0; i < limit; ++i)
                thinned[i]
                    = rest[size_t(std::llround(double(i) * double(rest.size() - 1) / double(limit - 1)))];
        } else {
            thinned = std::move(rest);
        }
        m.dist = stats::selectDistribution(thinned, settings.candidates, &m.ks);
        auto tabulate = [&m]() {
            m.table.resize(kZGrid);
            for (int i = 0; i < kZGrid; ++i) {
                const double z = -kZMax + double(i) * kZStep;
                double x = m.dist.quantile(stats::normalCdf(z));
                if (!std::isfinite(x))
                    x = x > 0 ? m.maxValue + (m.maxValue - m.minValue) : m.minValue - (m.maxValue - m.minValue);
                m.table[size_t(i)] = i > 0 ? std::max(x, m.table[size_t(i) - 1]) : x;
            }
        };
        try {
            tabulate();
        } catch (const std::exception &) {
            // A quantile search that fails on extreme parameters: fall back to the KDE.
            m.dist = stats::selectDistribution(thinned, { Family::Kde }, &m.ks);
            tabulate();
        }
    }
    m.atomBelow.assign(m.atomValues.size() + 1, 0.0);
    m.atomLo.resize(m.atomValues.size());
    for (size_t k = 0; k < m.atomValues.size(); ++k) {
        m.atomBelow[k + 1] = m.atomBelow[k] + m.atomProbs[k];
        const double fc = m.hasContinuous ? stats::normalCdf(m.zOfContinuous(m.atomValues[k])) : 0.0;
        m.atomLo[k] = m.atomBelow[k] + m.continuousShare * fc;
    }
}

void fitDiscrete(const Column &column, ColumnModel &m)
{
    const qint64 rows = column.size();
    std::vector<Level> levels;
    std::vector<qint64> counts;
    switch (column.storage()) {
    case ColumnStorage::Category:
    case ColumnStorage::Boolean: {
        std::vector<qint64> byCode(size_t(column.labels().size()) + 1, 0); // last slot: missing
        for (qint64 row = 0; row < rows; ++row) {
            const qint32 code = column.codes()[size_t(row)];
            const bool missing = column.isMissing(row) || code < 0 || code >= column.labels().size();
            ++byCode[missing ? byCode.size() - 1 : size_t(code)];
        }
        for (size_t c = 0; c < byCode.size(); ++c) {
            if (byCode[c] == 0)
                continue;
            Level level;
            level.missing = c + 1 == byCode.size();
            level.code = level.missing ? Column::kMissingCode : qint32(c);
            levels.push_back(level);
            counts.push_back(byCode[c]);
        }
        break;
    }
    case ColumnStorage::Number:
    case ColumnStorage::DateTime: {
        std::vector<double> values;
        qint64 missing = 0;
        for (qint64 row = 0; row < rows; ++row) {
            const double v = column.numbers()[size_t(row)];
            if (column.isMissing(row) || !std::isfinite(v)) {
                ++missing;
                m.nonFinite += (!column.isMissing(row) && !std::isnan(v)) ? 1 : 0;
            } else {
                values.push_back(v);
            }
        }
        std::sort(values.begin(), values.end());
        for (size_t i = 0; i < values.size();) {
            size_t j = i + 1;
            while (j < values.size() && values[j] == values[i])
                ++j;
            Level level;
            level.number = values[i];
            levels.push_back(level);
            counts.push_back(qint64(j - i));
            i = j;
        }
        if (missing > 0) {
            Level level;
            level.missing = true;
            levels.push_back(level);
            counts.push_back(missing);
        }
        break;
    }
    case ColumnStorage::Text: {
        QHash<QString, size_t> index;
        qint64 missing = 0;
        for (qint64 row = 0; row < rows; ++row) {
            if (column.isMissing(row)) {
                ++missing;
                continue;
            }
            const QString &text = column.texts()[size_t(row)];
            auto it = index.find(text);
            if (it == index.end()) {
                it = index.insert(text, levels.size());
                Level level;
                level.text = text;
                levels.push_back(level);
                counts.push_back(0);
            }
            ++counts[*it];
        }
        if (missing > 0) {
            Level level;
            level.missing = true;
            levels.push_back(level);
            counts.push_back(missing);
        }
        break;
    }
    }
    // Most frequent first (SDV's frequency encoding); ties keep their first-seen order.
    std::vector<size_t> order(levels.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(
        order.begin(), order.end(), [&counts](size_t l, size_t r) { return counts[l] > counts[r]; });
    m.levels.clear();
    m.levelCum.assign(1, 0.0);
    qint64 cumulative = 0;
    qint64 missing = 0;
    for (size_t i : order) {
        m.levels.push_back(levels[i]);
        cumulative += counts[i];
        m.levelCum.push_back(double(cumulative) / double(rows));
        missing += levels[i].missing ? counts[i] : 0;
    }
    if (!m.levelCum.empty())
        m.levelCum.back() = 1.0;
    m.missingRate = rows == 0 ? 0.0 : double(missing) / double(rows);
}

// Maps each row of a discrete column to its level index.
class LevelIndex {
public:
    LevelIndex(const Column &column, const ColumnModel &m)
        : m_column(column)
    {
        for (size_t l = 0; l < m.levels.size(); ++l) {
            const Level &level = m.levels[l];
            if (level.missing)
                m_missingLevel = l;
            else if (column.storage() == ColumnStorage::Category
                || column.storage() == ColumnStorage::Boolean)
                m_byCode.resize(std::max(m_byCode.size(), size_t(level.code) + 1)),
                    m_byCode[size_t(level.code)] = l;
            else if (column.storage() == ColumnStorage::Text)
                m_byText.insert(level.text, l);
            else
                m_byNumber.push_back({ level.number, l });
        }
        std::sort(m_byNumber.begin(), m_byNumber.end());
    }

    size_t at(qint64 row) const
    {
        if (m_column.isMissing(row))
            return m_missingLevel;
        switch (m_column.storage()) {
        case ColumnStorage::Category:
        case ColumnStorage::Boolean: {
            const qint32 code = m_column.codes()[size_t(row)];
            return code >= 0 && size_t(code) < m_byCode.size() ? m_byCode[size_t(code)] : m_missingLevel;
        }
        case ColumnStorage::Text:
            return m_byText.value(m_column.texts()[size_t(row)], m_missingLevel);
        case ColumnStorage::Number:
        case ColumnStorage::DateTime: {
            const double v = m_column.numbers()[size_t(row)];
            if (!std::isfinite(v))
                return m_missingLevel;
            const auto it
                = std::lower_bound(m_byNumber.begin(), m_byNumber.end(), std::pair<double, size_t>(v, 0));
            return it != m_byNumber.end() && it->first == v ? it->second : m_missingLevel;
        }
        }
        return m_missingLevel;
    }

private:
    const Column &m_column;
    size_t m_missingLevel = 0;
    std::vector<size_t> m_byCode;
    QHash<QString, size_t> m_byText;
    std::vector<std::pair<double, size_t>> m_byNumber;
};

void fillStandardNormals(std::mt19937_64 &rng, double *out, qint64 count)
{
    // Box–Muller on 53-bit uniforms: our own transform, so the stream is library-independent.
    for (qint64 i = 0; i < count; i += 2) {
        const double u1 = (double(rng() >> 11) + 1.0) * 0x1.0p-53; // (0, 1]
        const double u2 = double(rng() >> 11) * 0x1.0p-53; // [0, 1)
        const double r = std::sqrt(-2.0 * std::log(u1));
        const double angle = 2.0 * std::numbers::pi * u2;
        out[i] = r * std::cos(angle);
        if (i + 1 < count)
            out[i + 1] = r * std::sin(angle);
    }
}

// Streaming helpers for std::vector in the model stream.
void writeVector(QDataStream &out, const std::vector<double> &v)
{
    out << qint64(v.size());
    for (double x : v)
        out << x;
}

bool readVector(QDataStream &in, std::vector<double> &v, qint64 limit = qint64(1) << 26)
{
    qint64 size = 0;
    in >> size;
    if (in.status() != QDataStream::Ok || size < 0 || size > limit || !streamCanHold(in, size, sizeof(double)))
        return false;
    v.resize(size_t(size));
    for (double &x : v)
        in >> x;
    return in.status() == QDataStream::Ok;
}

} // namespace

struct GaussianCopula::Model {
    std::vector<ColumnModel> columns;
    int dims = 0;
    Eigen::MatrixXd correlation;
    Eigen::MatrixXd cholesky; // lower triangular
    quint64 fitSeed = 0;
};

GaussianCopula::GaussianCopula() = default;
GaussianCopula::~GaussianCopula() = default;

QString GaussianCopula::displayName() const
{
    return tr("Gaussian copula");
}

QString GaussianCopula::description() const
{
    return tr("Fast and robust: fits each column's distribution and the correlations between columns. "
              "A good first choice for any table.");
}

QList<SettingSpec> GaussianCopula::settings() const
{
    SettingSpec distribution { QStringLiteral("distribution"), tr("Distribution"),
        tr("Distribution family of numeric columns; \"auto\" picks the best fit per column "
           "by the Kolmogorov–Smirnov statistic."),
        QStringLiteral("auto"), {}, {},
        { QStringLiteral("auto"), QStringLiteral("norm"), QStringLiteral("truncnorm"), QStringLiteral("beta"),
            QStringLiteral("gamma"), QStringLiteral("uniform"), QStringLiteral("lognorm"),
            QStringLiteral("gaussian_kde") } };
    SettingSpec pointMass { QStringLiteral("point_mass_share"), tr("Point-mass share"),
        tr("A numeric value held by at least this share of rows is reproduced exactly at its "
           "real frequency (0 turns this off)."),
        kDefaultPointMassShare, 0.0, 0.5, {} };
    SettingSpec sampleRows { QStringLiteral("fit_sample_rows"), tr("Rows for distribution fitting"),
        tr("Distributions are fitted on at most this many evenly spaced order statistics "
           "of each column."),
        kDefaultFitSampleRows, 100, 10000000, {} };
    return { distribution, pointMass, sampleRows };
}

QVariantMap GaussianCopula::marginalFamilies() const
{
    QVariantMap out;
    if (m_model) {
        for (const ColumnModel &c : m_model->columns)
            out.insert(c.name, c.familyName());
    }
    return out;
}

QList<QList<double>> GaussianCopula::correlation() const
{
    QList<QList<double>> out;
    if (!m_model)
        return out;
    for (Eigen::Index i = 0; i < m_model->correlation.rows(); ++i) {
        QList<double> row;
        for (Eigen::Index j = 0; j < m_model->correlation.cols(); ++j)
            row.append(m_model->correlation(i, j));
        out.append(row);
    }
    return out;
}

Result<void> GaussianCopula::doFit(
    const Table &real, const Schema &schema, const FitOptions &options, JobContext &job)
{
    FitSettings settings;
    settings.clamp = options.enforceMinMax;
    const QString family
        = options.settings.value(QStringLiteral("distribution"), QStringLiteral("auto")).toString();
    if (family == QLatin1StringView("auto")) {
        settings.candidates = stats::allFamilies();
    } else {
        for (Family f : stats::allFamilies()) {
            stats::UnivariateDistribution probe;
            probe.family = f;
            if (probe.name() == family)
                settings.candidates = { f }; // the KDE stays the fallback when f cannot fit
        }
        if (settings.candidates.empty())
            return Error { Error::Code::InvalidInput,
                tr("The setting \"distribution\" has an unknown value \"%1\".").arg(family),
                QStringLiteral(
                    "expected auto, norm, truncnorm, beta, gamma, uniform, lognorm or gaussian_kde") };
    }
    bool ok = true;
    settings.pointMassShare
        = options.settings.value(QStringLiteral("point_mass_share"), kDefaultPointMassShare).toDouble(&ok);
    if (!ok || !(settings.pointMassShare >= 0.0 && settings.pointMassShare <= 0.5))
        return Error { Error::Code::InvalidInput,
            tr("The setting \"point_mass_share\" must be between 0 and 0.5."),
            options.settings.value(QStringLiteral("point_mass_share")).toString() };
    settings.fitSampleRows
        = options.settings.value(QStringLiteral("fit_sample_rows"), kDefaultFitSampleRows).toInt(&ok);
    if (!ok || settings.fitSampleRows < 100)
        return Error { Error::Code::InvalidInput, tr("The setting \"fit_sample_rows\" must be at least 100."),
            options.settings.value(QStringLiteral("fit_sample_rows")).toString() };

    auto model = std::make_unique<Model>();
    model->fitSeed = options.seed;
    const int columnCount = real.columnCount();
    model->columns.resize(size_t(columnCount));
    for (int c = 0; c < columnCount; ++c) {
        const Column &column = real.column(c);
        ColumnModel &m = model->columns[size_t(c)];
        m.name = column.name();
        m.storage = qint32(column.storage());
        m.labels = column.labels();
        m.integer = column.isInteger();
        m.decimals = column.decimals();
        m.dateFormat = column.dateFormat();
        m.kind = isContinuous(column, schema.columns[c]) ? Kind::Continuous : Kind::Discrete;
    }

    // 1. Marginals, one column per task.
    const bool fitted = detail::parallelFor(
        columnCount,
        [&](qint64 c) {
            ColumnModel &m = model->columns[size_t(c)];
            if (m.kind == Kind::Continuous)
                fitContinuous(real.column(int(c)), schema.columns[int(c)], settings, m);
            else
                fitDiscrete(real.column(int(c)), m);
        },
        job, 0.0, 0.5, tr("Fitting column distributions"));
    if (!fitted)
        return cancelledError();

    // 2. Copula dimensions.
    int dims = 0;
    for (ColumnModel &m : model->columns) {
        if (m.kind == Kind::Continuous) {
            const bool varies = m.hasContinuous || m.atomValues.size() >= 2;
            m.valueDim = varies ? dims++ : -1;
            m.missingDim = m.missingRate > 0.0 && m.missingRate < 1.0 ? dims++ : -1;
        } else {
            m.valueDim = m.levels.size() >= 2 ? dims++ : -1;
        }
        if (m.nonFinite > 0)
            addDiagnostic({ Diagnostic::Severity::Warning, QStringLiteral("non_finite_as_missing"),
                tr("Column \"%1\" has %n infinite value(s); they were treated as missing.", nullptr,
                    int(m.nonFinite))
                    .arg(m.name),
                m.name, -1 });
        if (m.valueDim < 0 && m.missingRate < 1.0)
            addDiagnostic({ Diagnostic::Severity::Info, QStringLiteral("constant_column"),
                tr("Column \"%1\" holds a single value; it is reproduced as a constant.").arg(m.name), m.name,
                -1 });
        if (m.kind == Kind::Continuous && m.missingRate >= 1.0)
            addDiagnostic({ Diagnostic::Severity::Warning, QStringLiteral("all_missing"),
                tr("Column \"%1\" has no values; it is reproduced as entirely missing.").arg(m.name), m.name,
                -1 });
    }
    model->dims = dims;

    // 3. Correlation of normal scores, pairwise complete, accumulated per block of rows.
    const qint64 rows = real.rowCount();
    const qint64 blocks = (rows + kBlockRows - 1) / kBlockRows;
    struct Sums {
        Eigen::MatrixXd zz, z, zsq, n;
    };
    // Blocks are summed in fixed groups, then the groups in order: the same floating-point sum
    // whatever the thread count, and memory bounded by the group count.
    constexpr qint64 kBlocksPerGroup = 8;
    const qint64 groups = (blocks + kBlocksPerGroup - 1) / kBlocksPerGroup;
    std::vector<Sums> sums(size_t(dims > 0 ? groups : 0));
    auto accumulateBlock = [&](qint64 b, Sums &s) {
        const qint64 first = b * kBlockRows;
        const qint64 count = std::min(kBlockRows, rows - first);
        Eigen::MatrixXd z = Eigen::MatrixXd::Zero(count, dims);
        Eigen::MatrixXd present = Eigen::MatrixXd::Zero(count, dims);
        for (int c = 0; c < columnCount; ++c) {
            const ColumnModel &m = model->columns[size_t(c)];
            const Column &column = real.column(c);
            if (m.kind == Kind::Discrete) {
                if (m.valueDim < 0)
                    continue;
                const LevelIndex index(column, m);
                for (qint64 r = 0; r < count; ++r) {
                    const size_t level = index.at(first + r);
                    const double jitter = hashUniform(model->fitSeed, quint64(c), quint64(first + r));
                    const double lo = m.levelCum[level], hi = m.levelCum[level + 1];
                    z(r, m.valueDim) = toNormalScore(lo + (hi - lo) * jitter);
                    present(r, m.valueDim) = 1.0;
                }
                continue;
            }
            for (qint64 r = 0; r < count; ++r) {
                const qint64 row = first + r;
                const double v = column.numbers()[size_t(row)];
                const bool isPresent = !column.isMissing(row) && std::isfinite(v);
                const double jitter = hashUniform(model->fitSeed, quint64(c), quint64(row));
                if (m.valueDim >= 0 && isPresent) {
                    z(r, m.valueDim) = m.forwardContinuous(v, jitter);
                    present(r, m.valueDim) = 1.0;
                }
                if (m.missingDim >= 0) {
                    const double share = 1.0 - m.missingRate;
                    const double u = isPresent ? share * jitter : share + m.missingRate * jitter;
                    z(r, m.missingDim) = toNormalScore(u);
                    present(r, m.missingDim) = 1.0;
                }
            }
        }
        s.zz.noalias() += z.transpose() * z;
        s.z.noalias() += z.transpose() * present;
        s.zsq.noalias() += z.cwiseAbs2().transpose() * present;
        s.n.noalias() += present.transpose() * present;
    };
    const bool correlated = dims == 0
        || detail::parallelFor(
            groups,
            [&](qint64 g) {
                Sums &s = sums[size_t(g)];
                s.zz = s.z = s.zsq = s.n = Eigen::MatrixXd::Zero(dims, dims);
                for (qint64 b = g * kBlocksPerGroup; b < std::min(blocks, (g + 1) * kBlocksPerGroup); ++b)
                    accumulateBlock(b, s);
            },
            job, 0.5, 0.95, tr("Estimating correlations"));
    if (!correlated)
        return cancelledError();

    Eigen::MatrixXd corr = Eigen::MatrixXd::Identity(dims, dims);
    if (dims > 0) {
        Eigen::MatrixXd zz = Eigen::MatrixXd::Zero(dims, dims), z = zz, zsq = zz, n = zz;
        for (const Sums &s : sums) { // in block order: the same sum whatever the thread count
            zz += s.zz;
            z += s.z;
            zsq += s.zsq;
            n += s.n;
        }
        for (int i = 0; i < dims; ++i) {
            for (int j = 0; j < dims; ++j) {
                if (i == j)
                    continue;
                const double count = n(i, j);
                // z(i, j): sum of z_i over rows where j is present; zsq likewise for z_i².
                const double si = z(i, j), sj = z(j, i);
                const double vi = count * zsq(i, j) - si * si, vj = count * zsq(j, i) - sj * sj;
                const double cov = count * zz(i, j) - si * sj;
                corr(i, j)
                    = count >= 3 && vi > 0 && vj > 0 ? std::clamp(cov / std::sqrt(vi * vj), -1.0, 1.0) : 0.0;
            }
        }
    }
    model->correlation = stats::nearestCorrelation(corr);
    Eigen::LLT<Eigen::MatrixXd> llt(model->correlation);
    if (llt.info() != Eigen::Success)
        return Error { Error::Code::Numerical, tr("The correlation matrix could not be factorised."),
            QStringLiteral("Cholesky failed on a %1x%1 matrix").arg(dims) };
    model->cholesky = llt.matrixL();
    if (job.isCancelled())
        return cancelledError();
    job.reportProgress(1.0, tr("Fitting column distributions"));

    m_model = std::move(model);
    setFact(QStringLiteral("marginals"), marginalFamilies());
    setFact(QStringLiteral("copula_dimensions"), dims);
    return {};
}

Result<Table> GaussianCopula::doSample(qint64 rows, quint64 seed, JobContext &job)
{
    Q_ASSERT(m_model);
    const Model &model = *m_model;
    const int dims = model.dims;
    Table out;
    for (const ColumnModel &m : model.columns) {
        Column column(m.name, ColumnStorage(m.storage));
        column.labels() = m.labels;
        column.setInteger(m.integer);
        column.setDecimals(m.decimals);
        column.setDateFormat(m.dateFormat);
        column.missingMask().assign(size_t(rows), 0);
        switch (column.storage()) {
        case ColumnStorage::Number:
        case ColumnStorage::DateTime:
            column.numbers().assign(size_t(rows), kNaN);
            break;
        case ColumnStorage::Category:
        case ColumnStorage::Boolean:
            column.codes().assign(size_t(rows), Column::kMissingCode);
            break;
        case ColumnStorage::Text:
            column.texts().assign(size_t(rows), QString());
            break;
        }
        out.addColumn(std::move(column));
    }

    const qint64 blocks = (rows + kBlockRows - 1) / kBlockRows;
    const Eigen::MatrixXd lt = model.cholesky.transpose();
    const bool done = detail::parallelFor(
        blocks,
        [&](qint64 b) {
            const qint64 first = b * kBlockRows;
            const qint64 count = std::min(kBlockRows, rows - first);
            Eigen::MatrixXd z;
            if (dims > 0) {
                std::mt19937_64 rng(splitmix(seed ^ splitmix(quint64(b) + 0x5851f42d4c957f2dULL)));
                Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> e(count, dims);
                fillStandardNormals(rng, e.data(), count * dims);
                z = e * lt;
            }
            for (size_t c = 0; c < model.columns.size(); ++c) {
                const ColumnModel &m = model.columns[c];
                Column &column = out.column(int(c));
                for (qint64 r = 0; r < count; ++r) {
                    const size_t row = size_t(first + r);
                    if (m.kind == Kind::Discrete) {
                        const size_t level
                            = m.valueDim >= 0 ? m.levelOf(stats::normalCdf(z(r, m.valueDim))) : size_t(0);
                        if (m.levels.empty() || m.levels[level].missing) {
                            column.missingMask()[row] = 1;
                            continue;
                        }
                        const Level &l = m.levels[level];
                        switch (column.storage()) {
                        case ColumnStorage::Category:
                        case ColumnStorage::Boolean:
                            column.codes()[row] = l.code;
                            break;
                        case ColumnStorage::Number:
                        case ColumnStorage::DateTime:
                            column.numbers()[row] = l.number;
                            break;
                        case ColumnStorage::Text:
                            column.texts()[row] = l.text;
                            break;
                        }
                        continue;
                    }
                    bool missing = m.missingRate >= 1.0;
                    if (m.missingDim >= 0)
                        missing = stats::normalCdf(z(r, m.missingDim)) >= 1.0 - m.missingRate;
                    if (missing) {
                        column.missingMask()[row] = 1;
                        continue;
                    }
                    const double x
                        = m.valueDim >= 0 ? m.inverseContinuous(z(r, m.valueDim)) : m.atomValues.front();
                    column.numbers()[row] = m.finish(x);
                }
            }
        },
        job, 0.0, 1.0, tr("Sampling rows"));
    if (!done)
        return cancelledError();
    return out;
}

namespace {

constexpr quint32 kModelTag = 0x47434F50; // "GCOP"

} // namespace

Result<void> GaussianCopula::doSave(QDataStream &out) const
{
    const Model &model = *m_model;
    out << kModelTag << model.fitSeed << qint32(model.dims) << qint32(model.columns.size());
    for (const ColumnModel &m : model.columns) {
        out << m.name << m.storage << m.labels << m.integer << m.decimals << m.dateFormat << qint32(m.kind)
            << m.valueDim << m.missingDim << m.missingRate << m.minValue << m.maxValue << m.clamp
            << m.roundInteger << m.roundDecimals << m.granularity;
        writeVector(out, m.atomValues);
        writeVector(out, m.atomProbs);
        writeVector(out, m.atomLo);
        writeVector(out, m.atomBelow);
        out << m.continuousShare << m.hasContinuous << qint32(m.dist.family) << m.dist.loc << m.dist.scale
            << m.dist.a << m.dist.b << m.dist.lower << m.dist.upper << m.ks;
        writeVector(out, m.dist.kdeX);
        writeVector(out, m.dist.kdeCdf);
        writeVector(out, m.table);
        out << qint32(m.levels.size());
        for (const Level &l : m.levels)
            out << l.code << l.number << l.text << l.missing;
        writeVector(out, m.levelCum);
    }
    for (Eigen::Index i = 0; i < model.dims; ++i) {
        for (Eigen::Index j = 0; j < model.dims; ++j)
            out << model.correlation(i, j);
    }
    return {};
}

Result<void> GaussianCopula::doLoad(QDataStream &in, int formatVersion)
{
    Q_UNUSED(formatVersion);
    auto corrupt = [](const QString &detail) {
        return Error { Error::Code::InvalidInput, tr("The Gaussian copula model in this file is damaged."),
            detail };
    };
    auto model = std::make_unique<Model>();
    quint32 tag = 0;
    qint32 dims = 0, columns = 0;
    in >> tag >> model->fitSeed >> dims >> columns;
    // Counts beyond what the rest of the stream can hold are damage: the correlation takes
    // dims² doubles, a column at least 60 bytes.
    if (in.status() != QDataStream::Ok || tag != kModelTag || dims < 0 || dims > 100000 || columns < 0
        || columns > 100000 || !streamCanHold(in, qint64(dims) * dims, sizeof(double))
        || !streamCanHold(in, columns, 60))
        return corrupt(QStringLiteral("header"));
    model->dims = dims;
    model->columns.resize(size_t(columns));
    for (ColumnModel &m : model->columns) {
        qint32 kind = 0, family = 0, levels = 0;
        in >> m.name >> m.storage;
        readChecked(in, m.labels, 4);
        in >> m.integer >> m.decimals >> m.dateFormat >> kind >> m.valueDim
            >> m.missingDim >> m.missingRate >> m.minValue >> m.maxValue >> m.clamp >> m.roundInteger
            >> m.roundDecimals >> m.granularity;
        m.kind = Kind(kind);
        bool ok = readVector(in, m.atomValues) && readVector(in, m.atomProbs) && readVector(in, m.atomLo)
            && readVector(in, m.atomBelow);
        in >> m.continuousShare >> m.hasContinuous >> family >> m.dist.loc >> m.dist.scale >> m.dist.a
            >> m.dist.b >> m.dist.lower >> m.dist.upper >> m.ks;
        m.dist.family = Family(family);
        ok = ok && readVector(in, m.dist.kdeX) && readVector(in, m.dist.kdeCdf) && readVector(in, m.table);
        in >> levels;
        ok = ok && kind >= qint32(Kind::Continuous) && kind <= qint32(Kind::Discrete)
            && family >= qint32(Family::Normal) && family <= qint32(Family::Kde);
        if (!ok || in.status() != QDataStream::Ok || levels < 0 || levels > (1 << 26) || !streamCanHold(in, levels, 17))
            return corrupt(QStringLiteral("column %1").arg(m.name));
        m.levels.resize(size_t(levels));
        for (Level &l : m.levels)
            in >> l.code >> l.number >> l.text >> l.missing;
        if (!readVector(in, m.levelCum) || m.storage < 0 || m.storage > qint32(ColumnStorage::Text)
            || (m.hasContinuous && m.table.size() != size_t(kZGrid)) || m.valueDim >= dims
            || m.missingDim >= dims || (m.kind == Kind::Discrete && m.levelCum.size() != m.levels.size() + 1)
            || m.atomProbs.size() != m.atomValues.size() || m.atomLo.size() != m.atomValues.size()
            || (!m.atomValues.empty() && m.atomBelow.size() != m.atomValues.size() + 1)
            || (m.kind == Kind::Continuous && m.valueDim < 0 && m.missingRate < 1.0 && m.atomValues.empty()))
            return corrupt(QStringLiteral("column %1").arg(m.name));
    }
    model->correlation.resize(dims, dims);
    for (Eigen::Index i = 0; i < dims; ++i) {
        for (Eigen::Index j = 0; j < dims; ++j)
            in >> model->correlation(i, j);
    }
    if (in.status() != QDataStream::Ok)
        return corrupt(QStringLiteral("correlation"));
    Eigen::LLT<Eigen::MatrixXd> llt(model->correlation);
    if (llt.info() != Eigen::Success)
        return corrupt(QStringLiteral("correlation is not positive definite"));
    model->cholesky = llt.matrixL();
    m_model = std::move(model);
    return {};
}

std::unique_ptr<Generator> makeGaussianCopula()
{
    return std::make_unique<GaussianCopula>();
}

} // namespace core
