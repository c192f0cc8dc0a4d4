// SPDX-License-Identifier: MIT
#include "core/generators/ctgan/ctgan.h"

#include "core/generators/transforms/blockops.h"
#include "core/generators/transforms/datatransformer.h"
#include "core/generators/transforms/fastgemm.h"
#include "core/generators/transforms/fusedadam.h"
#include "core/generators/transforms/settingvalues.h"
#include "core/generators/transforms/torchsupport.h"

#include <torch/torch.h>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

namespace core {

namespace {

using transforms::DataTransformer;

QString tr(const char *text) { return QCoreApplication::translate("core::Ctgan", text); }

constexpr int kDefaultEpochs = 300;
constexpr int kDefaultBatchSize = 500;
constexpr int kDefaultPac = 10;
constexpr int kDefaultEmbedding = 128;
constexpr double kDefaultLearningRate = 2e-4;
constexpr double kWeightDecay = 1e-6;
constexpr double kGradientPenalty = 10.0;
constexpr double kGumbelTau = 0.2;
const std::vector<int64_t> kGeneratorDims { 256, 256 };
const std::vector<int64_t> kDiscriminatorDims { 256, 256 };

// A residual block of the generator: Linear -> BatchNorm -> ReLU, concatenated with its input.
struct ResidualImpl : torch::nn::Module {
    ResidualImpl(int64_t in, int64_t out)
        : fc(register_module("fc", torch::nn::Linear(in, out)))
        , bn(register_module("bn", torch::nn::BatchNorm1d(out)))
    {
    }
    torch::Tensor forward(const torch::Tensor &x) { return torch::cat({ torch::relu(bn(fc(x))), x }, 1); }
    torch::nn::Linear fc;
    torch::nn::BatchNorm1d bn;
};
TORCH_MODULE(Residual);

struct CtganGeneratorImpl : torch::nn::Module {
    CtganGeneratorImpl(int64_t inputDim, int64_t dataDim)
    {
        int64_t dim = inputDim;
        for (int64_t width : kGeneratorDims) {
            seq->push_back(Residual(dim, width));
            dim += width;
        }
        seq->push_back(torch::nn::Linear(dim, dataDim));
        register_module("seq", seq);
    }
    torch::Tensor forward(const torch::Tensor &x) { return seq->forward(x); }

    // The same function as forward(cat(z, one_hot(condition))), with the same parameters, but without the
    // concatenations: layer l sees [h_l-1 .. h_1, z, condition] and concatLinear() multiplies each part by its
    // own columns of the weight. The one-hot condition part is a lookup of weight columns, and backward
    // computes no gradient for the noise and condition inputs, which need none: about 30 % fewer
    // multiply-adds than the concatenated form. `condition` holds one condition-vector position per row
    // (undefined when there is no condition).
    torch::Tensor forward(const torch::Tensor &z, const torch::Tensor &condition)
    {
        const size_t layers = seq->size();
        torch::Tensor h; // [h_l .. h_1], newest first, as the residual blocks concatenate them
        for (size_t l = 0; l + 1 < layers; ++l) {
            auto &block = *seq->ptr<ResidualImpl>(l); // not const: batch norm updates its running statistics
            const torch::Tensor pre = transforms::concatLinear(h, z, condition, block.fc->weight, block.fc->bias);
            const torch::Tensor out = torch::relu(block.bn->forward(pre));
            h = h.defined() ? torch::cat({ out, h }, 1) : out;
        }
        const auto &last = *seq->ptr<torch::nn::LinearImpl>(layers - 1);
        return transforms::concatLinear(h, z, condition, last.weight, last.bias);
    }

