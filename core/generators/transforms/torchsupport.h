// SPDX-License-Identifier: MIT
#pragma once

// Deliberately free of torch headers: callable from anywhere in core.

#include "core/generators/transforms/conditionalsampler.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace torch::nn {
class Module;
}

namespace core::transforms {

class DataTransformer;

/// A module's parameters and buffers as bytes, for the generator's save stream.
QByteArray moduleBytes(const std::shared_ptr<torch::nn::Module> &module);
/// Restores what moduleBytes() wrote into a module of the same architecture (on the CPU).
/// Throws c10::Error on a mismatch; Generator::load turns that into an Error.
void loadModuleBytes(const std::shared_ptr<torch::nn::Module> &module, const QByteArray &bytes);

/// A sentence when two of the conditions never occur together in the training rows, else
/// nullopt: such a request is answered at once instead of after many rejected batches.
std::optional<QString> neverTogether(const DataTransformer &transformer, const QList<ColumnCondition> &conditions);


/// LibTorch intra-op threads the neural generators use unless HEALTHSYNTH_TORCH_THREADS is set.
/// Measured on adult (2-core machine, OpenBLAS): one thread trains CTGAN and TVAE fastest, because the
/// matrices of a batch of 500 are too small for the second thread to pay for its synchronisation.
constexpr int kDefaultTorchThreads = 1;

/// Sets LibTorch's intra-op thread count, and OpenBLAS's, once per process (later calls do nothing); returns it.
int ensureTorchThreads();
/// True when OpenBLAS is mapped into this process (Linux; what LibTorch's matrix products should run on).
bool openBlasLoaded();
/// True when LibTorch sees a CUDA device; the neural generators then train and sample on it.
bool torchCudaAvailable();

} // namespace core::transforms
