// SPDX-License-Identifier: MIT
// Quality and Diagnostic reports on a real data set against an independent computation.
//
// Expected values: tests/reference/quality_reference.py (pandas 1.5.3, numpy 1.24.2, scipy 1.10.1
// on Debian 12), which implements ../shared/specs/metrics.md with pandas/scipy, run once as
//   /usr/bin/python3 tests/reference/quality_reference.py
//       ../shared/data/real/heart_failure/heart_failure_clinical_records_dataset.csv  (one line)
// on heart_failure (299 rows) against the deterministic perturbed copy that perturb() below and
// perturb() in the script both build: some real cells missing, columns re-paired by index
// permutations, numbers scaled by 1.1 in every 5th row, binary flags flipped in every 9th, exact
// and 0.5 %-off copies of real rows (every 10th + 3 / + 7) for NewRowSynthesis.
#include "core/evaluation/quality/diagnosticreport.h"
#include "core/evaluation/quality/qualityreport.h"
#include "testpaths.h"
#include "tst_quality_tables.h"

#include <QFile>
#include <QTest>

using namespace core;
using namespace qualitytest;

namespace {

const QStringList kBinary { QStringLiteral("anaemia"), QStringLiteral("diabetes"),
    QStringLiteral("high_blood_pressure"), QStringLiteral("sex"), QStringLiteral("smoking"),
    QStringLiteral("DEATH_EVENT") };

struct Data {
    QStringList names;
    std::vector<std::vector<double>> real; // per column
    std::vector<std::vector<double>> synthetic;
    bool ok = false;
};

Data load()
{
    Data d;
    QFile file(
        testsupport::realData(QStringLiteral("heart_failure/heart_failure_clinical_records_dataset.csv")));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return d;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    d.names = lines.first().trimmed().split(u',');
    d.real.resize(size_t(d.names.size()));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList fields = lines[i].trimmed().split(u',');
        if (fields.size() != d.names.size())
            return d;
        for (qsizetype c = 0; c < fields.size(); ++c)
            d.real[size_t(c)].push_back(fields[c].toDouble());
    }
    d.ok = true;
    return d;
}

// Keep in step with perturb() in tests/reference/quality_reference.py.
void perturb(Data &d)
{
    const size_t n = d.real.front().size();
    const int platelet = int(d.names.indexOf(QStringLiteral("platelet")));
    for (size_t i = 0; i < n; i += 23)
        d.real[size_t(platelet)][i] = kNaN;
    d.synthetic.assign(d.real.size(), std::vector<double>(n));
    for (size_t c = 0; c < d.real.size(); ++c) {
        const QString &name = d.names[qsizetype(c)];
        const bool binary = kBinary.contains(name);
        for (size_t i = 0; i < n; ++i) {
            const size_t from = c < 6 ? (i * 7 + 3) % n : (i * 11 + c * 5) % n;
            double v = d.real[c][from];
            if (binary) {
                if (i % 9 == 0)
                    v = 1.0 - v;
            } else {
                if (i % 5 == 0)
                    v = v * 1.1;
                if (name == QLatin1StringView("creatinine_phosphokinase") && i % 17 == 0)
                    v = kNaN;
                if (name == QLatin1StringView("age") && i == 4)
                    v = 120.0;
            }
            d.synthetic[c][i] = v;
        }
    }
    for (size_t i = 0; i < n; ++i) {
        if (i % 10 != 3 && i % 10 != 7)
            continue;
        for (size_t c = 0; c < d.real.size(); ++c) {
            double v = d.real[c][i];
            if (i % 10 == 7 && !kBinary.contains(d.names[qsizetype(c)]))
                v = v * 1.005;
            d.synthetic[c][i] = v;
        }
    }
}

} // namespace

class TestQualityRealData : public QObject {
    Q_OBJECT

private:
    Table m_real;
    Table m_synthetic;
    Schema m_schema;

private Q_SLOTS:
    void initTestCase()
    {
        Data d = load();
        QVERIFY2(d.ok, "heart_failure CSV not readable");
        QCOMPARE(d.real.front().size(), size_t(299));
        perturb(d);
        std::vector<Column> real;
        std::vector<Column> synthetic;
        std::vector<std::pair<QString, SemanticType>> types;
        for (size_t c = 0; c < d.real.size(); ++c) {
            const QString &name = d.names[qsizetype(c)];
            real.push_back(numbers(name, d.real[c]));
            synthetic.push_back(numbers(name, d.synthetic[c]));
            // 0/1 flags: numeric storage, boolean meaning (discrete for the metrics).
            types.emplace_back(
                name, kBinary.contains(name) ? SemanticType::Boolean : SemanticType::Numerical);
        }
        m_real = table(std::move(real));
        m_synthetic = table(std::move(synthetic));
        m_schema = schema(types);
    }

