// SPDX-License-Identifier: MIT
#pragma once

#include "core/generators/generator.h"
#include "core/generators/transforms/conditionalsampler.h"

#include <memory>

namespace core {

/// CTGAN (Xu et al., NeurIPS 2019) in LibTorch, with the reference implementation's architecture and
/// defaults: mode-specific normalisation (transforms::DataTransformer), a conditional generator trained by
/// sampling categories on their log-frequency, a residual generator (256, 256) with batch norm fed 128-d
/// noise plus the condition vector, a PacGAN discriminator (pac 10; 256, 256; LeakyReLU 0.2; dropout 0.5)
/// trained as a WGAN-GP (penalty 10), Gumbel-softmax outputs (tau 0.2), Adam 2e-4 (betas 0.5, 0.9, weight
/// decay 1e-6), batch 500, 300 epochs, and the condition's cross-entropy in the generator loss.
/// Trains on CUDA when LibTorch has a device (the way to scale up), else on the CPU with the thread count
/// of transforms::ensureTorchThreads(). Losses per epoch: "generator_loss", "discriminator_loss".
class Ctgan final : public Generator {
public:
    Ctgan();
    ~Ctgan() override;

    QString id() const override { return QStringLiteral("ctgan"); }
    QString displayName() const override;
    QString description() const override;
    /// epochs (300), batch_size (500, a multiple of pac), pac (10), embedding_dim (128),
    /// generator_lr / discriminator_lr (2e-4), discriminator_steps (1).
    QList<SettingSpec> settings() const override;

    /// Rows of the modelled columns meeting every condition (categorical columns only): the first condition
    /// goes into the condition vector as the paper does, the rest are met by rejection. An unknown column or
    /// a value never seen in training fails up front with InvalidInput; an unmet combination gives fewer
    /// rows and a message.
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

/// A new, unfitted CTGAN; registered under "ctgan".
std::unique_ptr<Generator> makeCtgan();

} // namespace core
