#include "geos/context.hpp"

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <fmt/format.h>

namespace bostad::geos {
namespace {

void on_error(const char* message, void* userdata) {
    if (userdata && message) *static_cast<std::string*>(userdata) = message;
}

struct WkbWriterDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSWKBWriter* w) const noexcept { GEOSWKBWriter_destroy_r(ctx, w); }
};
struct WkbReaderDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSWKBReader* r) const noexcept { GEOSWKBReader_destroy_r(ctx, r); }
};
struct WktWriterDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSWKTWriter* w) const noexcept { GEOSWKTWriter_destroy_r(ctx, w); }
};
struct WktReaderDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSWKTReader* r) const noexcept { GEOSWKTReader_destroy_r(ctx, r); }
};

} // namespace

std::string geos_version() { return GEOSversion(); }

void GeometryDeleter::operator()(GEOSGeom_t* g) const noexcept { GEOSGeom_destroy_r(ctx, g); }
void PreparedDeleter::operator()(const GEOSPrepGeom_t* g) const noexcept { GEOSPreparedGeom_destroy_r(ctx, g); }

Context::Context() : m_handle(GEOS_init_r()) {
    if (!m_handle) throw Error("cannot create a GEOS context");
    GEOSContext_setErrorMessageHandler_r(m_handle, on_error, &m_message);
}

Context::~Context() { GEOS_finish_r(m_handle); }

Geometry Context::own(GEOSGeom_t* g, std::string_view what) const {
    if (!g) throw Error(fmt::format("GEOS {} failed: {}", what, m_message.empty() ? "no message" : m_message));
    return Geometry(g, GeometryDeleter{m_handle});
}

Geometry Context::from_wkt(std::string_view wkt) const {
    std::unique_ptr<GEOSWKTReader, WktReaderDeleter> reader(GEOSWKTReader_create_r(m_handle), {m_handle});
    const std::string text(wkt);
    return own(GEOSWKTReader_read_r(m_handle, reader.get(), text.c_str()), "WKT read");
}

Geometry Context::from_wkb(std::span<const std::uint8_t> wkb) const {
    std::unique_ptr<GEOSWKBReader, WkbReaderDeleter> reader(GEOSWKBReader_create_r(m_handle), {m_handle});
    return own(GEOSWKBReader_read_r(m_handle, reader.get(), wkb.data(), wkb.size()), "WKB read");
}

std::string Context::to_wkt(const GEOSGeom_t* g, int decimals) const {
    std::unique_ptr<GEOSWKTWriter, WktWriterDeleter> writer(GEOSWKTWriter_create_r(m_handle), {m_handle});
    GEOSWKTWriter_setRoundingPrecision_r(m_handle, writer.get(), decimals);
    GEOSWKTWriter_setTrim_r(m_handle, writer.get(), 1);
    char* text = GEOSWKTWriter_write_r(m_handle, writer.get(), g);
    if (!text) throw Error("GEOS WKT write failed: " + m_message);
    std::string out(text);
    GEOSFree_r(m_handle, text);
    return out;
}

std::vector<std::uint8_t> Context::to_wkb(const GEOSGeom_t* g) const {
    std::unique_ptr<GEOSWKBWriter, WkbWriterDeleter> writer(GEOSWKBWriter_create_r(m_handle), {m_handle});
    GEOSWKBWriter_setByteOrder_r(m_handle, writer.get(), GEOS_WKB_NDR);
    std::size_t size = 0;
    unsigned char* data = GEOSWKBWriter_write_r(m_handle, writer.get(), g, &size);
    if (!data) throw Error("GEOS WKB write failed: " + m_message);
    std::vector<std::uint8_t> out(data, data + size);
    GEOSFree_r(m_handle, data);
    return out;
}

} // namespace bostad::geos
