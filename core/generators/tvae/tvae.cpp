// SPDX-License-Identifier: MIT
#include "core/generators/tvae/tvae.h"

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
#include <numeric>
#include <random>
#include <sstream>

namespace core {

namespace {

using transforms::DataTransformer;

QString tr(const char *text) { return QCoreApplication::translate("core::Tvae", text); }

constexpr int kDefaultEpochs = 300;
constexpr int kDefaultBatchSize = 500;
constexpr int kDefaultEmbedding = 128;
constexpr double kDefaultLossFactor = 2.0;
constexpr double kDefaultLearningRate = 1e-3;
constexpr double kWeightDecay = 1e-5;
const std::vector<int64_t> kHiddenDims { 128, 128 };

struct TvaeEncoderImpl : torch::nn::Module {
    TvaeEncoderImpl(int64_t dataDim, int64_t embedding)
    {
        int64_t dim = dataDim;
        for (int64_t width : kHiddenDims) {
            seq->push_back(torch::nn::Linear(dim, width));
            seq->push_back(torch::nn::ReLU());
            dim = width;
        }
        register_module("seq", seq);
        mu = register_module("mu", torch::nn::Linear(dim, embedding));
        logvar = register_module("logvar", torch::nn::Linear(dim, embedding));
    }
    torch::nn::Sequential seq;
    torch::nn::Linear mu { nullptr }, logvar { nullptr };
};
TORCH_MODULE(TvaeEncoder);

struct TvaeDecoderImpl : torch::nn::Module {
    TvaeDecoderImpl(int64_t embedding, int64_t dataDim)
    {
        int64_t dim = embedding;
        for (int64_t width : kHiddenDims) {
            seq->push_back(torch::nn::Linear(dim, width));
            seq->push_back(torch::nn::ReLU());
            dim = width;
        }
        seq->push_back(torch::nn::Linear(dim, dataDim));
        register_module("seq", seq);
        sigma = register_parameter("sigma", torch::ones({ dataDim }) * 0.1);
    }
    torch::Tensor forward(const torch::Tensor &z) { return transforms::forwardSequential(seq, z); }
    torch::nn::Sequential seq;
    torch::Tensor sigma;
};
TORCH_MODULE(TvaeDecoder);

struct Settings {
    int epochs = kDefaultEpochs;
    int batchSize = kDefaultBatchSize;
    int embedding = kDefaultEmbedding;
    double lossFactor = kDefaultLossFactor;
    double learningRate = kDefaultLearningRate;
};

} // namespace

struct Tvae::Private {
    DataTransformer transformer;
    Settings settings;
    TvaeDecoder decoder { nullptr };
    torch::Device device { torch::kCPU };
    transforms::BlockOps blocks; // whole-batch operations over the encoded blocks

