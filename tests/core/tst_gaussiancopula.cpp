// SPDX-License-Identifier: MIT
#include "core/data/csvreader.h"
#include "core/generators/gaussian_copula/gaussiancopula.h"

#include "testpaths.h"

#include <QBuffer>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <cmath>
#include <numbers>
#include <random>

using namespace core;

namespace {

// Column types for the small case loader: n = real, i = integer, c = category, b = boolean,
// d = date (%Y-%m-%d), I = identifier text. The case files have no quoted fields.
struct Loaded {
    Table table;
    Schema schema;
};

Loaded loadCase(const QString &name, const QString &types)
{
    QFile file(testsupport::caseFile(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open case file");
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    const QStringList header = lines.first().trimmed().split(u',');
    Loaded out;
    for (qsizetype c = 0; c < header.size(); ++c) {
        const QChar t = types.at(c);
        ColumnStorage storage = ColumnStorage::Number;
        ColumnMeta meta;
        meta.name = header[c];
        if (t == u'c' || t == u'b') {
            storage = t == u'c' ? ColumnStorage::Category : ColumnStorage::Boolean;
            meta.type = t == u'c' ? SemanticType::Categorical : SemanticType::Boolean;
        } else if (t == u'I') {
            storage = ColumnStorage::Text;
            meta.type = SemanticType::Id;
        }
        Column column(header[c], storage);
        int decimals = 0;
        for (qsizetype r = 1; r < lines.size(); ++r) {
            const QString cell = lines[r].trimmed().split(u',').value(c);
            if (cell.isEmpty()) {
                column.appendMissing();
                continue;
            }
            switch (storage) {
            case ColumnStorage::Number: {
                bool ok = false;
                double v = cell.toDouble(&ok);
                if (!ok) // "Infinity", "inf", "-inf"
                    v = cell.startsWith(u'-') ? -INFINITY : INFINITY;
                column.appendNumber(v);
                if (cell.contains(u'.'))
                    decimals = std::max(decimals, int(cell.size() - cell.indexOf(u'.') - 1));
                break;
            }
            case ColumnStorage::Category:
            case ColumnStorage::Boolean:
                column.appendCode(column.codeFor(cell));
                break;
            default:
                column.appendText(cell);
                break;
            }
        }
        if (t == u'i') {
            column.setInteger(true);
            meta.integer = true;
        } else if (t == u'n') {
            column.setDecimals(decimals);
            meta.decimals = decimals;
        }
        out.table.addColumn(std::move(column));
        out.schema.columns.append(meta);
    }
    return out;
}

std::unique_ptr<Generator> fitted(const Loaded &data, quint64 seed = 1)
{
    auto generator = makeGaussianCopula();
    SilentJob job;
    FitOptions options;
    options.seed = seed;
    const Result<void> fit = generator->fit(data.table, data.schema, options, job);
    if (!fit.ok())
        qWarning("%s", qPrintable(fit.error().toString()));
    return fit.ok() ? std::move(generator) : nullptr;
}

Table draw(Generator &generator, qint64 rows, quint64 seed)
{
    SilentJob job;
    Result<Table> sampled = generator.sample(rows, seed, job);
    if (!sampled.ok())
        qFatal("%s", qPrintable(sampled.error().toString()));
    return std::move(sampled).value();
}

bool sameCells(const Table &a, const Table &b)
{
    if (a.columnCount() != b.columnCount() || a.rowCount() != b.rowCount())
        return false;
    for (int c = 0; c < a.columnCount(); ++c) {
        const Column &x = a.column(c), &y = b.column(c);
        if (x.missingMask() != y.missingMask() || x.codes() != y.codes() || x.texts() != y.texts())
            return false;
        for (size_t i = 0; i < x.numbers().size(); ++i) { // bitwise, NaN included
            if (std::memcmp(&x.numbers()[i], &y.numbers()[i], sizeof(double)) != 0)
                return false;
        }
        if (x.numbers().size() != y.numbers().size())
            return false;
    }
    return true;
}

double presentShare(const Column &column, double value)
{
    qint64 hits = 0;
    for (qint64 r = 0; r < column.size(); ++r)
        hits += !column.isMissing(r) && column.numbers()[size_t(r)] == value ? 1 : 0;
    return double(hits) / double(column.size());
}

// Standard normals from our own Box–Muller so the fixture is the same on every platform.
std::vector<double> normals(std::mt19937_64 &rng, size_t n)
{
    std::vector<double> out(n);
    for (size_t i = 0; i < n; ++i) {
        const double u1 = (double(rng() >> 11) + 1.0) * 0x1.0p-53, u2 = double(rng() >> 11) * 0x1.0p-53;
        out[i] = std::sqrt(-2 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
    }
    return out;
}

double pearson(const std::vector<double> &x, const std::vector<double> &y)
{
    const double n = double(x.size());
    double mx = 0, my = 0;
    for (size_t i = 0; i < x.size(); ++i)
        mx += x[i] / n, my += y[i] / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / std::sqrt(sxx * syy);
}

// Two-sample Kolmogorov–Smirnov statistic.
double ks2(std::vector<double> a, std::vector<double> b)
{
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    size_t i = 0, j = 0;
    double d = 0;
    while (i < a.size() && j < b.size()) {
        const double v = std::min(a[i], b[j]);
        while (i < a.size() && a[i] == v)
            ++i;
        while (j < b.size() && b[j] == v)
            ++j;
        d = std::max(d, std::abs(double(i) / double(a.size()) - double(j) / double(b.size())));
    }
    return d;
}

// A mixed table: correlated normals x, y (rho 0.8), a skewed positive z, a category, a boolean,
// a date, and y missing whenever x > 1 (so missingness depends on x).
Loaded mixedTable(qint64 rows)
{
    std::mt19937_64 rng(42);
    const std::vector<double> a = normals(rng, size_t(rows)), b = normals(rng, size_t(rows)),
                              e = normals(rng, size_t(rows));
    Loaded out;
    Column x(QStringLiteral("x"), ColumnStorage::Number), y(QStringLiteral("y"), ColumnStorage::Number),
        z(QStringLiteral("z"), ColumnStorage::Number), cat(QStringLiteral("cat"), ColumnStorage::Category),
        flag(QStringLiteral("flag"), ColumnStorage::Boolean),
        day(QStringLiteral("day"), ColumnStorage::DateTime);
    flag.labels() = { QStringLiteral("no"), QStringLiteral("yes") };
    cat.labels() = { QStringLiteral("low"), QStringLiteral("mid"), QStringLiteral("high") };
    for (qint64 i = 0; i < rows; ++i) {
        const double xi = a[size_t(i)], yi = 0.8 * a[size_t(i)] + 0.6 * b[size_t(i)];
        x.appendNumber(std::round(xi * 1000) / 1000);
        if (xi > 1.0)
            y.appendMissing();
        else
            y.appendNumber(std::round(yi * 100) / 100);
        z.appendNumber(std::round(std::exp(0.5 * e[size_t(i)]) * 10));
        const double u = 0.5 * (1 + std::erf(e[size_t(i)] / std::sqrt(2.0)));
        cat.appendCode(u < 0.6 ? 0 : (u < 0.9 ? 1 : 2));
        flag.appendCode(b[size_t(i)] > 0.5 ? 1 : 0);
        day.appendNumber(1609459200.0 + 86400.0 * std::floor(std::abs(e[size_t(i)]) * 100));
    }
    x.setDecimals(3);
    y.setDecimals(2);
    z.setInteger(true);
    for (Column *c : { &x, &y, &z, &cat, &flag, &day }) {
        ColumnMeta meta;
        meta.name = c->name();
        meta.type = c == &cat ? SemanticType::Categorical
            : c == &flag      ? SemanticType::Boolean
            : c == &day       ? SemanticType::DateTime
                              : SemanticType::Numerical;
        meta.integer = c->isInteger();
        meta.decimals = c->decimals();
        meta.dateFormat = c->dateFormat();
        out.schema.columns.append(meta);
        out.table.addColumn(std::move(*c));
    }
    return out;
}

class CancelOnProgress final : public JobContext {
public:
    bool isCancelled() const override { return m_cancelled; }
    void reportProgress(double, const QString &) override { m_cancelled = true; }

private:
    bool m_cancelled = false;
};

} // namespace

class TestGaussianCopula : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void case008FloatPrecision()
    {
        const Loaded data = loadCase(QStringLiteral("008_float_16_digits.csv"), QStringLiteral("Inn"));
        auto g = fitted(data);
        QVERIFY(g);
        const Table out = draw(*g, 500, 3);
        const Column &ratio = out.column(out.indexOf(QStringLiteral("ratio")));
        const Column &dose = out.column(out.indexOf(QStringLiteral("dose_mg")));
        const auto &real = data.table.column(1).numbers();
        const double lo = *std::min_element(real.begin(), real.end()),
                     hi = *std::max_element(real.begin(), real.end());
        QSet<double> distinct;
        for (qint64 r = 0; r < ratio.size(); ++r) {
            const double v = ratio.numbers()[size_t(r)];
            QVERIFY(v >= lo && v <= hi);
            distinct.insert(v);
            const double cents = dose.numbers()[size_t(r)] * 100;
            QVERIFY(std::abs(cents - std::round(cents)) < 1e-6);
        }
        // Not rounded to whole numbers or to few decimals: hundreds of distinct values.
        QVERIFY(distinct.size() > 200);
        QCOMPARE(ratio.decimals(), 16);
        QCOMPARE(dose.decimals(), 2);
    }

    void case009BoundedIntegers()
    {
        const Loaded data = loadCase(QStringLiteral("009_bounded_month_day.csv"), QStringLiteral("iii"));
        auto g = fitted(data);
        QVERIFY(g);
        const Table out = draw(*g, 2000, 5);
        const double lo[] = { 1, 1, 1 }, hi[] = { 12, 27, 18 };
        for (int c = 0; c < 3; ++c) {
            QVERIFY(out.column(c).isInteger());
            for (double v : out.column(c).numbers()) {
                QVERIFY2(v >= lo[c] && v <= hi[c], qPrintable(QString::number(v)));
                QCOMPARE(v, std::round(v));
            }
            QVERIFY(!out.column(c).cellText(0).contains(u'.'));
        }
    }

    void case010ZeroInflated()
    {
        const Loaded data
            = loadCase(QStringLiteral("010_nonnegative_zero_inflated.csv"), QStringLiteral("iii"));
        auto g = fitted(data);
        QVERIFY(g);
        const Table out = draw(*g, 4000, 7);
        for (const Column &column : out.columns()) {
            for (double v : column.numbers()) {
                QVERIFY(v >= 0);
                QCOMPARE(v, std::round(v));
            }
        }
        const Column &insulin = out.column(1);
        QVERIFY(*std::max_element(insulin.numbers().begin(), insulin.numbers().end()) <= 254);
        // Real share of zeros is 18/40 = 0.45.
        const double zeros = presentShare(insulin, 0.0);
        QVERIFY2(std::abs(zeros - 0.45) < 0.05, qPrintable(QString::number(zeros)));
        QVERIFY2(std::abs(presentShare(out.column(0), 0.0) - 15.0 / 40.0) < 0.05, "pregnancies zeros");
    }

    void case011ConstantColumns()
    {
        const Loaded data = loadCase(QStringLiteral("011_constant_columns.csv"), QStringLiteral("cii"));
        auto g = fitted(data);
        QVERIFY(g);
        const Table out = draw(*g, 300, 1);
        QSet<double> ages;
        for (qint64 r = 0; r < out.rowCount(); ++r) {
            QCOMPARE(out.column(0).cellText(r), QStringLiteral("A"));
            QCOMPARE(out.column(1).cellText(r), QStringLiteral("2"));
            ages.insert(out.column(2).numbers()[size_t(r)]);
        }
        QVERIFY(ages.size() > 10);
        const auto families = static_cast<GaussianCopula &>(*g).marginalFamilies();
        QCOMPARE(families.value(QStringLiteral("site")).toString(), QStringLiteral("constant"));
        QCOMPARE(families.value(QStringLiteral("protocol_version")).toString(), QStringLiteral("constant"));
    }

    void case012MissingInContinuous()
    {
        const Loaded data = loadCase(QStringLiteral("012_missing_in_continuous.csv"), QStringLiteral("cnn"));
        auto g = fitted(data);
        QVERIFY(g);
        const Table out = draw(*g, 4000, 11);
        const Column &ldl = out.column(2);
        QVERIFY2(std::abs(ldl.missingRate() - 0.25) < 0.03, qPrintable(QString::number(ldl.missingRate())));
        const auto &real = data.table.column(2);
        double lo = INFINITY, hi = -INFINITY;
        for (qint64 r = 0; r < real.size(); ++r) {
            if (!real.isMissing(r))
                lo = std::min(lo, real.numbers()[size_t(r)]), hi = std::max(hi, real.numbers()[size_t(r)]);
        }
        for (qint64 r = 0; r < ldl.size(); ++r) {
            if (!ldl.isMissing(r))
                QVERIFY(ldl.numbers()[size_t(r)] >= lo && ldl.numbers()[size_t(r)] <= hi);
        }
    }

    void case014InfiniteValues()
    {
        const Loaded data = loadCase(QStringLiteral("014_infinite_values.csv"), QStringLiteral("cnn"));
        auto g = fitted(data);
        QVERIFY(g);
        QStringList warned;
        for (const Diagnostic &d : g->info().diagnostics) {
            if (d.kind == QLatin1StringView("non_finite_as_missing"))
                warned.append(d.column);
        }
        QCOMPARE(warned, (QStringList { QStringLiteral("ratio"), QStringLiteral("titer") }));
        const Table out = draw(*g, 1000, 2);
        for (int c = 1; c < 3; ++c) {
            for (double v : out.column(c).numbers())
                QVERIFY(!std::isinf(v));
        }
        // ratio: 2 of 8 cells were infinite, so about a quarter comes back missing.
        QVERIFY(out.column(1).missingRate() > 0.1 && out.column(1).missingRate() < 0.4);
    }

    void case016UniqueStringIds()
    {
        const Loaded data = loadCase(QStringLiteral("016_unique_string_ids.csv"), QStringLiteral("Icn"));
        auto g = fitted(data);
        QVERIFY(g);
        const Table out = draw(*g, 24, 9);
        const QRegularExpression pattern(QStringLiteral("^S-[0-9a-f]{8}$"));
        QSet<QString> real(data.table.column(0).texts().begin(), data.table.column(0).texts().end());
        QSet<QString> seen;
        for (const QString &id : out.column(0).texts()) {
            QVERIFY2(pattern.match(id).hasMatch(), qPrintable(id));
            QVERIFY(!real.contains(id));
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 24);
        QCOMPARE(out.column(1).labels(), data.table.column(1).labels());
        QCOMPARE(
            static_cast<GaussianCopula &>(*g).marginalFamilies().value(QStringLiteral("lab_code")).toString(),
            QStringLiteral("categorical"));
    }

    void case019Conditional()
    {
        const Loaded data
            = loadCase(QStringLiteral("019_conditional_unsatisfiable.csv"), QStringLiteral("cbi"));
        auto g = fitted(data);
        QVERIFY(g);
        SilentJob job;
        const auto never = g->sampleWhere({ { QStringLiteral("sex"), QStringLiteral("M") },
                                              { QStringLiteral("pregnant"), QStringLiteral("yes") } },
            10, 1, job);
        QVERIFY(!never.ok());
        QVERIFY2(never.error().message.contains(QStringLiteral("sex=M, pregnant=yes")),
            qPrintable(never.error().message));
        QVERIFY(never.error().message.contains(QStringLiteral("never occurs")));

        const auto possible = g->sampleWhere({ { QStringLiteral("sex"), QStringLiteral("F") },
                                                 { QStringLiteral("pregnant"), QStringLiteral("yes") } },
            50, 1, job);
        QVERIFY2(possible.ok(), qPrintable(possible.ok() ? QString() : possible.error().toString()));
        QCOMPARE(possible.value().rowCount(), 50);
        for (qint64 r = 0; r < 50; ++r) {
            QCOMPARE(possible.value().column(0).cellText(r), QStringLiteral("F"));
            QCOMPARE(possible.value().column(1).cellText(r), QStringLiteral("yes"));
        }
        // Deterministic for a seed.
        const auto again = g->sampleWhere({ { QStringLiteral("sex"), QStringLiteral("F") },
                                              { QStringLiteral("pregnant"), QStringLiteral("yes") } },
            50, 1, job);
        QVERIFY(sameCells(possible.value(), again.value()));

        const auto unseen = g->sampleWhere({ { QStringLiteral("sex"), QStringLiteral("X") } }, 10, 1, job);
        QVERIFY(!unseen.ok());
        QCOMPARE(unseen.error().code, Error::Code::InvalidInput);
        QVERIFY(unseen.error().message.contains(QStringLiteral("sex=X")));
        const auto noColumn
            = g->sampleWhere({ { QStringLiteral("height"), QStringLiteral("1") } }, 10, 1, job);
        QVERIFY(!noColumn.ok());
    }

    void case021SingleCodePlusMissing()
    {
        const Loaded data
            = loadCase(QStringLiteral("021_single_code_plus_missing.csv"), QStringLiteral("iin"));
        auto g = fitted(data);
        QVERIFY(g);
        const Table out = draw(*g, 4000, 4);
        const Column &code = out.column(0);
        for (qint64 r = 0; r < code.size(); ++r)
            QVERIFY(code.isMissing(r) || code.cellText(r) == QLatin1StringView("-7"));
        QVERIFY2(std::abs(code.missingRate() - 0.45) < 0.03, qPrintable(QString::number(code.missingRate())));
        QCOMPARE(out.column(1).missingRate(), 0.0);
    }

    // The generator cases end to end from the CSV reader and schema inference: whatever types
    // inference picks, the synthetic table keeps them and the real ranges, integers and shares.
    void casesThroughCsvReader_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *name :
            { "008_float_16_digits.csv", "009_bounded_month_day.csv", "010_nonnegative_zero_inflated.csv",
                "011_constant_columns.csv", "012_missing_in_continuous.csv", "014_infinite_values.csv",
                "015_boolean_spellings.csv", "016_unique_string_ids.csv", "019_conditional_unsatisfiable.csv",
                "021_single_code_plus_missing.csv" })
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void casesThroughCsvReader()
    {
        QFETCH(QString, file);
        SilentJob job;
        auto read = CsvReader::read(testsupport::caseFile(file), CsvOptions {}, job);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
        const Table &real = read.value().table;
        const Schema &schema = read.value().schema;
        auto g = makeGaussianCopula();
        const Result<void> fit = g->fit(real, schema, FitOptions {}, job);
        QVERIFY2(fit.ok(), qPrintable(fit.ok() ? QString() : fit.error().toString()));
        const Table out = draw(*g, 2000, 3);
        QCOMPARE(out.columnNames(), real.columnNames());
        for (int c = 0; c < out.columnCount(); ++c) {
            const Column &s = out.column(c), &r = real.column(c);
            const ColumnMeta &meta = schema.columns[c];
            QCOMPARE(s.storage(), r.storage());
            QCOMPARE(s.isInteger(), r.isInteger());
            if (meta.type == SemanticType::Id) { // unique, and none equal to a real id
                QSet<QString> realIds, seen;
                for (qint64 row = 0; row < r.size(); ++row)
                    realIds.insert(r.cellText(row));
                for (qint64 row = 0; row < s.size(); ++row) {
                    QVERIFY(!realIds.contains(s.cellText(row)));
                    seen.insert(s.cellText(row));
                }
                QCOMPARE(seen.size(), s.size());
            }
            if (!Schema::isModelled(meta))
                continue;
            QCOMPARE(s.labels(), r.labels());
            double lo = INFINITY, hi = -INFINITY;
            qint64 realMissing = 0;
            for (qint64 row = 0; row < r.size(); ++row) {
                const bool numeric
                    = r.storage() == ColumnStorage::Number || r.storage() == ColumnStorage::DateTime;
                if (r.isMissing(row) || (numeric && !std::isfinite(r.numbers()[size_t(row)]))) {
                    ++realMissing;
                } else if (numeric) {
                    lo = std::min(lo, r.numbers()[size_t(row)]);
                    hi = std::max(hi, r.numbers()[size_t(row)]);
                }
            }
            const double realRate = double(realMissing) / double(r.size());
            QVERIFY2(std::abs(s.missingRate() - realRate) < 0.05,
                qPrintable(
                    QStringLiteral("%1: missing %2 vs %3").arg(s.name()).arg(s.missingRate()).arg(realRate)));
            for (qint64 row = 0; row < s.size(); ++row) {
                if (s.isMissing(row))
                    continue;
                if (s.storage() == ColumnStorage::Number || s.storage() == ColumnStorage::DateTime) {
                    const double v = s.numbers()[size_t(row)];
                    QVERIFY2(v >= lo && v <= hi, qPrintable(QStringLiteral("%1 = %2").arg(s.name()).arg(v)));
                    if (s.isInteger())
                        QCOMPARE(v, std::round(v));
                } else if (s.storage() == ColumnStorage::Category || s.storage() == ColumnStorage::Boolean) {
                    QVERIFY(s.codes()[size_t(row)] >= 0 && s.codes()[size_t(row)] < s.labels().size());
                }
            }
        }
    }

    void identifiersKeepShapeAndStorage()
    {
        // Numeric ids 100000, 100003, ... and category-stored codes "AB-1234": regenerated unique,
        // unseen, in the real storage, numbers without a leading zero and at least six digits.
        Column number(QStringLiteral("patient"), ColumnStorage::Number),
            code(QStringLiteral("code"), ColumnStorage::Category),
            value(QStringLiteral("value"), ColumnStorage::Number);
        number.setInteger(true);
        for (int i = 0; i < 300; ++i) {
            number.appendNumber(100000 + 3 * i);
            code.appendCode(code.codeFor(QStringLiteral("AB-%1").arg(1000 + 7 * i)));
            value.appendNumber(i % 17);
        }
        Loaded data;
        for (Column *c : { &number, &code, &value }) {
            ColumnMeta meta;
            meta.name = c->name();
            meta.type = c == &value ? SemanticType::Numerical : SemanticType::Id;
            data.schema.columns.append(meta);
            data.table.addColumn(std::move(*c));
        }
        auto g = fitted(data);
        QVERIFY(g);
        const Table out = draw(*g, 500, 4);
        QCOMPARE(out.column(0).storage(), ColumnStorage::Number);
        QCOMPARE(out.column(1).storage(), ColumnStorage::Category);
        const QRegularExpression codePattern(QStringLiteral("^AB-[0-9]{4,}$"));
        QSet<double> numbers;
        QSet<QString> codes;
        const auto &realNumbers = data.table.column(0).numbers();
        for (qint64 r = 0; r < 500; ++r) {
            const double n = out.column(0).numbers()[size_t(r)];
            QVERIFY(n >= 100000 && n == std::round(n));
            QVERIFY(std::find(realNumbers.begin(), realNumbers.end(), n) == realNumbers.end());
            numbers.insert(n);
            const QString c = out.column(1).cellText(r);
            QVERIFY2(codePattern.match(c).hasMatch(), qPrintable(c));
            QVERIFY(!data.table.column(1).labels().contains(c));
            codes.insert(c);
        }
        QCOMPARE(numbers.size(), 500);
        QCOMPARE(codes.size(), 500);
    }

    void sameSeedSameRowsAndSaveLoad()
    {
        const Loaded data = mixedTable(3000);
        auto g = fitted(data, 77);
        QVERIFY(g);
        const Table a = draw(*g, 20000, 5), b = draw(*g, 20000, 5), c = draw(*g, 20000, 6);
        QVERIFY(sameCells(a, b));
        QVERIFY(!sameCells(a, c));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(g->save(buffer).ok());
        buffer.close();
        buffer.open(QIODevice::ReadOnly);
        auto loaded = makeGaussianCopula();
        const Result<void> ok = loaded->load(buffer);
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().toString()));
        QVERIFY(sameCells(a, draw(*loaded, 20000, 5)));
        // Same fit seed, same model.
        auto twin = fitted(data, 77);
        QVERIFY(sameCells(a, draw(*twin, 20000, 5)));
    }

    void outputKeepsRepresentation()
    {
        const Loaded data = mixedTable(500);
        auto g = fitted(data);
        QVERIFY(g);
        const Table out = draw(*g, 100, 1);
        QCOMPARE(out.columnNames(), data.table.columnNames());
        for (int c = 0; c < out.columnCount(); ++c) {
            const Column &s = out.column(c), &r = data.table.column(c);
            QCOMPARE(s.storage(), r.storage());
            QCOMPARE(s.labels(), r.labels());
            QCOMPARE(s.isInteger(), r.isInteger());
            QCOMPARE(s.decimals(), r.decimals());
            QCOMPARE(s.dateFormat(), r.dateFormat());
            QCOMPARE(s.size(), 100);
        }
        for (double v : out.column(5).numbers())
            QCOMPARE(std::fmod(v, 86400.0), 0.0);
    }

    void learnsCorrelationMarginalsAndMissingness()
    {
        const Loaded data = mixedTable(5000);
        auto g = fitted(data);
        QVERIFY(g);
        const Table out = draw(*g, 20000, 8);
        std::vector<double> x, y, xMissingY, xAll;
        for (qint64 r = 0; r < out.rowCount(); ++r) {
            const double xv = out.column(0).numbers()[size_t(r)];
            xAll.push_back(xv);
            if (out.column(1).isMissing(r)) {
                xMissingY.push_back(xv);
            } else {
                x.push_back(xv);
                y.push_back(out.column(1).numbers()[size_t(r)]);
            }
        }
        // Real: corr(x, y) over rows with y present is about 0.8 · sd ratio (truncation at x ≤ 1
        // lowers it); compare with the same statistic on the real table.
        std::vector<double> rx, ry;
        for (qint64 r = 0; r < data.table.rowCount(); ++r) {
            if (!data.table.column(1).isMissing(r)) {
                rx.push_back(data.table.column(0).numbers()[size_t(r)]);
                ry.push_back(data.table.column(1).numbers()[size_t(r)]);
            }
        }
        QVERIFY2(std::abs(pearson(x, y) - pearson(rx, ry)) < 0.06,
            qPrintable(QStringLiteral("%1 vs %2").arg(pearson(x, y)).arg(pearson(rx, ry))));
        // y is missing when x > 1 in the real data (15.9 %, mean x there 1.53). A Gaussian copula
        // cannot keep a hard threshold, but the link must survive: independent missingness
        // would give a mean near 0.
        QVERIFY(std::abs(double(xMissingY.size()) / 20000.0 - data.table.column(1).missingRate()) < 0.02);
        const double meanMissing
            = std::accumulate(xMissingY.begin(), xMissingY.end(), 0.0) / double(xMissingY.size());
        QVERIFY2(meanMissing > 0.4, qPrintable(QString::number(meanMissing)));
        // Marginals: two-sample KS between real and synthetic stays small.
        QVERIFY(ks2(xAll, data.table.column(0).numbers()) < 0.03);
        QVERIFY(ks2(out.column(2).numbers(), data.table.column(2).numbers()) < 0.03);
        // Category shares 0.6 / 0.3 / 0.1.
        std::array<int, 3> counts {};
        for (qint32 code : out.column(3).codes())
            ++counts[size_t(code)];
        QVERIFY(std::abs(counts[0] / 20000.0 - 0.6) < 0.02);
        QVERIFY(std::abs(counts[2] / 20000.0 - 0.1) < 0.01);
    }

    void rejectsBadSettings()
    {
        const Loaded data = mixedTable(100);
        auto g = makeGaussianCopula();
        SilentJob job;
        FitOptions options;
        options.settings.insert(QStringLiteral("distribution"), QStringLiteral("cauchy"));
        const Result<void> fit = g->fit(data.table, data.schema, options, job);
        QVERIFY(!fit.ok());
        QCOMPARE(fit.error().code, Error::Code::InvalidInput);
        QVERIFY(fit.error().message.contains(QStringLiteral("distribution")));
        options.settings.insert(QStringLiteral("distribution"), QStringLiteral("beta"));
        QVERIFY(g->fit(data.table, data.schema, options, job).ok());
        QCOMPARE(static_cast<GaussianCopula &>(*g).marginalFamilies().value(QStringLiteral("x")).toString(),
            QStringLiteral("beta"));
    }

    void cancelStopsFitAndSample()
    {
        const Loaded data = mixedTable(2000);
        auto g = makeGaussianCopula();
        CancelOnProgress cancel;
        const Result<void> fit = g->fit(data.table, data.schema, FitOptions {}, cancel);
        QVERIFY(!fit.ok());
        QCOMPARE(fit.error().code, Error::Code::Cancelled);
        QVERIFY(!g->isFitted());
        auto ok = fitted(data);
        CancelOnProgress cancelSample;
        const Result<Table> sampled = ok->sample(100000, 1, cancelSample);
        QVERIFY(!sampled.ok());
        QCOMPARE(sampled.error().code, Error::Code::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestGaussianCopula)
#include "tst_gaussiancopula.moc"
