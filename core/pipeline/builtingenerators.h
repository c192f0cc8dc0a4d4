// SPDX-License-Identifier: MIT
#pragma once

#include "core/generators/generatorregistry.h"

namespace core {

/// Adds every generator HealthSynth ships: gaussian_copula, ctgan, tvae, bayesian_network.
/// Called explicitly by both executables and the tests.
void registerBuiltInGenerators(GeneratorRegistry &registry);

/// A registry with the built-in generators, for callers that need no other.
const GeneratorRegistry &builtInGenerators();

} // namespace core
