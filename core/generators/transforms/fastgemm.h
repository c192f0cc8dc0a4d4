// SPDX-License-Identifier: MIT
#pragma once

// Internal to the LibTorch sources (ctgan.cpp, tvae.cpp): includes torch headers, so no public core
// header may include it.

#include <torch/torch.h>

namespace core::transforms {

/// a · op(b) (+ bias on every row), op(b) = bᵀ when `transposeB` (so linear(x, w, bias) = gemm(x, w, bias, true)),
/// differentiable to first order in a, b and bias. On the CPU it runs on oneDNN's sgemm, which LibTorch's own
/// oneDNN library exports and which picks the processor's widest vector instructions by itself: on this
/// project's AVX-512 machines that is about twice the throughput of OpenBLAS's sgemm, which LibTorch's
/// matrix products use (and which has to run its AVX2 kernels here, OPENBLAS_CORETYPE=Haswell). Without that
/// library, on another device, or for other types it is torch::addmm / torch::mm. Its backward is not
/// itself differentiable: nothing may be differentiated twice through it (CTGAN's gradient penalty
/// differentiates only the discriminator's later layers twice, and they keep torch's products).
/// Matrices may be row slices or column slices (any row stride, unit column stride) of larger ones.
torch::Tensor gemm(const torch::Tensor &a, const torch::Tensor &b, const torch::Tensor &bias, bool transposeB);

/// x · weightᵀ + bias, torch::nn::Linear's forward, through gemm().
inline torch::Tensor linear(const torch::Tensor &x, const torch::Tensor &weight, const torch::Tensor &bias = {})
{
    return gemm(x, weight, bias, true);
}

/// linear(cat(h, z, one_hot(condition)), weight, bias) without building the concatenation: the one-hot part is
/// a lookup of weight columns, and backward writes each part's weight gradient in place and computes no
/// gradient for the condition. `h` may be undefined (no such part); `condition` holds one position per row
/// (int64), or is undefined when the weight has no condition columns. Weight contiguous, bias defined.
torch::Tensor concatLinear(const torch::Tensor &h, const torch::Tensor &z, const torch::Tensor &condition,
                           const torch::Tensor &weight, const torch::Tensor &bias);

/// sequence->forward(x) with every Linear child through linear(); the other children as they are.
torch::Tensor forwardSequential(torch::nn::Sequential &sequence, torch::Tensor x);

/// True when gemm() runs on oneDNN (for the generators' facts).
bool fastGemmAvailable();

} // namespace core::transforms