    Result<Table> draw(qint64 rows, std::uint64_t seed, JobContext &job)
    {
        torch::manual_seed(seed);
        torch::NoGradGuard noGrad;
        decoder->eval();
        const int batch = settings.batchSize;
        const qint64 steps = rows / batch + 1;
        const int64_t dim = transformer.outputDimension();
        std::vector<float> out;
        out.reserve(size_t(steps * batch * dim));
        for (qint64 step = 0; step < steps; ++step) {
            if (job.isCancelled())
                return cancelledError();
            const torch::Tensor noise = torch::randn({ batch, settings.embedding }).to(device);
            const torch::Tensor raw = decoder->forward(noise);
            // Continuous alphas are read through tanh (their noise is added on decoding); each one-hot block is
            // drawn from the categorical likelihood the decoder was trained with. (The reference takes the
            // argmax, which never produces a minority category the latent code does not carry, e.g. a 20 %
            // missing flag.)
            const torch::Tensor fake = blocks.sampleOneHot(raw).to(torch::kCPU).contiguous();
            out.insert(out.end(), fake.data_ptr<float>(), fake.data_ptr<float>() + fake.numel());
        }
        const torch::Tensor sigma = decoder->sigma.detach().to(torch::kCPU).contiguous();
        const std::vector<float> sigmas(sigma.data_ptr<float>(), sigma.data_ptr<float>() + sigma.numel());
        return transformer.inverseTransform(out.data(), rows, &sigmas, seed);
    }
};

Tvae::Tvae()
    : d(std::make_unique<Private>())
{
}

Tvae::~Tvae() = default;

QString Tvae::displayName() const { return tr("TVAE (variational autoencoder)"); }

QString Tvae::description() const
{
    return tr("A variational autoencoder for mixed tables; trains faster than CTGAN and often matches it.");
}

QList<SettingSpec> Tvae::settings() const
{
    return {
        SettingSpec { QStringLiteral("epochs"), tr("Epochs"), tr("Passes over the training data."), kDefaultEpochs, 1,
                      100000, {} },
        SettingSpec { QStringLiteral("batch_size"), tr("Batch size"), tr("Rows per training step."), kDefaultBatchSize, 2,
                      100000, {} },
        SettingSpec { QStringLiteral("embedding_dim"), tr("Latent dimension"), tr("Size of the latent space."),
                      kDefaultEmbedding, 1, 4096, {} },
        SettingSpec { QStringLiteral("loss_factor"), tr("Loss factor"),
                      tr("Weight of the reconstruction error against the KL divergence."), kDefaultLossFactor, 1e-6,
                      1e6, {} },
        SettingSpec { QStringLiteral("learning_rate"), tr("Learning rate"), tr("Adam step size."), kDefaultLearningRate,
                      1e-7, 1.0, {} },
    };
}

Result<void> Tvae::doFit(const Table &real, const Schema &schema, const FitOptions &options, JobContext &job)
{
    using transforms::integerSetting;
    using transforms::realSetting;
    Settings s;
    {
        const auto epochs = integerSetting(options.settings, QStringLiteral("epochs"), kDefaultEpochs, 1, 100000);
        const auto batch = integerSetting(options.settings, QStringLiteral("batch_size"), kDefaultBatchSize, 2, 100000);
        const auto embedding = integerSetting(options.settings, QStringLiteral("embedding_dim"), kDefaultEmbedding, 1, 4096);
        const auto factor = realSetting(options.settings, QStringLiteral("loss_factor"), kDefaultLossFactor, 1e-6, 1e6);
        const auto lr = realSetting(options.settings, QStringLiteral("learning_rate"), kDefaultLearningRate, 1e-7, 1.0);
        for (const Error *e : { epochs.ok() ? nullptr : &epochs.error(), batch.ok() ? nullptr : &batch.error(),
                                embedding.ok() ? nullptr : &embedding.error(), factor.ok() ? nullptr : &factor.error(),
                                lr.ok() ? nullptr : &lr.error() })
            if (e)
                return *e;
        s.epochs = int(epochs.value());
        s.batchSize = int(batch.value());
        s.embedding = int(embedding.value());
        s.lossFactor = factor.value();
        s.learningRate = lr.value();
    }

    QElapsedTimer clock;
    clock.start();
    transforms::ensureTorchThreads();
    auto p = std::make_unique<Private>();
    p->settings = s;
    p->device = transforms::torchCudaAvailable() ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    job.reportProgress(0.0, tr("Preparing the data"));
    Diagnostics diagnostics;
    DataTransformer::Options transformOptions;
    transformOptions.seed = options.seed;
    transformOptions.enforceMinMax = options.enforceMinMax;
    if (const Result<void> fitted = p->transformer.fit(real, schema, transformOptions, job, diagnostics); !fitted.ok())
        return fitted;
    for (const Diagnostic &diagnostic : diagnostics)
        addDiagnostic(diagnostic);
    const int64_t dim = p->transformer.outputDimension();
    if (dim == 0)
        return Error { Error::Code::InvalidInput,
                       tr("Every modelled column is constant; TVAE has nothing to learn. Use the Gaussian copula."), {} };
    const std::vector<float> encoded = p->transformer.transform(real, options.seed);
    if (job.isCancelled())
        return cancelledError();
    setFact(QStringLiteral("preprocess_seconds"), double(clock.nsecsElapsed()) / 1e9);
    setFact(QStringLiteral("encoded_width"), int(dim));
    const int64_t rows = real.rowCount();
    // On the CPU the tensor reads `encoded` in place (it outlives training): the encoded table is held once.
    const torch::Tensor data
        = torch::from_blob(const_cast<float *>(encoded.data()), { rows, dim }, torch::kFloat32).to(p->device);

    // Continuous alpha positions (tanh) are scored by a Gaussian with learnt sigma; one-hot blocks by cross-entropy.
    p->blocks = transforms::BlockOps(p->transformer, p->device);
    const torch::Tensor &alphaIndex = p->blocks.alphaIndex();

    torch::manual_seed(options.seed);
    std::mt19937_64 rng(options.seed ^ 0x7A5EULL);
    TvaeEncoder encoder(dim, s.embedding);
    p->decoder = TvaeDecoder(s.embedding, dim);
    encoder->to(p->device);
    p->decoder->to(p->device);
    std::vector<torch::Tensor> parameters = encoder->parameters();
    for (const torch::Tensor &t : p->decoder->parameters())
        parameters.push_back(t);
    transforms::FusedAdam optimizer(parameters, { s.learningRate, 0.9, 0.999, 1e-8, kWeightDecay });
    encoder->train();
    p->decoder->train();

    std::vector<int64_t> order(static_cast<size_t>(rows));
    const QString stage = tr("Training TVAE");
    const int64_t steps = (rows + s.batchSize - 1) / s.batchSize;
    for (int epoch = 0; epoch < s.epochs; ++epoch) {
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        const torch::Tensor permutation = torch::tensor(order, torch::kInt64).to(p->device);
        double sumLoss = 0.0, sumRec = 0.0, sumKl = 0.0;
        for (int64_t step = 0; step < steps; ++step) {
            if (job.isCancelled())
                return cancelledError();
            const int64_t begin = step * s.batchSize;
            const int64_t n = std::min<int64_t>(s.batchSize, rows - begin);
            const torch::Tensor real = data.index_select(0, permutation.narrow(0, begin, n));
            const torch::Tensor hidden = transforms::forwardSequential(encoder->seq, real);
            // mu and logvar in one product (the two heads share their input).
            const std::vector<torch::Tensor> heads
                = transforms::linear(hidden, torch::cat({ encoder->mu->weight, encoder->logvar->weight }),
                                     torch::cat({ encoder->mu->bias, encoder->logvar->bias }))
                      .chunk(2, 1);
            const torch::Tensor &mu = heads[0];
            const torch::Tensor &logvar = heads[1];
            const torch::Tensor stddev = torch::exp(0.5 * logvar);
            const torch::Tensor embedding = torch::randn_like(stddev) * stddev + mu;
            const torch::Tensor recon = p->decoder->forward(embedding);
            const torch::Tensor &sigmas = p->decoder->sigma;

            torch::Tensor reconstruction = p->blocks.crossEntropySum(recon, real);
            if (alphaIndex.numel() > 0) {
                const torch::Tensor sig = sigmas.index_select(0, alphaIndex);
                const torch::Tensor diff = real.index_select(1, alphaIndex) - torch::tanh(recon.index_select(1, alphaIndex));
                reconstruction = reconstruction + (diff.pow(2) / 2 / sig.pow(2)).sum() + torch::log(sig).sum() * double(n);
            }
            const torch::Tensor kl = -0.5 * torch::sum(1 + logvar - mu.pow(2) - logvar.exp());
            const torch::Tensor loss1 = reconstruction * s.lossFactor / double(n);
            const torch::Tensor loss2 = kl / double(n);
            const torch::Tensor loss = loss1 + loss2;
            optimizer.zeroGrad();
            loss.backward();
            optimizer.step();
            {
                torch::NoGradGuard noGrad;
                p->decoder->sigma.clamp_(0.01, 1.0);
            }
            sumLoss += loss.item<double>();
            sumRec += loss1.item<double>();
            sumKl += loss2.item<double>();
            if (step % 16 == 0)
                job.reportProgress((double(epoch) + double(step) / double(steps)) / double(s.epochs),
                                   stage + QStringLiteral(" (%1/%2)").arg(epoch + 1).arg(s.epochs));
        }
        if (!std::isfinite(sumLoss))
            return Error { Error::Code::Numerical, tr("TVAE training diverged (the loss is no longer a number)."),
                           QStringLiteral("epoch %1").arg(epoch + 1) };
        recordLoss(job, QStringLiteral("loss"), epoch + 1, sumLoss / double(steps));
        recordLoss(job, QStringLiteral("reconstruction_loss"), epoch + 1, sumRec / double(steps));
        recordLoss(job, QStringLiteral("kl_loss"), epoch + 1, sumKl / double(steps));
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

Result<Table> Tvae::doSample(qint64 rows, quint64 seed, JobContext &job) { return d->draw(rows, seed, job); }

Result<transforms::ConditionalSample> Tvae::sampleWhere(qint64 rows, const QList<transforms::ColumnCondition> &conditions,
                                                        quint64 seed, JobContext &job)
{
    if (!isFitted())
        return Error { Error::Code::InvalidInput, tr("The generator has not been trained yet."), {} };
    for (const auto &condition : conditions) {
        if (!d->transformer.isCategorical(condition.column))
            return Error { Error::Code::InvalidInput,
                           tr("Conditions can only name categorical columns; %1 is not one.").arg(condition.column), {} };
        if (!d->transformer.conditionIndex(condition.column, condition.value))
            return Error { Error::Code::InvalidInput,
                           tr("The value %1 never occurs in column %2 of the training data.")
                               .arg(condition.value, condition.column),
                           transforms::describeConditions({ condition }) };
    }
    if (const auto refused = transforms::neverTogether(d->transformer, conditions))
        return transforms::ConditionalSample { Table {}, 0, *refused };
    const qint64 maxTries = std::max<qint64>(rows * 100, 10000);
    return transforms::sampleByRejection(
        rows, conditions, seed, maxTries, [&](qint64 n, std::uint64_t s) { return d->draw(n, s, job); }, job);
}

Result<void> Tvae::doSave(QDataStream &out) const
{
    const Settings &s = d->settings;
    out << qint32(s.epochs) << qint32(s.batchSize) << qint32(s.embedding) << s.lossFactor << s.learningRate;
    d->transformer.save(out);
    d->decoder->to(torch::kCPU);
    out << transforms::moduleBytes(d->decoder.ptr());
    d->decoder->to(d->device);
    return {};
}

Result<void> Tvae::doLoad(QDataStream &in, int formatVersion)
{
    Q_UNUSED(formatVersion);
    auto p = std::make_unique<Private>();
    qint32 epochs = 0, batch = 0, embedding = 0;
    in >> epochs >> batch >> embedding >> p->settings.lossFactor >> p->settings.learningRate;
    p->settings.epochs = epochs;
    p->settings.batchSize = batch;
    p->settings.embedding = embedding;
    const Error corrupt { Error::Code::InvalidInput, tr("The model file is damaged or incomplete."), QStringLiteral("tvae") };
    // The settings' own ranges: a larger network or batch than training allows is damage.
    if (in.status() != QDataStream::Ok || batch < 1 || batch > 100000 || embedding < 1 || embedding > 4096)
        return corrupt;
    if (const Result<void> loaded = p->transformer.load(in); !loaded.ok())
        return loaded;
    QByteArray weights;
    in >> weights;
    if (in.status() != QDataStream::Ok)
        return corrupt;
    transforms::ensureTorchThreads();
    p->decoder = TvaeDecoder(p->settings.embedding, p->transformer.outputDimension());
    transforms::loadModuleBytes(p->decoder.ptr(), weights);
    p->device = transforms::torchCudaAvailable() ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    p->decoder->to(p->device);
    p->blocks = transforms::BlockOps(p->transformer, p->device);
    d = std::move(p);
    return {};
}

std::unique_ptr<Generator> makeTvae() { return std::make_unique<Tvae>(); }

} // namespace core
