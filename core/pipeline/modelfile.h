// SPDX-License-Identifier: MIT
#pragma once

#include "core/generators/generator.h"
#include "core/generators/generatorregistry.h"
#include "core/result.h"

#include <QCoreApplication>

#include <memory>

namespace core {

/// Trained generators on disk (*.hsmodel). Saves atomically; loading finds the generator
/// from the id stored in the file, so the caller needs no prior knowledge of it.
class ModelFile final {
    Q_DECLARE_TR_FUNCTIONS(core::ModelFile)
public:
    static Result<void> save(const Generator &generator, const QString &path);
    static Result<std::unique_ptr<Generator>> load(const QString &path, const GeneratorRegistry &registry);
};

} // namespace core
