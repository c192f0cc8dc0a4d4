// SPDX-License-Identifier: MIT
#pragma once

#include "ui/controllers/trainingrequest.h"

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;
class QPlainTextEdit;

namespace ui {

class LossCurvePlot;
class ProjectController;
class TrainingController;

/// Step 4: trains the configured generator on a background thread, then draws and scores the
/// synthetic rows the same way. Shows stage, progress, time left and live loss curves; Cancel
/// stops within a second and keeps the previous model. Complete once synthetic rows exist
/// and no job runs.
class TrainingPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingPage)
public:
    TrainingPage(ProjectController *project, TrainingController *training, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;

    /// Starts training with the project's settings (the Train button). False if a job runs.
    bool train();
    /// Cancels the running job (the Cancel button).
    void cancel();
    LossCurvePlot *lossPlot() const { return m_loss; }

private:
    void onBusyChanged(bool busy);
    void onProgress(int percent, const QString &stage, qint64 msLeft);
    void onTrained(std::shared_ptr<core::Generator> model);
    void onSampled(const SamplingResult &result);
    void onFailed(const core::Error &error);
    void onCancelled();
    void log(const QString &line);
    void showState();

    ProjectController *m_project;
    TrainingController *m_training;
    QLabel *m_summary = nullptr;
    QPushButton *m_train = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_stage = nullptr;
    QLabel *m_timeLeft = nullptr;
    LossCurvePlot *m_loss = nullptr;
    QPlainTextEdit *m_log = nullptr;
    bool m_ownJob = false; ///< the running job was started here
    std::shared_ptr<core::Generator> m_pendingModel; ///< trained, waiting for its rows
};

} // namespace ui