    torch::nn::Sequential seq;
};
TORCH_MODULE(CtganGenerator);

// Dropout as torch's (zero with probability p, scale the rest by 1 / (1 - p)), with the mask drawn by uniform_()
// instead of bernoulli_(), which LibTorch 1.13 draws element by element at several times the cost.
struct MaskDropoutImpl : torch::nn::Module {
    explicit MaskDropoutImpl(double p)
        : p(p)
    {
    }
    torch::Tensor forward(const torch::Tensor &x)
    {
        if (!is_training() || p <= 0.0)
            return x;
        return x * (torch::rand_like(x) >= p).to(x.scalar_type()).mul_(1.0 / (1.0 - p));
    }
    double p;
};
TORCH_MODULE(MaskDropout);

struct CtganDiscriminatorImpl : torch::nn::Module {
    CtganDiscriminatorImpl(int64_t inputDim, int64_t pac)
        : packedDim(inputDim * pac)
    {
        int64_t dim = packedDim;
        for (int64_t width : kDiscriminatorDims) {
            seq->push_back(torch::nn::Linear(dim, width));
            seq->push_back(torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)));
            seq->push_back(MaskDropout(0.5));
            dim = width;
        }
        seq->push_back(torch::nn::Linear(dim, 1));
        register_module("seq", seq);
    }
    torch::Tensor forward(const torch::Tensor &x)
    {
        const auto &first = *seq->ptr<torch::nn::LinearImpl>(0);
        return afterFirst(transforms::linear(x.view({ -1, packedDim }), first.weight, first.bias));
    }

    struct Scores {
        torch::Tensor real, fake, penalty;
    };
    // The discriminator step: scores of the real and fake rows and WGAN-GP's gradient penalty (weight
    // `lambda`) on interpolates with one random weight per pac group, as the reference computes them with
    // three passes and a double backward through the whole network. The first layer is linear, so its
    // output on an interpolate is the same interpolation of its outputs on the real and fake rows; and the
    // gradient of the score with respect to the input is the gradient with respect to that output times
    // the weight. So the first layer (nearly all of the work: pac x width inputs) runs once on real and
    // fake rows together, and the penalty's second derivatives go through one product instead of a
    // backward pass of the first layer.
    Scores scoresWithPenalty(const torch::Tensor &real, const torch::Tensor &fake, double lambda)
    {
        auto &first = *seq->ptr<torch::nn::LinearImpl>(0);
        const torch::Tensor pre = transforms::linear(torch::cat({ real, fake }, 0).view({ -1, packedDim }), first.weight,
                                                     first.bias);
        const int64_t groups = pre.size(0) / 2;
        const torch::Tensor preReal = pre.narrow(0, 0, groups), preFake = pre.narrow(0, groups, groups);
        const torch::Tensor alpha = torch::rand({ groups, 1 }, pre.options());
        const torch::Tensor preInterpolate = alpha * preReal + (1 - alpha) * preFake;
        const torch::Tensor yInterpolate = afterFirst(preInterpolate);
        const torch::Tensor gradPre = torch::autograd::grad({ yInterpolate }, { preInterpolate },
                                                            { torch::ones_like(yInterpolate) }, true, true)[0];
        // d score / d input, one row per pac group; differentiated once, by the penalty's backward.
        const torch::Tensor gradients = transforms::gemm(gradPre, first.weight, {}, false);
        const torch::Tensor y = afterFirst(pre);
        return { y.narrow(0, 0, groups), y.narrow(0, groups, groups),
                 (gradients.norm(2, 1) - 1).pow(2).mean() * lambda };
    }

    // Every layer after the first.
    torch::Tensor afterFirst(torch::Tensor x)
    {
        bool first = true;
        for (auto &module : *seq) {
            if (!first)
                x = module.forward(x);
            first = false;
        }
        return x;
    }

    int64_t packedDim;
    torch::nn::Sequential seq;
};
TORCH_MODULE(CtganDiscriminator);

struct Settings {
    int epochs = kDefaultEpochs;
    int batchSize = kDefaultBatchSize;
    int pac = kDefaultPac;
    int embedding = kDefaultEmbedding;
    double generatorLr = kDefaultLearningRate;
    double discriminatorLr = kDefaultLearningRate;
    int discriminatorSteps = 1;
};

} // namespace

