// SPDX-License-Identifier: MIT
#include "core/generators/transforms/fusedadam.h"

#include <Eigen/Core>

#include <cmath>

namespace core::transforms {

FusedAdam::FusedAdam(std::vector<torch::Tensor> parameters, const Options &options)
    : m_parameters(std::move(parameters))
    , m_options(options)
{
    torch::NoGradGuard noGrad;
    for (const torch::Tensor &p : m_parameters) {
        m_firstMoment.push_back(torch::zeros_like(p, torch::MemoryFormat::Contiguous));
        m_secondMoment.push_back(torch::zeros_like(p, torch::MemoryFormat::Contiguous));
    }
}

void FusedAdam::zeroGrad()
{
    for (torch::Tensor &p : m_parameters)
        p.mutable_grad().reset();
}

void FusedAdam::step()
{
    torch::NoGradGuard noGrad;
    ++m_step;
    const double beta1 = m_options.beta1, beta2 = m_options.beta2;
    const double correction1 = 1.0 - std::pow(beta1, double(m_step));
    const double correction2 = 1.0 - std::pow(beta2, double(m_step));
    const double stepSize = m_options.learningRate / correction1;
    const double sqrtCorrection2 = std::sqrt(correction2);
    for (size_t i = 0; i < m_parameters.size(); ++i) {
        torch::Tensor &p = m_parameters[i];
        const torch::Tensor &grad = p.grad();
        if (!grad.defined())
            continue;
        torch::Tensor &m = m_firstMoment[i];
        torch::Tensor &v = m_secondMoment[i];
        if (p.is_cpu() && p.scalar_type() == torch::kFloat32 && p.is_contiguous() && grad.is_contiguous()
            && grad.scalar_type() == torch::kFloat32) {
            using Array = Eigen::Map<Eigen::ArrayXf>;
            const Eigen::Index n = Eigen::Index(p.numel());
            Array w(p.data_ptr<float>(), n), mm(m.data_ptr<float>(), n), vv(v.data_ptr<float>(), n);
            const Eigen::Map<const Eigen::ArrayXf> g(grad.data_ptr<float>(), n);
            const float decay = float(m_options.weightDecay);
            // Three vectorised passes, no temporary: the decayed gradient is recomputed rather than stored.
            mm = float(beta1) * mm + float(1.0 - beta1) * (g + decay * w);
            vv = float(beta2) * vv + float(1.0 - beta2) * (g + decay * w).square();
            w -= float(stepSize) * mm / (vv.sqrt() / float(sqrtCorrection2) + float(m_options.epsilon));
            p.unsafeGetTensorImpl()->bump_version();
        } else {
            torch::Tensor g = m_options.weightDecay != 0.0 ? grad.add(p, m_options.weightDecay) : grad;
            m.mul_(beta1).add_(g, 1.0 - beta1);
            v.mul_(beta2).addcmul_(g, g, 1.0 - beta2);
            const torch::Tensor denominator = (v.sqrt() / sqrtCorrection2).add_(m_options.epsilon);
            p.addcdiv_(m, denominator, -stepSize);
        }
    }
}

} // namespace core::transforms
