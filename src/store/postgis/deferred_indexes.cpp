#include "store/postgis/writers.hpp"

#include <fmt/format.h>

#include "core/clock.hpp"
#include "core/domain.hpp"
#include "core/error.hpp"
#include "core/gpkg_blob.hpp"
#include "core/version.hpp"
#include "pg/connection.hpp"
#include "store/postgis/codec.hpp"

namespace bostad::store::postgis {
namespace {

/// A load of many rows into an empty table: the table's keys and indexes (and the foreign keys of other
/// tables that point at it) are dropped before the rows are written and built again after them — a B-tree or
/// GiST built over all rows at once is several times quicker than one kept up to date row by row — in the
/// caller's transaction. A key that the rows broke fails to build again, and the transaction rolls back. Until
/// the commit, the dropped indexes lock the table against other sessions, which then wait: fine for a first load
/// of a region.
class DeferredIndexes final : public store::BulkWrite {
public:
    DeferredIndexes(pg::Connection& c, const std::string& table) : m_c(c) {
        const std::string regclass = pg::quote_identifier(c.schema()) + "." + pg::quote_identifier(table);
        const std::string qualified = pg::quote_identifier(table);
        // Foreign keys of other tables that point at this one: dropped first, added again last.
        pg::Result refs = c.exec("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                                 "WHERE confrelid = $1::regclass AND contype = 'f' ORDER BY conname",
                                 {regclass});
        std::vector<std::string> foreign_keys;
        for (int i = 0; i < refs.rows(); ++i) {
            c.exec_script(fmt::format("ALTER TABLE {} DROP CONSTRAINT {}", refs.text(i, 0), pg::quote_identifier(refs.text(i, 1))));
            foreign_keys.push_back(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {}", refs.text(i, 0),
                                               pg::quote_identifier(refs.text(i, 1)), refs.text(i, 2)));
        }
        // The primary key first, then the other keys and indexes.
        pg::Result r = c.exec("SELECT ic.relname, pg_get_indexdef(i.indexrelid), con.conname, pg_get_constraintdef(con.oid) "
                              "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                              "LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid "
                              "WHERE i.indrelid = $1::regclass ORDER BY i.indisprimary DESC, ic.relname",
                              {regclass});
        for (int i = 0; i < r.rows(); ++i) {
            if (r.is_null(i, 2)) {
                m_rebuild.push_back(r.text(i, 1));
                c.exec_script(fmt::format("DROP INDEX {}", pg::quote_identifier(r.text(i, 0))));
            } else {
                m_rebuild.push_back(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {}", qualified, pg::quote_identifier(r.text(i, 2)),
                                                r.text(i, 3)));
                c.exec_script(fmt::format("ALTER TABLE {} DROP CONSTRAINT {}", qualified, pg::quote_identifier(r.text(i, 2))));
            }
        }
        m_rebuild.insert(m_rebuild.end(), foreign_keys.begin(), foreign_keys.end());
    }
    void finish() override {
        m_c.exec_script("SET LOCAL maintenance_work_mem = '512MB'");
        for (const auto& sql : m_rebuild) m_c.exec_script(sql);
    }

private:
    pg::Connection& m_c;
    std::vector<std::string> m_rebuild;
};

} // namespace

std::unique_ptr<store::BulkWrite> make_deferred_indexes(pg::Connection& c, const std::string& table) {
    return std::make_unique<DeferredIndexes>(c, table);
}

} // namespace bostad::store::postgis
