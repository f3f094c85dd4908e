#include "gdal/runtime.hpp"

#include <mutex>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_srs_api.h>
#include <proj.h>

namespace bostad::gdal {
namespace {

void CPL_STDCALL collect(CPLErr level, CPLErrorNum /*num*/, const char* msg) {
    auto* self = static_cast<std::vector<ErrorCollector::Message>*>(CPLGetErrorHandlerUserData());
    if (!self || level == CE_Debug || level == CE_None) return;
    self->push_back({level == CE_Failure || level == CE_Fatal, msg ? msg : ""});
}

} // namespace

void ensure_initialized() {
    static std::once_flag once;
    std::call_once(once, [] {
        // No network: PROJ grids and GDAL remote files are never fetched (issue 9: "PROJ network access off"),
        // whatever PROJ_NETWORK or proj.ini say. PROJ reads PROJ_NETWORK from the environment when GDAL
        // makes a context; OSRSetPROJEnableNetwork overrides it in every context GDAL makes.
        CPLSetConfigOption("PROJ_NETWORK", "OFF");
        OSRSetPROJEnableNetwork(FALSE);
        proj_context_set_enable_network(PJ_DEFAULT_CTX, 0);
        CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
        CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "none");
        CPLSetConfigOption("OGR_SQLITE_JOURNAL", "DELETE");
        GDALAllRegister();
    });
}

std::string gdal_version() { return GDALVersionInfo("RELEASE_NAME"); }

bool proj_network_enabled() {
    ensure_initialized();
    return OSRGetPROJEnableNetwork() != 0 || proj_context_is_network_enabled(PJ_DEFAULT_CTX) != 0;
}

std::string proj_version() {
    const PJ_INFO info = proj_info();
    return info.version ? info.version : "";
}

ScopedConfigOption::ScopedConfigOption(std::string key, const std::string& value) : m_key(std::move(key)) {
    if (const char* old = CPLGetThreadLocalConfigOption(m_key.c_str(), nullptr)) m_old = old;
    CPLSetThreadLocalConfigOption(m_key.c_str(), value.c_str());
}

ScopedConfigOption::~ScopedConfigOption() {
    CPLSetThreadLocalConfigOption(m_key.c_str(), m_old ? m_old->c_str() : nullptr);
}

ErrorCollector::ErrorCollector() { CPLPushErrorHandlerEx(collect, &m_messages); }

ErrorCollector::~ErrorCollector() { CPLPopErrorHandler(); }

bool ErrorCollector::has_failure() const {
    for (const auto& m : m_messages) {
        if (m.failure) return true;
    }
    return false;
}

std::string ErrorCollector::last_or(const std::string& fallback) const {
    return m_messages.empty() ? fallback : m_messages.back().text;
}

} // namespace bostad::gdal
