#pragma once
// A detaljplan in the Swedish plan standard SS 637040:2016 (root element DP_Data), read into plain
// structs: the plan (DP_Plan), its boundary lines (DP_Grans, gml:pos northing first), its areas
// (DP_Omrade: signed references to lines) and its regulations (användnings-, egenskaps- and
// administrativa bestämmelser, with the areas they apply to and their variables).

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bostad::ingest {

struct SsLine {
    std::string id;   ///< gml:id, e.g. "L17"
    std::string type; ///< plan | anv | eg | eg_ad | ad ...
    std::vector<std::pair<double, double>> points; ///< as written: (northing, easting)
};

struct SsRef {
    bool plus = true;  ///< plus: the line as drawn; minus: reversed
    std::string href;  ///< as written, "#L17"
};

struct SsArea {
    std::string id; ///< gml:id, e.g. "a"
    std::vector<SsRef> refs;
};

struct SsVariable {
    std::string name;  ///< e.g. "hojd", "exploatering", "antal"
    std::string value; ///< as written
};

enum class SsRegulationKind { use, property, administrative };

struct SsRegulation {
    SsRegulationKind kind = SsRegulationKind::use;
    std::string id;
    std::string label;     ///< beteckning, e.g. "B", "GATA", "e"
    std::string code;      ///< anvandningsslag or bestammelsetyp, e.g. "DP_KM_B", "DP_KM_Eg_Utform_Nockhojd_Meter"
    std::string detail;    ///< precisering, e.g. "Idrott, bad"
    std::string index;     ///< index, e.g. "5500" (some exporters put the value here)
    std::vector<std::string> areas; ///< hrefs of the areas it applies to
    std::vector<SsVariable> variables;
    std::string parent;    ///< id of the use regulation it is nested in; "" when none
    bool general = false;  ///< generellPlanbestammelse: applies to the whole plan
};

struct SsPlan {
    std::string id;          ///< gml:id
    std::string plan_id;     ///< planid, e.g. "BN16/1724"
    std::string name;        ///< plannamn
    std::string municipality; ///< kommun
    std::string registered;  ///< registreringsdatum as written, e.g. "2017-05-15+02:00"
    std::string register_status; ///< registerstatus
    std::string proposal;    ///< forslag: "true" or "false"
    std::string crs_name;    ///< koordinatsystem, e.g. "SWEREF99_13_30"
    std::string boundary;    ///< planomrade href, e.g. "#plan"
    std::vector<SsRegulation> regulations;
};

struct SsDocument {
    std::string path;
    SsPlan plan;
    std::vector<SsLine> lines;
    std::vector<SsArea> areas;
    std::vector<std::string> problems; ///< what could not be read (a pos that is not two numbers, ...)
};

/// True when the file's root element is DP_Data (it reads at most the first few kilobytes).
bool is_ss637040(const std::string& path);

/// Reads an SS 637040 file; throws InputError when it is not XML, not DP_Data or has no DP_Plan.
SsDocument read_ss637040(const std::string& path);

} // namespace bostad::ingest
