// SPDX-License-Identifier: MIT
// The training controller: a successful job hands over a fitted model; the event loop keeps
// turning while a job runs; cancel, during a fit or a sampling job, ends it with exactly one
// terminal signal; destroying the controller cancels a live job.
//
// No assertion reads a clock (that would flake on a loaded machine). A gated generator makes
// the order of events certain: its fit and sample poll the job until the test opens the gate
// or the job is cancelled, so a job cannot end before the test says so, and it counts the
// cancels it saw. How quickly core jobs see a cancel is tested by tst_cancelpolling.
#include "core/data/csvreader.h"
#include "core/pipeline/builtingenerators.h"
#include "testpaths.h"
#include "ui/controllers/trainingcontroller.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <random>
#include <thread>

namespace {

/// Fit and sample wait at a gate, polling the job every millisecond.
class GatedGenerator final : public core::Generator {
public:
    static inline std::atomic_bool s_open { false };
    static inline std::atomic_int s_waiting { 0 };      ///< jobs at the gate now
    static inline std::atomic_int s_cancelsSeen { 0 };  ///< polls that found the job cancelled

    QString id() const override { return QStringLiteral("gated"); }
    QString displayName() const override { return id(); }
    QString description() const override { return id(); }
    QList<core::SettingSpec> settings() const override { return {}; }

protected:
    core::Result<void> doFit(const core::Table &, const core::Schema &, const core::FitOptions &,
                             core::JobContext &job) override
    {
        return wait(job);
    }
    core::Result<core::Table> doSample(qint64 rows, quint64, core::JobContext &job) override
    {
        if (const core::Result<void> waited = wait(job); !waited.ok())
            return waited.error();
        core::Column x(QStringLiteral("x"), core::ColumnStorage::Number);
        for (qint64 r = 0; r < rows; ++r)
            x.appendNumber(double(r % 7));
        core::Table table;
        table.addColumn(std::move(x));
        return table;
    }
    core::Result<void> doSave(QDataStream &) const override { return {}; }
    core::Result<void> doLoad(QDataStream &, int) override { return {}; }

private:
    static core::Result<void> wait(core::JobContext &job)
    {
        ++s_waiting;
        for (int step = 0;; ++step) {
            if (job.isCancelled()) {
                ++s_cancelsSeen;
                --s_waiting;
                return core::cancelledError();
            }
            if (s_open.load()) {
                --s_waiting;
                return {};
            }
            job.reportProgress(std::min(0.99, step / 10000.0), QStringLiteral("At the gate"));
            QThread::msleep(1);
        }
    }
};

core::Schema numericSchema(const core::Table &table)
{
    core::Schema schema;
    for (const core::Column &c : table.columns()) {
        core::ColumnMeta meta;
        meta.name = c.name();
        meta.type = c.storage() == core::ColumnStorage::Number ? core::SemanticType::Numerical
                                                               : core::SemanticType::Categorical;
        schema.columns.append(meta);
    }
    return schema;
}

/// `rows` rows of 8 correlated numeric columns and one category.
core::Table bigTable(qint64 rows)
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

ui::TrainingRequest copulaRequest(const core::Table &table)
{
    ui::TrainingRequest r;
    r.factory = [] { return core::builtInGenerators().create(QStringLiteral("gaussian_copula")); };
    r.training = table;
    r.schema = numericSchema(table);
    r.options.seed = 3;
    return r;
}

core::Table gatedTable()
{
    core::Column x(QStringLiteral("x"), core::ColumnStorage::Number);
    for (int r = 0; r < 50; ++r)
        x.appendNumber(r);
    core::Table table;
    table.addColumn(std::move(x));
    return table;
}

ui::TrainingRequest gatedRequest()
{
    ui::TrainingRequest r;
    r.factory = [] { return std::make_unique<GatedGenerator>(); };
    r.training = gatedTable();
    r.schema = numericSchema(r.training);
    return r;
}

} // namespace

