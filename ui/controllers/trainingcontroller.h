// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/table.h"
#include "core/error.h"
#include "ui/controllers/samplingworker.h"
#include "ui/controllers/trainingrequest.h"
#include "ui/controllers/trainingworker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

namespace ui {

/// Runs training and sampling jobs one at a time on a thread it owns. Lives on the GUI thread;
/// every signal arrives there. A job ends with exactly one of trained / sampled, failed or
/// cancelled; the previous model stays with whoever holds it until a new one is adopted.
class TrainingController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingController)
public:
    explicit TrainingController(QObject *parent = nullptr);
    /// Cancels a live job, then quits and waits for the thread.
    ~TrainingController() override;

    bool isBusy() const { return m_training || m_sampling; }
    /// Starts fitting; ignored (returns false) while another job runs.
    bool start(TrainingRequest request);
    /// Starts sampling; ignored (returns false) while another job runs.
    bool startSampling(SamplingRequest request);
    /// Asks the live job to stop; it ends with cancelled() at its next poll (well under a second).
    void cancel();

Q_SIGNALS:
    void busyChanged(bool busy);
    /// percent 0..100; msLeft < 0 while unknown.
    void progressChanged(int percent, const QString &stage, qint64 msLeft);
    void metricReported(const QString &name, int step, double value);
    /// A note from the running job, for the log.
    void messageReported(const QString &message);
    void trained(std::shared_ptr<core::Generator> model);
    void sampled(const ui::SamplingResult &result);
    void failed(const core::Error &error);
    void cancelled();

private:
    void onProgress(int percent, const QString &stage);
    void finishJob();

    QThread m_thread;
    QPointer<TrainingWorker> m_training;
    QPointer<SamplingWorker> m_sampling;
    QElapsedTimer m_clock;
};

} // namespace ui
