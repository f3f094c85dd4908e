#include "config/config.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "config/schema_check.hpp"
#include "core/digest64.hpp"
#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "ingest/map/code_lists.hpp"
#include "sweden/kommuner.hpp"

namespace bostad {
std::span<const EmbeddedFile> schema_files(); // generated from schemas/ by cmake/embed.cmake
}

namespace bostad::config {
namespace fs = std::filesystem;

namespace {

const nlohmann::json& config_schema() {
    static const nlohmann::json k_schema = [] {
        const EmbeddedFile* f = find_embedded(schema_files(), "config.schema.json");
        if (!f) throw InternalError("config schema is not embedded");
        return nlohmann::json::parse(f->text);
    }();
    return k_schema;
}

/// Collects problems found after the schema check (cross references, files), in the same form.
class Problems {
public:
    explicit Problems(std::string path) : m_path(std::move(path)) {}
    void add(const toml::node* n, const std::string& key, const std::string& message) {
        const int line = n ? static_cast<int>(n->source().begin.line) : 0;
        m_lines.push_back(line > 0 ? fmt::format("{}:{}: {}: {}", m_path, line, key, message)
                                   : fmt::format("{}: {}: {}", m_path, key, message));
    }
    void throw_if_any() const {
        if (m_lines.empty()) return;
        std::string msg = fmt::format("invalid config file '{}':", m_path);
        for (const auto& l : m_lines) msg += "\n  " + l;
        throw UsageError(msg);
    }

private:
    std::string m_path;
    std::vector<std::string> m_lines;
};

std::string str(const toml::node_view<const toml::node>& v, std::string fallback = {}) {
    return v.value<std::string>().value_or(std::move(fallback));
}

std::optional<std::string> opt_str(const toml::node_view<const toml::node>& v) { return v.value<std::string>(); }

std::vector<std::string> str_list(const toml::node_view<const toml::node>& v) {
    std::vector<std::string> out;
    if (const auto* a = v.as_array()) {
        for (const auto& e : *a) out.push_back(e.value<std::string>().value_or(""));
    }
    return out;
}

std::string resolve_path(const std::string& base_dir, const std::string& file) {
    const fs::path p(file);
    return p.is_absolute() ? file : (fs::path(base_dir) / p).lexically_normal().string();
}

Municipality read_municipality(const toml::table& t) {
    Municipality m;
    m.code = str(t["code"]);
    m.name = str(t["name"]);
    if (m.name.empty()) {
        if (const sweden::Kommun* k = sweden::find_kommun(m.code)) m.name = k->name;
    }
    if (const auto* targets = t["target"].as_array()) {
        for (const auto& node : *targets) {
            const auto& tt = *node.as_table();
            m.targets.push_back({*Month::parse(str(tt["from"])), *Month::parse(str(tt["to"])),
                                 tt["dwellings"].value<std::int64_t>().value_or(0), str(tt["description"])});
        }
    }
    if (const auto* official = t["official_completions"].as_table()) {
        for (const auto& [year, n] : *official) {
            m.official_completions[std::stoi(std::string(year.str()))] = n.value<std::int64_t>().value_or(0);
        }
    }
    return m;
}

Mapping read_mapping(const std::string& name, const toml::table& t) {
    Mapping m;
    m.name = name;
    m.crs = opt_str(t["crs"]);
    m.encoding = opt_str(t["encoding"]);
    m.municipality = opt_str(t["municipality"]);
    m.date_formats = str_list(t["date_formats"]);
    if (auto d = opt_str(t["decimal"])) m.decimal = d->front();
    if (auto s = opt_str(t["separator"])) m.separator = s->front();
    if (const auto* fields = t["fields"].as_table()) {
        for (const auto& [k, v] : *fields) m.fields[std::string(k.str())] = v.value<std::string>().value_or("");
    }
    if (const auto* values = t["values"].as_table()) {
        for (const auto& [field, table] : *values) {
            auto& out = m.values[std::string(field.str())];
            for (const auto& [from, to] : *table.as_table()) out[std::string(from.str())] = to.value<std::string>().value_or("");
        }
    }
    for (const auto& v : str_list(t["null_values"])) m.null_values.emplace_back(trim(v));
    m.skip_other_municipalities = str(t["other_municipalities"]) == "skip";
    if (t.contains("key")) m.key = str_list(t["key"]);
    if (const auto* defaults = t["defaults"].as_table()) {
        for (const auto& [field, value] : *defaults) m.defaults[std::string(field.str())] = value.value<std::string>().value_or("");
    }
    if (const auto* keep = t["keep"].as_table()) {
        for (const auto& [column, list] : *keep) m.keep[std::string(column.str())] = str_list(toml::node_view<const toml::node>(list));
    }
    return m;
}

/// Every translation target of a mapping must be a value its field accepts, or "" (empty).
void check_translations(const Mapping& m, const toml::table& t, const Config& c, Problems& problems) {
    for (const auto& [field, table] : m.values) {
        const auto* node = t["values"][field].as_table();
        for (const auto& [from, to] : table) {
            auto problem = ingest::translation_problem(field, to);
            if (problem && field == "municipality") {
                const std::string name = lower_sv(to); // a structured binding: not captured (clang 14)
                const auto own = std::find_if(c.municipalities.begin(), c.municipalities.end(),
                                              [&](const Municipality& k) { return lower_sv(k.name) == name; });
                if (own != c.municipalities.end()) problem.reset();
            }
            if (problem) {
                problems.add(node ? node->get(from) : nullptr, fmt::format("mapping.{}.values.{}.\"{}\"", m.name, field, from),
                             *problem);
            }
        }
    }
}

/// Checks that each file exists; paths with {month} are checked when the month is known.
void check_files(const std::vector<std::string>& files, const toml::node_view<const toml::node>& node,
                 const std::string& key, Problems& problems) {
    const auto* arr = node.as_array();
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (files[i].find("{month}") != std::string::npos) continue;
        std::error_code ec;
        if (!fs::exists(files[i], ec)) {
            problems.add(arr ? arr->get(i) : nullptr, fmt::format("{}[{}]", key, i),
                         fmt::format("file '{}' not found", files[i]));
        }
    }
}

Config build(const toml::table& doc, const std::string& path) {
    Config c;
    c.path = path;
    c.base_dir = fs::path(path).parent_path().empty() ? "." : fs::path(path).parent_path().string();
    Problems problems(path);

    if (auto db = opt_str(doc["store"]["db"])) {
        c.db = db->starts_with("PG:") ? *db : resolve_path(c.base_dir, *db);
    }
    if (const auto* ms = doc["municipality"].as_array()) {
        for (std::size_t i = 0; i < ms->size(); ++i) {
            Municipality m = read_municipality(*ms->get(i)->as_table());
            for (const auto& t : m.targets) {
                if (t.to < t.from) {
                    problems.add(ms->get(i), fmt::format("municipality[{}].target", i),
                                 fmt::format("'to' ({}) is before 'from' ({})", t.to.str(), t.from.str()));
                }
            }
            if (!sweden::find_kommun(m.code)) {
                const sweden::Found f = sweden::find_kommun_by_text(m.code);
                problems.add(ms->get(i)->as_table()->get("code"), fmt::format("municipality[{}].code", i),
                             f.kommun ? fmt::format("'{}' is a former code: today's is {}", m.code, sweden::label(*f.kommun))
                                      : f.problem);
            }
            if (c.find_municipality(m.code)) {
                problems.add(ms->get(i), fmt::format("municipality[{}].code", i), fmt::format("'{}' is listed twice", m.code));
            }
            c.municipalities.push_back(std::move(m));
        }
    }
    // A kommun named in the file by code or name is kept as today's code.
    const auto kommun_at = [&](std::optional<std::string>& value, const toml::node* n, const std::string& key) {
        if (!value) return;
        const sweden::Found f = sweden::find_kommun_by_text(*value);
        if (f.kommun) value = f.kommun->code;
        else problems.add(n, key, f.problem);
    };
    if (const auto* maps = doc["mapping"].as_table()) {
        for (const auto& [name, t] : *maps) {
            Mapping m = read_mapping(std::string(name.str()), *t.as_table());
            kommun_at(m.municipality, t.as_table()->get("municipality"), fmt::format("mapping.{}.municipality", m.name));
            check_translations(m, *t.as_table(), c, problems);
            if (auto problem = ingest::key_problem(m.key)) problems.add(t.as_table()->get("key"), fmt::format("mapping.{}.key", m.name), *problem);
            for (const auto& [field, value] : m.defaults) {
                if (auto problem = ingest::default_problem(field, value)) {
                    const auto* node = t.as_table()->get("defaults");
                    problems.add(node && node->as_table() ? node->as_table()->get(field) : nullptr,
                                 fmt::format("mapping.{}.defaults.{}", m.name, field), *problem);
                }
            }
            c.mappings.emplace(std::string(name.str()), std::move(m));
        }
    }
    const auto check_mapping_ref = [&](const std::optional<std::string>& mapping, const toml::node* n, const std::string& key) {
        if (mapping && !c.find_mapping(*mapping)) {
            std::string known;
            for (const auto& [name, _] : c.mappings) known += (known.empty() ? "" : ", ") + name;
            problems.add(n, key, fmt::format("no [mapping.{}] in this file{}", *mapping,
                                             known.empty() ? "" : " (mappings: " + known + ")"));
        }
    };
    if (const auto* sources = doc["source"].as_array()) {
        for (std::size_t i = 0; i < sources->size(); ++i) {
            const auto& t = *sources->get(i)->as_table();
            Source s;
            s.name = str(t["name"]);
            s.kind = parse_kind(str(t["kind"])).value_or(DataKind::permits);
            for (const auto& f : str_list(t["files"])) s.files.push_back(resolve_path(c.base_dir, f));
            s.layer = opt_str(t["layer"]);
            s.mapping = opt_str(t["mapping"]);
            s.municipality = opt_str(t["municipality"]);
            kommun_at(s.municipality, t.get("municipality"), fmt::format("source[{}].municipality", i));
            s.crs = opt_str(t["crs"]);
            s.full_snapshot = t["full_snapshot"].value<bool>().value_or(false);
            s.source_name = s.name;
            const std::string key = fmt::format("source[{}]", i);
            check_files(s.files, t["files"], key + ".files", problems);
            check_mapping_ref(s.mapping, t.get("mapping"), key + ".mapping");
            c.sources.push_back(std::move(s));
        }
    }
    if (const auto* sets = doc["area_set"].as_array()) {
        for (std::size_t i = 0; i < sets->size(); ++i) {
            const auto& t = *sets->get(i)->as_table();
            AreaSet a;
            a.name = str(t["name"]);
            a.description = str(t["description"]);
            a.vintage = opt_str(t["vintage"]);
            for (const auto& f : str_list(t["files"])) a.files.push_back(resolve_path(c.base_dir, f));
            a.layer = opt_str(t["layer"]);
            a.mapping = opt_str(t["mapping"]);
            a.crs = opt_str(t["crs"]);
            a.kind = DataKind::areas;
            a.area_set = a.name;
            a.source_name = a.name;
            const std::string key = fmt::format("area_set[{}]", i);
            if (c.find_area_set(a.name)) problems.add(t.get("name"), key + ".name", fmt::format("'{}' is listed twice", a.name));
            check_files(a.files, t["files"], key + ".files", problems);
            check_mapping_ref(a.mapping, t.get("mapping"), key + ".mapping");
            c.area_sets.push_back(std::move(a));
        }
    }
    if (const auto* cap = doc["capacity"].as_table()) {
        Capacity& k = c.capacity;
        k.storey_height = (*cap)["storey_height"].value<double>().value_or(k.storey_height);
        k.default_floors = static_cast<int>((*cap)["default_floors"].value<std::int64_t>().value_or(k.default_floors));
        k.default_site_coverage = (*cap)["default_site_coverage"].value<double>().value_or(k.default_site_coverage);
        k.multi_dwelling_from_floors =
            static_cast<int>((*cap)["multi_dwelling_from_floors"].value<std::int64_t>().value_or(k.multi_dwelling_from_floors));
        k.dwelling_size_smahus = (*cap)["dwelling_size_smahus"].value<double>().value_or(k.dwelling_size_smahus);
        k.dwelling_size_flerbostadshus =
            (*cap)["dwelling_size_flerbostadshus"].value<double>().value_or(k.dwelling_size_flerbostadshus);
    }
    if (const auto* overrides = doc["plan_capacity"].as_array()) {
        for (std::size_t i = 0; i < overrides->size(); ++i) {
            const auto& t = *overrides->get(i)->as_table();
            PlanCapacity pc{str(t["municipality"]), str(t["plan_id"]), t["dwellings"].value<std::int64_t>().value_or(0),
                            str(t["note"])};
            if (c.find_plan_capacity(pc.municipality, pc.plan_id)) {
                problems.add(overrides->get(i), fmt::format("plan_capacity[{}]", i),
                             fmt::format("plan {} of {} is listed twice", pc.plan_id, pc.municipality));
            }
            c.plan_capacities.push_back(std::move(pc));
        }
    }
    if (const auto* programmes = doc["plan_programme"].as_array()) {
        for (std::size_t i = 0; i < programmes->size(); ++i) {
            const auto& t = *programmes->get(i)->as_table();
            const std::string key = fmt::format("plan_programme[{}]", i);
            PlanProgramme pp{str(t["municipality"]), str(t["plan_id"]), t["dwellings_per_year"].value<double>(), {}};
            if (const auto* years = t["years"].as_table()) {
                for (const auto& [year, n] : *years) pp.years[std::stoi(std::string(year.str()))] = n.value<double>().value_or(0);
            }
            if (pp.dwellings_per_year.has_value() == !pp.years.empty()) {
                problems.add(programmes->get(i), key, "give either dwellings_per_year or years, not both and not neither");
            }
            if (c.find_plan_programme(pp.municipality, pp.plan_id)) {
                problems.add(programmes->get(i), key, fmt::format("plan {} of {} is listed twice", pp.plan_id, pp.municipality));
            }
            c.plan_programmes.push_back(std::move(pp));
        }
    }
    c.status.stalled_after_months =
        static_cast<int>(doc["status"]["stalled_after_months"].value<std::int64_t>().value_or(c.status.stalled_after_months));
    const auto report = doc["report"];
    c.report.area_set = opt_str(report["area_set"]);
    const auto boundaries = doc["boundaries"];
    c.boundaries.area_set = opt_str(boundaries["area_set"]);
    if (const auto km = boundaries["tolerance_km"].value<double>()) c.boundaries.tolerance_m = *km * 1000;
    if (const auto former = opt_str(report["boundary_area_set"])) {
        if (c.boundaries.area_set && *c.boundaries.area_set != *former) {
            problems.add(report.as_table()->get("boundary_area_set"), "report.boundary_area_set",
                         fmt::format("'{}' differs from [boundaries] area_set '{}': keep only [boundaries] area_set", *former,
                                     *c.boundaries.area_set));
        }
        c.notes.push_back(fmt::format("{}: [report] boundary_area_set is now [boundaries] area_set; read as that", path));
        if (!c.boundaries.area_set) c.boundaries.area_set = former;
    }
    c.report.lang = str(report["lang"], c.report.lang);
    if (report["formats"].as_array()) c.report.formats = str_list(report["formats"]);
    c.report.output_dir = resolve_path(c.base_dir, str(report["output_dir"], c.report.output_dir));
    c.report.title = str(report["title"], c.report.title);
    if (c.report.area_set && !c.find_area_set(*c.report.area_set)) {
        problems.add(report.node() ? report.as_table()->get("area_set") : nullptr, "report.area_set",
                     fmt::format("no [[area_set]] named '{}'", *c.report.area_set));
    }
    if (c.boundaries.area_set && !c.find_area_set(*c.boundaries.area_set)) {
        const toml::node* n = boundaries["area_set"].node() ? boundaries["area_set"].node() : report["boundary_area_set"].node();
        problems.add(n, boundaries["area_set"].node() ? "boundaries.area_set" : "report.boundary_area_set",
                     fmt::format("no [[area_set]] named '{}'", *c.boundaries.area_set));
    }
    problems.throw_if_any();
    return c;
}

} // namespace

