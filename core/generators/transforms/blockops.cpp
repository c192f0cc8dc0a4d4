// SPDX-License-Identifier: MIT
#include "core/generators/transforms/blockops.h"

#include "core/generators/transforms/datatransformer.h"

#include <limits>
#include <map>

namespace core::transforms {

namespace {

torch::Tensor indexTensor(const std::vector<int64_t> &values, torch::Device device)
{
    return torch::tensor(values, torch::kInt64).to(device);
}

} // namespace

BlockOps::BlockOps(const DataTransformer &transformer, torch::Device device)
    : m_width(transformer.outputDimension())
{
    // Width classes: blocks padded to the next power of two, so padding at most doubles a block.
    std::map<int64_t, std::vector<const DataTransformer::Span *>> classes;
    std::vector<int64_t> alphas, oneHot;
    for (const auto &span : transformer.spans()) {
        if (span.activation == DataTransformer::Activation::Tanh) {
            for (int j = 0; j < span.width; ++j)
                alphas.push_back(span.start + j);
            continue;
        }
        int64_t padded = 1;
        while (padded < span.width)
            padded *= 2;
        classes[padded].push_back(&span);
        m_widest = std::max<int64_t>(m_widest, span.width);
        for (int j = 0; j < span.width; ++j)
            oneHot.push_back(span.start + j);
    }
    std::vector<int64_t> inverse(static_cast<size_t>(m_width), 0);
    for (size_t a = 0; a < alphas.size(); ++a)
        inverse[size_t(alphas[a])] = int64_t(a);
    int64_t at = int64_t(alphas.size());
    for (const auto &[padded, spans] : classes) {
        Group group;
        group.blocks = int64_t(spans.size());
        group.width = padded;
        std::vector<int64_t> index;
        index.reserve(size_t(group.blocks * padded));
        for (const DataTransformer::Span *span : spans)
            for (int64_t j = 0; j < padded; ++j) {
                if (j < span->width) {
                    inverse[size_t(span->start + j)] = at;
                    index.push_back(span->start + j);
                } else {
                    index.push_back(m_width); // the -inf column of padded()
                }
                ++at;
            }
        group.index = indexTensor(index, device);
        m_groups.push_back(std::move(group));
    }
    m_alphaIndex = indexTensor(alphas, device);
    std::vector<float> mask(static_cast<size_t>(m_width), 0.0f);
    for (int64_t position : oneHot)
        mask[size_t(position)] = 1.0f;
    m_oneHotMask = torch::tensor(mask, torch::kFloat32).to(device);
    m_inverse = indexTensor(inverse, device);
}

torch::Tensor BlockOps::padded(const torch::Tensor &raw)
{
    return torch::cat({ raw, torch::full({ raw.size(0), 1 }, -std::numeric_limits<float>::infinity(), raw.options()) },
                      1);
}

torch::Tensor BlockOps::gatherGroup(const torch::Tensor &paddedRaw, const Group &group) const
{
    return paddedRaw.index_select(1, group.index).view({ paddedRaw.size(0), group.blocks, group.width });
}

torch::Tensor BlockOps::scatterBack(std::vector<torch::Tensor> parts) const
{
    return torch::cat(parts, 1).index_select(1, m_inverse);
}

torch::Tensor BlockOps::gumbelActivate(const torch::Tensor &raw, double tau) const
{
    const int64_t rows = raw.size(0);
    std::vector<torch::Tensor> parts;
    parts.reserve(m_groups.size() + 1);
    parts.push_back(torch::tanh(raw.index_select(1, m_alphaIndex)));
    if (!m_groups.empty()) {
        // torch's gumbel_softmax: softmax((logits - log(Exponential(1))) / tau), noise drawn for the whole row.
        // Exponential(1) as -log(U): LibTorch's exponential_() draws element by element, ten times slower than
        // uniform_() and a vectorised log; U is kept off 0 so that the noise stays finite.
        const torch::Tensor gumbels
            = -(-torch::rand_like(raw).clamp_min_(std::numeric_limits<float>::min()).log_()).log_();
        const torch::Tensor noisy = padded((raw + gumbels) / tau);
        for (const Group &group : m_groups)
            parts.push_back(torch::softmax(gatherGroup(noisy, group), 2).view({ rows, group.blocks * group.width }));
    }
    return scatterBack(std::move(parts));
}

torch::Tensor BlockOps::sampleOneHot(const torch::Tensor &raw) const
{
    const int64_t rows = raw.size(0);
    std::vector<torch::Tensor> parts;
    parts.reserve(m_groups.size() + 1);
    parts.push_back(torch::tanh(raw.index_select(1, m_alphaIndex)));
    const torch::Tensor paddedRaw = padded(raw);
    for (const Group &group : m_groups) {
        const torch::Tensor probabilities = torch::softmax(gatherGroup(paddedRaw, group), 2).view({ -1, group.width });
        const torch::Tensor drawn = torch::multinomial(probabilities, 1).squeeze(1);
        parts.push_back(torch::one_hot(drawn, group.width).to(raw.scalar_type()).view({ rows, group.blocks * group.width }));
    }
    return scatterBack(std::move(parts));
}

torch::Tensor BlockOps::crossEntropySum(const torch::Tensor &raw, const torch::Tensor &target) const
{
    if (m_groups.empty())
        return torch::zeros({}, raw.options());
    // Cross-entropy of a block = logsumexp(logits) - logit of the target category; the second term, summed
    // over blocks, is the product with the one-hot target over the one-hot positions.
    const torch::Tensor paddedRaw = padded(raw);
    torch::Tensor total = -(raw * (target * m_oneHotMask)).sum();
    for (const Group &group : m_groups)
        total = total + torch::logsumexp(gatherGroup(paddedRaw, group), 2).sum();
    return total;
}

} // namespace core::transforms
