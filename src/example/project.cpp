#include "example/project.hpp"

#include "core/text_file.hpp"

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <fmt/format.h>

#include "core/error.hpp"
#include "example/map.hpp"
#include "example/permits.hpp"
#include "example/plans.hpp"
#include "example/random.hpp"
#include "gdal/runtime.hpp"

namespace bostad::example {
namespace fs = std::filesystem;

namespace {

constexpr int k_years_of_permits = 7; // applications from seven years back: five full years of steady flow

/// Removes a folder when it goes out of scope (the half-built example after a failure).
class ScratchDir {
public:
    explicit ScratchDir(fs::path p) : m_path(std::move(p)) { fs::create_directories(m_path); }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

} // namespace

ExampleSummary generate_example(const ExampleOptions& options) {
    const fs::path dir(options.dir);
    std::error_code ec;
    const fs::path config = dir / "bostad.toml";
    const fs::path data = dir / "data";
    if (!options.overwrite && (fs::exists(config, ec) || fs::exists(data, ec))) {
        throw UsageError(fmt::format("'{}' already holds an example (bostad.toml or data/); "
                                     "pass --overwrite to replace them",
                                     dir.string()));
    }
    fs::create_directories(dir, ec);
    if (ec) throw IoError(fmt::format("cannot create '{}': {}", dir.string(), ec.message()));

    ScratchDir scratch(dir / fmt::format(".bostad-example-{}", ::getpid()));
    // Timestamps inside the written files are the snapshot's, so the same seed gives the same bytes.
    const gdal::ScopedConfigOption fixed_time("OGR_CURRENT_DATE", options.month.last_day().iso() + "T00:00:00.000Z");
    const geos::Context ctx;
    Random rng(options.seed);
    const ExampleMap map = build_map(ctx);
    const auto plans = generate_plans(rng, ctx, map, options.month);
    const Date first = options.month.plus(1 - 12 * k_years_of_permits).first_day();
    const auto permits = generate_permits(rng, ctx, map, plans, first, options.month);

    ExampleSummary summary;
    summary.dir = dir.string();
    summary.config = config.string();
    summary.last_month = options.month;
    summary.first_month = options.month.plus(-1);
    summary.permits = permits.size();
    summary.plans = plans.size();
    summary.districts = map.districts.size();

    const fs::path staged = scratch.path() / "data";
    fs::create_directories(staged);
    summary.deliveries.push_back(write_areas(ctx, (staged / "omraden.gpkg").string(), map));
    for (const Month m : {summary.first_month, summary.last_month}) {
        const fs::path folder = staged / m.str();
        fs::create_directories(folder);
        const Date day = m.last_day();
        summary.deliveries.push_back(write_kristianstad_permits((folder / "kristianstad_bygglov.csv").string(), permits, day));
        summary.deliveries.push_back(write_hassleholm_permits(ctx, (folder / "hassleholm_bygglov.shp").string(), permits, day));
        summary.deliveries.push_back(write_kristianstad_plans(ctx, (folder / "kristianstad_detaljplaner.gpkg").string(), plans, day));
        summary.deliveries.push_back(write_hassleholm_plans(ctx, (folder / "hassleholm_detaljplaner.gpkg").string(), plans, day));
    }
    write_text_file(scratch.path() / "bostad.toml", example_config(options.seed, options.month));

    // Everything is written: move it into place.
    fs::remove_all(data, ec);
    fs::rename(staged, data);
    fs::rename(scratch.path() / "bostad.toml", config);
    for (auto& d : summary.deliveries) {
        d.file = (data / fs::relative(d.file, staged)).lexically_normal().string();
    }
    return summary;
}

} // namespace bostad::example