const Municipality* Config::find_municipality(const std::string& code) const {
    for (const auto& m : municipalities) {
        if (m.code == code) return &m;
    }
    return nullptr;
}

bool Config::covers(std::string_view code) const {
    if (municipalities.empty()) return true;
    for (const auto& m : municipalities) {
        if (m.code == code) return true;
    }
    return false;
}

std::vector<std::string> Config::project_codes() const {
    std::vector<std::string> out;
    for (const auto& m : municipalities) out.push_back(m.code);
    std::sort(out.begin(), out.end());
    return out;
}

const Mapping* Config::find_mapping(const std::string& name) const {
    const auto it = mappings.find(name);
    return it == mappings.end() ? nullptr : &it->second;
}

const AreaSet* Config::find_area_set(const std::string& name) const {
    for (const auto& a : area_sets) {
        if (a.name == name) return &a;
    }
    return nullptr;
}

const PlanCapacity* Config::find_plan_capacity(const std::string& municipality, const std::string& plan_id) const {
    for (const auto& p : plan_capacities) {
        if (p.municipality == municipality && p.plan_id == plan_id) return &p;
    }
    return nullptr;
}

const PlanProgramme* Config::find_plan_programme(const std::string& municipality, const std::string& plan_id) const {
    for (const auto& p : plan_programmes) {
        if (p.municipality == municipality && p.plan_id == plan_id) return &p;
    }
    return nullptr;
}

