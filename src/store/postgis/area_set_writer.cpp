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

class AreaSetWriter final : public store::AreaSetWriter {
public:
    explicit AreaSetWriter(pg::Connection& c) : m_c(c) {}

    std::optional<store::AreaSetInfo> find(const std::string& name) override {
        pg::Result r = m_c.exec("SELECT s.id, s.name, coalesce(s.description, ''), coalesce(s.vintage, ''), s.loaded_run, "
                                "(SELECT count(*) FROM areas a WHERE a.area_set_id = s.id) FROM area_sets s WHERE s.name = $1",
                                {name});
        if (r.rows() == 0) return std::nullopt;
        return store::AreaSetInfo{r.int64(0, 0), r.text(0, 1), r.text(0, 2), r.text(0, 3), r.optional_int64(0, 4),
                                  r.int64(0, 5)};
    }

    std::vector<AreaRecord> areas(std::int64_t set_id) override {
        pg::Result r = m_c.exec(fmt::format("SELECT area_id, name, municipality, {}, geometry_repair FROM areas "
                                            "WHERE area_set_id = $1 ORDER BY fid",
                                            wkb_sql("geom")),
                                {std::to_string(set_id)});
        std::vector<AreaRecord> out;
        for (int i = 0; i < r.rows(); ++i) {
            out.push_back({r.text(i, 0), r.optional_text(i, 1), r.optional_text(i, 2), wkb_at(r, i, 3), r.optional_text(i, 4)});
        }
        return out;
    }

    std::int64_t replace(const std::string& name, const std::string& description, const std::string& vintage,
                         std::int64_t run, const std::vector<AreaRecord>& areas) override {
        const auto set_id = m_c.query_int("INSERT INTO area_sets (name, description, vintage, loaded_run) VALUES ($1, $2, $3, $4) "
                                          "ON CONFLICT (name) DO UPDATE SET description = excluded.description, "
                                          "vintage = excluded.vintage, loaded_run = excluded.loaded_run RETURNING id",
                                          {name, description, vintage, std::to_string(run)});
        const std::string id = std::to_string(set_id.value());
        const std::int64_t before = m_c.query_int("SELECT count(*) FROM areas WHERE area_set_id = $1", {id}).value_or(0);
        m_c.exec("DELETE FROM areas WHERE area_set_id = $1", {id});
        // What lay in the old areas is assigned again to the new ones.
        m_c.exec("DELETE FROM permit_areas WHERE area_set_id = $1", {id});
        m_c.exec("DELETE FROM plan_area_shares WHERE area_set_id = $1", {id});
        queue(m_c, "area_set", {set_id.value()});
        for (const auto& a : areas) {
            m_c.exec("INSERT INTO areas (geom, area_set_id, area_id, name, municipality, geometry_repair) "
                     "VALUES ($1::geometry, $2, $3, $4, $5, $6)",
                     {geometry_of(a.geom), id, a.area_id, a.name, a.municipality, a.geometry_repair});
        }
        return before;
    }

private:
    pg::Connection& m_c;
};

} // namespace

std::unique_ptr<store::AreaSetWriter> make_area_set_writer(pg::Connection& c) {
    return std::make_unique<AreaSetWriter>(c);
}

} // namespace bostad::store::postgis
