// SPDX-License-Identifier: MIT
#include "core/pipeline/builtingenerators.h"

#include "core/generators/bayesian_network/bayesiannetwork.h"
#include "core/generators/ctgan/ctgan.h"
#include "core/generators/gaussian_copula/gaussiancopula.h"
#include "core/generators/tvae/tvae.h"

namespace core {

void registerBuiltInGenerators(GeneratorRegistry &registry)
{
    registry.add(QStringLiteral("gaussian_copula"), makeGaussianCopula);
    registry.add(QStringLiteral("ctgan"), makeCtgan);
    registry.add(QStringLiteral("tvae"), makeTvae);
    registry.add(QStringLiteral("bayesian_network"), makeBayesianNetwork);
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
