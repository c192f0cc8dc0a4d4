// SPDX-License-Identifier: MIT
// Loading and profiling run on a worker thread behind a progress dialog: quick work shows no
// dialog, long work shows one whose Cancel reaches the job, and the window stays usable after.
#include "ui/progressrun.h"

#include "core/result.h"

#include <QApplication>
#include <QProgressDialog>
#include <QPushButton>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QWidget>

#include <atomic>

class TestProgressRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void quickWorkReturnsItsResultWithoutDialog()
    {
        QWidget window;
        window.show();
        bool dialogSeen = false;
        QTimer probe;
        connect(&probe, &QTimer::timeout, this, [&] { dialogSeen = dialogSeen || window.findChild<QProgressDialog *>(); });
        probe.start(5);
        const int answer = ui::runWithProgress<int>(&window, QStringLiteral("Quick"), [&](core::JobContext &job) {
            job.reportProgress(1.0, QStringLiteral("done"));
            return QThread::currentThread() != window.thread() ? 42 : -1; // -1: ran on the GUI thread
        });
        QCOMPARE(answer, 42);
        QVERIFY(!dialogSeen);
    }

    void cancelReachesTheJob()
    {
        QWidget window;
        window.show();
        std::atomic_int polls { 0 };
        // Press Cancel as soon as the dialog is up.
        QTimer presser;
        connect(&presser, &QTimer::timeout, this, [&] {
            if (auto *dialog = window.findChild<QProgressDialog *>()) {
                if (dialog->isVisible()) {
                    if (auto *cancel = dialog->findChild<QPushButton *>())
                        cancel->click();
                }
            }
        });
        presser.start(20);
        const core::Result<int> result = ui::runWithProgress<core::Result<int>>(
            &window, QStringLiteral("Long"), [&](core::JobContext &job) -> core::Result<int> {
                // Stands in for a reader polling between chunks; gives up after a minute.
                for (int i = 0; i < 6000; ++i) {
                    ++polls;
                    if (job.isCancelled())
                        return core::cancelledError();
                    job.reportProgress(i / 6000.0, QStringLiteral("Working"));
                    QThread::msleep(10);
                }
                return 1;
            });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, core::Error::Code::Cancelled);
        QVERIFY(polls.load() > 0);
        // The dialog is gone and the window takes input again.
        QVERIFY(!window.findChild<QProgressDialog *>());
        QVERIFY(window.isEnabled());
        QCOMPARE(QApplication::overrideCursor(), nullptr);
    }
};

QTEST_MAIN(TestProgressRun)
#include "tst_progressrun.moc"
