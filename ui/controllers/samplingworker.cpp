// SPDX-License-Identifier: MIT
#include "ui/controllers/samplingworker.h"

#include "core/pipeline/constrainedsampler.h"
#include "core/pipeline/evaluation.h"

#include <cmath>

namespace ui {

namespace {
    /// Maps a sub-step's progress into [from, to] of the whole job, forwarding cancellation.
    class SubJob final : public core::JobContext {
    public:
        SubJob(core::JobContext &outer, double from, double to, QString stage)
            : m_outer(outer)
            , m_from(from)
            , m_to(to)
            , m_stage(std::move(stage))
        {
        }
        bool isCancelled() const override { return m_outer.isCancelled(); }
        void reportProgress(double fraction, const QString &) override
        {
            m_outer.reportProgress(m_from + (m_to - m_from) * std::clamp(fraction, 0.0, 1.0), m_stage);
        }

    private:
        core::JobContext &m_outer;
        double m_from, m_to;
        QString m_stage;
    };
} // namespace

SamplingWorker::SamplingWorker(SamplingRequest request)
    : m_request(std::move(request))
{
}

void SamplingWorker::run()
{
    m_sinceEmit.start();
    Q_EMIT progressChanged(0, tr("Generating rows"));
    if (!m_request.model || !m_request.model->isFitted()) {
        Q_EMIT failed({ core::Error::Code::InvalidInput, tr("Train a model before generating rows."), {} });
        return;
    }
    auto isCancel = [this](const core::Error &e) { return isCancelled() || e.code == core::Error::Code::Cancelled; };

    SubJob sampling(*this, 0.0, 0.4, tr("Generating rows"));
    core::Result<core::Table> table = core::ConstrainedSampler::sample(*m_request.model, m_request.rows,
                                                                       m_request.seed, m_request.constraints, sampling);
    if (!table.ok()) {
        if (isCancel(table.error()))
            Q_EMIT cancelled();
        else
            Q_EMIT failed(table.error());
        return;
    }
    SamplingResult result;
    result.synthetic = std::move(table.value());

    SubJob quality(*this, 0.4, 0.6, tr("Scoring fidelity"));
    auto report = core::computeQualityReport(m_request.real, result.synthetic, m_request.schema,
                                             core::QualityOptions::current(), quality);
    if (!report.ok()) {
        if (isCancel(report.error()))
            Q_EMIT cancelled();
        else
            Q_EMIT failed(report.error());
        return;
    }
    result.quality = std::move(report.value());

    SubJob scoring(*this, 0.6, 1.0, tr("Scoring utility and privacy"));
    core::EvaluationRequest evaluation;
    evaluation.real = &m_request.real;
    evaluation.synthetic = &result.synthetic;
    evaluation.holdout = &m_request.holdout;
    evaluation.schema = m_request.schema;
    evaluation.target = m_request.target;
    evaluation.privacy = m_request.privacy;
    evaluation.detection = m_request.privacy;
    auto scores = core::Evaluation::run(evaluation, scoring);
    if (!scores.ok()) {
        if (isCancel(scores.error())) {
            Q_EMIT cancelled();
            return;
        }
        // The rows are good even if a score cannot be computed; say why instead of failing.
        result.scores.insert(QStringLiteral("error"), scores.error().toString());
    } else {
        result.scores = scores.value();
    }
    if (isCancelled()) {
        Q_EMIT cancelled();
        return;
    }
    Q_EMIT progressChanged(100, tr("Done"));
    Q_EMIT succeeded(result);
}

void SamplingWorker::reportProgress(double fraction, const QString &stage)
{
    if (stage == m_lastStage && m_sinceEmit.isValid() && m_sinceEmit.elapsed() < 100)
        return;
    m_lastStage = stage;
    m_sinceEmit.restart();
    const double clamped = std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
    Q_EMIT progressChanged(int(std::lround(clamped * 100.0)), stage);
}

} // namespace ui
