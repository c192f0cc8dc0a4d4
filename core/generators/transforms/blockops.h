// SPDX-License-Identifier: MIT
#pragma once

// Internal to the LibTorch sources (ctgan.cpp, tvae.cpp): includes torch headers, so no public core
// header may include it.

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace core::transforms {

class DataTransformer;

/// Whole-batch operations over the blocks of an encoded row (DataTransformer::spans()): tanh on the
/// continuous alphas, softmax or cross-entropy within each one-hot block. The reference code loops over
/// the blocks, a handful of small tensor operations each (adult has 21 blocks, so ~150 operations and as
/// many backward nodes per call); here blocks of similar width are gathered into one padded
/// [rows, blocks, width] tensor per width class (padding is -inf, which softmax and logsumexp turn into
/// exact zeros), so a call costs about ten operations whatever the number of blocks. Results equal the
/// per-block computation up to float rounding.
/// Built once per fit; const afterwards, and safe to use from one thread at a time.
class BlockOps final {
public:
    BlockOps() = default;
    BlockOps(const DataTransformer &transformer, torch::Device device);

    int64_t width() const { return m_width; }
    /// Widest one-hot block (0 without blocks).
    int64_t widestBlock() const { return m_widest; }

    /// CTGAN's activation of a raw generator output (rows x width()): tanh on alphas, Gumbel-softmax with
    /// temperature tau in each block (torch's gumbel_softmax, soft).
    torch::Tensor gumbelActivate(const torch::Tensor &raw, double tau) const;
    /// tanh on alphas and, in each block, a one-hot of a category drawn from softmax(raw) (TVAE sampling).
    torch::Tensor sampleOneHot(const torch::Tensor &raw) const;
    /// Sum over rows and blocks of the cross-entropy of the raw logits against the one-hot blocks of
    /// `target` (an encoded batch, exactly one 1 per block), as torch's cross_entropy(reduction sum) of
    /// each block against its argmax, added up.
    torch::Tensor crossEntropySum(const torch::Tensor &raw, const torch::Tensor &target) const;
    /// Positions of the alphas (the tanh outputs), as an index tensor on the device.
    const torch::Tensor &alphaIndex() const { return m_alphaIndex; }

    /// `raw` with one more column of -inf at index width(): gathering that column pads a block.
    static torch::Tensor padded(const torch::Tensor &raw);

private:
    struct Group {
        int64_t blocks = 0;
        int64_t width = 0;   ///< padded width
        torch::Tensor index; ///< blocks * width positions into padded(raw); padding points at the -inf column
    };
    torch::Tensor gatherGroup(const torch::Tensor &paddedRaw, const Group &group) const;
    /// Puts alpha values (rows x alphas) and per-group block values (rows x blocks*width) back in place.
    torch::Tensor scatterBack(std::vector<torch::Tensor> parts) const;

    int64_t m_width = 0;
    int64_t m_widest = 0;
    torch::Tensor m_alphaIndex;
    torch::Tensor m_oneHotMask;  ///< 1 at positions inside one-hot blocks, 0 at alphas
    std::vector<Group> m_groups;
    torch::Tensor m_inverse;     ///< position in cat(alphas, groups...) of each output position
};

} // namespace core::transforms
