// SPDX-License-Identifier: MIT
// Expected values computed once with scipy 1.10 (Debian's /usr/bin/python3), e.g.
// stats.beta.cdf(1.9, 2, 5, loc=1, scale=3); the Higham matrix is the worked example of
// Higham (2002), "Computing the nearest correlation matrix", section 4.
#include "core/stats/distributions.h"
#include "core/stats/nearestcorrelation.h"

#include <Eigen/Eigenvalues>

#include <QTest>

#include <cmath>

using namespace core::stats;
using Family = UnivariateDistribution::Family;

namespace {

const std::vector<double> kSample { 1.9, 2.1, 2.2, 2.8, 3.0, 3.3, 3.4, 3.7, 3.9, 4.1, 4.4, 5.6 };

UnivariateDistribution make(Family family, double loc, double scale, double a = 1, double b = 1)
{
    UnivariateDistribution d;
    d.family = family;
    d.loc = loc;
    d.scale = scale;
    d.a = a;
    d.b = b;
    return d;
}

} // namespace

class TestDistributions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void normal()
    {
        QVERIFY(std::abs(normalCdf(1.96) - 0.9750021048517795) < 1e-14);
        QVERIFY(std::abs(normalQuantile(0.975) - 1.959963984540054) < 1e-12);
        QVERIFY(std::abs(normalQuantile(1e-10) - -6.361340902404056) < 1e-10);
        QVERIFY(std::isinf(normalQuantile(0.0)) && normalQuantile(0.0) < 0);
    }

    void cdfAndQuantile_data()
    {
        QTest::addColumn<int>("family");
        QTest::addColumn<QList<double>>("params"); // loc, scale, a, b, lower, upper
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("cdf");
        QTest::addColumn<double>("u");
        QTest::addColumn<double>("quantile");
        QTest::newRow("beta(2,5) on [1,4]") << int(Family::Beta) << QList<double> { 1, 3, 2, 5, 0, 0 } << 1.9
                                            << 0.5798250000000003 << 0.3 << 1.5454104139568474;
        QTest::newRow("gamma(2.5) loc -1 scale 2")
            << int(Family::Gamma) << QList<double> { -1, 2, 2.5, 1, 0, 0 } << 3.0 << 0.4505840486472198 << 0.9
            << 8.236356899781123;
        QTest::newRow("lognorm(s 0.5) loc 2 scale 3")
            << int(Family::LogNormal) << QList<double> { 2, 3, 0.5, 1, 0, 0 } << 5.0 << 0.5 << 0.25
            << 4.141202128424474;
        QTest::newRow("truncnorm(1,2) on [0,4]")
            << int(Family::TruncatedNormal) << QList<double> { 1, 2, 1, 1, 0, 4 } << 2.0 << 0.6130180069961567
            << 0.6 << 1.954066034901023;
        QTest::newRow("truncnorm far tail [5,6]")
            << int(Family::TruncatedNormal) << QList<double> { 0, 1, 1, 1, 5, 6 } << 5.2 << 0.6546385417562114
            << 0.5 << 5.131371763283919;
        QTest::newRow("uniform [2,6]")
            << int(Family::Uniform) << QList<double> { 2, 4, 1, 1, 0, 0 } << 3.0 << 0.25 << 0.5 << 4.0;
    }

    void cdfAndQuantile()
    {
        QFETCH(int, family);
        QFETCH(QList<double>, params);
        QFETCH(double, x);
        QFETCH(double, cdf);
        QFETCH(double, u);
        QFETCH(double, quantile);
        UnivariateDistribution d = make(Family(family), params[0], params[1], params[2], params[3]);
        d.lower = params[4];
        d.upper = params[5];
        QVERIFY2(std::abs(d.cdf(x) - cdf) < 1e-10, qPrintable(QString::number(d.cdf(x), 'g', 17)));
        QVERIFY2(
            std::abs(d.quantile(u) - quantile) < 1e-8, qPrintable(QString::number(d.quantile(u), 'g', 17)));
    }

    void fits()
    {
        UnivariateDistribution d;
        QVERIFY(fitDistribution(Family::Normal, kSample, d));
        QVERIFY(std::abs(d.loc - 3.366666666666667) < 1e-12);
        QVERIFY(std::abs(d.scale - 1.0233387622005834) < 1e-12);
        QVERIFY(std::abs(ksStatistic(kSample, d) - 0.12286915969476886) < 1e-10);

        QVERIFY(fitDistribution(Family::Uniform, kSample, d));
        QVERIFY(std::abs(ksStatistic(kSample, d) - 0.24099099099099075) < 1e-10);

        QVERIFY(fitDistribution(Family::Beta, kSample, d)); // moments on [min, max]
        QVERIFY(std::abs(d.a - 0.843472650369202) < 1e-10);
        QVERIFY(std::abs(d.b - 1.2843788085167396) < 1e-10);

        QVERIFY(fitDistribution(Family::Gamma, kSample, d)); // three-parameter moments
        QVERIFY(std::abs(d.a - 19.53555402287555) < 1e-8);
        QVERIFY(std::abs(d.scale - 0.231529619805481) < 1e-10);
        QVERIFY(std::abs(d.loc - -1.156392728939144) < 1e-8);

        // scipy.stats.gaussian_kde(x).integrate_box_1d(-inf, 3.0)
        QVERIFY(fitDistribution(Family::Kde, kSample, d));
        QVERIFY2(std::abs(d.cdf(3.0) - 0.39662832735859965) < 1e-5, qPrintable(QString::number(d.cdf(3.0))));
        QVERIFY(std::abs(d.cdf(d.quantile(0.7)) - 0.7) < 1e-6);

        // A left-skewed sample has no three-parameter gamma.
        std::vector<double> left;
        for (double v : kSample)
            left.push_back(-v);
        std::sort(left.begin(), left.end());
        QVERIFY(!fitDistribution(Family::Gamma, left, d));
        // A constant sample fits nothing.
        QVERIFY(!fitDistribution(Family::Normal, { 2.0, 2.0, 2.0 }, d));
    }

    void truncatedNormalMle()
    {
        // Normal quantiles cut to [-1, 2]: the MLE recovers a normal(0, 1) truncated there.
        std::vector<double> x;
        for (int i = 1; i < 4000; ++i) {
            const double z = normalQuantile(double(i) / 4000.0);
            if (z >= -1.0 && z <= 2.0)
                x.push_back(z);
        }
        UnivariateDistribution d;
        QVERIFY(fitDistribution(Family::TruncatedNormal, x, d));
        QVERIFY2(std::abs(d.loc) < 0.05 && std::abs(d.scale - 1.0) < 0.05,
            qPrintable(QStringLiteral("%1 %2").arg(d.loc).arg(d.scale)));
    }

    void selectsByKs()
    {
        // Log-normal quantiles: the log-normal (or at worst the KDE) must win, with a tiny KS.
        std::vector<double> x;
        for (int i = 1; i < 2000; ++i)
            x.push_back(5.0 + std::exp(0.7 * normalQuantile(double(i) / 2000.0)));
        double ks = 1.0;
        const UnivariateDistribution best = selectDistribution(x, allFamilies(), &ks);
        QCOMPARE(best.name(), QStringLiteral("lognorm"));
        QVERIFY2(ks < 0.01, qPrintable(QString::number(ks)));
        for (Family f : allFamilies()) {
            UnivariateDistribution other;
            if (fitDistribution(f, x, other))
                QVERIFY(ksStatistic(x, other) >= ks);
        }
    }

    void nearestCorrelationHigham()
    {
        Eigen::MatrixXd a(3, 3);
        a << 1, 1, 0, 1, 1, 1, 0, 1, 1;
        const Eigen::MatrixXd x = nearestCorrelation(a, 1e-9, 1000, 1e-12);
        Eigen::MatrixXd expected(3, 3);
        expected << 1, 0.7607, 0.1573, 0.7607, 1, 0.7607, 0.1573, 0.7607, 1;
        QVERIFY2((x - expected).cwiseAbs().maxCoeff() < 2e-4, "Higham 2002 example");
        QVERIFY(Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(x).eigenvalues().minCoeff() > 0);
        // A valid correlation matrix is left alone.
        Eigen::MatrixXd valid(2, 2);
        valid << 1, 0.3, 0.3, 1;
        QVERIFY((nearestCorrelation(valid) - valid).cwiseAbs().maxCoeff() < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestDistributions)
#include "tst_distributions.moc"
