// SPDX-License-Identifier: MIT
#include "ui/controllers/trainingworker.h"

#include <cmath>

namespace ui {

TrainingWorker::TrainingWorker(TrainingRequest request)
    : m_request(std::move(request))
{
}

void TrainingWorker::run()
{
    m_sinceEmit.start();
    Q_EMIT progressChanged(0, tr("Preparing"));
    std::shared_ptr<core::Generator> generator;
    if (m_request.factory)
        generator = m_request.factory();
    if (!generator) {
        Q_EMIT failed({ core::Error::Code::Internal, tr("The chosen generator is not available."), {} });
        return;
    }
    if (isCancelled()) {
        Q_EMIT cancelled();
        return;
    }
    // The request's copy of the table is this worker's own: no need for fit() to copy it again.
    const core::Result<void> fit
        = generator->fitInPlace(m_request.training, m_request.schema, m_request.options, *this);
    // A cancel that arrives after the fit finished still counts: the user asked not to adopt it.
    if (isCancelled() || (!fit.ok() && fit.error().code == core::Error::Code::Cancelled)) {
        Q_EMIT cancelled();
        return;
    }
    if (!fit.ok()) {
        Q_EMIT failed(fit.error());
        return;
    }
    Q_EMIT progressChanged(100, tr("Done"));
    Q_EMIT succeeded(std::move(generator));
}

void TrainingWorker::reportProgress(double fraction, const QString &stage)
{
    // Throttled so a fast loop cannot flood the GUI thread's event queue.
    if (stage == m_lastStage && m_sinceEmit.isValid() && m_sinceEmit.elapsed() < 100)
        return;
    m_lastStage = stage;
    m_sinceEmit.restart();
    const double clamped = std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
    Q_EMIT progressChanged(int(std::lround(clamped * 100.0)), stage);
}

void TrainingWorker::reportMetric(const QString &name, int step, double value)
{
    Q_EMIT metricReported(name, step, value);
}

} // namespace ui
