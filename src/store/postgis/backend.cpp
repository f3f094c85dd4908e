#include "store/postgis/backend.hpp"

#include "pg/conninfo.hpp"
#include "store/postgis/postgis_store.hpp"
#include "store/postgis/styles.hpp"
#include "store/postgis/table_rows.hpp"

namespace bostad::store::postgis {
namespace {

std::unique_ptr<Store> open_store(const std::string& location, const OpenOptions& options) {
    return std::make_unique<PostgisStore>(PgStore::open(location), options);
}

InitResult init_store(const std::string& location) {
    PgStore s = PgStore::connect(location);
    InitResult r;
    if (PgStore::exists(s.conn())) {
        pg::Transaction tx(s.conn());
        const int was = s.upgrade();
        tx.commit();
        if (was != s.schema_version()) r.migrated_from = was;
    } else {
        s = PgStore::create(location);
        r.created = true;
    }
    r.location = s.location();
    r.kind = "PostGIS store";
    r.schema = s.conn().schema();
    r.schema_version = s.schema_version();
    return r;
}

/// The copy into a schema, in one transaction on the server: the target ends up complete or unchanged. The
/// store is made when the schema has none; an existing one must hold no data.
class SchemaCopyTarget final : public CopyTarget {
public:
    SchemaCopyTarget(const std::string& location, const OpenOptions& options)
        : m_options(options), m_store(PgStore::connect(location)), m_tx(m_store.conn()), m_tables(prepare()) {}
    TableTarget& tables() override { return m_tables; }
    std::string location() const override { return m_store.location() + " (schema " + m_store.conn().schema() + ")"; }
    void commit() override {
        m_store.mark_written();
        write_styles(m_store.conn(), store_municipalities(m_store.conn(), m_options.municipality_names));
        m_tx.commit();
        m_store.conn().exec_script("ANALYZE");
    }

private:
    /// The store to fill, made in this transaction when the schema has none.
    pg::Connection& prepare() {
        m_store.lock_for_writing("copy", m_options.note);
        if (PgStore::exists(m_store.conn())) m_store.check_version();
        else m_store.create_schema();
        return m_store.conn();
    }
    OpenOptions m_options;
    PgStore m_store;
    pg::Transaction m_tx;
    PgTableTarget m_tables;
};

std::unique_ptr<CopyTarget> copy_target(const std::string& location, const OpenOptions& options) {
    return std::make_unique<SchemaCopyTarget>(location, options);
}

} // namespace

Backend backend() {
    return {"PostGIS", [](std::string_view location) { return pg::is_pg_location(location); }, &open_store, &init_store,
            &copy_target};
}

} // namespace bostad::store::postgis
