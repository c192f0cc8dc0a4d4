// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/result.h"

#include <Eigen/Core>

#include <QCoreApplication>
#include <QStringList>

#include <vector>

namespace core::utility {

/// Turns a table into a numeric design matrix the way SDMetrics' detection metrics prepare
/// data (metrics.md section 6): numerical, datetime (seconds) and boolean (0/1) columns as
/// numbers, missing cells replaced by the fitted table's mean (or left NaN for XGBoost);
/// categorical columns one-hot over the categories of the fitted table, with an extra
/// "missing" indicator when the fitted table has missing cells; a category the fitted table
/// never had encodes as all zeros. Id, PII, text and excluded columns are left out.
class FeatureEncoder final {
    Q_DECLARE_TR_FUNCTIONS(core::utility::FeatureEncoder)
public:
    /// Learns means and categories from `table`. `skip` names columns to leave out (the target).
    /// Fails with InvalidInput when no usable column remains.
    static Result<FeatureEncoder> fit(const Table &table, const Schema &schema, const QStringList &skip = {});

    /// rows x featureCount(). Columns are matched by name; a column missing from `table` gives
    /// missing values. With imputeMissing false, missing numbers stay NaN.
    Eigen::MatrixXd transform(const Table &table, bool imputeMissing = true) const;

    int featureCount() const { return int(m_features.size()); }
    QStringList featureNames() const;
    QStringList columns() const { return m_columns; }

private:
    struct Feature {
        QString column;
        bool oneHot = false;
        QString key;        ///< category key for one-hot features ("" + missing flag for the indicator)
        bool missingIndicator = false;
        double mean = 0.0;  ///< imputation value of a numeric feature
    };
    std::vector<Feature> m_features;
    QStringList m_columns;
};

/// Key of a cell for category matching across tables: labels as text, booleans as false/true,
/// numbers by value. Empty for a missing cell.
QString categoryKey(const Column &column, qint64 row);

/// sklearn's RobustScaler: subtract each column's median, divide by its interquartile range
/// (numpy linear quantiles; a zero range divides by 1).
class RobustScaler final {
public:
    void fit(const Eigen::MatrixXd &x);
    Eigen::MatrixXd transform(const Eigen::MatrixXd &x) const;

private:
    Eigen::RowVectorXd m_center;
    Eigen::RowVectorXd m_scale;
};

} // namespace core::utility
