// SPDX-License-Identifier: MIT
#pragma once

// Deliberately free of torch headers: callable from anywhere in core.

namespace core::transforms {

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