struct Ctgan::Private {
    DataTransformer transformer;
    Settings settings;
    CtganGenerator generator { nullptr };
    torch::Device device { torch::kCPU };
    int64_t condDim = 0;
    std::vector<int> condOffset;                 // per discrete block, into the condition vector
    std::vector<std::vector<double>> cumulative; // per block: cumulative log-frequency probabilities
    transforms::BlockOps blocks;                 // whole-batch activation over the encoded blocks

    // Condition offsets and the block operations; `device` must be set.
    void prepareConditions()
    {
        blocks = transforms::BlockOps(transformer, device);
        condDim = 0;
        condOffset.clear();
        for (const auto &block : transformer.discreteBlocks()) {
            condOffset.push_back(int(condDim));
            condDim += transformer.spans()[size_t(block.span)].width;
        }
    }

    // Gumbel-softmax for one-hot blocks, tanh for alphas, as the reference's _apply_activate.
    torch::Tensor activate(const torch::Tensor &raw) const { return blocks.gumbelActivate(raw, kGumbelTau); }

    // Cross-entropy between the generator's raw one-hot block and the condition, for the conditioned block
    // only (the reference's _cond_loss): each row's block is gathered, padded with -inf, into one
    // rows x widest-block matrix, so the loss is three operations whatever the number of blocks.
    torch::Tensor conditionLoss(const torch::Tensor &raw, const torch::Tensor &blockPositions,
                                const torch::Tensor &target) const
    {
        const torch::Tensor logits = transforms::BlockOps::padded(raw).gather(1, blockPositions);
        return (torch::logsumexp(logits, 1) - raw.gather(1, target).squeeze(1)).sum() / double(raw.size(0));
    }

    // One batch of conditions.
    struct Conditions {
        std::vector<float> vector;            // B x condDim one-hot
        std::vector<int64_t> position;        // per row: the 1 of vector
        std::vector<std::pair<int, int>> chosen; // per row: (block, category)
        std::vector<int64_t> blockPositions;  // B x widest: the encoded positions of the row's block, padded
        std::vector<int64_t> target;          // per row: the encoded position of the chosen category
    };

    // Training-by-sampling: a block uniformly, then a category by log-frequency.
    void sampleConditions(int batch, std::mt19937_64 &rng, Conditions &out) const
    {
        const int count = int(condOffset.size());
        out.vector.assign(size_t(batch) * size_t(condDim), 0.0f);
        out.position.resize(size_t(batch));
        out.chosen.resize(size_t(batch));
        std::uniform_int_distribution<int> pickBlock(0, count - 1);
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        for (int i = 0; i < batch; ++i) {
            const int b = pickBlock(rng);
            const auto &cum = cumulative[size_t(b)];
            const int c = std::min<int>(int(std::lower_bound(cum.begin(), cum.end(), uniform(rng)) - cum.begin()),
                                        int(cum.size()) - 1);
            out.position[size_t(i)] = condOffset[size_t(b)] + c;
            out.vector[size_t(i) * size_t(condDim) + size_t(out.position[size_t(i)])] = 1.0f;
            out.chosen[size_t(i)] = { b, c };
        }
    }

    // The positions conditionLoss() needs for the rows of `conditions`.
    void lossPositions(Conditions &conditions) const
    {
        const int64_t widest = blocks.widestBlock();
        const int64_t pad = transformer.outputDimension(); // the -inf column of BlockOps::padded
        const size_t batch = conditions.chosen.size();
        conditions.blockPositions.resize(batch * size_t(widest));
        conditions.target.resize(batch);
        for (size_t i = 0; i < batch; ++i) {
            const auto [b, c] = conditions.chosen[i];
            const auto &span = transformer.spans()[size_t(transformer.discreteBlocks()[size_t(b)].span)];
            for (int64_t j = 0; j < widest; ++j)
                conditions.blockPositions[i * size_t(widest) + size_t(j)] = j < span.width ? span.start + j : pad;
            conditions.target[i] = span.start + c;
        }
    }

