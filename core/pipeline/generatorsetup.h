// SPDX-License-Identifier: MIT
#pragma once

#include "core/generators/generator.h"
#include "core/generators/generatorregistry.h"
#include "core/result.h"

#include <QCoreApplication>

#include <memory>

namespace core {

/// Turns user choices into a ready generator: an id known to the registry and settings that
/// the generator declares, each within its bounds. Errors name the setting at fault.
class GeneratorSetup final {
    Q_DECLARE_TR_FUNCTIONS(core::GeneratorSetup)
public:
    static Result<std::unique_ptr<Generator>> create(const GeneratorRegistry &registry, const QString &id);
    /// Checks keys, types and bounds; fills in defaults for settings not given.
    static Result<QVariantMap> resolveSettings(const Generator &generator, const QVariantMap &given);
};

} // namespace core
