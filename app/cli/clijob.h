// SPDX-License-Identifier: MIT
#pragma once

#include "core/job.h"

#include <QElapsedTimer>

#include <atomic>

namespace cli {

/// JobContext for the terminal: progress on stderr (at most a few lines a second) and
/// cancellation on Ctrl+C (SIGINT); a second Ctrl+C ends the process at once.
class CliJob final : public core::JobContext {
public:
    CliJob();
    bool isCancelled() const override;
    void reportProgress(double fraction, const QString &stage) override;
    void reportMetric(const QString &name, int step, double value) override;
    /// Printed at once as "note: …" on a line of its own.
    void reportMessage(const QString &message) override;
    /// Ends the current progress line.
    void finish();

    /// Installs the SIGINT handler once for the process.
    static void installInterruptHandler();

private:
    QElapsedTimer m_sinceLastLine;
    QString m_lastStage;
    bool m_lineOpen = false;
};

} // namespace cli
