// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace core {

/// How a long core job talks to whoever runs it (a QThread worker in the UI, stderr in the CLI).
/// Core loops poll isCancelled() between batches and return cancelledError() when it is true.
/// Implementations must be callable from the job's thread.
class JobContext {
public:
    virtual ~JobContext() = default;
    virtual bool isCancelled() const = 0;
    /// fraction in [0, 1] of the whole job; stage is a short translated phrase ("Fitting marginals").
    virtual void reportProgress(double fraction, const QString &stage) = 0;
    /// A named series value, e.g. ("generator_loss", epoch, 0.71), for live loss curves.
    virtual void reportMetric(const QString &name, int step, double value)
    {
        Q_UNUSED(name);
        Q_UNUSED(step);
        Q_UNUSED(value);
    }
    /// A translated sentence the user should see while the job runs, e.g. that an encoding was
    /// bounded. The same finding is usually also kept as a Diagnostic for after the job.
    virtual void reportMessage(const QString &message) { Q_UNUSED(message); }
};

/// A context that never cancels and ignores progress: for tests and nested steps.
class SilentJob final : public JobContext {
public:
    bool isCancelled() const override { return false; }
    void reportProgress(double, const QString &) override { }
};

/// Passes a sub-step's progress on to an outer job as its share [from, to] of the whole;
/// cancellation, metrics and messages go straight through.
class ScaledJob final : public JobContext {
public:
    ScaledJob(JobContext &outer, double from, double to)
        : m_outer(outer)
        , m_from(from)
        , m_to(to)
    {
    }
    bool isCancelled() const override { return m_outer.isCancelled(); }
    void reportProgress(double fraction, const QString &stage) override
    {
        m_outer.reportProgress(m_from + (m_to - m_from) * fraction, stage);
    }
    void reportMetric(const QString &name, int step, double value) override { m_outer.reportMetric(name, step, value); }
    void reportMessage(const QString &message) override { m_outer.reportMessage(message); }

private:
    JobContext &m_outer;
    double m_from;
    double m_to;
};

} // namespace core
