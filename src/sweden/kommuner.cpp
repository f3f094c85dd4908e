#include "sweden/kommuner.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "core/csv.hpp"
#include "core/domain.hpp"
#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace bostad {
std::span<const EmbeddedFile> gis_files(); // generated from gis/ by cmake/embed.cmake
}

namespace bostad::sweden {
namespace {

/// Codes SCB changed: Kristianstads län's kommuner joined Malmöhus län as Skåne in 1997 (11xx → 12xx), and
/// Heby moved from Västmanland to Uppsala län in 2007 (1917 → 0331). Västra Götaland's recoding of 1998
/// (15xx and 16xx → 14xx) did not follow one rule and is not mapped: such a code is refused.
constexpr std::pair<std::string_view, std::string_view> k_former[] = {
    {"1156", "1256"}, {"1157", "1257"}, {"1170", "1270"}, {"1172", "1272"}, {"1173", "1273"},
    {"1175", "1275"}, {"1176", "1276"}, {"1177", "1277"}, {"1178", "1278"}, {"1190", "1290"},
    {"1191", "1291"}, {"1192", "1292"}, {"1193", "1293"}, {"1917", "0331"},
};

std::vector<Kommun> load() {
    const EmbeddedFile* f = find_embedded(gis_files(), "sweden/kommuner.csv");
    if (!f) throw std::logic_error("gis/sweden/kommuner.csv is not embedded");
    auto records = parse_csv(f->text, ',');
    std::vector<Kommun> out;
    for (std::size_t i = 1; i < records.size(); ++i) {
        auto& r = records[i];
        if (r.size() != 5) throw std::logic_error(fmt::format("gis/sweden/kommuner.csv:{}: {} fields, expected 5", i + 1, r.size()));
        out.push_back({std::move(r[0]), std::move(r[1]), std::move(r[2]), std::move(r[3]), std::move(r[4])});
    }
    std::sort(out.begin(), out.end(), [](const Kommun& a, const Kommun& b) { return a.code < b.code; });
    return out;
}

const std::vector<Kommun>& all() {
    static const std::vector<Kommun> k = load();
    return k;
}

/// The name without the words around it: "Kristianstads kommun" → "Kristianstads", "Region Gotland" →
/// "Gotland", "Stockholms stad" → "Stockholms".
std::string_view bare_name(std::string_view t) {
    for (std::string_view suffix : {" kommun", " Kommun", " KOMMUN", " stad", " Stad"}) {
        if (t.size() > suffix.size() && t.substr(t.size() - suffix.size()) == suffix) {
            return trim(t.substr(0, t.size() - suffix.size()));
        }
    }
    for (std::string_view prefix : {"Region ", "region ", "REGION "}) {
        if (t.size() > prefix.size() && t.substr(0, prefix.size()) == prefix) return trim(t.substr(prefix.size()));
    }
    return t;
}

/// The kommuner by name as written, lower-cased and without accents: built once.
struct NameIndex {
    std::unordered_map<std::string, std::vector<const Kommun*>> exact, lower, plain;
    NameIndex() {
        for (const auto& k : all()) {
            exact[k.name].push_back(&k);
            lower[lower_sv(k.name)].push_back(&k);
            plain[fold_accents_sv(k.name)].push_back(&k);
        }
    }
};

const NameIndex& names() {
    static const NameIndex index;
    return index;
}

/// Exactly, then in any case, then without accents: the first way that names one kommun (none when a way names
/// two: only ever without accents, as Håbo and Habo).
const Kommun* by_name(std::string_view text) {
    const NameIndex& n = names();
    for (const auto& [map, key] : {std::pair{&n.exact, std::string(text)}, std::pair{&n.lower, lower_sv(text)},
                                   std::pair{&n.plain, fold_accents_sv(text)}}) {
        const auto it = map->find(key);
        if (it == map->end()) continue;
        return it->second.size() == 1 ? it->second.front() : nullptr;
    }
    return nullptr;
}

/// "Kristianstads" (a genitive before "kommun" or "stad") → Kristianstad, unless a kommun is named so.
const Kommun* by_written_name(std::string_view text) {
    if (const Kommun* k = by_name(text)) return k;
    const std::string_view bare = bare_name(text);
    if (bare == text) return nullptr;
    if (const Kommun* k = by_name(bare)) return k;
    if (bare.size() > 1 && (bare.back() == 's' || bare.back() == 'S')) return by_name(bare.substr(0, bare.size() - 1));
    return nullptr;
}

} // namespace

std::span<const Kommun> kommuner() { return all(); }

const Kommun* find_kommun(std::string_view code) {
    const auto& k = all();
    const auto it = std::lower_bound(k.begin(), k.end(), code, [](const Kommun& a, std::string_view c) { return a.code < c; });
    return it != k.end() && it->code == code ? &*it : nullptr;
}

Found find_kommun_by_text(std::string_view raw) {
    const std::string_view text = trim(raw);
    if (text.empty()) return {nullptr, "the kommun is empty"};
    std::string code(text);
    if (code.size() == 3 && is_municipality_code("0" + code)) code = "0" + code; // read as a number
    if (is_municipality_code(code)) {
        if (const Kommun* k = find_kommun(code)) return {k, {}};
        for (const auto& [former, current] : k_former) {
            if (former == code) return {find_kommun(current), {}};
        }
        const std::string lan = code.substr(0, 2);
        if (lan == "15" || lan == "16") {
            return {nullptr, fmt::format("'{}' is a code of a former län (Älvsborg or Skaraborg, before 1998): give "
                                         "today's Västra Götaland code (14xx)", code)};
        }
        return {nullptr, fmt::format("'{}' is not a kommun code (none of SCB's 290)", code)};
    }
    if (const Kommun* k = by_written_name(text)) return {k, {}};
    const std::string plain = fold_accents_sv(text);
    std::vector<std::string> alike;
    if (const auto it = names().plain.find(plain); it != names().plain.end()) {
        for (const Kommun* k : it->second) alike.push_back(label(*k));
    }
    if (alike.size() > 1) {
        return {nullptr, fmt::format("'{}' could be {}: write the name with its accents, or the code",
                                     escape_control(text), join_alternatives(alike))};
    }
    std::vector<std::string> names;
    for (const auto& k : all()) names.push_back(fold_accents_sv(k.name));
    if (const auto near = closest_match(plain, names)) {
        for (const auto& k : all()) {
            if (fold_accents_sv(k.name) == *near) {
                return {nullptr, fmt::format("'{}' is not a kommun; did you mean {}?", escape_control(text), label(k))};
            }
        }
    }
    return {nullptr, fmt::format("'{}' is neither a kommun code nor a kommun name", escape_control(text))};
}

std::string kommun_code(std::string_view text, std::string_view what) {
    const Found f = find_kommun_by_text(text);
    if (!f.kommun) throw UsageError(fmt::format("{}: {}", what, f.problem));
    return f.kommun->code;
}

std::string label(const Kommun& k) { return fmt::format("{} ({})", k.name, k.code); }

std::string label(std::string_view code) {
    const Kommun* k = find_kommun(code);
    return k ? label(*k) : std::string(code);
}

std::span<const std::pair<std::string_view, std::string_view>> former_codes() { return k_former; }

} // namespace bostad::sweden
