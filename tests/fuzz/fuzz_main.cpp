// libFuzzer's entry point for one target, chosen at build time (BOSTAD_FUZZ_TARGET, see CMakeLists.txt).
#include "fuzz/targets.hpp"
#include "gdal/runtime.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    bostad::gdal::ensure_initialized();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)bostad::fuzz::BOSTAD_FUZZ_TARGET(bostad::fuzz::Input(data, size));
    return 0;
}
