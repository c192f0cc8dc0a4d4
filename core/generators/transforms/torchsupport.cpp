// SPDX-License-Identifier: MIT
#include "core/generators/transforms/torchsupport.h"

#include <torch/torch.h>

#include <QByteArray>

#include <mutex>

namespace core::transforms {

int ensureTorchThreads()
{
    static std::once_flag once;
    static int threads = kDefaultTorchThreads;
    std::call_once(once, [] {
        bool ok = false;
        const int requested = qEnvironmentVariableIntValue("HEALTHSYNTH_TORCH_THREADS", &ok);
        if (ok && requested > 0)
            threads = requested;
        at::set_num_threads(threads);
    });
    return threads;
}

bool torchCudaAvailable() { return torch::cuda::is_available(); }

} // namespace core::transforms
