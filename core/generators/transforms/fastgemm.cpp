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

// C (m x n, contiguous) := op(A) op(B) + beta C.
void multiply(bool transA, bool transB, const torch::Tensor &a, const torch::Tensor &b, float beta, torch::Tensor &c)
{
    const int64_t m = c.size(0), n = c.size(1);
    const int64_t k = transA ? a.size(0) : a.size(1);
    if (k == 0) {
        if (beta == 0.0f)
            c.zero_();
        return;
    }
    const int status = sgemm()(transA ? 'T' : 'N', transB ? 'T' : 'N', m, n, k, 1.0f, a.data_ptr<float>(), a.stride(0),
                               b.data_ptr<float>(), b.stride(0), beta, c.data_ptr<float>(), n);
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

} // namespace

bool fastGemmAvailable() { return sgemm() != nullptr; }

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
