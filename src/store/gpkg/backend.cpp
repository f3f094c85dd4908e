#include "store/gpkg/backend.hpp"

#include "core/staged_output.hpp"
#include "store/gpkg/gpkg_store.hpp"
#include "store/gpkg/table_rows.hpp"

namespace bostad::store::gpkg {
namespace {

std::unique_ptr<Store> open_store(const std::string& location, const OpenOptions& options) {
    return std::make_unique<GpkgStore>(StoreFile::open(location, options.access), options);
}

InitResult init_store(const std::string& location) {
    const Identity before = identify(location);
    if (!before.exists) StoreFile::create(location);
    const StoreFile s = StoreFile::open(location, Access::read_write);
    InitResult r;
    r.location = location;
    r.kind = "store";
    r.schema_version = s.schema_version();
    r.created = !before.exists;
    if (s.opened_schema_version() != s.schema_version()) r.migrated_from = s.opened_schema_version();
    return r;
}

/// A new store file, written under a temporary name beside the target and moved into place when complete
/// (never over an existing file).
class FileCopyTarget final : public CopyTarget {
public:
    explicit FileCopyTarget(const std::string& location)
        : m_out(location, StagedOutput::Kind::file, false), m_file(create(m_out.staging().string())),
          m_tx(m_file.db()), m_tables(m_file.db()) {}
    TableTarget& tables() override { return m_tables; }
    std::string location() const override { return m_out.target().string(); }
    void commit() override {
        m_tx.commit();
        m_out.commit();
    }

private:
    static StoreFile create(const std::string& path) {
        StoreFile::create(path);
        return StoreFile::open(path, Access::read_write);
    }
    StagedOutput m_out;
    StoreFile m_file;
    sqlite::Transaction m_tx;
    GpkgTableTarget m_tables;
};

std::unique_ptr<CopyTarget> copy_target(const std::string& location, const OpenOptions& /*options*/) {
    return std::make_unique<FileCopyTarget>(location);
}

} // namespace

Backend backend() {
    return {"GeoPackage", [](std::string_view) { return true; }, &open_store, &init_store, &copy_target};
}

} // namespace bostad::store::gpkg