    void qualityMatchesReference()
    {
        const QualityReport current = computeQualityReport(m_real, m_synthetic, m_schema);
        const QHash<QString, double> shapes {
            { QStringLiteral("age"), 0.9297658862876255 },
            { QStringLiteral("anaemia"), 0.9732441471571907 },
            { QStringLiteral("creatinine_phosphokinase"), 0.9534834424607848 },
            { QStringLiteral("diabetes"), 0.9698996655518395 },
            { QStringLiteral("ejection_fraction"), 0.8963210702341137 },
            { QStringLiteral("high_blood_pressure"), 0.9765886287625418 },
            { QStringLiteral("platelet"), 0.9405594405594405 },
            { QStringLiteral("serum_creatinine"), 0.9498327759197325 },
            { QStringLiteral("serum_sodium"), 0.8127090301003345 },
            { QStringLiteral("sex"), 0.9832775919732442 },
            { QStringLiteral("smoking"), 0.9498327759197325 },
            { QStringLiteral("time"), 0.9698996655518395 },
            { QStringLiteral("DEATH_EVENT"), 0.9832775919732442 },
        };
        QCOMPARE(current.columns.size(), 13);
        for (const ColumnShapeScore &column : current.columns)
            QVERIFY2(qAbs(column.score - shapes.value(column.column)) < 1e-9, qPrintable(column.column));
        QVERIFY(qAbs(current.columnShapes - 0.9452839778808974) < 1e-9);
        QCOMPARE(current.pairs.size(), 78);
        QCOMPARE(current.pairsCounted, 5);
        QVERIFY(qAbs(current.columnPairTrends - 0.788628762541806) < 1e-9);
        QVERIFY(qAbs(current.overall - 0.8669563702113516) < 1e-9);

        const QualityReport all
            = computeQualityReport(m_real, m_synthetic, m_schema, QualityOptions::allPairs());
        QCOMPARE(all.pairsCounted, 78);
        QVERIFY(qAbs(all.columnPairTrends - 0.8626303285138653) < 1e-9);
        QVERIFY(qAbs(all.overall - 0.9039571531973813) < 1e-9);

        struct Pair {
            const char *a;
            const char *b;
            double score;
            double trend;
        };
        const Pair pairs[] = {
            { "age", "anaemia", 0.7491638795986622, 0.23920648073138565 },
            { "age", "ejection_fraction", 0.9813972284388459, 0.06009836323291286 },
            { "platelet", "DEATH_EVENT", 0.919732441471572, 0.13990684154371827 },
            { "serum_creatinine", "time", 0.9594001843674872, 0.14931541756792863 },
            { "sex", "smoking", 0.7926421404682273, 0.4458917119097907 },
        };
        for (const Pair &expected : pairs) {
            bool found = false;
            for (const PairTrendScore &p : all.pairs) {
                if (p.column1 != QLatin1StringView(expected.a) || p.column2 != QLatin1StringView(expected.b))
                    continue;
                found = true;
                QVERIFY2(qAbs(p.score - expected.score) < 1e-9, expected.a);
                const double trend = p.metric == QLatin1StringView("CorrelationSimilarity")
                    ? std::fabs(p.realCorrelation)
                    : p.realAssociation;
                QVERIFY2(qAbs(trend - expected.trend) < 1e-9, expected.a);
            }
            QVERIFY2(found, expected.a);
        }
    }

    void diagnosticMatchesReference()
    {
        const DiagnosticReport report = computeDiagnosticReport(m_real, m_synthetic, m_schema);
        const QHash<QString, double> validity {
            { QStringLiteral("age"), 0.9933110367892977 },
            { QStringLiteral("creatinine_phosphokinase"), 0.9498327759197325 },
            { QStringLiteral("ejection_fraction"), 0.9966555183946488 },
            { QStringLiteral("serum_sodium"), 0.8294314381270903 },
            { QStringLiteral("time"), 0.9966555183946488 },
        };
        for (const ValidityScore &column : report.columns)
            QVERIFY2(
                qAbs(column.score - validity.value(column.column, 1.0)) < 1e-9, qPrintable(column.column));
        QVERIFY(qAbs(report.dataValidity - 0.9819912528942628) < 1e-9);
        QCOMPARE(report.dataStructure, 1.0);
        QCOMPARE(report.newRowSynthesis.newRows, qint64(239));
        QVERIFY(qAbs(report.newRowSynthesis.score - 0.7993311036789298) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestQualityRealData)
#include "tst_quality_realdata.moc"
