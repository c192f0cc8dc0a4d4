// SPDX-License-Identifier: MIT
// Cancel must end every long job promptly: read, profile, fit and sample with each generator,
// evaluate, write. Measured without a clock, which would flake on a loaded machine: a counting
// JobContext shows that each job polls isCancelled() over and over while it works (at least once
// per batch, chunk, column or stage, see the minimum per job) and that once the flag is up the
// job returns Cancelled at the next poll, without running to the end.
// Together with the per-chunk speeds of the benchmarks this bounds the time a cancel takes.
#include "core/data/csvreader.h"
#include "core/data/csvwriter.h"
#include "core/pipeline/builtingenerators.h"
#include "core/pipeline/evaluation.h"
#include "core/profile/profile.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <functional>
#include <map>
#include <random>

using namespace core;

namespace {

/// Counts polls; with `cancelAtPoll` set, raises the flag at that poll, then counts the polls
/// and the progress that still come.
class CountingJob final : public JobContext {
public:
    explicit CountingJob(int cancelAtPoll = 0)
        : m_cancelAtPoll(cancelAtPoll)
    {
    }
    bool isCancelled() const override
    {
        const int poll = ++m_polls;
        if (m_cancelled)
            ++m_pollsAfterCancel;
        else if (poll == m_cancelAtPoll)
            m_cancelled = true;
        return m_cancelled;
    }
    void reportProgress(double fraction, const QString &) override
    {
        (m_cancelled ? m_progressAfterCancel : m_progressBeforeCancel) = fraction;
    }
    int polls() const { return m_polls; }
    bool cancelled() const { return m_cancelled; }
    int pollsAfterCancel() const { return m_pollsAfterCancel; }
    double progressBeforeCancel() const { return m_progressBeforeCancel; }
    double progressAfterCancel() const { return std::max(m_progressAfterCancel, m_progressBeforeCancel); }

private:
    int m_cancelAtPoll;
    // Only the job's own thread may call a JobContext; atomics all the same, to be safe.
    mutable std::atomic_int m_polls { 0 };
    mutable std::atomic_int m_pollsAfterCancel { 0 };
    mutable std::atomic_bool m_cancelled { false };
    std::atomic<double> m_progressBeforeCancel { 0.0 };
    std::atomic<double> m_progressAfterCancel { 0.0 };
};

// `rows` rows of correlated numbers (one with missing cells), a whole number, a category, a
// boolean and a date.
void mixedTable(qint64 rows, Table &table, Schema &schema)
{
    std::mt19937_64 rng(5);
    std::normal_distribution<double> normal;
    Column a(QStringLiteral("a"), ColumnStorage::Number), b(QStringLiteral("b"), ColumnStorage::Number),
        age(QStringLiteral("age"), ColumnStorage::Number), unit(QStringLiteral("unit"), ColumnStorage::Category),
        smoker(QStringLiteral("smoker"), ColumnStorage::Boolean), day(QStringLiteral("day"), ColumnStorage::DateTime);
    age.setInteger(true);
    unit.labels() = { QStringLiteral("ICU"), QStringLiteral("ward"), QStringLiteral("ER"), QStringLiteral("day") };
    smoker.labels() = { QStringLiteral("no"), QStringLiteral("yes") };
    day.setDateFormat(QStringLiteral("%Y-%m-%d"));
    for (qint64 r = 0; r < rows; ++r) {
        const double x = normal(rng);
        a.appendNumber(x);
        if (r % 11 == 3)
            b.appendMissing();
        else
            b.appendNumber(2.0 * x + normal(rng));
        age.appendNumber(double(20 + rng() % 70));
        unit.appendCode(std::int32_t(rng() % 4));
        smoker.appendCode(x > 0.5 ? 1 : 0);
        day.appendNumber(1577836800.0 + 86400.0 * double(rng() % 1000));
    }
    const SemanticType types[]
        = { SemanticType::Numerical, SemanticType::Numerical, SemanticType::Numerical, SemanticType::Categorical,
            SemanticType::Boolean, SemanticType::DateTime };
    int k = 0;
    for (Column *column : { &a, &b, &age, &unit, &smoker, &day }) {
        ColumnMeta meta;
        meta.name = column->name();
        meta.type = types[k++];
        meta.integer = column->isInteger();
        meta.dateFormat = column->dateFormat();
        schema.columns.append(meta);
        table.addColumn(std::move(*column));
    }
}

FitOptions fitOptions(const QString &id)
{
    FitOptions options;
    options.seed = 3;
    if (id == u"ctgan" || id == u"tvae") {
        options.settings.insert(QStringLiteral("epochs"), 3);
        options.settings.insert(QStringLiteral("batch_size"), 100);
    }
    return options;
}

QStringList generatorIds()
{
    return { QStringLiteral("gaussian_copula"), QStringLiteral("ctgan"), QStringLiteral("tvae"),
             QStringLiteral("bayesian_network") };
}

} // namespace

class TestCancelPolling : public QObject {
    Q_OBJECT

    using Job = std::function<std::optional<Error>(JobContext &)>;

    QTemporaryDir m_dir;
    Table m_table;
    Schema m_schema;
    Table m_small; // for the neural generators (a few batches an epoch) and evaluation
    Schema m_smallSchema;
    Table m_holdout;
    Schema m_holdoutSchema;
    QString m_csv;
    std::map<QString, std::unique_ptr<Generator>> m_fitted;

    template <typename T>
    static std::optional<Error> errorOf(const Result<T> &result)
    {
        return result.ok() ? std::nullopt : std::optional<Error>(result.error());
    }