    torch::Tensor indexTensor(const std::vector<int64_t> &values, int64_t rows, int64_t cols) const
    {
        return torch::from_blob(const_cast<int64_t *>(values.data()), { rows, cols }, torch::kInt64).clone().to(device);
    }

    torch::Tensor toTensor(const std::vector<float> &values, int64_t rows, int64_t cols) const
    {
        return torch::from_blob(const_cast<float *>(values.data()), { rows, cols }, torch::kFloat32)
            .clone()
            .to(device);
    }

    // Draws `rows` rows, all with `fixedCondition` in the condition vector when given, else with conditions
    // sampled as the reference's sample_original_condvec does. Returns the decoded table.
    Result<Table> draw(qint64 rows, std::uint64_t seed, std::optional<std::pair<int, int>> fixedCondition,
                       JobContext &job)
    {
        torch::manual_seed(seed);
        std::mt19937_64 rng(seed);
        torch::NoGradGuard noGrad;
        // The reference samples with batch statistics (the generator stays in training mode); so do we.
        generator->train();
        const int batch = settings.batchSize;
        const int64_t dim = transformer.outputDimension();
        const qint64 steps = rows / batch + 1;
        std::vector<float> out;
        out.reserve(size_t(steps * batch * dim));
        Conditions conditions;
        for (qint64 step = 0; step < steps; ++step) {
            if (job.isCancelled())
                return cancelledError();
            const torch::Tensor z = torch::randn({ batch, settings.embedding }).to(device);
            torch::Tensor condition;
            if (condDim > 0) {
                if (fixedCondition)
                    conditions.position.assign(size_t(batch),
                                               condOffset[size_t(fixedCondition->first)] + fixedCondition->second);
                else
                    sampleConditions(batch, rng, conditions);
                condition = indexTensor(conditions.position, batch, 1).view({ batch });
            }
            const torch::Tensor fake = activate(generator->forward(z, condition)).to(torch::kCPU).contiguous();
            out.insert(out.end(), fake.data_ptr<float>(), fake.data_ptr<float>() + fake.numel());
        }
        return transformer.inverseTransform(out.data(), rows, nullptr, seed);
    }
};

Ctgan::Ctgan()
    : d(std::make_unique<Private>())
{
}

Ctgan::~Ctgan() = default;

QString Ctgan::displayName() const { return tr("CTGAN (conditional GAN)"); }

QString Ctgan::description() const
{
    return tr("A conditional generative adversarial network that learns multi-modal numbers and rare categories; "
              "slow to train, strong on large mixed tables.");
}

QList<SettingSpec> Ctgan::settings() const
{
    return {
        SettingSpec { QStringLiteral("epochs"), tr("Epochs"), tr("Passes over the training data."), kDefaultEpochs, 1,
                      100000, {} },
        SettingSpec { QStringLiteral("batch_size"), tr("Batch size"),
                      tr("Rows per training step; a multiple of the pac size."), kDefaultBatchSize, 2, 100000, {} },
        SettingSpec { QStringLiteral("pac"), tr("Pac size"),
                      tr("Rows the discriminator judges together (PacGAN), against mode collapse."), kDefaultPac, 1,
                      100, {} },
        SettingSpec { QStringLiteral("embedding_dim"), tr("Noise dimension"), tr("Size of the generator's random input."),
                      kDefaultEmbedding, 1, 4096, {} },
        SettingSpec { QStringLiteral("generator_lr"), tr("Generator learning rate"), tr("Adam step size of the generator."),
                      kDefaultLearningRate, 1e-7, 1.0, {} },
        SettingSpec { QStringLiteral("discriminator_lr"), tr("Discriminator learning rate"),
                      tr("Adam step size of the discriminator."), kDefaultLearningRate, 1e-7, 1.0, {} },
        SettingSpec { QStringLiteral("discriminator_steps"), tr("Discriminator steps"),
                      tr("Discriminator updates per generator update."), 1, 1, 100, {} },
    };
}

