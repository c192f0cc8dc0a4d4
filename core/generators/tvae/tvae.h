// SPDX-License-Identifier: MIT
#pragma once

#include "core/generators/generator.h"
#include "core/generators/transforms/conditionalsampler.h"

#include <memory>

namespace core {

/// TVAE (Xu et al., NeurIPS 2019) in LibTorch, as the reference implements it: the same mode-specific
/// normalisation as CTGAN, encoder and decoder (128, 128) with ReLU, a 128-d latent space, loss =
/// loss factor 2 x reconstruction (squared error over a learnt sigma per continuous column, clamped to
/// [0.01, 1], plus cross-entropy per one-hot block) + KL divergence; Adam 1e-3, weight decay 1e-5,
/// batch 500, 300 epochs. Sampling decodes standard normal noise, adds the learnt sigma's noise to the
/// continuous values and draws each one-hot block from its softmax (the reference takes the argmax, which
/// never yields a minority category the latent code does not carry). Trains on CUDA when available, else on the CPU. Losses per epoch: "loss",
/// "reconstruction_loss", "kl_loss".
class Tvae final : public Generator {
public:
    Tvae();
    ~Tvae() override;

    QString id() const override { return QStringLiteral("tvae"); }
    QString displayName() const override;
    QString description() const override;
    /// epochs (300), batch_size (500), embedding_dim (128), loss_factor (2), learning_rate (1e-3).
    QList<SettingSpec> settings() const override;

    /// Rows of the modelled columns meeting every condition on categorical columns, by rejection. An unknown
    /// column or unseen value fails up front with InvalidInput; an unmet combination gives fewer rows and a message.
    Result<transforms::ConditionalSample> sampleWhere(qint64 rows, const QList<transforms::ColumnCondition> &conditions,
                                                      quint64 seed, JobContext &job);

protected:
    Result<void> doFit(const Table &real, const Schema &schema, const FitOptions &options, JobContext &job) override;
    Result<Table> doSample(qint64 rows, quint64 seed, JobContext &job) override;
    Result<void> doSave(QDataStream &out) const override;
    Result<void> doLoad(QDataStream &in, int formatVersion) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// A new, unfitted TVAE; registered under "tvae".
std::unique_ptr<Generator> makeTvae();

} // namespace core
