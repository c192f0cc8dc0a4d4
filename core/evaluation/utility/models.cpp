// SPDX-License-Identifier: MIT
#include "core/evaluation/utility/models.h"

#include <Eigen/Cholesky>
#include <Eigen/QR>

#include <xgboost/c_api.h>

#include <cmath>
#include <vector>

namespace core::utility {

namespace {

double softplus(double z)
{
    return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}

Eigen::VectorXd sigmoid(const Eigen::VectorXd &z)
{
    return z.unaryExpr([](double v) { return v >= 0 ? 1.0 / (1.0 + std::exp(-v)) : std::exp(v) / (1.0 + std::exp(v)); });
}

struct BinaryFit {
    Eigen::VectorXd w;
    double b = 0.0;
    bool converged = false;
};

// Newton's method on 0.5 |w|^2 + c * sum softplus(z) - y z, z = X w + b.
BinaryFit fitBinary(const Eigen::MatrixXd &x, const Eigen::VectorXd &y, double c, int maxIterations)
{
    const Eigen::Index n = x.rows();
    const Eigen::Index d = x.cols();
    Eigen::VectorXd theta = Eigen::VectorXd::Zero(d + 1);
    const auto objective = [&](const Eigen::VectorXd &t, Eigen::VectorXd *zOut) {
        Eigen::VectorXd z = x * t.head(d);
        z.array() += t[d];
        double loss = 0.0;
        for (Eigen::Index i = 0; i < n; ++i)
            loss += softplus(z[i]) - y[i] * z[i];
        if (zOut)
            *zOut = std::move(z);
        return 0.5 * t.head(d).squaredNorm() + c * loss;
    };
    BinaryFit fit;
    Eigen::VectorXd z;
    double f = objective(theta, &z);
    for (int iteration = 0; iteration < maxIterations; ++iteration) {
        const Eigen::VectorXd p = sigmoid(z);
        const Eigen::VectorXd residual = p - y;
        Eigen::VectorXd g(d + 1);
        g.head(d) = theta.head(d) + c * (x.transpose() * residual);
        g[d] = c * residual.sum();
        if (g.lpNorm<Eigen::Infinity>() < 1e-8 * std::max(1.0, double(n) * c)) {
            fit.converged = true;
            break;
        }
        const Eigen::VectorXd weight = (p.array() * (1.0 - p.array())).max(1e-12).sqrt();
        Eigen::MatrixXd xw(n, d + 1);
        xw.leftCols(d) = x.array().colwise() * weight.array();
        xw.col(d) = weight;
        Eigen::MatrixXd h = Eigen::MatrixXd::Zero(d + 1, d + 1);
        h.selfadjointView<Eigen::Lower>().rankUpdate(xw.transpose(), c);
        h.diagonal().head(d).array() += 1.0;
        h.diagonal()[d] += 1e-10;
        const Eigen::VectorXd step = h.selfadjointView<Eigen::Lower>().ldlt().solve(g);
        const double decrease = g.dot(step);
        if (!(decrease > 0.0) || !step.allFinite())
            break;
        double t = 1.0;
        Eigen::VectorXd zNew;
        double fNew = objective(theta - t * step, &zNew);
        while (fNew > f - 1e-4 * t * decrease && t > 1e-10) {
            t *= 0.5;
            fNew = objective(theta - t * step, &zNew);
        }
        theta -= t * step;
        z = std::move(zNew);
        const double previous = f;
        f = fNew;
        if (0.5 * decrease < 1e-12 * std::max(1.0, std::abs(f)) || std::abs(previous - f) < 1e-14 * std::max(1.0, f)) {
            fit.converged = true;
            break;
        }
    }
    fit.w = theta.head(d);
    fit.b = theta[d];
    return fit;
}

} // namespace

Result<LogisticRegression> LogisticRegression::fit(const Eigen::MatrixXd &x, const Eigen::VectorXi &labels,
                                                   int classCount, double c, int maxIterations)
{
    LogisticRegression model;
    model.m_classCount = classCount;
    const int outputs = classCount <= 2 ? 1 : classCount;
    model.m_weights.resize(x.cols(), outputs);
    model.m_bias.resize(outputs);
    for (int k = 0; k < outputs; ++k) {
        const int positive = classCount <= 2 ? 1 : k;
        const Eigen::VectorXd y = (labels.array() == positive).cast<double>();
        const BinaryFit fit = fitBinary(x, y, c, maxIterations);
        if (!fit.converged)
            return Error { Error::Code::Numerical,
                           tr("Logistic regression did not converge in %1 Newton steps.").arg(maxIterations), {} };
        model.m_weights.col(k) = fit.w;
        model.m_bias[k] = fit.b;
    }
    return model;
}

Eigen::MatrixXd LogisticRegression::predictProbabilities(const Eigen::MatrixXd &x) const
{
    Eigen::MatrixXd z = x * m_weights;
    z.rowwise() += m_bias;
    if (m_classCount <= 2) {
        Eigen::MatrixXd out(x.rows(), 2);
        out.col(1) = sigmoid(z.col(0));
        out.col(0) = 1.0 - out.col(1).array();
        return out;
    }
    Eigen::MatrixXd out(x.rows(), m_classCount);
    for (int k = 0; k < m_classCount; ++k)
        out.col(k) = sigmoid(z.col(k));
    const Eigen::VectorXd sums = out.rowwise().sum();
    return out.array().colwise() / sums.array();
}

LinearRegression LinearRegression::fit(const Eigen::MatrixXd &x, const Eigen::VectorXd &y)
{
    // Centre, then the minimum-norm least-squares solution (as numpy's lstsq gives it).
    LinearRegression model;
    const Eigen::RowVectorXd xMean = x.colwise().mean();
    const double yMean = y.mean();
    const Eigen::MatrixXd xc = x.rowwise() - xMean;
    Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod(xc);
    model.m_weights = cod.solve((y.array() - yMean).matrix());
    model.m_bias = yMean - xMean.dot(model.m_weights);
    return model;
}

Eigen::VectorXd LinearRegression::predict(const Eigen::MatrixXd &x) const
{
    return (x * m_weights).array() + m_bias;
}

// ---------------------------------------------------------------------------------------

struct XGBoostModel::Booster {
    BoosterHandle handle = nullptr;
    ~Booster()
    {
        if (handle)
            XGBoosterFree(handle);
    }
};

namespace {

Error xgboostError(const QString &what)
{
    return Error { Error::Code::Internal, QCoreApplication::translate("core::utility::XGBoostModel", "XGBoost failed: %1.")
                                              .arg(what),
                   QString::fromUtf8(XGBGetLastError()) };
}

struct Matrix {
    DMatrixHandle handle = nullptr;
    ~Matrix()
    {
        if (handle)
            XGDMatrixFree(handle);
    }
};

bool makeMatrix(const Eigen::MatrixXd &x, Matrix &out)
{
    std::vector<float> data(size_t(x.rows() * x.cols()));
    for (Eigen::Index r = 0; r < x.rows(); ++r)
        for (Eigen::Index c = 0; c < x.cols(); ++c)
            data[size_t(r * x.cols() + c)] = float(x(r, c));
    return XGDMatrixCreateFromMat(data.data(), bst_ulong(x.rows()), bst_ulong(x.cols()), std::nanf(""), &out.handle)
        == 0;
}

} // namespace

Result<XGBoostModel> XGBoostModel::train(const Eigen::MatrixXd &x, const Eigen::VectorXd &y, Objective objective,
                                         int classCount, const Params &params)
{
    Matrix train;
    if (!makeMatrix(x, train))
        return xgboostError(QStringLiteral("building the training matrix"));
    const std::vector<float> labels(y.data(), y.data() + y.size());
    if (XGDMatrixSetFloatInfo(train.handle, "label", labels.data(), bst_ulong(labels.size())) != 0)
        return xgboostError(QStringLiteral("setting labels"));
    XGBoostModel model;
    model.m_objective = objective;
    model.m_classCount = classCount;
    model.m_booster = std::make_shared<Booster>();
    if (XGBoosterCreate(&train.handle, 1, &model.m_booster->handle) != 0)
        return xgboostError(QStringLiteral("creating the booster"));
    const auto set = [&](const char *name, const QString &value) {
        return XGBoosterSetParam(model.m_booster->handle, name, value.toUtf8().constData()) == 0;
    };
    bool ok = set("max_depth", QString::number(params.maxDepth)) && set("eta", QString::number(params.eta, 'g', 17))
        && set("nthread", QString::number(params.threads)) && set("seed", QString::number(params.seed))
        && set("tree_method", params.treeMethod) && set("verbosity", QStringLiteral("0"));
    switch (objective) {
    case Objective::Binary:
        ok = ok && set("objective", QStringLiteral("binary:logistic"));
        break;
    case Objective::Multiclass:
        ok = ok && set("objective", QStringLiteral("multi:softprob")) && set("num_class", QString::number(classCount));
        break;
    case Objective::Regression:
        ok = ok && set("objective", QStringLiteral("reg:squarederror"));
        break;
    }
    if (!ok)
        return xgboostError(QStringLiteral("setting parameters"));
    for (int i = 0; i < params.trees; ++i) {
        if (XGBoosterUpdateOneIter(model.m_booster->handle, i, train.handle) != 0)
            return xgboostError(QStringLiteral("boosting round %1").arg(i));
    }
    return model;
}

Result<Eigen::MatrixXd> XGBoostModel::predict(const Eigen::MatrixXd &x) const
{
    Matrix test;
    if (!makeMatrix(x, test))
        return xgboostError(QStringLiteral("building the test matrix"));
    bst_ulong length = 0;
    const float *result = nullptr;
    if (XGBoosterPredict(m_booster->handle, test.handle, 0, 0, 0, &length, &result) != 0)
        return xgboostError(QStringLiteral("predicting"));
    const Eigen::Index rows = x.rows();
    if (m_objective == Objective::Regression) {
        Eigen::MatrixXd out(rows, 1);
        for (Eigen::Index r = 0; r < rows; ++r)
            out(r, 0) = result[r];
        return out;
    }
    Eigen::MatrixXd out(rows, m_classCount);
    if (m_objective == Objective::Binary) {
        for (Eigen::Index r = 0; r < rows; ++r) {
            out(r, 1) = result[r];
            out(r, 0) = 1.0 - double(result[r]);
        }
    } else {
        Q_ASSERT(length == bst_ulong(rows * m_classCount));
        for (Eigen::Index r = 0; r < rows; ++r)
            for (int k = 0; k < m_classCount; ++k)
                out(r, k) = result[r * m_classCount + k];
    }
    return out;
}

} // namespace core::utility
