// SPDX-License-Identifier: MIT
#include "ui/wizard/trainingpage.h"

#include "core/pipeline/generatorsetup.h"
#include "ui/charts/losscurveplot.h"
#include "ui/controllers/projectcontroller.h"
#include "ui/controllers/trainingcontroller.h"
#include "ui/showerror.h"
#include "ui/wizard/pageid.h"

#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

TrainingPage::TrainingPage(ProjectController *project, TrainingController *training, QWidget *parent)
    : QWizardPage(parent)
    , m_project(project)
    , m_training(training)
{
    setTitle(tr("Train: learn the data and generate"));
    setSubTitle(tr("Training runs in the background; you can keep using the window or cancel at any time."));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto *row = new QHBoxLayout;
    m_train = new QPushButton(QIcon(QStringLiteral(":/icons/train.svg")), tr("&Train and generate"), this);
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    row->addWidget(m_train);
    row->addWidget(m_cancel);
    row->addWidget(m_progress, 1);
    layout->addLayout(row);
    auto *stageRow = new QHBoxLayout;
    m_stage = new QLabel(this);
    m_timeLeft = new QLabel(this);
    stageRow->addWidget(m_stage, 1);
    stageRow->addWidget(m_timeLeft);
    layout->addLayout(stageRow);

    auto *lossBox = new QGroupBox(tr("Loss curves"), this);
    auto *lossLayout = new QVBoxLayout(lossBox);
    m_loss = new LossCurvePlot(lossBox);
    lossLayout->addWidget(m_loss);
    layout->addWidget(lossBox, 3);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(500);
    m_log->setAccessibleName(tr("Training log"));
    layout->addWidget(m_log, 1);

    connect(m_train, &QPushButton::clicked, this, [this] { train(); });
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPage::cancel);
    connect(m_training, &TrainingController::busyChanged, this, &TrainingPage::onBusyChanged);
    connect(m_training, &TrainingController::progressChanged, this, &TrainingPage::onProgress);
    connect(m_training, &TrainingController::metricReported, m_loss, &LossCurvePlot::addPoint);
    connect(m_training, &TrainingController::messageReported, this, [this](const QString &message) { log(message); });
    connect(m_training, &TrainingController::trained, this, &TrainingPage::onTrained);
    connect(m_training, &TrainingController::sampled, this, &TrainingPage::onSampled);
    connect(m_training, &TrainingController::failed, this, &TrainingPage::onFailed);
    connect(m_training, &TrainingController::cancelled, this, &TrainingPage::onCancelled);
}

void TrainingPage::initializePage() { showState(); }

void TrainingPage::showState()
{
    const core::GenerationSettings &g = m_project->generation();
    QString name = g.generatorId;
    if (auto generator = m_project->registry().create(g.generatorId))
        name = generator->displayName();
    const qint64 rows = g.rows > 0 ? g.rows : m_project->trainingTable().rowCount();
    m_summary->setText(tr("%1 learns from %n real row(s) (%2 kept aside for evaluation) and then generates %3 rows "
                          "with seed %4.",
                          nullptr, int(m_project->trainingTable().rowCount()))
                           .arg(name)
                           .arg(m_project->holdoutTable().rowCount())
                           .arg(rows)
                           .arg(g.seed));
    if (auto model = m_project->model()) {
        m_loss->setSeries(model->info().losses);
        m_stage->setText(m_project->hasSynthetic()
                             ? tr("A trained model and %n synthetic row(s) are ready.", nullptr,
                                  int(m_project->syntheticTable().rowCount()))
                             : tr("A trained model is ready."));
        m_progress->setValue(m_project->hasSynthetic() ? 100 : 0);
    } else if (!m_training->isBusy()) {
        m_loss->clear();
        m_progress->setValue(0);
        m_stage->setText(tr("Not trained yet."));
    }
}