Result<void> Ctgan::doFit(const Table &real, const Schema &schema, const FitOptions &options, JobContext &job)
{
    using transforms::integerSetting;
    using transforms::realSetting;
    Settings s;
    {
        const auto epochs = integerSetting(options.settings, QStringLiteral("epochs"), kDefaultEpochs, 1, 100000);
        const auto batch = integerSetting(options.settings, QStringLiteral("batch_size"), kDefaultBatchSize, 2, 100000);
        const auto pac = integerSetting(options.settings, QStringLiteral("pac"), kDefaultPac, 1, 100);
        const auto embedding = integerSetting(options.settings, QStringLiteral("embedding_dim"), kDefaultEmbedding, 1, 4096);
        const auto glr = realSetting(options.settings, QStringLiteral("generator_lr"), kDefaultLearningRate, 1e-7, 1.0);
        const auto dlr = realSetting(options.settings, QStringLiteral("discriminator_lr"), kDefaultLearningRate, 1e-7, 1.0);
        const auto dsteps = integerSetting(options.settings, QStringLiteral("discriminator_steps"), 1, 1, 100);
        for (const Error *e : { epochs.ok() ? nullptr : &epochs.error(), batch.ok() ? nullptr : &batch.error(),
                                pac.ok() ? nullptr : &pac.error(), embedding.ok() ? nullptr : &embedding.error(),
                                glr.ok() ? nullptr : &glr.error(), dlr.ok() ? nullptr : &dlr.error(),
                                dsteps.ok() ? nullptr : &dsteps.error() })
            if (e)
                return *e;
        s.epochs = int(epochs.value());
        s.batchSize = int(batch.value());
        s.pac = int(pac.value());
        s.embedding = int(embedding.value());
        s.generatorLr = glr.value();
        s.discriminatorLr = dlr.value();
        s.discriminatorSteps = int(dsteps.value());
        if (s.batchSize % s.pac != 0 || s.batchSize % 2 != 0)
            return Error { Error::Code::InvalidInput,
                           tr("The setting batch_size must be even and a multiple of pac (%1).").arg(s.pac),
                           QStringLiteral("batch_size=%1, pac=%2").arg(s.batchSize).arg(s.pac) };
    }

    QElapsedTimer clock;
    clock.start();
    transforms::ensureTorchThreads();
    auto p = std::make_unique<Private>();
    p->settings = s;
    p->device = transforms::torchCudaAvailable() ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    job.reportProgress(0.0, tr("Preparing the data"));
    Diagnostics diagnostics;
    transforms::DataTransformer::Options transformOptions;
    transformOptions.seed = options.seed;
    transformOptions.enforceMinMax = options.enforceMinMax;
    if (const Result<void> fitted = p->transformer.fit(real, schema, transformOptions, job, diagnostics); !fitted.ok())
        return fitted;
    for (const Diagnostic &diagnostic : diagnostics)
        addDiagnostic(diagnostic);
    if (p->transformer.outputDimension() == 0)
        return Error { Error::Code::InvalidInput,
                       tr("Every modelled column is constant; CTGAN has nothing to learn. Use the Gaussian copula."),
                       {} };
    const std::vector<float> encoded = p->transformer.transform(real, options.seed);
    if (job.isCancelled())
        return cancelledError();
    setFact(QStringLiteral("preprocess_seconds"), double(clock.nsecsElapsed()) / 1e9);
    setFact(QStringLiteral("encoded_width"), p->transformer.outputDimension());
    const int64_t rows = real.rowCount();
    const int64_t dim = p->transformer.outputDimension();
    // On the CPU the tensor reads `encoded` in place (it outlives training): the encoded table is held once.
    const torch::Tensor data
        = torch::from_blob(const_cast<float *>(encoded.data()), { rows, dim }, torch::kFloat32).to(p->device);

    // Rows of each category and the log-frequency sampling distribution (training-by-sampling).
    p->prepareConditions();
    const auto &blocks = p->transformer.discreteBlocks();
    setFact(QStringLiteral("condition_width"), qint64(p->condDim));
    std::vector<std::vector<std::vector<int64_t>>> rowsByCategory(blocks.size());
    p->cumulative.assign(blocks.size(), {});
    for (size_t b = 0; b < blocks.size(); ++b) {
        const auto &span = p->transformer.spans()[size_t(blocks[b].span)];
        rowsByCategory[b].assign(size_t(span.width), {});
        for (int64_t r = 0; r < rows; ++r) {
            const float *row = encoded.data() + size_t(r * dim + span.start);
            rowsByCategory[b][size_t(std::max_element(row, row + span.width) - row)].push_back(r);
        }
        double total = 0.0;
        std::vector<double> &cum = p->cumulative[b];
        for (const auto &list : rowsByCategory[b]) {
            total += std::log(double(list.size()) + 1.0);
            cum.push_back(total);
        }
        for (double &c : cum)
            c /= total;
        cum.back() = 1.0;
    }

    torch::manual_seed(options.seed);
    std::mt19937_64 rng(options.seed ^ 0xC7A6A11ULL);
    const int64_t condDim = p->condDim;
    p->generator = CtganGenerator(s.embedding + condDim, dim);
    CtganDiscriminator discriminator(dim + condDim, s.pac);
    p->generator->to(p->device);
    discriminator->to(p->device);
    transforms::FusedAdam optimizerG(p->generator->parameters(), { s.generatorLr, 0.5, 0.9, 1e-8, kWeightDecay });
    transforms::FusedAdam optimizerD(discriminator->parameters(), { s.discriminatorLr, 0.5, 0.9, 1e-8, kWeightDecay });
    p->generator->train();
    discriminator->train();
    std::vector<torch::Tensor> discriminatorParameters = discriminator->parameters();

    const int batch = s.batchSize;
    const int64_t steps = std::max<int64_t>(rows / batch, 1);
    Private::Conditions conditions;
    std::vector<int64_t> permutation(static_cast<size_t>(batch)), realRows(static_cast<size_t>(batch));
    std::uniform_int_distribution<int64_t> anyRow(0, rows - 1);
    const QString stage = tr("Training CTGAN");

    for (int epoch = 0; epoch < s.epochs; ++epoch) {
        double sumG = 0.0, sumD = 0.0;
        for (int64_t step = 0; step < steps; ++step) {
            if (job.isCancelled())
                return cancelledError();
            torch::Tensor lossD;
            for (int k = 0; k < s.discriminatorSteps; ++k) {
                const torch::Tensor z = torch::randn({ batch, s.embedding }).to(p->device);
                torch::Tensor c1, c2, condition;
                if (condDim > 0) {
                    p->sampleConditions(batch, rng, conditions);
                    c1 = p->toTensor(conditions.vector, batch, condDim);
                    condition = p->indexTensor(conditions.position, batch, 1).view({ batch });
                    std::iota(permutation.begin(), permutation.end(), 0);
                    std::shuffle(permutation.begin(), permutation.end(), rng);
                    for (int i = 0; i < batch; ++i) {
                        const auto [b, c] = conditions.chosen[size_t(permutation[size_t(i)])];
                        const auto &list = rowsByCategory[size_t(b)][size_t(c)];
                        realRows[size_t(i)] = list.empty()
                            ? anyRow(rng)
                            : list[std::uniform_int_distribution<size_t>(0, list.size() - 1)(rng)];
                    }
                    c2 = c1.index_select(0, torch::tensor(permutation).to(p->device));
                } else {
                    for (int i = 0; i < batch; ++i)
                        realRows[size_t(i)] = anyRow(rng);
                }
                torch::Tensor realBatch = data.index_select(0, torch::tensor(realRows).to(p->device));
                torch::Tensor fakeAct;
                {
                    // The discriminator step needs no gradient through the generator (the reference computes
                    // one and discards it when the generator's gradients are zeroed).
                    torch::NoGradGuard noGrad;
                    fakeAct = p->activate(p->generator->forward(z, condition));
                }
                const torch::Tensor fakeCat = condDim > 0 ? torch::cat({ fakeAct, c1 }, 1) : fakeAct;
                const torch::Tensor realCat = condDim > 0 ? torch::cat({ realBatch, c2 }, 1) : realBatch;
                // Scores and the WGAN-GP gradient penalty on interpolates, one mixing weight per pac group.
                const auto scores = discriminator->scoresWithPenalty(realCat, fakeCat, kGradientPenalty);
                lossD = -(scores.real.mean() - scores.fake.mean());
                optimizerD.zeroGrad();
                (scores.penalty + lossD).backward();
                optimizerD.step();
            }

            const torch::Tensor z = torch::randn({ batch, s.embedding }).to(p->device);
            torch::Tensor c1, condition, blockPositions, target;
            if (condDim > 0) {
                p->sampleConditions(batch, rng, conditions);
                p->lossPositions(conditions);
                c1 = p->toTensor(conditions.vector, batch, condDim);
                condition = p->indexTensor(conditions.position, batch, 1).view({ batch });
                blockPositions = p->indexTensor(conditions.blockPositions, batch, p->blocks.widestBlock());
                target = p->indexTensor(conditions.target, batch, 1);
            }
            const torch::Tensor fake = p->generator->forward(z, condition);
            const torch::Tensor fakeAct = p->activate(fake);
            // The generator step needs the discriminator's input gradient only, not its weight gradients.
            for (auto &parameter : discriminatorParameters)
                parameter.requires_grad_(false);
            const torch::Tensor yFake = discriminator->forward(condDim > 0 ? torch::cat({ fakeAct, c1 }, 1) : fakeAct);
            for (auto &parameter : discriminatorParameters)
                parameter.requires_grad_(true);
            torch::Tensor lossG = -yFake.mean();
            if (condDim > 0)
                lossG = lossG + p->conditionLoss(fake, blockPositions, target);
            optimizerG.zeroGrad();
            lossG.backward();
            optimizerG.step();

            sumG += lossG.item<double>();
            sumD += lossD.item<double>();
            if (step % 16 == 0)
                job.reportProgress((double(epoch) + double(step) / double(steps)) / double(s.epochs),
                                   stage + QStringLiteral(" (%1/%2)").arg(epoch + 1).arg(s.epochs));
        }
        const double meanG = sumG / double(steps), meanD = sumD / double(steps);
        if (!std::isfinite(meanG) || !std::isfinite(meanD))
            return Error { Error::Code::Numerical, tr("CTGAN training diverged (the loss is no longer a number)."),
                           QStringLiteral("epoch %1").arg(epoch + 1) };
        recordLoss(job, QStringLiteral("generator_loss"), epoch + 1, meanG);
        recordLoss(job, QStringLiteral("discriminator_loss"), epoch + 1, meanD);
    }
    job.reportProgress(1.0, stage);
    setFact(QStringLiteral("fit_seconds"), double(clock.nsecsElapsed()) / 1e9);
    setFact(QStringLiteral("device"), p->device.is_cuda() ? QStringLiteral("cuda") : QStringLiteral("cpu"));
    setFact(QStringLiteral("torch_threads"), at::get_num_threads());
    setFact(QStringLiteral("openblas"), transforms::openBlasLoaded());
    setFact(QStringLiteral("onednn_gemm"), transforms::fastGemmAvailable());
    d = std::move(p);
    return {};
}

