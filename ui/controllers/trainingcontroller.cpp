// SPDX-License-Identifier: MIT
#include "ui/controllers/trainingcontroller.h"

#include "ui/controllers/samplingworker.h"
#include "ui/controllers/trainingworker.h"

namespace ui {

TrainingController::TrainingController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<core::Error>();
    qRegisterMetaType<core::Table>();
    qRegisterMetaType<SamplingResult>();
    qRegisterMetaType<std::shared_ptr<core::Generator>>();
    m_thread.setObjectName(QStringLiteral("healthsynth-training"));
    m_thread.start(QThread::LowPriority);
}

TrainingController::~TrainingController()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

bool TrainingController::start(TrainingRequest request)
{
    if (isBusy())
        return false; // one job at a time
    m_training = new TrainingWorker(std::move(request));
    m_training->moveToThread(&m_thread);
    connect(m_training, &TrainingWorker::progressChanged, this, &TrainingController::onProgress);
    connect(m_training, &TrainingWorker::metricReported, this, &TrainingController::metricReported);
    connect(m_training, &TrainingWorker::messageReported, this, &TrainingController::messageReported);
    connect(m_training, &TrainingWorker::succeeded, this, [this](std::shared_ptr<core::Generator> model) {
        finishJob();
        Q_EMIT trained(std::move(model));
    });
    connect(m_training, &TrainingWorker::failed, this, [this](const core::Error &error) {
        finishJob();
        Q_EMIT failed(error);
    });
    connect(m_training, &TrainingWorker::cancelled, this, [this] {
        finishJob();
        Q_EMIT cancelled();
    });
    connect(&m_thread, &QThread::finished, m_training, &QObject::deleteLater);
    m_clock.start();
    QMetaObject::invokeMethod(m_training, &TrainingWorker::run, Qt::QueuedConnection);
    Q_EMIT busyChanged(true);
    return true;
}

bool TrainingController::startSampling(SamplingRequest request)
{
    if (isBusy())
        return false;
    m_sampling = new SamplingWorker(std::move(request));
    m_sampling->moveToThread(&m_thread);
    connect(m_sampling, &SamplingWorker::progressChanged, this, &TrainingController::onProgress);
    connect(m_sampling, &SamplingWorker::succeeded, this, [this](const SamplingResult &result) {
        finishJob();
        Q_EMIT sampled(result);
    });
    connect(m_sampling, &SamplingWorker::failed, this, [this](const core::Error &error) {
        finishJob();
        Q_EMIT failed(error);
    });
    connect(m_sampling, &SamplingWorker::cancelled, this, [this] {
        finishJob();
        Q_EMIT cancelled();
    });
    connect(&m_thread, &QThread::finished, m_sampling, &QObject::deleteLater);
    m_clock.start();
    QMetaObject::invokeMethod(m_sampling, &SamplingWorker::run, Qt::QueuedConnection);
    Q_EMIT busyChanged(true);
    return true;
}

void TrainingController::cancel()
{
    // Direct calls: a queued slot would only run after run() returns. The workers are deleted
    // only from this (GUI) thread in finishJob(), so the pointers are valid here.
    if (m_training)
        m_training->cancel();
    if (m_sampling)
        m_sampling->cancel();
}

void TrainingController::onProgress(int percent, const QString &stage)
{
    qint64 msLeft = -1;
    const qint64 elapsed = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (percent >= 2 && percent < 100 && elapsed > 500)
        msLeft = elapsed * (100 - percent) / percent;
    else if (percent >= 100)
        msLeft = 0;
    Q_EMIT progressChanged(percent, stage, msLeft);
}

void TrainingController::finishJob()
{
    // Deleting here rather than through a direct connection to the terminal signals keeps
    // cancel() from racing the deletion on the worker thread.
    if (m_training)
        m_training->deleteLater();
    if (m_sampling)
        m_sampling->deleteLater();
    m_training = nullptr;
    m_sampling = nullptr;
    Q_EMIT busyChanged(false);
}

} // namespace ui
