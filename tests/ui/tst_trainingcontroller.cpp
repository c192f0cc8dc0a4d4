// SPDX-License-Identifier: MIT
// The training controller on a real generator: the event loop keeps running while a job trains
// (timer probe), cancel ends a job with exactly one terminal signal within a second, and a
// successful job hands over a fitted model.
#include "core/data/csvreader.h"
#include "core/pipeline/builtingenerators.h"
#include "testpaths.h"
#include "ui/controllers/trainingcontroller.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <random>

class TestTrainingController : public QObject {
    Q_OBJECT

    /// A table large enough that fitting takes a noticeable time: `rows` rows of 8 correlated
    /// numeric columns and one category.
    static core::Table bigTable(qint64 rows)
    {
        std::mt19937_64 rng(7);
        std::normal_distribution<double> normal;
        core::Table table;
        std::vector<core::Column> columns;
        for (int c = 0; c < 8; ++c)
            columns.emplace_back(QStringLiteral("x%1").arg(c), core::ColumnStorage::Number);
        core::Column group(QStringLiteral("group"), core::ColumnStorage::Category);
        for (qint64 r = 0; r < rows; ++r) {
            const double base = normal(rng);
            for (int c = 0; c < 8; ++c)
                columns[size_t(c)].appendNumber(base * c + normal(rng));
            group.appendCode(group.codeFor(base > 0 ? QStringLiteral("a") : QStringLiteral("b")));
        }
        for (core::Column &c : columns)
            table.addColumn(std::move(c));
        table.addColumn(std::move(group));
        return table;
    }

    static ui::TrainingRequest request(const core::Table &table)
    {
        core::Schema schema;
        for (const core::Column &c : table.columns()) {
            core::ColumnMeta meta;
            meta.name = c.name();
            meta.type = c.storage() == core::ColumnStorage::Number ? core::SemanticType::Numerical
                                                                   : core::SemanticType::Categorical;
            schema.columns.append(meta);
        }
        ui::TrainingRequest r;
        r.factory = [] { return core::builtInGenerators().create(QStringLiteral("gaussian_copula")); };
        r.training = table;
        r.schema = schema;
        r.options.seed = 3;
        return r;
    }

private slots:
    void trainsRealDataAndHandsOverTheModel()
    {
        core::SilentJob job;
        auto read = core::CsvReader::read(
            testsupport::realData(QStringLiteral("heart_failure/heart_failure_clinical_records_dataset.csv")), {}, job);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
        ui::TrainingController controller;
        QSignalSpy trained(&controller, &ui::TrainingController::trained);
        QSignalSpy failed(&controller, &ui::TrainingController::failed);
        QSignalSpy cancelled(&controller, &ui::TrainingController::cancelled);
        ui::TrainingRequest r = request(read.value().table);
        r.schema = read.value().schema;
        QVERIFY(controller.start(r));
        QVERIFY(controller.isBusy());
        QVERIFY(!controller.start(r)); // one job at a time
        QTRY_COMPARE_WITH_TIMEOUT(trained.count() + failed.count() + cancelled.count(), 1, 60000);
        QCOMPARE(trained.count(), 1);
        auto model = trained.at(0).at(0).value<std::shared_ptr<core::Generator>>();
        QVERIFY(model && model->isFitted());
        QCOMPARE(model->info().trainingRows, qint64(299));
        QVERIFY(!controller.isBusy());
    }

    void eventLoopNeverStallsWhileTraining()
    {
        const core::Table table = bigTable(200'000);
        ui::TrainingController controller;
        QSignalSpy trained(&controller, &ui::TrainingController::trained);
        QSignalSpy failed(&controller, &ui::TrainingController::failed);
        QSignalSpy progress(&controller, &ui::TrainingController::progressChanged);

        // Probe: a 10 ms timer; the largest gap between two ticks is how long the GUI thread froze.
        QElapsedTimer clock;
        qint64 last = 0, worst = 0;
        int ticks = 0;
        QTimer probe;
        probe.setInterval(10);
        connect(&probe, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
            ++ticks;
        });
        QVERIFY(controller.start(request(table)));
        clock.start();
        probe.start();
        QTRY_COMPARE_WITH_TIMEOUT(trained.count() + failed.count(), 1, 240000);
        probe.stop();
        QCOMPARE(failed.count(), 0);
        qInfo("event loop: %d ticks, worst gap %lld ms", ticks, worst);
        QVERIFY2(ticks > 5, "the job was too short to probe the event loop");
        QVERIFY2(worst < 100, qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(worst)));
        QVERIFY(progress.count() > 0);
    }

    void cancelGivesExactlyOneTerminalSignalWithinASecond()
    {
        const core::Table table = bigTable(200'000);
        ui::TrainingController controller;
        QSignalSpy trained(&controller, &ui::TrainingController::trained);
        QSignalSpy failed(&controller, &ui::TrainingController::failed);
        QSignalSpy cancelled(&controller, &ui::TrainingController::cancelled);
        QSignalSpy busy(&controller, &ui::TrainingController::busyChanged);
        QVERIFY(controller.start(request(table)));
        QTest::qWait(150); // let the fit get going
        QElapsedTimer sinceCancel;
        sinceCancel.start();
        controller.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(trained.count() + failed.count() + cancelled.count(), 1, 5000);
        const qint64 latency = sinceCancel.elapsed();
        QCOMPARE(cancelled.count(), 1);
        qInfo("cancel latency %lld ms", latency);
        QVERIFY2(latency < 1000, qPrintable(QStringLiteral("cancel took %1 ms").arg(latency)));
        QTest::qWait(300); // nothing else arrives later
        QCOMPARE(trained.count() + failed.count() + cancelled.count(), 1);
        QCOMPARE(busy.count(), 2); // true, then false
        QVERIFY(!controller.isBusy());
        // The controller takes the next job.
        QVERIFY(controller.start(request(bigTable(500))));
        QTRY_COMPARE_WITH_TIMEOUT(trained.count(), 1, 60000);
    }

    void destroyingTheControllerCancelsALiveJob()
    {
        QElapsedTimer clock;
        {
            ui::TrainingController controller;
            QVERIFY(controller.start(request(bigTable(200'000))));
            QTest::qWait(100);
            clock.start();
        }
        QVERIFY2(clock.elapsed() < 2000, "the destructor waited for the whole fit");
    }
};

QTEST_MAIN(TestTrainingController)
#include "tst_trainingcontroller.moc"
