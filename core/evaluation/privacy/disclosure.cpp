// SPDX-License-Identifier: MIT
#include "core/evaluation/privacy/disclosure.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <QHash>

namespace core::privacy {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kMissingToken = -1;

QString cellKey(const Column &column, qint64 row)
{
    switch (column.storage()) {
    case ColumnStorage::Category:
        return QStringLiteral("l:") + column.labels()[column.codes()[size_t(row)]];
    case ColumnStorage::Boolean:
        return column.codes()[size_t(row)] ? QStringLiteral("b:1") : QStringLiteral("b:0");
    case ColumnStorage::Number:
    case ColumnStorage::DateTime:
        return QStringLiteral("n:") + QString::number(column.numbers()[size_t(row)] + 0.0, 'g', 17);
    case ColumnStorage::Text:
        return QStringLiteral("t:") + column.texts()[size_t(row)];
    }
    return {};
}

bool cellMissing(const Column &column, qint64 row)
{
    if (column.isMissing(row))
        return true;
    if (column.storage() == ColumnStorage::Number || column.storage() == ColumnStorage::DateTime)
        return std::isnan(column.numbers()[size_t(row)]);
    return false;
}

// The interior edges of pandas.cut(real, bins): np.linspace(min, max, bins + 1) (widened by
// 0.1 % around a constant column); the outer edges become -inf / +inf, so only the interior
// ones matter. Intervals are right-closed: x goes to the number of interior edges below it.
std::vector<double> interiorEdges(const Column &real, int bins)
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (qint64 r = 0; r < real.size(); ++r) {
        const double v = real.numbers()[size_t(r)];
        if (!cellMissing(real, r) && std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    std::vector<double> edges;
    if (!std::isfinite(lo))
        return edges;
    if (lo == hi) {
        lo -= lo != 0.0 ? 0.001 * std::abs(lo) : 0.001;
        hi += hi != 0.0 ? 0.001 * std::abs(hi) : 0.001;
    }
    const double step = (hi - lo) / double(bins);
    for (int i = 1; i < bins; ++i)
        edges.push_back(double(i) * step + lo);
    return edges;
}

// Every cell of the chosen columns as an integer token shared by both tables.
struct Tokens {
    std::vector<std::vector<int>> real;      // [column][row]
    std::vector<std::vector<int>> synthetic; // [column][row]
};

void tokenizeColumn(const Column &real, const Column &synthetic, bool continuous, int bins, Tokens &out)
{
    std::vector<int> r(size_t(real.size()));
    std::vector<int> s(size_t(synthetic.size()));
    if (continuous) {
        const std::vector<double> edges = interiorEdges(real, bins);
        const auto bin = [&edges](const Column &column, qint64 row) {
            if (cellMissing(column, row))
                return kMissingToken;
            const double v = column.numbers()[size_t(row)];
            return int(std::lower_bound(edges.begin(), edges.end(), v) - edges.begin());
        };
        for (qint64 i = 0; i < real.size(); ++i)
            r[size_t(i)] = bin(real, i);
        for (qint64 i = 0; i < synthetic.size(); ++i)
            s[size_t(i)] = bin(synthetic, i);
    } else {
        QHash<QString, int> codes;
        const auto code = [&codes](const Column &column, qint64 row) {
            if (cellMissing(column, row))
                return kMissingToken;
            const QString key = cellKey(column, row);
            auto it = codes.find(key);
            if (it == codes.end())
                it = codes.insert(key, int(codes.size()));
            return it.value();
        };
        for (qint64 i = 0; i < real.size(); ++i)
            r[size_t(i)] = code(real, i);
        for (qint64 i = 0; i < synthetic.size(); ++i)
            s[size_t(i)] = code(synthetic, i);
    }
    out.real.push_back(std::move(r));
    out.synthetic.push_back(std::move(s));
}

std::string tupleKey(const std::vector<std::vector<int>> &tokens, size_t first, size_t count, qint64 row)
{
    std::string key(count * sizeof(int), '\0');
    for (size_t c = 0; c < count; ++c)
        std::memcpy(key.data() + c * sizeof(int), &tokens[first + c][size_t(row)], sizeof(int));
    return key;
}

} // namespace

QString capMethodKey(CapMethod method)
{
    switch (method) {
    case CapMethod::Cap:
        return QStringLiteral("cap");
    case CapMethod::ZeroCap:
        return QStringLiteral("zero_cap");
    case CapMethod::GeneralizedCap:
        return QStringLiteral("generalized_cap");
    }
    return {};
}

Result<DisclosureResult> Disclosure::protection(const Table &real, const Table &synthetic, const Schema &schema,
                                                const DisclosureOptions &options)
{
    if (options.knownColumns.isEmpty() || options.sensitiveColumns.isEmpty())
        return Error { Error::Code::InvalidInput,
                       tr("Disclosure protection needs at least one known column and one sensitive column."), {} };
    const QStringList all = options.knownColumns + options.sensitiveColumns;
    Tokens tokens;
    for (const QString &name : all) {
        const int ri = real.indexOf(name);
        const int si = synthetic.indexOf(name);
        if (ri < 0 || si < 0)
            return Error { Error::Code::InvalidInput,
                           tr("Column \"%1\" is not in both the real and the synthetic table.").arg(name), {} };
        bool continuous = options.continuousColumns.contains(name);
        if (options.continuousColumns.isEmpty()) {
            const ColumnMeta *meta = schema.find(name);
            continuous = meta && (meta->type == SemanticType::Numerical || meta->type == SemanticType::DateTime);
        }
        const Column &rc = real.column(ri);
        const Column &sc = synthetic.column(si);
        const auto numeric = [](const Column &c) {
            return c.storage() == ColumnStorage::Number || c.storage() == ColumnStorage::DateTime;
        };
        continuous = continuous && numeric(rc) && numeric(sc);
        tokenizeColumn(rc, sc, continuous, std::max(1, options.bins), tokens);
    }
    const size_t nk = size_t(options.knownColumns.size());
    const size_t nz = size_t(options.sensitiveColumns.size());

    DisclosureResult result;
    result.manyRows = real.rowCount() > 10000;
    double distinctProduct = 1.0;
    for (size_t z = 0; z < nz; ++z) {
        const std::set<int> distinct(tokens.real[nk + z].begin(), tokens.real[nk + z].end());
        distinctProduct *= double(distinct.size());
    }
    result.baseline = distinctProduct > 0.0 ? 1.0 - 1.0 / distinctProduct : 0.0;

    // The attacker's index: key tuple -> how often each sensitive tuple follows it.
    struct Group {
        qint64 total = 0;
        std::unordered_map<std::string, qint64> sensitive;
        std::vector<int> key;
    };
    std::unordered_map<std::string, Group> groups;
    for (qint64 row = 0; row < synthetic.rowCount(); ++row) {
        Group &group = groups[tupleKey(tokens.synthetic, 0, nk, row)];
        if (group.total == 0) {
            for (size_t c = 0; c < nk; ++c)
                group.key.push_back(tokens.synthetic[c][size_t(row)]);
        }
        ++group.total;
        ++group.sensitive[tupleKey(tokens.synthetic, nk, nz, row)];
    }

    double scoreSum = 0.0;
    qint64 scored = 0;
    for (qint64 row = 0; row < real.rowCount(); ++row) {
        const std::string sensitive = tupleKey(tokens.real, nk, nz, row);
        if (options.method == CapMethod::GeneralizedCap) {
            // Pool every synthetic key tuple at the smallest Hamming distance from this row's.
            int bestDistance = std::numeric_limits<int>::max();
            qint64 total = 0;
            qint64 matching = 0;
            for (const auto &[key, group] : groups) {
                int distance = 0;
                for (size_t c = 0; c < nk; ++c)
                    distance += group.key[c] != tokens.real[c][size_t(row)] ? 1 : 0;
                if (distance > bestDistance)
                    continue;
                if (distance < bestDistance) {
                    bestDistance = distance;
                    total = 0;
                    matching = 0;
                }
                total += group.total;
                const auto it = group.sensitive.find(sensitive);
                matching += it == group.sensitive.end() ? 0 : it->second;
            }
            if (total > 0) {
                scoreSum += double(matching) / double(total);
                ++scored;
            }
            continue;
        }
        const auto found = groups.find(tupleKey(tokens.real, 0, nk, row));
        if (found == groups.end()) {
            if (options.method == CapMethod::ZeroCap)
                ++scored; // row score 0
            continue;
        }
        const auto it = found->second.sensitive.find(sensitive);
        scoreSum += it == found->second.sensitive.end() ? 0.0 : double(it->second) / double(found->second.total);
        ++scored;
    }
    result.attackedRows = scored;
    result.capProtection = scored == 0 ? kNaN : 1.0 - scoreSum / double(scored);
    result.score = result.baseline == 0.0 || std::isnan(result.capProtection)
        ? kNaN
        : std::min(result.capProtection / result.baseline, 1.0);
    return result;
}

Result<KAnonymityResult> kAnonymity(const Table &table, const QStringList &quasiIdentifiers, int threshold)
{
    if (quasiIdentifiers.isEmpty())
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::privacy", "k-anonymity needs at least one quasi-identifier."),
                       {} };
    std::vector<const Column *> columns;
    for (const QString &name : quasiIdentifiers) {
        const int index = table.indexOf(name);
        if (index < 0)
            return Error { Error::Code::InvalidInput,
                           QCoreApplication::translate("core::privacy", "Quasi-identifier \"%1\" is not in the table.")
                               .arg(name),
                           {} };
        columns.push_back(&table.column(index));
    }
    std::unordered_map<std::string, qint64> classes;
    for (qint64 row = 0; row < table.rowCount(); ++row) {
        QString key;
        for (const Column *column : columns) {
            key += cellMissing(*column, row) ? QStringLiteral("\u0001") : cellKey(*column, row);
            key += QChar(0x1f);
        }
        ++classes[key.toStdString()];
    }
    KAnonymityResult result;
    result.threshold = threshold;
    result.classCount = qint64(classes.size());
    qint64 unique = 0;
    qint64 below = 0;
    result.k = classes.empty() ? 0 : std::numeric_limits<qint64>::max();
    for (const auto &[key, size] : classes) {
        result.k = std::min(result.k, size);
        unique += size == 1 ? 1 : 0;
        below += size < threshold ? size : 0;
    }
    const double rows = double(table.rowCount());
    result.uniqueShare = rows > 0 ? double(unique) / rows : kNaN;
    result.belowThresholdShare = rows > 0 ? double(below) / rows : kNaN;
    return result;
}

} // namespace core::privacy
