#pragma once
// The fuzz targets: each takes one input, runs one of bostad's parsers on it and checks what must hold
// of any result. Refusing the input with a bostad error (UsageError, InputError) is a fine outcome; any
// other exception, a broken invariant (FuzzFinding) or a sanitizer report is a finding. The same targets
// are run by libFuzzer (fuzz_main.cpp, BOSTAD_FUZZ builds) and by the test suite over the seed and
// regression corpora (tests/unit/fuzz/corpus_test.cpp).

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace bostad::fuzz {

/// An invariant a target checks did not hold.
class FuzzFinding : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

using Input = std::span<const std::uint8_t>;

/// Dates in every format, decimal numbers, counts of dwellings, months, code lists, municipality codes.
/// Each returns whether the input was read (true) or refused with a bostad error (false).
bool values(Input data);
/// A delivered CSV file through the ingest's row path: reader, binding, conversion, geometry checks.
bool attribute_rows(Input data);
/// A detaljplan in SS 637040: the XML reader and the assembly of its areas into polygons.
bool ss637040(Input data);
/// A project config (bostad.toml): TOML, the JSON schema check and the conversion to structs.
bool config(Input data);

struct Target {
    std::string_view name; ///< also the folder of its seeds and regressions under tests/fuzz/
    bool (*run)(Input);
};
inline constexpr Target k_targets[] = {
    {"values", values}, {"attribute_rows", attribute_rows}, {"ss637040", ss637040}, {"config", config}};

/// Throws FuzzFinding with `what` when `ok` is false.
void require(bool ok, std::string_view what);

/// Writes the input to a file of this process under the temporary folder and returns its path.
std::string input_file(Input data, std::string_view name);

} // namespace bostad::fuzz
