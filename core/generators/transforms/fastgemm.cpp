// SPDX-License-Identifier: MIT
#include "core/generators/transforms/fastgemm.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstdint>

namespace core::transforms {

namespace {

// oneDNN's C API (dnnl.h, oneDNN 2.x): row-major C := alpha op(A) op(B) + beta C; returns 0 on success.
using Sgemm = int (*)(char transa, char transb, int64_t m, int64_t n, int64_t k, float alpha, const float *a,
                      int64_t lda, const float *b, int64_t ldb, float beta, float *c, int64_t ldc);

Sgemm sgemm()
{
    // Looked up in the libraries already loaded (LibTorch links oneDNN); none is loaded for this.
    static const Sgemm function = reinterpret_cast<Sgemm>(dlsym(RTLD_DEFAULT, "dnnl_sgemm"));
    return function;
}

bool usable(const torch::Tensor &t)
{
    return t.is_cpu() && t.scalar_type() == torch::kFloat32 && t.dim() == 2 && t.stride(1) == 1
        && t.stride(0) >= std::max<int64_t>(t.size(1), 1);
}

torch::Tensor rowMajor(const torch::Tensor &t) { return usable(t) ? t : t.contiguous(); }

// C (m x n, unit column stride, any row stride) := op(A) op(B) + beta C.
void multiply(bool transA, bool transB, const torch::Tensor &a, const torch::Tensor &b, float beta, torch::Tensor c)
{
    const int64_t m = c.size(0), n = c.size(1);
    const int64_t k = transA ? a.size(0) : a.size(1);
    if (k == 0) {
        if (beta == 0.0f)
            c.zero_();
        return;
    }
    const int status = sgemm()(transA ? 'T' : 'N', transB ? 'T' : 'N', m, n, k, 1.0f, a.data_ptr<float>(), a.stride(0),
                               b.data_ptr<float>(), b.stride(0), beta, c.data_ptr<float>(), c.stride(0));
    TORCH_CHECK(status == 0, "dnnl_sgemm failed with status ", status);
}

struct GemmFunction : torch::autograd::Function<GemmFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &aIn,
                                 const torch::Tensor &bIn, const torch::Tensor &bias, bool transB)
    {
        const torch::Tensor a = rowMajor(aIn), b = rowMajor(bIn);
        const int64_t m = a.size(0), n = transB ? b.size(0) : b.size(1);
        // An empty bias stands for none (autograd functions take no undefined tensors).
        const bool hasBias = bias.numel() > 0;
        torch::Tensor out = hasBias ? bias.expand({ m, n }).contiguous() : torch::empty({ m, n }, a.options());
        if (m > 0 && n > 0)
            multiply(false, transB, a, b, hasBias ? 1.0f : 0.0f, out);
        ctx->save_for_backward({ a, b });
        ctx->saved_data["transB"] = transB;
        ctx->saved_data["bias"] = hasBias;
        return out;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &a = saved[0], &b = saved[1];
        const bool transB = ctx->saved_data["transB"].toBool();
        const torch::Tensor dy = grads[0].contiguous();
        torch::Tensor da, db, dbias;
        if (ctx->needs_input_grad(0)) {
            // dA = dY op(B)ᵀ
            da = torch::empty({ a.size(0), a.size(1) }, dy.options());
            multiply(false, !transB, dy, b, 0.0f, da);
        }
        if (ctx->needs_input_grad(1)) {
            // op(B) = Bᵀ: dB = dYᵀ A; op(B) = B: dB = Aᵀ dY.
            db = torch::empty({ b.size(0), b.size(1) }, dy.options());
            if (transB)
                multiply(true, false, dy, a, 0.0f, db);
            else
                multiply(true, false, a, dy, 0.0f, db);
        }
        if (ctx->saved_data["bias"].toBool() && ctx->needs_input_grad(2))
            dbias = dy.sum(0);
        return { da, db, dbias, torch::Tensor() };
    }
};

