// SPDX-License-Identifier: MIT
#include "ui/controllers/projectreport.h"

#include "core/evaluation/quality/qualityjson.h"
#include "core/job.h"
#include "core/profile/profile.h"
#include "core/report/reportbuilder.h"
#include "ui/controllers/projectcontroller.h"

#include <QFileInfo>

namespace ui {

core::ReportModel projectReport(const ProjectController &project)
{
    const core::GenerationSettings &g = project.generation();
    core::ProfileOptions options;
    options.target = g.target;
    options.source.path = project.project().source.csvPath;
    options.source.diagnostics = project.loadDiagnostics();
    core::SilentJob job;
    const core::Result<core::Profile> profile
        = core::profileTable(project.realTable(), project.schema(), options, job);

    core::ReportInputs in;
    in.real = &project.trainingTable();
    in.synthetic = &project.syntheticTable();
    in.holdout = &project.holdoutTable();
    in.schema = project.schema();
    in.scores = project.scores();
    // When the evaluation failed as a whole, the fidelity scores computed beside it still count.
    if (!in.scores.contains(QStringLiteral("quality")) && !project.quality().columns.isEmpty())
        in.scores.insert(QStringLiteral("quality"), core::qualityReportToJson(project.quality()));
    in.profile = profile.ok() ? &profile.value() : nullptr;
    in.sourceDescription = project.sourceSummary();
    in.projectName = project.displayName();
    in.generator = project.model().get();
    in.seed = g.seed;
    in.holdoutShare = g.holdoutFraction;
    in.target = g.target;
    in.sensitiveColumns = g.sensitiveColumns;
    in.quasiIdentifiers = g.quasiIdentifiers;
    if (!project.projectPath().isEmpty())
        in.reproduceCommand
            = QStringLiteral("healthsynth-cli run ") + QFileInfo(project.projectPath()).fileName();
    return core::ReportBuilder::build(in);
}

} // namespace ui
