// SPDX-License-Identifier: MIT
#include "core/evaluation/privacy/disclosure.h"
#include "core/evaluation/privacy/privacyreport.h"

#include "tst_privacy_tables.h"

#include <QJsonDocument>
#include <QTest>

using namespace privacytest;

namespace {

// metrics.md worked value 8: key1 = 'abcde' * 20 (letters), key2 = 0..99, sensitive1 = 'abcde' * 20
// (synthetic 'abced' * 20), sensitive2 = 0..99; key2 and sensitive2 continuous.
void workedValue8Tables(core::Table &real, core::Table &synthetic, core::Schema &schema)
{
    QStringList key1;
    QStringList realSensitive;
    QStringList synSensitive;
    std::vector<double> ramp;
    const QString abcde = QStringLiteral("abcde");
    const QString abced = QStringLiteral("abced");
    for (int i = 0; i < 100; ++i) {
        key1.append(abcde.at(i % 5));
        realSensitive.append(abcde.at(i % 5));
        synSensitive.append(abced.at(i % 5));
        ramp.push_back(i);
    }
    real.addColumn(categories(QStringLiteral("key1"), key1));
    real.addColumn(numbers(QStringLiteral("key2"), ramp));
    real.addColumn(categories(QStringLiteral("sensitive1"), realSensitive));
    real.addColumn(numbers(QStringLiteral("sensitive2"), ramp));
    synthetic.addColumn(categories(QStringLiteral("key1"), key1));
    synthetic.addColumn(numbers(QStringLiteral("key2"), ramp));
    synthetic.addColumn(categories(QStringLiteral("sensitive1"), synSensitive));
    synthetic.addColumn(numbers(QStringLiteral("sensitive2"), ramp));
    schema.columns = { meta(QStringLiteral("key1"), core::SemanticType::Categorical),
                       meta(QStringLiteral("key2"), core::SemanticType::Numerical),
                       meta(QStringLiteral("sensitive1"), core::SemanticType::Categorical),
                       meta(QStringLiteral("sensitive2"), core::SemanticType::Numerical) };
}

} // namespace

