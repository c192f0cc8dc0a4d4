// SPDX-License-Identifier: MIT
#include "core/pipeline/builtingenerators.h"

#include "core/generators/gaussian_copula/gaussiancopula.h"

namespace core {

void registerBuiltInGenerators(GeneratorRegistry &registry)
{
    registry.add(QStringLiteral("gaussian_copula"), makeGaussianCopula);
}

const GeneratorRegistry &builtInGenerators()
{
    static const GeneratorRegistry registry = [] {
        GeneratorRegistry r;
        registerBuiltInGenerators(r);
        return r;
    }();
    return registry;
}

} // namespace core
