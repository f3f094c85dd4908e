#include "ingest/plans/ss637040_document.hpp"

#include <fstream>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "gdal/xml.hpp"
#include "ingest/map/values.hpp"

namespace bostad::ingest {
namespace {

constexpr std::size_t k_max_bytes = std::size_t{256} << 20; // a plan file of 256 MB is not a plan file

void read_regulation(const gdal::XmlElement& e, SsRegulationKind kind, const std::string& parent, bool general,
                     std::vector<SsRegulation>& out) {
    SsRegulation r;
    r.kind = kind;
    r.id = e.attribute("id").value_or("");
    r.label = e.child_text("beteckning");
    r.code = kind == SsRegulationKind::use ? e.child_text("anvandningsslag") : e.child_text("bestammelsetyp");
    r.detail = e.child_text("precisering");
    r.index = e.child_text("index");
    r.parent = parent;
    r.general = general;
    for (const auto& o : e.children("omrade")) r.areas.push_back(o.attribute("href").value_or(""));
    for (const auto& var : e.children("variabel")) {
        for (const auto& v : var.children()) r.variables.push_back({v.child_text("namn"), v.child_text("varde")});
    }
    out.push_back(r);
    // Property and administrative regulations nested in a use regulation qualify it.
    for (const auto& holder : e.children("egenskapsbestammelse")) {
        for (const auto& n : holder.children()) read_regulation(n, SsRegulationKind::property, r.id, false, out);
    }
    for (const auto& holder : e.children("administrativBestammelse")) {
        for (const auto& n : holder.children()) read_regulation(n, SsRegulationKind::administrative, r.id, false, out);
    }
}

SsRegulationKind kind_of(std::string_view element) {
    if (element == "DP_Anvandningsbestammelse") return SsRegulationKind::use;
    if (element == "DP_Egenskapsbestammelse") return SsRegulationKind::property;
    return SsRegulationKind::administrative;
}

} // namespace

bool is_ss637040(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char head[4096] = {};
    in.read(head, sizeof head);
    const std::string_view text(head, static_cast<std::size_t>(in.gcount()));
    const auto start = text.find("DP_Data");
    return start != std::string_view::npos && (text.find('<') < start);
}

SsDocument read_ss637040(const std::string& path) {
    const gdal::XmlDocument xml = gdal::XmlDocument::parse_file(path, k_max_bytes);
    const gdal::XmlElement root = xml.root();
    if (root.name() != "DP_Data") {
        throw InputError(fmt::format("{}: the root element is {}, not DP_Data: not an SS 637040 plan", path, root.name()));
    }
    SsDocument doc;
    doc.path = path;
    for (const auto& holder : root.children("grans")) {
        for (const auto& g : holder.children("DP_Grans")) {
            SsLine line{g.attribute("id").value_or(""), g.child_text("typ"), {}};
            for (const auto& pos : g.descendants("pos")) {
                const auto parts = split(pos.text(), ' ');
                std::vector<double> numbers;
                for (const auto& p : parts) {
                    if (auto v = parse_decimal(p, '.')) numbers.push_back(*v);
                }
                if (numbers.size() != 2) {
                    doc.problems.push_back(fmt::format("line {}: position '{}' is not two numbers", line.id, pos.text()));
                    continue;
                }
                line.points.emplace_back(numbers[0], numbers[1]);
            }
            doc.lines.push_back(std::move(line));
        }
    }
    for (const auto& holder : root.children("omrade")) {
        for (const auto& a : holder.children("DP_Omrade")) {
            SsArea area{a.attribute("id").value_or(""), {}};
            for (const auto& r : a.children()) {
                if (r.name() == "plus" || r.name() == "minus") area.refs.push_back({r.name() == "plus", r.attribute("href").value_or("")});
            }
            doc.areas.push_back(std::move(area));
        }
    }
    const auto plan_holder = root.child("plan");
    const auto plan = plan_holder ? plan_holder->child("DP_Plan") : std::nullopt;
    if (!plan) throw InputError(fmt::format("{}: an SS 637040 file without a DP_Plan", path));
    SsPlan& p = doc.plan;
    p.id = plan->attribute("id").value_or("");
    p.plan_id = plan->child_text("planid");
    p.name = plan->child_text("plannamn");
    p.municipality = plan->child_text("kommun");
    p.registered = plan->child_text("registreringsdatum");
    p.register_status = plan->child_text("registerstatus");
    p.proposal = plan->child_text("forslag");
    p.crs_name = plan->child_text("koordinatsystem");
    if (const auto b = plan->child("planomrade")) p.boundary = b->attribute("href").value_or("");
    for (const char* holder_name : {"anvandningsbestammelse", "egenskapsbestammelse", "administrativBestammelse"}) {
        for (const auto& holder : plan->children(holder_name)) {
            for (const auto& r : holder.children()) read_regulation(r, kind_of(r.name()), "", false, p.regulations);
        }
    }
    for (const auto& holder : plan->children("generellPlanbestammelse")) {
        for (const auto& r : holder.children()) read_regulation(r, kind_of(r.name()), "", true, p.regulations);
    }
    return doc;
}

} // namespace bostad::ingest
