// SPDX-License-Identifier: MIT
#include "ui/progressrun.h"

#include <QApplication>
#include <QEventLoop>
#include <QMutex>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

namespace ui {
namespace {

// Short jobs (the demo data) finish before a dialog would be worth showing.
constexpr int kDialogDelayMs = 300;
constexpr int kRefreshMs = 50;

/// The worker's side: progress is stored, and the dialog polls it, so the worker never touches
/// a widget.
class DialogJob final : public core::JobContext {
public:
    bool isCancelled() const override { return m_cancelled.load(); }
    void reportProgress(double fraction, const QString &stage) override
    {
        m_fraction.store(fraction);
        const QMutexLocker lock(&m_mutex);
        m_stage = stage;
    }
    void cancel() { m_cancelled.store(true); }
    double fraction() const { return m_fraction.load(); }
    QString stage() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_stage;
    }

private:
    std::atomic_bool m_cancelled { false };
    std::atomic<double> m_fraction { 0.0 };
    mutable QMutex m_mutex;
    QString m_stage;
};

} // namespace

void runWithProgress(QWidget *parent, const QString &title, const std::function<void(core::JobContext &)> &work)
{
    DialogJob job;
    std::unique_ptr<QThread> thread(QThread::create([&] { work(job); }));
    QEventLoop loop;
    QObject::connect(thread.get(), &QThread::finished, &loop, &QEventLoop::quit);
    QApplication::setOverrideCursor(Qt::BusyCursor);
    thread->start();

    // First only repaint: a click now would reach the page that is waiting for this job.
    QTimer::singleShot(kDialogDelayMs, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (thread->isRunning()) {
        QProgressDialog dialog(title, QCoreApplication::translate("ui::ProgressRun", "Cancel"), 0, 1000, parent);
        dialog.setWindowTitle(title);
        dialog.setWindowModality(Qt::WindowModal);
        dialog.setMinimumDuration(0);
        dialog.setAutoReset(false);
        dialog.setAutoClose(false);
        QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&] {
            job.cancel();
            dialog.setLabelText(QCoreApplication::translate("ui::ProgressRun", "Cancelling..."));
        });
        QTimer refresh;
        QObject::connect(&refresh, &QTimer::timeout, &dialog, [&] {
            dialog.setValue(int(job.fraction() * 1000));
            if (!job.isCancelled() && !job.stage().isEmpty())
                dialog.setLabelText(job.stage());
        });
        refresh.start(kRefreshMs);
        dialog.show();
        if (thread->isRunning())
            loop.exec();
    }
    thread->wait();
    QApplication::restoreOverrideCursor();
}

} // namespace ui
