// SPDX-License-Identifier: MIT
#pragma once

// Internal to the LibTorch sources (ctgan.cpp, tvae.cpp): includes torch headers, so no public core
// header may include it.

#include <torch/torch.h>

#include <vector>

namespace core::transforms {

/// Adam with L2 weight decay, the update torch::optim::Adam makes (decay added to the gradient, bias-corrected
/// moments, eps added after the square root), done in one pass over each parameter. torch's Adam runs about ten
/// whole-tensor operations per parameter and allocates the decayed gradient each step; on CTGAN's discriminator
/// (a 2,600 x 256 first layer) that was a tenth of a training step. Parameters on another device than the CPU,
/// or not contiguous float, take torch's operations. Gradients are released (set to none) by zeroGrad().
class FusedAdam final {
public:
    struct Options {
        double learningRate = 1e-3;
        double beta1 = 0.9;
        double beta2 = 0.999;
        double epsilon = 1e-8;
        double weightDecay = 0.0;
    };

    FusedAdam(std::vector<torch::Tensor> parameters, const Options &options);

    /// Drops every parameter's gradient, so that backward writes it afresh instead of adding to zeros.
    void zeroGrad();
    /// One update of every parameter that has a gradient.
    void step();

private:
    std::vector<torch::Tensor> m_parameters;
    std::vector<torch::Tensor> m_firstMoment, m_secondMoment;
    Options m_options;
    long m_step = 0;
};

} // namespace core::transforms