class TestPrivacy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void disclosureProtectionWorkedValue8()
    {
        core::Table real;
        core::Table synthetic;
        core::Schema schema;
        workedValue8Tables(real, synthetic, schema);
        core::privacy::DisclosureOptions options;
        options.knownColumns = { QStringLiteral("key1"), QStringLiteral("key2") };
        options.sensitiveColumns = { QStringLiteral("sensitive1"), QStringLiteral("sensitive2") };
        options.continuousColumns = { QStringLiteral("key2"), QStringLiteral("sensitive2") };
        auto result = core::privacy::Disclosure::protection(real, synthetic, schema, options);
        QVERIFY2(result.ok(), errorText(result).constData());
        // metrics.md: score 0.40816326530612246, cap_protection 0.4, baseline 0.98
        // (by hand: d/e swapped in 2 of 5 letters -> 3/5 of real rows disclosed; 1 - 1/(5*10) = 0.98).
        QVERIFY(std::abs(result.value().capProtection - 0.4) < 1e-12);
        QVERIFY(std::abs(result.value().baseline - 0.98) < 1e-12);
        QVERIFY(std::abs(result.value().score - 0.40816326530612246) < 1e-12);
        QCOMPARE(result.value().attackedRows, 100);
    }

    void disclosureBaselineWorkedValue9()
    {
        core::Table real;
        real.addColumn(categories(QStringLiteral("key"), { QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("x"),
                                                           QStringLiteral("y"), QStringLiteral("x") }));
        real.addColumn(categories(QStringLiteral("col1"), QStringList(5, QStringLiteral("A"))));
        real.addColumn(categories(QStringLiteral("col2"), { QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("A"),
                                                            QStringLiteral("B"), QStringLiteral("A") }));
        core::Schema schema;
        schema.columns = { meta(QStringLiteral("key"), core::SemanticType::Categorical),
                           meta(QStringLiteral("col1"), core::SemanticType::Categorical),
                           meta(QStringLiteral("col2"), core::SemanticType::Categorical) };
        core::privacy::DisclosureOptions options;
        options.knownColumns = { QStringLiteral("key") };
        options.sensitiveColumns = { QStringLiteral("col1"), QStringLiteral("col2") };
        auto result = core::privacy::Disclosure::protection(real, real, schema, options);
        QVERIFY(result.ok());
        // metrics.md worked value 9: 1 - 1 / (1 * 2) = 0.5.
        QCOMPARE(result.value().baseline, 0.5);
    }

    void capVariantsByHand()
    {
        // Real keys k1, k1, k2, k3; synthetic keys k1, k1, k2, k4 (k3 missing from synthetic).
        core::Table real;
        real.addColumn(categories(QStringLiteral("k"), { QStringLiteral("k1"), QStringLiteral("k1"), QStringLiteral("k2"),
                                                         QStringLiteral("k3") }));
        real.addColumn(categories(QStringLiteral("j"), { QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("b"),
                                                         QStringLiteral("c") }));
        real.addColumn(categories(QStringLiteral("s"), { QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("x"),
                                                         QStringLiteral("y") }));
        core::Table synthetic;
        synthetic.addColumn(categories(QStringLiteral("k"), { QStringLiteral("k1"), QStringLiteral("k1"),
                                                              QStringLiteral("k2"), QStringLiteral("k4") }));
        synthetic.addColumn(categories(QStringLiteral("j"), { QStringLiteral("a"), QStringLiteral("a"),
                                                              QStringLiteral("b"), QStringLiteral("c") }));
        synthetic.addColumn(categories(QStringLiteral("s"), { QStringLiteral("x"), QStringLiteral("x"),
                                                              QStringLiteral("y"), QStringLiteral("y") }));
        core::Schema schema;
        schema.columns = { meta(QStringLiteral("k"), core::SemanticType::Categorical),
                           meta(QStringLiteral("j"), core::SemanticType::Categorical),
                           meta(QStringLiteral("s"), core::SemanticType::Categorical) };
        core::privacy::DisclosureOptions options;
        options.knownColumns = { QStringLiteral("k"), QStringLiteral("j") };
        options.sensitiveColumns = { QStringLiteral("s") };
        // Row scores: (k1,a,x): 2/2 = 1; (k1,a,y): 0; (k2,b,x): synthetic has y -> 0; (k3,c,y): no match.
        // CAP: mean over 3 matched rows = 1/3 -> protection 2/3.
        options.method = core::privacy::CapMethod::Cap;
        auto cap = core::privacy::Disclosure::protection(real, synthetic, schema, options);
        QVERIFY(cap.ok());
        QVERIFY(std::abs(cap.value().capProtection - 2.0 / 3.0) < 1e-12);
        // ZeroCAP: the unmatched row scores 0 -> mean 1/4 -> protection 3/4.
        options.method = core::privacy::CapMethod::ZeroCap;
        auto zero = core::privacy::Disclosure::protection(real, synthetic, schema, options);
        QVERIFY(zero.ok());
        QVERIFY(std::abs(zero.value().capProtection - 0.75) < 1e-12);
        // GeneralizedCAP: (k3,c) is at Hamming distance 1 from (k4,c) only, whose s = y matches -> 1.
        // Mean (1 + 0 + 0 + 1) / 4 = 0.5 -> protection 0.5.
        options.method = core::privacy::CapMethod::GeneralizedCap;
        auto generalized = core::privacy::Disclosure::protection(real, synthetic, schema, options);
        QVERIFY(generalized.ok());
        QVERIFY(std::abs(generalized.value().capProtection - 0.5) < 1e-12);
        // Baseline 1 - 1/2; score = min(0.5 / 0.5, 1) = 1.
        QCOMPARE(generalized.value().score, 1.0);
    }

    void kAnonymityExactClasses()
    {
        core::Table table;
        table.addColumn(numbers(QStringLiteral("age"), { 30, 30, 30, 40, 40, kNaN, kNaN }));
        table.addColumn(categories(QStringLiteral("sex"), { QStringLiteral("F"), QStringLiteral("F"), QStringLiteral("F"),
                                                            QStringLiteral("M"), QStringLiteral("F"), {}, {} }));
        auto result = core::privacy::kAnonymity(table, { QStringLiteral("age"), QStringLiteral("sex") }, 3);
        QVERIFY(result.ok());
        // Classes: (30,F) x3, (40,M) x1, (40,F) x1, (missing, missing) x2.
        QCOMPARE(result.value().k, 1);
        QCOMPARE(result.value().classCount, 4);
        QVERIFY(std::abs(result.value().uniqueShare - 2.0 / 7.0) < 1e-12);
        QVERIFY(std::abs(result.value().belowThresholdShare - 4.0 / 7.0) < 1e-12);
        auto missing = core::privacy::kAnonymity(table, { QStringLiteral("zip") });
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QStringLiteral("zip")));
    }

    void rocAucCountsTiesHalf()
    {
        Eigen::VectorXd positives(3);
        positives << 0.35, 0.8, 0.4;
        Eigen::VectorXd negatives(2);
        negatives << 0.1, 0.4;
        // sklearn roc_auc_score([0,0,1,1,1], [.1,.4,.35,.8,.4]) = 0.75.
        QCOMPARE(core::privacy::rocAuc(positives, negatives), 0.75);
    }

    void exactCopiesTreatMissingAsEqual()
    {
        core::privacy::EncodedRows reference(3, 2);
        reference << 1, 2, 3, qQNaN(), 5, 6;
        core::privacy::EncodedRows query(4, 2);
        query << 1, 2, 3, qQNaN(), 3, 4, 5, 6.0000001;
        QCOMPARE(core::privacy::exactCopyRate(query, reference), 0.5);
    }

    void evaluateReportsEveryKey()
    {
        // Training 0..39, hold-out 40..59, synthetic = 10 copies of training rows + 10 new rows.
        std::vector<double> train;
        std::vector<double> hold;
        std::vector<double> syn;
        QStringList trainCat;
        QStringList holdCat;
        QStringList synCat;
        for (int i = 0; i < 40; ++i) {
            train.push_back(i * 1.5);
            trainCat.append(QStringLiteral("c%1").arg(i % 3));
        }
        for (int i = 0; i < 20; ++i) {
            hold.push_back(i * 3.0 + 0.7);
            holdCat.append(QStringLiteral("c%1").arg(i % 3));
        }
        for (int i = 0; i < 20; ++i) {
            syn.push_back(i < 10 ? train[size_t(i)] : 200.0 + i); // > one range (58.5) beyond the max
            synCat.append(i < 10 ? trainCat[i] : QStringLiteral("c9"));
        }
        core::Table training;
        training.addColumn(numbers(QStringLiteral("x"), train));
        training.addColumn(categories(QStringLiteral("k"), trainCat));
        core::Table holdout;
        holdout.addColumn(numbers(QStringLiteral("x"), hold));
        holdout.addColumn(categories(QStringLiteral("k"), holdCat));
        core::Table synthetic;
        synthetic.addColumn(numbers(QStringLiteral("x"), syn));
        synthetic.addColumn(categories(QStringLiteral("k"), synCat));
        core::Schema schema;
        schema.columns = { meta(QStringLiteral("x"), core::SemanticType::Numerical),
                           meta(QStringLiteral("k"), core::SemanticType::Categorical) };
        core::privacy::PrivacyOptions options;
        options.sensitiveColumns = { QStringLiteral("k") };
        options.quasiIdentifiers = { QStringLiteral("x") };
        core::SilentJob job;
        auto report = core::privacy::PrivacyEvaluator::evaluate(training, holdout, synthetic, schema, options, job);
        QVERIFY2(report.ok(), errorText(report).constData());
        // Half the synthetic rows are copies: exact-copy rate 0.5, DCR median between 0 and the
        // new rows' distance (both columns differ: 1) -> median 0.5, p5 0.
        QCOMPARE(report.value().exactCopyRate, 0.5);
        QCOMPARE(report.value().syntheticDcr.median, 0.5);
        QCOMPARE(report.value().syntheticDcr.p5, 0.0);
        QCOMPARE(report.value().exactCopyRating.light, core::TrafficLight::Red);
        QVERIFY(report.value().membership.has_value());
        QCOMPARE(report.value().kAnonymity->k, 1);

        const QJsonObject json = core::privacy::privacyToJson(report.value());
        const QJsonObject dcr = json.value(QStringLiteral("dcr")).toObject();
        for (const char *key : { "median", "p5", "mean", "holdout_median", "holdout_p5", "share_below_holdout_p5",
                                 "share_closer_than_holdout", "rating" })
            QVERIFY2(dcr.contains(QLatin1String(key)), key);
        for (const char *key : { "dcr_overfitting_protection", "dcr_baseline_protection", "nndr", "exact_copies",
                                 "membership_inference", "disclosure_protection", "k_anonymity", "columns", "rows" })
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(dcr.value(QStringLiteral("median")).toDouble(), 0.5);
        QCOMPARE(json.value(QStringLiteral("exact_copies")).toObject().value(QStringLiteral("rating")).toObject()
                     .value(QStringLiteral("light")).toString(),
                 QStringLiteral("red"));
        // The document is valid JSON (no NaN literals).
        QVERIFY(!QJsonDocument(json).toJson().contains("nan"));
    }

    void evaluateWithoutHoldout()
    {
        core::Table training;
        training.addColumn(numbers(QStringLiteral("x"), { 1, 2, 3, 4 }));
        core::Table synthetic;
        synthetic.addColumn(numbers(QStringLiteral("x"), { 1.5, 2.5 }));
        core::Schema schema;
        schema.columns = { meta(QStringLiteral("x"), core::SemanticType::Numerical) };
        core::SilentJob job;
        auto report = core::privacy::PrivacyEvaluator::evaluate(training, core::Table {}, synthetic, schema, {}, job);
        QVERIFY(report.ok());
        // Range 3: each synthetic value is 0.5 from a training value -> DCR 1/6.
        QVERIFY(std::abs(report.value().syntheticDcr.median - 1.0 / 6.0) < 1e-12);
        QVERIFY(!report.value().membership.has_value());
        QCOMPARE(report.value().membershipRating.light, core::TrafficLight::NotAvailable);
        const QJsonObject json = core::privacy::privacyToJson(report.value());
        QVERIFY(json.value(QStringLiteral("membership_inference")).toObject().value(QStringLiteral("auc")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestPrivacy)
#include "tst_privacy.moc"