Result<Table> Ctgan::doSample(qint64 rows, quint64 seed, JobContext &job)
{
    return d->draw(rows, seed, std::nullopt, job);
}

Result<transforms::ConditionalSample> Ctgan::sampleWhere(qint64 rows,
                                                         const QList<transforms::ColumnCondition> &conditions,
                                                         quint64 seed, JobContext &job)
{
    if (!isFitted())
        return Error { Error::Code::InvalidInput, tr("The generator has not been trained yet."), {} };
    std::optional<std::pair<int, int>> fixed;
    for (const auto &condition : conditions) {
        if (!d->transformer.isCategorical(condition.column))
            return Error { Error::Code::InvalidInput,
                           tr("Conditions can only name categorical columns; %1 is not one.").arg(condition.column), {} };
        const auto index = d->transformer.conditionIndex(condition.column, condition.value);
        if (!index)
            return Error { Error::Code::InvalidInput,
                           tr("The value %1 never occurs in column %2 of the training data.")
                               .arg(condition.value, condition.column),
                           transforms::describeConditions({ condition }) };
        if (!fixed)
            fixed = std::make_pair(index->block, index->position);
    }
    if (const auto refused = transforms::neverTogether(d->transformer, conditions))
        return transforms::ConditionalSample { Table {}, 0, *refused };
    const qint64 maxTries = std::max<qint64>(rows * 100, 10000);
    return transforms::sampleByRejection(
        rows, conditions, seed, maxTries,
        [&](qint64 n, std::uint64_t s) { return d->draw(n, s, fixed, job); }, job);
}

