// SPDX-License-Identifier: MIT
// The whole-batch kernels CTGAN and TVAE train with, against LibTorch's own operations as the reference:
// BlockOps against the per-block loop of the reference code, FusedAdam against torch::optim::Adam, gemm()
// (oneDNN when loaded) against torch::mm, values and gradients.
#include "core/generators/transforms/blockops.h"
#include "core/generators/transforms/conditionalsampler.h"
#include "core/generators/transforms/datatransformer.h"
#include "core/generators/transforms/fastgemm.h"
#include "core/generators/transforms/fusedadam.h"

#include "tst_neuralcommon.h"

#include <QTest>

namespace {

using core::transforms::DataTransformer;

DataTransformer fittedTransformer()
{
    auto [table, schema] = neuraltest::smallTable();
    DataTransformer transformer;
    core::SilentJob job;
    core::Diagnostics diagnostics;
    DataTransformer::Options options;
    options.seed = 3;
    const auto fitted = transformer.fit(table, schema, options, job, diagnostics);
    if (!fitted.ok())
        qFatal("%s", qPrintable(fitted.error().toString()));
    return transformer;
}

// One-hot rows: one random category per block, random alphas in (-1, 1).
torch::Tensor oneHotBatch(const DataTransformer &transformer, int64_t rows)
{
    torch::Tensor batch = torch::zeros({ rows, transformer.outputDimension() });
    for (const auto &span : transformer.spans()) {
        if (span.activation == DataTransformer::Activation::Tanh) {
            batch.narrow(1, span.start, span.width).uniform_(-0.9, 0.9);
            continue;
        }
        const torch::Tensor category = torch::randint(span.width, { rows, 1 }, torch::kInt64);
        batch.narrow(1, span.start, span.width).scatter_(1, category, 1.0);
    }
    return batch;
}

bool close(const torch::Tensor &a, const torch::Tensor &b, double tolerance = 1e-4)
{
    return a.sizes() == b.sizes() && torch::allclose(a, b, tolerance, tolerance);
}

} // namespace

