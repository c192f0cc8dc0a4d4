// SPDX-License-Identifier: MIT
// Profiling of tables built in code. Expected statistics come from pandas 1.5.3 / scipy 1.10.1
// (/usr/bin/python3), computed once with the snippets quoted next to each value.
#include "core/profile/profile.h"
#include "core/profile/profilejson.h"
#include "core/profile/valueanalysis.h"

#include <QJsonArray>
#include <QTest>
#include <cmath>
#include <limits>

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

QStringList S(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

core::Column numbers(const QString &name, const QList<double> &values, bool integer = false)
{
    core::Column c(name, core::ColumnStorage::Number);
    c.setInteger(integer);
    for (double v : values) {
        if (std::isnan(v))
            c.appendMissing();
        else
            c.appendNumber(v);
    }
    return c;
}

core::Column labels(const QString &name, const QStringList &values,
    core::ColumnStorage storage = core::ColumnStorage::Category)
{
    core::Column c(name, storage);
    for (const QString &v : values) {
        if (v.isEmpty())
            c.appendMissing();
        else if (storage == core::ColumnStorage::Text)
            c.appendText(v);
        else
            c.appendCode(c.codeFor(v));
    }
    return c;
}

core::Column booleans(
    const QString &name, const QString &falseSpelling, const QString &trueSpelling, const QList<int> &values)
{
    core::Column c(name, core::ColumnStorage::Boolean);
    c.labels() = { falseSpelling, trueSpelling };
    for (int v : values)
        c.appendCode(v);
    return c;
}

core::Profile profileOf(const core::Table &table, core::ProfileOptions options = {})
{
    core::SilentJob job;
    core::Result<core::Profile> result = core::profileTable(table, core::Schema {}, options, job);
    if (!result.ok())
        qFatal("profileTable failed: %s", qPrintable(result.error().toString()));
    return std::move(result).value();
}

const core::ColumnProfile &col(const core::Profile &p, const QString &name)
{
    const int i = p.indexOf(name);
    if (i < 0)
        qFatal("no column %s", qPrintable(name));
    return p.columns[i];
}

bool hasAction(const core::Profile &p, core::SuggestedAction::Kind kind, const QString &column,
    const QString &value = {})
{
    for (const core::SuggestedAction &a : p.actions) {
        if (a.kind == kind && a.column == column && (value.isNull() || a.value == value))
            return true;
    }
    return false;
}

class CancellingJob final : public core::JobContext {
public:
    bool isCancelled() const override { return true; }
    void reportProgress(double, const QString &) override { }
};

} // namespace