    Job job(const QString &name)
    {
        if (name == u"read CSV")
            return [this](JobContext &job) { return errorOf(CsvReader::read(m_csv, {}, job)); };
        if (name == u"profile")
            return [this](JobContext &job) { return errorOf(profileTable(m_table, m_schema, {}, job)); };
        if (name == u"write CSV")
            return [this](JobContext &job) {
                return errorOf(CsvWriter::write(m_table, m_dir.filePath(QStringLiteral("out.csv")), job));
            };
        if (name == u"evaluate")
            return [this](JobContext &job) {
                SilentJob quiet;
                auto synthetic = m_fitted.at(QStringLiteral("gaussian_copula"))->sample(2000, 1, quiet);
                EvaluationRequest request;
                request.real = &m_small;
                request.synthetic = &synthetic.value();
                request.holdout = &m_holdout;
                request.schema = m_smallSchema;
                request.target = QStringLiteral("smoker");
                return errorOf(Evaluation::run(request, job));
            };
        for (const QString &id : generatorIds()) {
            const bool neural = id == u"ctgan" || id == u"tvae";
            if (name == QStringLiteral("fit ") + id)
                return [this, id, neural](JobContext &job) {
                    auto generator = builtInGenerators().create(id);
                    return errorOf(generator->fit(neural ? m_small : m_table, neural ? m_smallSchema : m_schema,
                                                  fitOptions(id), job));
                };
            if (name == QStringLiteral("sample ") + id)
                return [this, id, neural](JobContext &job) {
                    return errorOf(m_fitted.at(id)->sample(neural ? 5000 : 200000, 7, job));
                };
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        mixedTable(100000, m_table, m_schema);
        mixedTable(2000, m_small, m_smallSchema);
        mixedTable(500, m_holdout, m_holdoutSchema);
        SilentJob quiet;
        m_csv = m_dir.filePath(QStringLiteral("in.csv"));
        QVERIFY(CsvWriter::write(m_table, m_csv, quiet).ok()); // ~5 MB, two chunks of the parallel reader
        for (const QString &id : generatorIds()) {
            const bool neural = id == u"ctgan" || id == u"tvae";
            auto generator = builtInGenerators().create(id);
            QVERIFY(generator->fit(neural ? m_small : m_table, neural ? m_smallSchema : m_schema, fitOptions(id), quiet)
                        .ok());
            m_fitted[id] = std::move(generator);
        }
    }

    void cancelEndsTheJobAtTheNextPoll_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("minimumPolls"); // polls of a whole run: one per chunk, batch or stage at least
        QTest::newRow("read CSV") << QStringLiteral("read CSV") << 2;
        QTest::newRow("profile") << QStringLiteral("profile") << 3;              // columns, pairs, duplicates
        QTest::newRow("write CSV") << QStringLiteral("write CSV") << 4;          // every 1 MiB written
        QTest::newRow("evaluate") << QStringLiteral("evaluate") << 10;
        QTest::newRow("fit gaussian_copula") << QStringLiteral("fit gaussian_copula") << 3; // per stage
        QTest::newRow("fit ctgan") << QStringLiteral("fit ctgan") << 3 * 20;     // every batch of every epoch
        QTest::newRow("fit tvae") << QStringLiteral("fit tvae") << 3 * 20;
        QTest::newRow("fit bayesian_network") << QStringLiteral("fit bayesian_network") << 3;
        QTest::newRow("sample gaussian_copula") << QStringLiteral("sample gaussian_copula") << 1;
        QTest::newRow("sample ctgan") << QStringLiteral("sample ctgan") << 5000 / 100; // every batch
        QTest::newRow("sample tvae") << QStringLiteral("sample tvae") << 5000 / 100;
        QTest::newRow("sample bayesian_network") << QStringLiteral("sample bayesian_network") << 1;
    }

    void cancelEndsTheJobAtTheNextPoll()
    {
        QFETCH(QString, name);
        QFETCH(int, minimumPolls);
        const Job run = job(name);
        QVERIFY(run);

        CountingJob whole;
        const std::optional<Error> finished = run(whole);
        QVERIFY2(!finished, qPrintable(finished ? finished->toString() : QString()));
        qInfo("%s: %d polls in a whole run", qPrintable(name), whole.polls());
        QVERIFY2(whole.polls() >= minimumPolls,
                 qPrintable(QStringLiteral("%1 polls, expected at least %2").arg(whole.polls()).arg(minimumPolls)));

        // Cancelled half-way through the polls a whole run is sure to make (the second at least).
        CountingJob midway(std::max(2, minimumPolls / 2));
        const std::optional<Error> stopped = run(midway);
        QVERIFY(midway.cancelled());
        QVERIFY2(stopped, "the job finished although it was cancelled");
        QCOMPARE(stopped->code, Error::Code::Cancelled);
        qInfo("%s: cancelled at %.2f of the progress; %d polls and progress %.2f after", qPrintable(name),
              midway.progressBeforeCancel(), midway.pollsAfterCancel(), midway.progressAfterCancel());
        // The first poll that sees the flag ends the job; callers up the stack may look once more each.
        QVERIFY2(midway.pollsAfterCancel() <= 4, qPrintable(QString::number(midway.pollsAfterCancel())));
        // Work already handed to threads may finish, the rest of the job does not run.
        QVERIFY2(midway.progressAfterCancel() < 1.0, qPrintable(QString::number(midway.progressAfterCancel())));
    }
};

QTEST_GUILESS_MAIN(TestCancelPolling)
#include "tst_cancelpolling.moc"
