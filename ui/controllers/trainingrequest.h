// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/generators/generator.h"
#include "core/generators/generatorregistry.h"
#include "core/evaluation/quality/qualityreport.h"
#include "core/project/project.h"

#include <QJsonObject>

#include <QMetaType>

#include <memory>

namespace ui {

/// Everything a training job needs, copied in so the worker shares nothing with the GUI.
struct TrainingRequest {
    core::GeneratorRegistry::Factory factory; ///< makes the unfitted generator on the worker thread
    core::Table training;                     ///< the real rows to learn (hold-out already removed)
    core::Schema schema;                      ///< describes every column of `training`, in order
    core::FitOptions options;                 ///< seed and generator settings
};

/// A sampling job: the fitted model is shared, but only the worker touches it while it runs.
/// The real tables are copied in so the job can score what it drew.
struct SamplingRequest {
    std::shared_ptr<core::Generator> model;
    qint64 rows = 0;
    quint64 seed = 0;
    QList<core::Constraint> constraints;
    core::Table real;     ///< the rows the model learned from
    core::Table holdout;  ///< rows it never saw (may be empty)
    core::Schema schema;  ///< of `real`
    QString target;       ///< utility target; empty = none
    bool privacy = true;  ///< run the privacy and detection scores (slower)
};

/// What a sampling job returns: the rows and their scores.
struct SamplingResult {
    core::Table synthetic;
    core::QualityReport quality;
    QJsonObject scores; ///< the JSON `healthsynth-cli evaluate` writes (utility, privacy, ...)
};

} // namespace ui

Q_DECLARE_METATYPE(std::shared_ptr<core::Generator>)
Q_DECLARE_METATYPE(ui::SamplingResult)