class TestTrainingController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        GatedGenerator::s_open = false;
        GatedGenerator::s_cancelsSeen = 0;
    }

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
        ui::TrainingRequest r = copulaRequest(read.value().table);
        r.schema = read.value().schema;
        QVERIFY(controller.start(r));
        QVERIFY(controller.isBusy());
        QVERIFY(!controller.start(r)); // one job at a time
        QTRY_COMPARE_WITH_TIMEOUT(trained.count() + failed.count() + cancelled.count(), 1, 120000);
        QCOMPARE(trained.count(), 1);
        auto model = trained.at(0).at(0).value<std::shared_ptr<core::Generator>>();
        QVERIFY(model && model->isFitted());
        QCOMPARE(model->info().trainingRows, qint64(299));
        QVERIFY(!controller.isBusy());
    }

    // The job cannot finish until the GUI thread's timer has ticked 20 times while it runs:
    // if the event loop stalled during a fit, this would never end.
    void eventLoopTurnsWhileTraining()
    {
        ui::TrainingController controller;
        QSignalSpy trained(&controller, &ui::TrainingController::trained);
        QSignalSpy progress(&controller, &ui::TrainingController::progressChanged);
        int ticksWhileBusy = 0;
        QTimer probe;
        probe.setInterval(10);
        connect(&probe, &QTimer::timeout, this, [&] {
            if (!controller.isBusy() || GatedGenerator::s_waiting.load() == 0)
                return;
            if (++ticksWhileBusy == 20)
                GatedGenerator::s_open = true;
        });
        QVERIFY(controller.start(gatedRequest()));
        probe.start();
        QTRY_COMPARE_WITH_TIMEOUT(trained.count(), 1, 120000);
        probe.stop();
        QVERIFY(ticksWhileBusy >= 20);
        QVERIFY(progress.count() > 0);
        QVERIFY(!controller.isBusy());
    }

    void cancelEndsAFitWithExactlyOneTerminalSignal()
    {
        ui::TrainingController controller;
        QSignalSpy trained(&controller, &ui::TrainingController::trained);
        QSignalSpy failed(&controller, &ui::TrainingController::failed);
        QSignalSpy cancelled(&controller, &ui::TrainingController::cancelled);
        QSignalSpy busy(&controller, &ui::TrainingController::busyChanged);
        QVERIFY(controller.start(gatedRequest()));
        QTRY_VERIFY_WITH_TIMEOUT(GatedGenerator::s_waiting.load() == 1, 120000); // the fit is under way
        controller.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(trained.count() + failed.count() + cancelled.count(), 1, 120000);
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(GatedGenerator::s_cancelsSeen.load(), 1); // seen by the fit itself, which then returned
        QTest::qWait(300); // nothing else arrives later
        QCOMPARE(trained.count() + failed.count() + cancelled.count(), 1);
        QCOMPARE(busy.count(), 2); // true, then false
        QVERIFY(!controller.isBusy());
        // The controller takes the next job.
        QVERIFY(controller.start(copulaRequest(bigTable(500))));
        QTRY_COMPARE_WITH_TIMEOUT(trained.count(), 1, 120000);
    }

    // A real fit, cancelled once it reports progress: one terminal signal, `cancelled`, whether
    // the cancel reached the fit or arrived as it finished. The latency is printed, not judged.
    void cancelEndsARealFit()
    {
        ui::TrainingController controller;
        QSignalSpy trained(&controller, &ui::TrainingController::trained);
        QSignalSpy failed(&controller, &ui::TrainingController::failed);
        QSignalSpy cancelled(&controller, &ui::TrainingController::cancelled);
        QSignalSpy progress(&controller, &ui::TrainingController::progressChanged);
        QVERIFY(controller.start(copulaRequest(bigTable(200'000))));
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 2, 120000); // past "Preparing": the fit runs
        QElapsedTimer sinceCancel;
        sinceCancel.start();
        controller.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(trained.count() + failed.count() + cancelled.count(), 1, 120000);
        qInfo("cancel latency %lld ms", sinceCancel.elapsed());
        QCOMPARE(cancelled.count(), 1);
    }

    void cancelEndsASamplingJob()
    {
        GatedGenerator::s_open = true;
        auto model = std::make_shared<GatedGenerator>();
        core::SilentJob quiet;
        const core::Table table = gatedTable();
        QVERIFY(model->fit(table, numericSchema(table), {}, quiet).ok());
        GatedGenerator::s_open = false;

        ui::TrainingController controller;
        QSignalSpy sampled(&controller, &ui::TrainingController::sampled);
        QSignalSpy failed(&controller, &ui::TrainingController::failed);
        QSignalSpy cancelled(&controller, &ui::TrainingController::cancelled);
        ui::SamplingRequest request;
        request.model = model;
        request.rows = 100;
        request.real = table;
        request.schema = numericSchema(table);
        QVERIFY(controller.startSampling(request));
        QTRY_VERIFY_WITH_TIMEOUT(GatedGenerator::s_waiting.load() == 1, 120000);
        controller.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(sampled.count() + failed.count() + cancelled.count(), 1, 120000);
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(GatedGenerator::s_cancelsSeen.load(), 1);
        QVERIFY(!controller.isBusy());
    }

    // The gate is never opened by the test: the destructor returns only if it cancels the job.
    // A watchdog opens the gate after two minutes so that a failure ends instead of hanging.
    void destroyingTheControllerCancelsALiveJob()
    {
        std::atomic_bool destroyed { false };
        std::atomic_bool watchdogOpened { false };
        std::thread watchdog([&] {
            for (int i = 0; i < 1200 && !destroyed.load(); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            if (!destroyed.load()) {
                watchdogOpened = true;
                GatedGenerator::s_open = true;
            }
        });
        struct Join {
            std::atomic_bool &done;
            std::thread &thread;
            ~Join()
            {
                done = true;
                thread.join();
            }
        } join { destroyed, watchdog };
        {
            ui::TrainingController controller;
            QVERIFY(controller.start(gatedRequest()));
            QTRY_VERIFY_WITH_TIMEOUT(GatedGenerator::s_waiting.load() == 1, 120000);
        }
        destroyed = true;
        QVERIFY2(!watchdogOpened.load(), "the destructor waited for the job instead of cancelling it");
        QCOMPARE(GatedGenerator::s_cancelsSeen.load(), 1);
        QCOMPARE(GatedGenerator::s_waiting.load(), 0);
    }
};

QTEST_MAIN(TestTrainingController)
#include "tst_trainingcontroller.moc"
