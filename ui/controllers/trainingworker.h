// SPDX-License-Identifier: MIT
#pragma once

#include "core/error.h"
#include "core/job.h"
#include "ui/controllers/trainingrequest.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <memory>

namespace ui {

/// Fits one generator on the controller's thread, adapting core::JobContext to signals.
/// Never touches a widget; inputs are copied in, results leave by signal.
class TrainingWorker final : public QObject, private core::JobContext {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingWorker)
public:
    explicit TrainingWorker(TrainingRequest request);
    /// Direct call from any thread: core sees the flag at its next poll and returns Cancelled.
    void cancel() { m_cancelled.store(true); }

public Q_SLOTS:
    /// Emits exactly one of succeeded / failed / cancelled.
    void run();

Q_SIGNALS:
    void progressChanged(int percent, const QString &stage);
    void metricReported(const QString &name, int step, double value);
    /// A note from core for the user while the job runs (e.g. a bounded encoding).
    void messageReported(const QString &message);
    void succeeded(std::shared_ptr<core::Generator> model);
    void failed(const core::Error &error);
    void cancelled();

private:
    bool isCancelled() const override { return m_cancelled.load(); }
    void reportProgress(double fraction, const QString &stage) override; // <= ~10 emits/s
    void reportMetric(const QString &name, int step, double value) override;
    void reportMessage(const QString &message) override { Q_EMIT messageReported(message); }

    TrainingRequest m_request;
    std::atomic_bool m_cancelled { false };
    QElapsedTimer m_sinceEmit;
    QString m_lastStage;
};

} // namespace ui