Result<void> Ctgan::doSave(QDataStream &out) const
{
    const Settings &s = d->settings;
    out << qint32(s.epochs) << qint32(s.batchSize) << qint32(s.pac) << qint32(s.embedding) << s.generatorLr
        << s.discriminatorLr << qint32(s.discriminatorSteps);
    d->transformer.save(out);
    out << qint32(d->cumulative.size());
    for (const auto &cum : d->cumulative) {
        out << qint32(cum.size());
        for (double c : cum)
            out << c;
    }
    d->generator->to(torch::kCPU);
    out << transforms::moduleBytes(d->generator.ptr());
    d->generator->to(d->device);
    return {};
}

Result<void> Ctgan::doLoad(QDataStream &in, int formatVersion)
{
    Q_UNUSED(formatVersion);
    auto p = std::make_unique<Private>();
    qint32 epochs = 0, batch = 0, pac = 0, embedding = 0, dsteps = 0, blocks = 0;
    in >> epochs >> batch >> pac >> embedding >> p->settings.generatorLr >> p->settings.discriminatorLr >> dsteps;
    p->settings.epochs = epochs;
    p->settings.batchSize = batch;
    p->settings.pac = pac;
    p->settings.embedding = embedding;
    p->settings.discriminatorSteps = dsteps;
    const Error corrupt { Error::Code::InvalidInput, tr("The model file is damaged or incomplete."),
                          QStringLiteral("ctgan") };
    // The settings' own ranges: a larger network or batch than training allows is damage.
    if (in.status() != QDataStream::Ok || batch < 2 || batch > 100000 || pac < 1 || pac > 100 || embedding < 1
        || embedding > 4096)
        return corrupt;
    if (const Result<void> loaded = p->transformer.load(in); !loaded.ok())
        return loaded;
    transforms::ensureTorchThreads();
    p->device = transforms::torchCudaAvailable() ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    p->prepareConditions();
    in >> blocks;
    if (in.status() != QDataStream::Ok || blocks != qint32(p->condOffset.size()))
        return corrupt;
    p->cumulative.resize(size_t(blocks));
    for (auto &cum : p->cumulative) {
        qint32 n = 0;
        in >> n;
        if (n <= 0 || n > 100000)
            return corrupt;
        cum.resize(size_t(n));
        for (double &c : cum)
            in >> c;
    }
    QByteArray weights;
    in >> weights;
    if (in.status() != QDataStream::Ok)
        return corrupt;
    p->generator = CtganGenerator(p->settings.embedding + p->condDim, p->transformer.outputDimension());
    transforms::loadModuleBytes(p->generator.ptr(), weights);
    p->generator->to(p->device);
    d = std::move(p);
    return {};
}

std::unique_ptr<Generator> makeCtgan() { return std::make_unique<Ctgan>(); }

} // namespace core
