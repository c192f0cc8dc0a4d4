// SPDX-License-Identifier: MIT
#pragma once

#include "core/job.h"
#include "core/pipeline/inputloader.h"
#include "core/project/project.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace core {

/// What a project run produced, paths relative to the project folder.
struct ProjectRunResult {
    ProjectArtifacts artifacts;
    QJsonObject scores;
    qint64 trainingRows = 0;
    qint64 syntheticRows = 0;
};

/// Runs a saved project headless, the same steps the wizard takes: load the source, apply the
/// metadata, keep the hold-out aside, train, sample with constraints, write every stage into
/// the project folder (02_processed, 03_validation, models, 04_synthetic, reports) and score.
class ProjectRunner final {
    Q_DECLARE_TR_FUNCTIONS(core::ProjectRunner)
public:
    static Result<ProjectRunResult> run(const Project &project, const QString &projectPath, JobContext &job);
    /// The input spec a project's source describes (CSV path resolved against the project).
    static InputSpec inputSpec(const Project &project, const QString &projectPath);
};

} // namespace core