class TestProfile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void numericStatisticsMatchPandas()
    {
        core::Table t;
        t.addColumn(numbers(QStringLiteral("x"), { 1.5, 2.0, NaN, 4.0, 100.0, 3.5, 2.5, 0.0, -1.0, 2.0 }));
        const core::Profile p = profileOf(t);
        const core::ColumnProfile &x = col(p, QStringLiteral("x"));
        QCOMPARE(x.count, 9);
        QCOMPARE(x.missing, 1);
        QCOMPARE(x.distinct, 8); // s.nunique()
        QVERIFY(x.numeric);
        const core::NumericStats &s = *x.numeric;
        // s.mean(), s.std(), s.skew(), s.kurt()
        QCOMPARE(s.mean, 12.722222222222221);
        QVERIFY(qFuzzyCompare(s.std, 32.76632332814355));
        QVERIFY(qFuzzyCompare(s.skewness, 2.986836991308091));
        QVERIFY(qFuzzyCompare(s.kurtosis, 8.941928297561628));
        QCOMPARE(s.min, -1.0);
        QCOMPARE(s.max, 100.0);
        // s.quantile([.01,.05,.25,.5,.75,.95,.99])
        const double q[] = { -0.92, -0.6, 1.5, 2.0, 3.5, 61.599999999999966, 92.32 };
        for (int i = 0; i < 7; ++i)
            QVERIFY2(std::abs(s.quantiles[size_t(i)] - q[i]) < 1e-9, qPrintable(QString::number(i)));
        QCOMPARE(s.mad, 1.5); // (s.dropna() - s.median()).abs().median()
        QCOMPARE(s.zeros, 1);
        QCOMPARE(s.negatives, 1);
        QCOMPARE(x.topValues.front().value, QStringLiteral("2"));
        QCOMPARE(x.topValues.front().count, 2);
        // Histogram covers every finite value once.
        qint64 total = 0;
        for (qint64 c : s.histogram.counts)
            total += c;
        QCOMPARE(total, 9);
        // 100 lies far outside Q3 + 1.5 IQR = 6.5 and has robust z = 98 / (1.4826 * 1.5) = 44.
        QCOMPARE(s.iqrOutliers, 1);
        QCOMPARE(s.robustZOutliers, 1);
        QCOMPARE(s.outlierExamples.value(0), 100.0);
        QCOMPARE(p.alertsOf(QStringLiteral("outliers"), QStringLiteral("x")).size(), 1);
        QCOMPARE(p.alertsOf(QStringLiteral("skewed"), QStringLiteral("x")).size(), 1);
    }

    void associationsMatchPandasAndScipy()
    {
        core::Table t;
        t.addColumn(numbers(QStringLiteral("x"), { 1.5, 2.0, NaN, 4.0, 100.0, 3.5, 2.5, 0.0, -1.0, 2.0 }));
        t.addColumn(numbers(QStringLiteral("y"), { 10, 20, 30, NaN, 50, 5, 25, 35, 0, 20 }));
        t.addColumn(labels(QStringLiteral("a"), S({ "u", "v", "u", "w", "v", "u", "u", "w", "v", "u" })));
        t.addColumn(labels(QStringLiteral("b"), S({ "p", "q", "p", "q", "q", "p", "q", "p", "q", "p" })));
        const core::Profile p = profileOf(t);
        auto value = [&p](int a, int b, core::Association::Method m) {
            for (const core::Association &x : p.associations) {
                if (x.first == a && x.second == b && x.method == m)
                    return x.value;
            }
            return -99.0;
        };
        using M = core::Association::Method;
        // df[["x","y"]].corr() and .corr(method="spearman") (pairwise complete, re-ranked)
        QVERIFY(qFuzzyCompare(value(0, 1, M::Pearson), 0.7258597296994922));
        QVERIFY(qFuzzyCompare(value(0, 1, M::Spearman), 0.39759036144578314));
        // scipy.stats.contingency.association(pd.crosstab(a, b), method="cramer", correction=False)
        QVERIFY(qFuzzyCompare(value(2, 3, M::CramersV), 0.6928203230275509));
        // sqrt(sum n_k (mean_k - mean)^2 / sum (y - mean)^2) over rows with y, groups of b (numpy)
        QVERIFY(qFuzzyCompare(value(1, 3, M::CorrelationRatio), 0.12659242088545833));
    }

    void associationsWithACompleteColumn()
    {
        // A complete column with ties (z) against columns with missing cells: the pairs are measured
        // together, z re-ranked over each partner's rows. df.corr() / df.corr(method="spearman").
        core::Table t;
        t.addColumn(numbers(QStringLiteral("x"), { 1.5, 2.0, NaN, 4.0, 100.0, 3.5, 2.5, 0.0, -1.0, 2.0 }));
        t.addColumn(numbers(QStringLiteral("y"), { 10, 20, 30, NaN, 50, 5, 25, 35, 0, 20 }));
        t.addColumn(numbers(QStringLiteral("z"), { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3 }, true));
        const core::Profile p = profileOf(t);
        auto value = [&p](int a, int b, core::Association::Method m) {
            for (const core::Association &x : p.associations) {
                if (x.first == a && x.second == b && x.method == m)
                    return x.value;
            }
            return -99.0;
        };
        using M = core::Association::Method;
        QVERIFY(qFuzzyCompare(value(0, 2, M::Pearson), 0.1496061615559851));
        QVERIFY(qFuzzyCompare(value(0, 2, M::Spearman), -0.17797249266332252));
        QVERIFY(qFuzzyCompare(value(1, 2, M::Pearson), -0.128614106896592));
        QVERIFY(qFuzzyCompare(value(1, 2, M::Spearman), -0.004219446843148565));
        QVERIFY(qFuzzyCompare(value(0, 1, M::Pearson), 0.7258597296994922)); // still pair by pair
    }

    void spearmanReranksTheCompleteSide()
    {
        // 70,000 distinct values (too many for value ids) against a column missing where x > 5000
        // on every fifth row: x must be re-ranked over y's rows. numpy/pandas:
        //   i = arange(70000); x = (i * 7919 % 70001) / 7; y = floor(x / 1000) + i % 3,
        //   y[(i % 5 == 0) & (x > 5000)] = nan; df.corr(method="spearman"), df.corr()
        // (0.95745... if x kept its ranks over all rows).
        core::Column x(QStringLiteral("x"), core::ColumnStorage::Number);
        core::Column y(QStringLiteral("y"), core::ColumnStorage::Number);
        for (qint64 i = 0; i < 70000; ++i) {
            const double xv = double(i * 7919 % 70001) / 7.0;
            x.appendNumber(xv);
            if (i % 5 == 0 && xv > 5000)
                y.appendMissing();
            else
                y.appendNumber(std::floor(xv / 1000.0) + double(i % 3));
        }
        core::Table t;
        t.addColumn(x);
        t.addColumn(y);
        const core::Profile p = profileOf(t);
        double spearman = -99, pearson = -99;
        for (const core::Association &a : p.associations) {
            if (a.method == core::Association::Method::Spearman)
                spearman = a.value;
            if (a.method == core::Association::Method::Pearson)
                pearson = a.value;
        }
        QVERIFY2(std::abs(spearman - 0.9582388086256887) < 1e-12, qPrintable(QString::number(spearman, 'g', 17)));
        QVERIFY2(std::abs(pearson - 0.9566929336656039) < 1e-12, qPrintable(QString::number(pearson, 'g', 17)));
    }

    void duplicateRowsMatchPandas()
    {
        // pd.DataFrame(dict(p=[1,2,1,1,nan,nan,3], q=["a","b","a","c",None,None,"a"])).duplicated()
        // -> 2 duplicates, rows 2 and 5
        core::Table t;
        t.addColumn(numbers(QStringLiteral("p"), { 1, 2, 1, 1, NaN, NaN, 3 }));
        t.addColumn(
            labels(QStringLiteral("q"), S({ "a", "b", "a", "c", "", "", "a" }), core::ColumnStorage::Text));
        const core::Profile p = profileOf(t);
        QCOMPARE(p.duplicateRows, 2);
        QCOMPARE(p.duplicateExamples, (QList<qint64> { 2, 5 }));
        QCOMPARE(p.alertsOf(QStringLiteral("duplicate_rows")).size(), 1);
    }

    void constantColumns()
    {
        // 011: site = A and protocol_version = 2 in all 15 rows.
        core::Table t;
        QStringList site;
        QList<double> version, age { 23, 35, 81, 73, 19, 90, 30, 29, 60, 89, 84, 39, 63, 80, 70 };
        for (int i = 0; i < 15; ++i) {
            site << QStringLiteral("A");
            version << 2;
        }
        t.addColumn(labels(QStringLiteral("site"), site));
        t.addColumn(numbers(QStringLiteral("protocol_version"), version, true));
        t.addColumn(numbers(QStringLiteral("age"), age, true));
        const core::Profile p = profileOf(t);
        QCOMPARE(p.alertsOf(QStringLiteral("constant"), QStringLiteral("site")).size(), 1);
        QCOMPARE(p.alertsOf(QStringLiteral("constant"), QStringLiteral("protocol_version")).size(), 1);
        QCOMPARE(p.alertsOf(QStringLiteral("constant"), QStringLiteral("age")).size(), 0);
        QCOMPARE(p.alertsOf(QStringLiteral("unique"), QStringLiteral("age")).size(),
            0); // unique by chance, not an ID
        QCOMPARE(col(p, QStringLiteral("age")).kind, core::ProfileKind::Numeric);
    }

    void constantApartFromMissing()
    {
        // 021: -7 x11, empty x9
        core::Table t;
        QList<double> code;
        for (int i = 0; i < 20; ++i)
            code << (i < 11 ? -7.0 : NaN);
        t.addColumn(numbers(QStringLiteral("prior_surgery_code"), code, true));
        const core::Profile p = profileOf(t);
        const QList<core::Alert> a
            = p.alertsOf(QStringLiteral("constant"), QStringLiteral("prior_surgery_code"));
        QCOMPARE(a.size(), 1);
        QVERIFY(a.front().message.contains(QStringLiteral("constant apart from missing")));
        QVERIFY(a.front().message.contains(QStringLiteral("45.0%")));
        QCOMPARE(col(p, QStringLiteral("prior_surgery_code")).distinct, 1);
        QCOMPARE(a.front().evidence.value(QStringLiteral("missing_share")).toDouble(), 0.45);
    }

    void infiniteAndExtremeValues()
    {
        // 014: ratio has inf and Infinity, titer has -inf and 1e308.
        const double inf = std::numeric_limits<double>::infinity();
        core::Table t;
        t.addColumn(numbers(QStringLiteral("ratio"), { 1.25, inf, 0.75, 2.5, inf, 1.0, 0.5, 3.0 }));
        t.addColumn(numbers(QStringLiteral("titer"), { 40, 80, -inf, 160, 20, 40, 1e308, 80 }));
        const core::Profile p = profileOf(t);
        QCOMPARE(col(p, QStringLiteral("ratio")).numeric->nonFinite(), 2);
        QCOMPARE(col(p, QStringLiteral("titer")).numeric->nonFinite(), 1);
        QCOMPARE(col(p, QStringLiteral("titer")).numeric->extreme, 1);
        QCOMPARE(col(p, QStringLiteral("titer")).numeric->extremeExamples.value(0), 1e308);
        QCOMPARE(p.alertsOf(QStringLiteral("non_finite")).size(), 2);
        QCOMPARE(p.alertsOf(QStringLiteral("extreme_value"), QStringLiteral("titer")).size(), 1);
        QCOMPARE(col(p, QStringLiteral("ratio")).numeric->finite, 6);
    }

    void uniqueStringIds()
    {
        // 016-like: S- plus 8 hex digits, all distinct.
        core::Table t;
        QStringList ids;
        quint32 state = 12345;
        for (int i = 0; i < 24; ++i) {
            state = state * 1664525u + 1013904223u;
            ids << QStringLiteral("S-%1").arg(state, 8, 16, QLatin1Char('0'));
        }
        t.addColumn(labels(QStringLiteral("sample_id"), ids, core::ColumnStorage::Text));
        const core::Profile p = profileOf(t);
        const core::ColumnProfile &c = col(p, QStringLiteral("sample_id"));
        QCOMPARE(c.kind, core::ProfileKind::Identifier);
        QCOMPARE(c.distinctShare(), 1.0);
        QCOMPARE(c.text->regex, QStringLiteral("S-[0-9a-f]{8}"));
        const QList<core::Alert> a = p.alertsOf(QStringLiteral("unique"), QStringLiteral("sample_id"));
        QCOMPARE(a.size(), 1);
        QCOMPARE(
            a.front().evidence.value(QStringLiteral("pattern")).toString(), QStringLiteral("S-[0-9a-f]{8}"));
        QVERIFY(hasAction(p, core::SuggestedAction::Kind::MarkAsId, QStringLiteral("sample_id")));
    }

    void booleanBinaryAndEmpty()
    {
        // 027: consent True 9 / False 3, readmit_30d 0 x9 / 1 x3, pending_result empty.
        core::Table t;
        t.addColumn(booleans(QStringLiteral("consent"), QStringLiteral("False"), QStringLiteral("True"),
            { 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1 }));
        t.addColumn(numbers(QStringLiteral("readmit_30d"), { 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0 }, true));
        QList<double> empty;
        for (int i = 0; i < 12; ++i)
            empty << NaN;
        t.addColumn(numbers(QStringLiteral("pending_result"), empty));
        const core::Profile p = profileOf(t);
        const core::ColumnProfile &consent = col(p, QStringLiteral("consent"));
        QCOMPARE(consent.kind, core::ProfileKind::Boolean);
        QVERIFY(!consent.numeric);
        QCOMPARE(consent.topValues.front().value, QStringLiteral("True"));
        QCOMPARE(consent.topValues.front().count, 9);
        QCOMPARE(consent.topValues.back().count, 3);
        QVERIFY(p.alertsOf(QStringLiteral("zeros"), QStringLiteral("consent")).isEmpty());
        const core::ColumnProfile &readmit = col(p, QStringLiteral("readmit_30d"));
        QCOMPARE(readmit.kind, core::ProfileKind::Binary);
        QCOMPARE(readmit.topValues.front().value, QStringLiteral("0"));
        QCOMPARE(readmit.topValues.front().count, 9);
        QVERIFY(p.alertsOf(QStringLiteral("zeros"), QStringLiteral("readmit_30d")).isEmpty());
        QCOMPARE(col(p, QStringLiteral("pending_result")).kind, core::ProfileKind::Empty);
        const QList<core::Alert> empties
            = p.alertsOf(QStringLiteral("all_missing"), QStringLiteral("pending_result"));
        QCOMPARE(empties.size(), 1);
        QVERIFY(empties.front().message.contains(QStringLiteral("100% missing")));
        QVERIFY(hasAction(p, core::SuggestedAction::Kind::Exclude, QStringLiteral("pending_result")));
        // Applying the accepted action leaves the column out of modelling.
        core::Schema schema;
        core::ColumnMeta meta;
        meta.name = QStringLiteral("pending_result");
        schema.columns.append(meta);
        for (const core::SuggestedAction &a : p.actions) {
            if (a.column == QStringLiteral("pending_result"))
                QVERIFY(core::applyToSchema(a, schema));
        }
        QVERIFY(!core::Schema::isModelled(schema.columns.front()));
    }

    void acceptedActionsChangeTheSchema()
    {
        core::Schema schema;
        for (const char *name : { "mrn", "mail", "bp", "code" }) {
            core::ColumnMeta meta;
            meta.name = QString::fromUtf8(name);
            meta.type = core::SemanticType::Categorical;
            schema.columns.append(meta);
        }
        using Kind = core::SuggestedAction::Kind;
        QVERIFY(core::applyToSchema({ Kind::MarkAsId, QStringLiteral("mrn"), QStringLiteral("[0-9]{6}"), {} }, schema));
        QVERIFY(core::applyToSchema({ Kind::MarkAsPii, QStringLiteral("mail"), QStringLiteral("email"), {} }, schema));
        QVERIFY(core::applyToSchema({ Kind::ChangeType, QStringLiteral("bp"), QStringLiteral("numerical"), {} }, schema));
        QVERIFY(core::applyToSchema({ Kind::DeclareMissingMarker, QStringLiteral("code"), QStringLiteral("-9"), {} },
            schema));
        // The same marker twice, trimming (a reading option) and unknown columns change nothing.
        QVERIFY(!core::applyToSchema({ Kind::DeclareMissingMarker, QStringLiteral("code"), QStringLiteral("-9"), {} },
            schema));
        QVERIFY(!core::applyToSchema({ Kind::TrimWhitespace, QStringLiteral("bp"), {}, {} }, schema));
        QVERIFY(!core::applyToSchema({ Kind::Exclude, QStringLiteral("nope"), {}, {} }, schema));
        QCOMPARE(schema.columns[0].type, core::SemanticType::Id);
        QCOMPARE(schema.columns[0].pattern, QStringLiteral("[0-9]{6}"));
        QCOMPARE(schema.columns[1].type, core::SemanticType::Pii);
        QCOMPARE(schema.columns[1].piiKind, QStringLiteral("email"));
        QCOMPARE(schema.columns[2].type, core::SemanticType::Numerical);
        QCOMPARE(schema.columns[3].missingValues, QStringList { QStringLiteral("-9") });
        QCOMPARE(schema.columns[3].type, core::SemanticType::Categorical);
    }

    void messyTextQuirks()
    {
        // The chronic kidney disease file's quirks, in miniature: tab-padded numbers, "\t?",
        // "ckd\t" beside "ckd", " yes" beside "yes".
        core::Table t;
        t.addColumn(labels(
            QStringLiteral("pcv"), S({ "44", "38", "\t43", "31", "\t?", "35", "39", "?", "41", "40" })));
        t.addColumn(labels(QStringLiteral("classification"),
            S({ "ckd", "ckd", "ckd\t", "notckd", "ckd", "notckd", "ckd", "ckd", "notckd", "ckd" })));
        t.addColumn(labels(
            QStringLiteral("dm"), S({ "yes", "no", " yes", "\tno", "no", "yes", "no", "no", "no", "yes" })));
        core::ProfileOptions options;
        options.target = QStringLiteral("classification");
        const core::Profile p = profileOf(t, options);
        QCOMPARE(p.alertsOf(QStringLiteral("whitespace"), QStringLiteral("pcv")).size(), 1);
        QCOMPARE(p.alertsOf(QStringLiteral("whitespace"), QStringLiteral("classification")).size(), 1);
        QCOMPARE(p.alertsOf(QStringLiteral("whitespace"), QStringLiteral("dm")).size(), 1);
        const QList<core::Alert> markers
            = p.alertsOf(QStringLiteral("missing_marker"), QStringLiteral("pcv"));
        QCOMPARE(markers.size(), 1);
        QCOMPARE(markers.front().evidence.value(QStringLiteral("count")).toLongLong(), 2);
        QVERIFY(hasAction(p, core::SuggestedAction::Kind::DeclareMissingMarker, QStringLiteral("pcv"),
            QStringLiteral("?")));
        const QList<core::Alert> mixed = p.alertsOf(QStringLiteral("mixed_types"), QStringLiteral("pcv"));
        QCOMPARE(mixed.size(), 1);
        QCOMPARE(mixed.front().evidence.value(QStringLiteral("numbers")).toLongLong(), 7);
        QVERIFY(hasAction(
            p, core::SuggestedAction::Kind::ChangeType, QStringLiteral("pcv"), QStringLiteral("numerical")));
        QCOMPARE(
            p.alertsOf(QStringLiteral("inconsistent_spelling"), QStringLiteral("classification")).size(), 1);
        QCOMPARE(p.alertsOf(QStringLiteral("inconsistent_spelling"), QStringLiteral("dm")).size(), 1);
        QCOMPARE(col(p, QStringLiteral("dm")).text->spellingVariants.size(), 2); // yes group, no group
        QVERIFY(p.target);
        QCOMPARE(p.target->classes.size(), 2); // "ckd\t" counts as "ckd"
        QCOMPARE(p.target->minorityShare, 0.3); // notckd 3 of 10
    }

    void piiDetection_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("kind");
        QTest::newRow("email") << QStringLiteral(
            "contact") << S({ "ann@example.org", "bo.lee@mail.example.com", "c_d@x.io", "dora@y.net" })
                               << QStringLiteral("email");
        QTest::newRow("phone") << QStringLiteral("tel")
                               << S({ "(555) 123-4567", "+1 555 987 6543", "555-222-1111", "555.333.4444" })
                               << QStringLiteral("phone_number");
        QTest::newRow("ssn") << QStringLiteral("national_id")
                             << S({ "123-45-6789", "987-65-4321", "555-12-3456", "111-22-3333" })
                             << QStringLiteral("ssn");
        QTest::newRow("zip") << QStringLiteral("zip")
                             << S({ "02134", "07310", "10001", "00501", "90210-1234" })
                             << QStringLiteral("postal_code");
        QTest::newRow("names") << QStringLiteral("patient_name")
                               << S({ "Anna Schmidt", "John Smith", "Maria Souza", "Li Wei" })
                               << QStringLiteral("name");
        QTest::newRow("free text")
            << QStringLiteral("note")
            << S({ "Patient reports mild chest pain after climbing the stairs at home yesterday",
                   "No complaints today, blood pressure well controlled on current medication",
                   "Follow up in three weeks to review the laboratory results with the family" })
            << QStringLiteral("free_text");
        QTest::newRow("not pii") << QStringLiteral("unit") << S({ "ICU", "ER", "Ward 3", "ICU" })
                                 << QString();
    }
    void piiDetection()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, values);
        QFETCH(QString, kind);
        core::Table t;
        t.addColumn(labels(name, values, core::ColumnStorage::Text));
        const core::Profile p = profileOf(t);
        QCOMPARE(col(p, name).text->piiKind, kind);
        QCOMPARE(p.alertsOf(QStringLiteral("pii"), name).size(), kind.isEmpty() ? 0 : 1);
        if (!kind.isEmpty())
            QVERIFY(hasAction(p, core::SuggestedAction::Kind::MarkAsPii, name, kind));
    }

    void clinicalPlausibilityAndMarkers()
    {
        core::Table t;
        t.addColumn(numbers(QStringLiteral("age"), { 34, 51, 150, 47, -2, 62, 70, 58, 39, 44 }, true));
        t.addColumn(numbers(QStringLiteral("bmi"), { 24.1, 0, 31.2, 27.5, 0, 22.8, 29.9, 26.4, 33.0, 25.5 }));
        t.addColumn(numbers(
            QStringLiteral("SystolicBP"), { 120, 135, 999, 128, 142, 118, 999, 131, 125, 140 }, true));
        t.addColumn(numbers(QStringLiteral("stage"), { 1, 2, 150, 3, 2, 1, 4, 3, 2, 1 }, true));
        const core::Profile p = profileOf(t);
        const QList<core::Alert> age = p.alertsOf(QStringLiteral("implausible_value"), QStringLiteral("age"));
        QCOMPARE(age.size(), 1);
        QCOMPARE(age.front().evidence.value(QStringLiteral("above")).toLongLong(), 1);
        QCOMPARE(age.front().evidence.value(QStringLiteral("below")).toLongLong(), 1);
        QCOMPARE(p.alertsOf(QStringLiteral("implausible_zeros"), QStringLiteral("bmi")).size(), 1);
        QVERIFY(hasAction(p, core::SuggestedAction::Kind::DeclareMissingMarker, QStringLiteral("bmi"),
            QStringLiteral("0")));
        QCOMPARE(p.alertsOf(QStringLiteral("missing_marker"), QStringLiteral("SystolicBP")).size(), 1);
        QVERIFY(hasAction(p, core::SuggestedAction::Kind::DeclareMissingMarker, QStringLiteral("SystolicBP"),
            QStringLiteral("999")));
        QCOMPARE(
            p.alertsOf(QStringLiteral("implausible_value"), QStringLiteral("stage")).size(), 0); // not "age"
    }

    void inconsistentFormats()
    {
        core::Table t;
        t.addColumn(labels(QStringLiteral("followup"),
            S({ "2021-03-04", "04/03/2021", "4 Mar 2021", "2021-03-05", "05/03/2021", "Mar 6 2021",
                "2021-03-07", "20210308" })));
        t.addColumn(labels(
            QStringLiteral("weight"), S({ "72,5", "65.0", "80,25", "70", "68.5", "77,0", "81", "90" })));
        const core::Profile p = profileOf(t);
        QCOMPARE(col(p, QStringLiteral("followup")).text->dateFormats.size(), 5);
        QCOMPARE(p.alertsOf(QStringLiteral("inconsistent_formats"), QStringLiteral("followup")).size(), 1);
        QCOMPARE(p.alertsOf(QStringLiteral("inconsistent_formats"), QStringLiteral("weight")).size(), 1);
    }

    void highCorrelationAndImbalance()
    {
        core::Table t;
        QList<double> a, b;
        QStringList target;
        for (int i = 0; i < 50; ++i) {
            a << i;
            b << 2.0 * i + (i % 3);
            target << (i < 3 ? QStringLiteral("yes") : QStringLiteral("no"));
        }
        t.addColumn(numbers(QStringLiteral("weight"), a));
        t.addColumn(numbers(QStringLiteral("dose"), b));
        t.addColumn(labels(QStringLiteral("event"), target));
        core::ProfileOptions options;
        options.target = QStringLiteral("event");
        const core::Profile p = profileOf(t, options);
        QCOMPARE(p.alertsOf(QStringLiteral("high_correlation"), QStringLiteral("dose")).size(), 1);
        QCOMPARE(p.alertsOf(QStringLiteral("imbalanced_target"), QStringLiteral("event")).size(), 1);
        QCOMPARE(p.target->minorityShare, 0.06);
    }

    void unknownTargetIsAnError()
    {
        core::Table t;
        t.addColumn(numbers(QStringLiteral("x"), { 1, 2 }));
        core::ProfileOptions options;
        options.target = QStringLiteral("outcome");
        core::SilentJob job;
        const core::Result<core::Profile> r = core::profileTable(t, core::Schema {}, options, job);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, core::Error::Code::InvalidInput);
        QVERIFY(r.error().message.contains(QStringLiteral("outcome")));
    }

    void emptyTables()
    {
        const core::Profile none = profileOf(core::Table {});
        QCOMPARE(none.rows, 0);
        QVERIFY(none.columns.isEmpty());
        core::Table t;
        t.addColumn(numbers(QStringLiteral("x"), {}));
        t.addColumn(labels(QStringLiteral("c"), {}, core::ColumnStorage::Text));
        const core::Profile p = profileOf(t);
        QCOMPARE(p.columns.size(), 2);
        QCOMPARE(p.columns.front().kind, core::ProfileKind::Empty);
        QCOMPARE(p.duplicateRows, 0);
        QVERIFY(!core::profileToJson(p).isEmpty());
    }

    void cancellation()
    {
        core::Table t;
        t.addColumn(numbers(QStringLiteral("x"), { 1, 2, 3 }));
        CancellingJob job;
        const core::Result<core::Profile> r
            = core::profileTable(t, core::Schema {}, core::ProfileOptions {}, job);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, core::Error::Code::Cancelled);
    }

    void loaderDiagnosticsBecomeAlerts()
    {
        core::Table t;
        t.addColumn(numbers(QStringLiteral("x"), { 1, 2, 3 }));
        core::ProfileOptions options;
        options.source.encoding = QStringLiteral("UTF-8 with BOM");
        options.source.diagnostics.append(core::Diagnostic { core::Diagnostic::Severity::Warning,
            QStringLiteral("trailing_delimiter"), QStringLiteral("Trailing delimiter on 7 rows."), {}, 2 });
        const core::Profile p = profileOf(t, options);
        QCOMPARE(p.alertsOf(QStringLiteral("trailing_delimiter")).size(), 1);
        QCOMPARE(p.alertsOf(QStringLiteral("encoding")).size(), 1);
        QVERIFY(p.alertsOf(QStringLiteral("encoding"))
                    .front()
                    .message.contains(QStringLiteral("UTF-8 with BOM")));
        const QJsonObject json = core::profileToJson(p);
        QCOMPARE(json.value(QStringLiteral("source")).toObject().value(QStringLiteral("encoding")).toString(),
            QStringLiteral("UTF-8 with BOM"));
    }

    void jsonHasTheDocumentedKeys()
    {
        core::Table t;
        t.addColumn(numbers(QStringLiteral("x"), { 1, 2, NaN, 2 }));
        t.addColumn(labels(QStringLiteral("c"), S({ "a", "b", "a", "b" })));
        const QJsonObject json = core::profileToJson(profileOf(t));
        QCOMPARE(json.value(QStringLiteral("rows")).toInteger(), 4);
        QCOMPARE(json.value(QStringLiteral("duplicate_rows")).toInteger(), 1); // row 3 repeats row 1
        const QJsonArray columns = json.value(QStringLiteral("columns")).toArray();
        QCOMPARE(columns.size(), 2);
        const QJsonObject x = columns.at(0).toObject();
        for (const char *key : { "name", "type", "missing", "distinct", "min", "max", "mean", "std",
                 "quantiles", "skewness", "kurtosis", "zeros", "negatives", "histogram", "top_values" })
            QVERIFY2(x.contains(QLatin1String(key)), key);
        QCOMPARE(x.value(QStringLiteral("missing")).toInteger(), 1);
        QCOMPARE(x.value(QStringLiteral("mean")).toDouble(), 5.0 / 3.0);
        const QJsonObject c = columns.at(1).toObject();
        QCOMPARE(c.value(QStringLiteral("type")).toString(), QStringLiteral("categorical"));
        QVERIFY(c.contains(QStringLiteral("patterns")));
        const QJsonObject alert = json.value(QStringLiteral("alerts")).toArray().at(0).toObject();
        for (const char *key : { "kind", "severity", "columns", "message", "evidence" })
            QVERIFY2(alert.contains(QLatin1String(key)), key);
    }

    void valueHelpers()
    {
        using namespace core::profiling;
        QCOMPARE(parseNumber(u"1e308").value(), 1e308);
        QVERIFY(std::isinf(parseNumber(u"Infinity").value()));
        QVERIFY(!parseNumber(u"\t43"));
        QVERIFY(!parseNumber(u"1,5"));
        QCOMPARE(dateLayoutOf(u"2021-26-01"), QStringLiteral("ISO"));
        QCOMPARE(dateLayoutOf(u"20210308"), QStringLiteral("yyyymmdd"));
        QCOMPARE(dateLayoutOf(u"250.00"), QString());
        QCOMPARE(piiKindOfValue(u"2021-03-04"), QString()); // a date is not a phone number
        QCOMPARE(commonRegex({ { QStringLiteral("000101"), 1 }, { QStringLiteral("000102"), 1 } }),
            QStringLiteral("00010[0-9]"));
        QCOMPARE(commonRegex({ { QStringLiteral("7"), 1 }, { QStringLiteral("123"), 1 } }),
            QStringLiteral("[0-9]{1,3}"));
        QCOMPARE(nameTokens(QStringLiteral("SystolicBP_mmHg")),
            (QStringList { QStringLiteral("systolic"), QStringLiteral("bp"), QStringLiteral("mm"),
                QStringLiteral("hg") }));
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