bool TrainingPage::train()
{
    if (m_training->isBusy())
        return false;
    const core::GenerationSettings &g = m_project->generation();
    auto setup = core::GeneratorSetup::create(m_project->registry(), g.generatorId);
    if (!setup.ok()) {
        showError(this, tr("Cannot train"), setup.error());
        return false;
    }
    auto settings = core::GeneratorSetup::resolveSettings(*setup.value(), g.generatorSettings);
    if (!settings.ok()) {
        showError(this, tr("Cannot train"), settings.error());
        return false;
    }
    TrainingRequest request;
    const core::GeneratorRegistry registry = m_project->registry();
    const QString id = g.generatorId;
    request.factory = [registry, id] { return registry.create(id); };
    request.training = m_project->trainingTable();
    request.schema = m_project->schema();
    request.options.seed = g.seed;
    request.options.settings = settings.value();
    m_loss->clear();
    m_log->appendPlainText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss ")) + tr("Training started."));
    m_ownJob = m_training->start(std::move(request));
    return m_ownJob;
}

void TrainingPage::cancel()
{
    m_training->cancel();
    m_stage->setText(tr("Cancelling..."));
}

void TrainingPage::onBusyChanged(bool busy)
{
    m_train->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    Q_EMIT completeChanged();
}

void TrainingPage::onProgress(int percent, const QString &stage, qint64 msLeft)
{
    m_progress->setValue(percent);
    m_stage->setText(stage);
    if (msLeft < 0)
        m_timeLeft->setText(tr("estimating time left..."));
    else if (msLeft < 60'000)
        m_timeLeft->setText(tr("about %n second(s) left", nullptr, int((msLeft + 999) / 1000)));
    else
        m_timeLeft->setText(tr("about %n minute(s) left", nullptr, int((msLeft + 59'999) / 60'000)));
}

void TrainingPage::onTrained(std::shared_ptr<core::Generator> model)
{
    // The new model is adopted only with its rows, so a cancel while sampling keeps the old pair.
    m_pendingModel = model;
    log(tr("Training finished."));
    for (const core::Diagnostic &d : model->info().diagnostics)
        log(tr("Note: %1").arg(d.message));
    const core::GenerationSettings &g = m_project->generation();
    SamplingRequest request;
    request.model = std::move(model);
    request.rows = g.rows > 0 ? g.rows : m_project->trainingTable().rowCount();
    request.seed = g.seed;
    request.constraints = g.constraints;
    request.real = m_project->trainingTable();
    request.holdout = m_project->holdoutTable();
    request.schema = m_project->schema();
    request.target = g.target;
    m_training->startSampling(std::move(request));
}

void TrainingPage::onSampled(const SamplingResult &result)
{
    if (m_pendingModel)
        m_project->setModel(std::exchange(m_pendingModel, nullptr));
    m_project->setSyntheticTable(result.synthetic, result.quality, result.scores);
    m_timeLeft->clear();
    log(tr("Generated %n row(s); fidelity %1%.", nullptr, int(result.synthetic.rowCount()))
            .arg(QLocale().toString(result.quality.overall * 100.0, 'f', 1)));
    showState();
    Q_EMIT completeChanged();
}

void TrainingPage::onFailed(const core::Error &error)
{
    m_pendingModel.reset();
    m_timeLeft->clear();
    m_stage->setText(tr("Failed: %1").arg(error.message));
    log(tr("Failed: %1").arg(error.toString()));
    showError(this, tr("Training failed"), error);
    Q_EMIT completeChanged();
}

void TrainingPage::onCancelled()
{
    m_pendingModel.reset();
    m_timeLeft->clear();
    m_progress->setValue(0);
    log(tr("Cancelled; the previous model is kept."));
    showState();
    m_stage->setText(tr("Cancelled; the previous model is kept."));
    Q_EMIT completeChanged();
}

void TrainingPage::log(const QString &line)
{
    m_log->appendPlainText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss ")) + line);
}

bool TrainingPage::isComplete() const { return !m_training->isBusy() && m_project->hasSynthetic(); }

int TrainingPage::nextId() const { return pageIndex(PageId::Compare); }

} // namespace ui