namespace {

/// Keys and strings with a NUL character (TOML allows "\u0000"): no file name, SQL identifier or text
/// bostad writes may hold one, and C libraries would silently cut the value short there.
void find_nul(const toml::node& n, const std::string& key, Problems& problems) {
    if (const auto* t = n.as_table()) {
        for (const auto& [k, v] : *t) {
            const std::string child = key.empty() ? std::string(k.str()) : key + "." + std::string(k.str());
            if (k.str().find('\0') != std::string_view::npos) {
                problems.add(&v, escape_control(child), "the key holds a NUL character (\\u0000)");
            }
            find_nul(v, child, problems);
        }
    } else if (const auto* a = n.as_array()) {
        for (std::size_t i = 0; i < a->size(); ++i) find_nul(*a->get(i), fmt::format("{}[{}]", key, i), problems);
    } else if (const auto* str = n.as_string(); str && str->get().find('\0') != std::string::npos) {
        problems.add(&n, escape_control(key),
                     fmt::format("'{}' holds a NUL character (\\u0000), which no name, path or text may hold",
                                 escape_control(str->get())));
    }
}

} // namespace

Config parse(std::string_view text, const std::string& path) {
    toml::table doc;
    try {
        doc = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        throw UsageError(fmt::format("invalid config file '{}':\n  {}:{}:{}: not valid TOML: {}", path, path,
                                     e.source().begin.line, e.source().begin.column, e.description()));
    }
    Problems nul(path);
    find_nul(doc, "", nul);
    nul.throw_if_any();
    const auto issues = check_against_schema(doc, config_schema());
    if (!issues.empty()) {
        std::string msg = fmt::format("invalid config file '{}':", path);
        for (const auto& i : issues) {
            msg += i.line > 0 ? fmt::format("\n  {}:{}: {}: {}", path, i.line, i.key, i.message)
                              : fmt::format("\n  {}: {}: {}", path, i.key, i.message);
        }
        throw UsageError(msg);
    }
    Config c = build(doc, path);
    c.text_digest = Digest64().add(text).value();
    return c;
}

Config load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UsageError(fmt::format("--config: cannot read '{}'", path));
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), path);
}

std::string expand_month(const std::string& file, const Month& month) {
    std::string out = file;
    const std::string token = "{month}";
    for (auto pos = out.find(token); pos != std::string::npos; pos = out.find(token, pos)) {
        out.replace(pos, token.size(), month.str());
        pos += 7;
    }
    return out;
}

} // namespace bostad::config
