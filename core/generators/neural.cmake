# SPDX-License-Identifier: MIT
# CTGAN, TVAE (LibTorch), the differentially private Bayesian network and the reversible transforms
# they share. Included at the end of core/generators/CMakeLists.txt.

healthsynth_core_add_library(healthsynth_core_transforms
    SOURCES
        transforms/bayesiangmm.cpp
        transforms/conditionalsampler.cpp
        transforms/datatransformer.cpp
    DEPENDS healthsynth_core_generators Boost::headers)

healthsynth_core_add_library(healthsynth_core_torchsupport
    SOURCES transforms/torchsupport.cpp transforms/blockops.cpp transforms/fusedadam.cpp transforms/fastgemm.cpp
    DEPENDS ${TORCH_LIBRARIES} ${CMAKE_DL_LIBS} Eigen3::Eigen)

healthsynth_core_add_library(healthsynth_core_ctgan
    SOURCES ctgan/ctgan.cpp
    DEPENDS healthsynth_core_transforms healthsynth_core_torchsupport ${TORCH_LIBRARIES})


healthsynth_core_add_library(healthsynth_core_tvae
    SOURCES tvae/tvae.cpp
    DEPENDS healthsynth_core_transforms healthsynth_core_torchsupport ${TORCH_LIBRARIES})

healthsynth_core_add_library(healthsynth_core_bayesiannetwork
    SOURCES bayesian_network/bayesiannetwork.cpp
    DEPENDS healthsynth_core_transforms)

# LibTorch 1.13's headers do not compile as C++20 with clang (std::vector of the incomplete
# c10::IValue); the torch sources need nothing newer than C++17. gcc builds stay on C++20.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    set_target_properties(healthsynth_core_torchsupport healthsynth_core_ctgan healthsynth_core_tvae
                          PROPERTIES CXX_STANDARD 17)
endif()