class TestTorchKernels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        torch::manual_seed(11);
        at::set_num_threads(1);
    }

    void blocksCoverEverySpan()
    {
        const DataTransformer transformer = fittedTransformer();
        QVERIFY(transformer.spans().size() >= 6); // alphas, modes, two categoricals, a missing flag
        const core::transforms::BlockOps ops(transformer, torch::kCPU);
        QCOMPARE(ops.width(), int64_t(transformer.outputDimension()));
        int64_t alphas = 0, widest = 0;
        for (const auto &span : transformer.spans()) {
            if (span.activation == DataTransformer::Activation::Tanh)
                alphas += span.width;
            else
                widest = std::max<int64_t>(widest, span.width);
        }
        QCOMPARE(ops.alphaIndex().numel(), alphas);
        QCOMPARE(ops.widestBlock(), widest);
    }

    void gumbelActivationIsPerBlockSoftmax()
    {
        // With tau huge the Gumbel noise vanishes: softmax(raw / tau) per block, tanh on alphas, computed
        // here block by block as the reference's _apply_activate does.
        const DataTransformer transformer = fittedTransformer();
        const core::transforms::BlockOps ops(transformer, torch::kCPU);
        const torch::Tensor raw = torch::randn({ 7, transformer.outputDimension() }) * 3;
        const double tau = 1e9;
        std::vector<torch::Tensor> parts;
        for (const auto &span : transformer.spans()) {
            const torch::Tensor x = raw.narrow(1, span.start, span.width);
            parts.push_back(span.activation == DataTransformer::Activation::Tanh ? torch::tanh(x)
                                                                                 : torch::softmax(x / tau, 1));
        }
        QVERIFY(close(ops.gumbelActivate(raw, tau), torch::cat(parts, 1)));
        // With the usual tau every block still sums to one and nothing is NaN.
        const torch::Tensor activated = ops.gumbelActivate(raw, 0.2);
        QVERIFY(!activated.isnan().any().item<bool>());
        for (const auto &span : transformer.spans())
            if (span.activation == DataTransformer::Activation::Softmax)
                QVERIFY(close(activated.narrow(1, span.start, span.width).sum(1), torch::ones({ 7 })));
    }

    void crossEntropyMatchesTorchPerBlock()
    {
        const DataTransformer transformer = fittedTransformer();
        const core::transforms::BlockOps ops(transformer, torch::kCPU);
        const torch::Tensor target = oneHotBatch(transformer, 9);
        const torch::Tensor raw = (torch::randn({ 9, transformer.outputDimension() }) * 2).requires_grad_(true);
        torch::Tensor expected = torch::zeros({});
        for (const auto &span : transformer.spans())
            if (span.activation == DataTransformer::Activation::Softmax)
                expected = expected
                    + torch::nn::functional::cross_entropy(
                               raw.narrow(1, span.start, span.width), target.narrow(1, span.start, span.width).argmax(1),
                               torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
        const torch::Tensor expectedGrad = torch::autograd::grad({ expected }, { raw })[0];
        const torch::Tensor actual = ops.crossEntropySum(raw, target);
        const torch::Tensor actualGrad = torch::autograd::grad({ actual }, { raw })[0];
        QVERIFY(close(actual, expected));
        QVERIFY(close(actualGrad, expectedGrad));
    }

    void sampledOneHotFollowsTheSoftmax()
    {
        const DataTransformer transformer = fittedTransformer();
        const core::transforms::BlockOps ops(transformer, torch::kCPU);
        // Every row the same logits: the share of each category over many rows approaches its softmax.
        const torch::Tensor row = torch::randn({ 1, transformer.outputDimension() });
        const torch::Tensor drawn = ops.sampleOneHot(row.expand({ 20000, -1 }).contiguous());
        for (const auto &span : transformer.spans()) {
            const torch::Tensor block = drawn.narrow(1, span.start, span.width);
            if (span.activation == DataTransformer::Activation::Tanh) {
                QVERIFY(close(block.narrow(0, 0, 1), torch::tanh(row.narrow(1, span.start, span.width))));
                continue;
            }
            QVERIFY(close(block.sum(1), torch::ones({ 20000 })));
            const torch::Tensor share = block.mean(0);
            const torch::Tensor expected = torch::softmax(row.narrow(1, span.start, span.width), 1).squeeze(0);
            QVERIFY2(close(share, expected, 0.02), qPrintable(QStringLiteral("block at %1").arg(span.start)));
        }
    }

    void fusedAdamMatchesTorchAdam()
    {
        // Same start, same gradients: the parameters after five steps agree with torch::optim::Adam's.
        const torch::Tensor start = torch::randn({ 33, 17 });
        torch::Tensor mine = start.clone().requires_grad_(true);
        torch::Tensor theirs = start.clone().requires_grad_(true);
        core::transforms::FusedAdam fused({ mine }, { 2e-3, 0.5, 0.9, 1e-8, 1e-2 });
        torch::optim::Adam adam({ theirs }, torch::optim::AdamOptions(2e-3).betas({ 0.5, 0.9 }).weight_decay(1e-2));
        for (int step = 0; step < 5; ++step) {
            const torch::Tensor target = torch::randn({ 33, 17 });
            fused.zeroGrad();
            adam.zero_grad();
            (mine - target).pow(2).sum().backward();
            (theirs - target).pow(2).sum().backward();
            QVERIFY(close(mine.grad(), theirs.grad()));
            fused.step();
            adam.step();
        }
        QVERIFY(close(mine, theirs, 1e-5));
        QVERIFY(!close(mine, start, 1e-5));
    }

    void gemmMatchesTorch_data()
    {
        QTest::addColumn<bool>("transposeB");
        QTest::addColumn<bool>("withBias");
        QTest::addColumn<bool>("sliceB");
        QTest::newRow("linear") << true << true << false;
        QTest::newRow("linear, no bias") << true << false << false;
        QTest::newRow("plain product") << false << false << false;
        QTest::newRow("column slice of a weight") << true << false << true;
    }

    void gemmMatchesTorch()
    {
        QFETCH(bool, transposeB);
        QFETCH(bool, withBias);
        QFETCH(bool, sliceB);
        const int64_t m = 37, k = 29, n = 23;
        const torch::Tensor a = torch::randn({ m, k }).requires_grad_(true);
        // A column slice of a wider weight, as the generator's per-input products use.
        const int64_t columns = sliceB ? k + 5 : k;
        const torch::Tensor whole
            = torch::randn(transposeB ? std::vector<int64_t> { n, columns } : std::vector<int64_t> { k, n })
                  .requires_grad_(true);
        const torch::Tensor b = sliceB ? whole.narrow(1, 2, k) : whole;
        const torch::Tensor bias = withBias ? torch::randn({ n }).requires_grad_(true) : torch::Tensor();
        const torch::Tensor product = transposeB ? b.t() : b;
        const torch::Tensor expected = withBias ? torch::addmm(bias, a, product) : torch::mm(a, product);
        const torch::Tensor actual = core::transforms::gemm(a, b, bias, transposeB);
        QVERIFY(close(actual, expected));
        const torch::Tensor upstream = torch::randn({ m, n });
        std::vector<torch::Tensor> inputs { a, whole };
        if (withBias)
            inputs.push_back(bias);
        const auto expectedGrads = torch::autograd::grad({ expected }, inputs, { upstream });
        const auto actualGrads = torch::autograd::grad({ actual }, inputs, { upstream });
        for (size_t i = 0; i < inputs.size(); ++i)
            QVERIFY2(close(actualGrads[i], expectedGrads[i]), qPrintable(QStringLiteral("gradient %1").arg(i)));
    }

    void concatLinearMatchesLinearOnTheConcatenation_data()
    {
        QTest::addColumn<bool>("withH");
        QTest::addColumn<bool>("withCondition");
        QTest::newRow("h, z and condition") << true << true;
        QTest::newRow("z and condition") << false << true;
        QTest::newRow("h and z") << true << false;
    }

    void concatLinearMatchesLinearOnTheConcatenation()
    {
        QFETCH(bool, withH);
        QFETCH(bool, withCondition);
        const int64_t rows = 31, hCols = withH ? 12 : 0, zCols = 9, conditions = withCondition ? 7 : 0, out = 11;
        const torch::Tensor h = withH ? torch::randn({ rows, hCols }).requires_grad_(true) : torch::Tensor();
        const torch::Tensor z = torch::randn({ rows, zCols });
        const torch::Tensor condition = withCondition ? torch::randint(conditions, { rows }, torch::kInt64) : torch::Tensor();
        const torch::Tensor weight = torch::randn({ out, hCols + zCols + conditions }).requires_grad_(true);
        const torch::Tensor bias = torch::randn({ out }).requires_grad_(true);
        std::vector<torch::Tensor> parts;
        if (withH)
            parts.push_back(h);
        parts.push_back(z);
        if (withCondition)
            parts.push_back(torch::one_hot(condition, conditions).to(torch::kFloat32));
        const torch::Tensor expected = torch::addmm(bias, torch::cat(parts, 1), weight.t());
        const torch::Tensor actual = core::transforms::concatLinear(h, z, condition, weight, bias);
        QVERIFY(close(actual, expected));
        const torch::Tensor upstream = torch::randn({ rows, out });
        std::vector<torch::Tensor> inputs { weight, bias };
        if (withH)
            inputs.push_back(h);
        const auto expectedGrads = torch::autograd::grad({ expected }, inputs, { upstream });
        const auto actualGrads = torch::autograd::grad({ actual }, inputs, { upstream });
        for (size_t i = 0; i < inputs.size(); ++i)
            QVERIFY2(close(actualGrads[i], expectedGrads[i]), qPrintable(QStringLiteral("gradient %1").arg(i)));
    }
};

QTEST_GUILESS_MAIN(TestTorchKernels)
#include "tst_torchkernels.moc"
