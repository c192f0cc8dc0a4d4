// SPDX-License-Identifier: MIT
#pragma once

#include "core/generators/generator.h"
#include "core/generators/transforms/conditionalsampler.h"

#include <memory>

namespace core {

/// PrivBayes (Zhang et al., SIGMOD 2014) as DataSynthesizer's correlated-attribute mode does it: numbers
/// with more distinct values than `bins` are cut into `bins` equal-width bins (others, and categories, keep
/// their values; missing is one more value), a Bayesian network of degree k is grown greedily from a random
/// root, each step choosing (attribute, parents) by the exponential mechanism on mutual information with
/// half the budget, and the d - k joint distributions the conditionals come from get Laplace noise of scale
/// 2 (d - k) / (epsilon / 2) on their counts (the sensitivity of a count table; DataSynthesizer's own code
/// divides by n as well, i.e. adds n times too little noise). Rows are drawn ancestrally, binned numbers
/// uniformly within their bin. With differential_privacy off the network takes the best pair and the counts
/// are exact. As in DataSynthesizer, the domains (categories, min/max) are taken from the data and are not
/// protected. A binned number's value held by at least 5 % of the rows (e.g. the zeros of a zero-inflated
/// count) keeps its own code and comes back exact. Facts: "epsilon_spent" (infinity without privacy), "differentially_private", "network".
class BayesianNetwork final : public Generator {
public:
    BayesianNetwork();
    ~BayesianNetwork() override;

    QString id() const override { return QStringLiteral("bayesian_network"); }
    QString displayName() const override;
    QString description() const override;
    /// epsilon (1.0, total budget), differential_privacy (true), degree (2), bins (20).
    QList<SettingSpec> settings() const override;

    /// Rows meeting every condition on discrete columns, by rejection. An unknown column or unseen value fails
    /// up front with InvalidInput; an unmet combination gives fewer rows and a message.
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

/// A new, unfitted PrivBayes network; registered under "bayesian_network".
std::unique_ptr<Generator> makeBayesianNetwork();

} // namespace core