struct ConcatLinearFunction : torch::autograd::Function<ConcatLinearFunction> {
    // Empty h / condition stand for none (autograd functions take no undefined tensors).
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &h, const torch::Tensor &z,
                                 const torch::Tensor &condition, const torch::Tensor &weight, const torch::Tensor &bias)
    {
        const int64_t hCols = h.numel() > 0 ? h.size(1) : 0, zCols = z.size(1);
        const int64_t condCols = weight.size(1) - hCols - zCols;
        torch::Tensor out = bias.expand({ z.size(0), weight.size(0) }).contiguous();
        if (hCols > 0)
            multiply(false, true, rowMajor(h), weight.narrow(1, 0, hCols), 1.0f, out);
        multiply(false, true, rowMajor(z), weight.narrow(1, hCols, zCols), 1.0f, out);
        if (condition.numel() > 0)
            out.add_(weight.narrow(1, hCols + zCols, condCols).t().index_select(0, condition));
        ctx->save_for_backward({ h, z, condition, weight });
        return out;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &h = saved[0], &z = saved[1], &condition = saved[2], &weight = saved[3];
        const int64_t hCols = h.numel() > 0 ? h.size(1) : 0, zCols = z.size(1);
        const int64_t condCols = weight.size(1) - hCols - zCols;
        const torch::Tensor dy = grads[0].contiguous();
        torch::Tensor dh, dz, dWeight, dBias;
        if (hCols > 0 && ctx->needs_input_grad(0)) {
            dh = torch::empty({ h.size(0), hCols }, dy.options());
            multiply(false, false, dy, weight.narrow(1, 0, hCols), 0.0f, dh);
        }
        if (ctx->needs_input_grad(1)) {
            dz = torch::empty({ z.size(0), zCols }, dy.options());
            multiply(false, false, dy, weight.narrow(1, hCols, zCols), 0.0f, dz);
        }
        if (ctx->needs_input_grad(3)) {
            // Written in place, part by part: no zero-filled full-size gradient per part to add up.
            dWeight = torch::empty({ weight.size(0), weight.size(1) }, dy.options());
            if (hCols > 0)
                multiply(true, false, dy, rowMajor(h), 0.0f, dWeight.narrow(1, 0, hCols));
            multiply(true, false, dy, rowMajor(z), 0.0f, dWeight.narrow(1, hCols, zCols));
            if (condCols > 0) {
                torch::Tensor conditionPart = dWeight.narrow(1, hCols + zCols, condCols);
                conditionPart.zero_();
                if (condition.numel() > 0)
                    conditionPart.t().index_add_(0, condition, dy);
            }
        }
        if (ctx->needs_input_grad(4))
            dBias = dy.sum(0);
        return { dh, dz, torch::Tensor(), dWeight, dBias };
    }
};

} // namespace

bool fastGemmAvailable() { return sgemm() != nullptr; }

torch::Tensor concatLinear(const torch::Tensor &h, const torch::Tensor &z, const torch::Tensor &condition,
                           const torch::Tensor &weight, const torch::Tensor &bias)
{
    const int64_t hCols = h.defined() ? h.size(1) : 0;
    if (!sgemm() || !z.is_cpu() || z.scalar_type() != torch::kFloat32 || weight.scalar_type() != torch::kFloat32
        || !weight.is_contiguous()) {
        torch::Tensor out = torch::addmm(bias, z, weight.narrow(1, hCols, z.size(1)).t());
        if (h.defined())
            out = out + torch::mm(h, weight.narrow(1, 0, hCols).t());
        if (condition.defined() && condition.numel() > 0)
            out = out + weight.narrow(1, hCols + z.size(1), weight.size(1) - hCols - z.size(1)).t().index_select(0, condition);
        return out;
    }
    thread_local const bool threadsSet = [] {
        at::init_num_threads();
        return true;
    }();
    (void)threadsSet;
    return ConcatLinearFunction::apply(h.defined() ? h : torch::empty({ 0 }, z.options()), z,
                                       condition.defined() ? condition
                                                           : torch::empty({ 0 }, z.options().dtype(torch::kInt64)),
                                       weight, bias);
}

torch::Tensor forwardSequential(torch::nn::Sequential &sequence, torch::Tensor x)
{
    for (auto &module : *sequence) {
        if (const auto *fc = module.ptr()->as<torch::nn::LinearImpl>())
            x = linear(x, fc->weight, fc->bias);
        else
            x = module.forward(x);
    }
    return x;
}

torch::Tensor gemm(const torch::Tensor &a, const torch::Tensor &b, const torch::Tensor &bias, bool transposeB)
{
    if (!sgemm() || !a.is_cpu() || a.scalar_type() != torch::kFloat32 || b.scalar_type() != torch::kFloat32
        || (bias.defined() && bias.scalar_type() != torch::kFloat32) || a.dim() != 2 || b.dim() != 2) {
        const torch::Tensor product = transposeB ? b.t() : b;
        return bias.defined() ? torch::addmm(bias, a, product) : torch::mm(a, product);
    }
    // oneDNN's threads are OpenMP's, whose count is per calling thread: give this one LibTorch's count.
    thread_local const bool threadsSet = [] {
        at::init_num_threads();
        return true;
    }();
    (void)threadsSet;
    return GemmFunction::apply(a, b, bias.defined() ? bias : torch::empty({ 0 }, a.options()), transposeB);
}

} // namespace core::transforms
