#include "example/geography.hpp"

#include <algorithm>

namespace bostad::example {
namespace {

using Ring = std::vector<std::pair<double, double>>;

// The border between the two municipalities, north to south, in km (EPSG:3006).
const Ring k_shared_border = {{438.0, 6223.5}, {437.0, 6217.5}, {432.0, 6209.5}, {428.0, 6208.0},
                              {426.5, 6210.0}, {423.0, 6205.5}, {424.5, 6202.5}, {421.5, 6201.0}};

// Kristianstad from the south end of the shared border, round the coast of Hanöbukten, back to its north end.
const Ring k_kristianstad_rest = {
    {426.0, 6195.0}, {430.0, 6198.5}, {432.0, 6197.0}, {432.5, 6192.0}, {430.0, 6188.0}, {434.5, 6182.5},
    {437.0, 6179.0}, {440.0, 6179.5}, {441.0, 6181.5}, {443.5, 6179.5}, {449.5, 6179.5}, {450.5, 6187.5},
    {455.0, 6195.5}, {458.0, 6197.0}, {460.0, 6202.0}, {464.5, 6205.0}, {466.5, 6209.5}, {461.5, 6211.0},
    {462.0, 6214.5}, {465.0, 6217.5}, {463.5, 6224.0}, {463.5, 6229.0}, {465.5, 6232.0}, {465.0, 6236.5},
    {463.5, 6240.0}, {457.5, 6237.5}, {455.5, 6233.5}, {454.0, 6227.0}, {450.5, 6224.5}, {447.0, 6224.0},
    {445.5, 6221.5}};

// Hässleholm from the north end of the shared border, round the north and west, back to its south end.
const Ring k_hassleholm_rest = {
    {437.5, 6227.0}, {436.5, 6231.0}, {437.5, 6236.5}, {437.5, 6242.5}, {433.5, 6242.5}, {434.0, 6246.0},
    {431.0, 6247.5}, {432.0, 6250.0}, {431.5, 6252.0}, {423.0, 6250.0}, {420.0, 6254.5}, {412.0, 6252.5},
    {412.0, 6250.5}, {407.5, 6247.5}, {407.0, 6242.0}, {406.5, 6239.0}, {404.5, 6240.5}, {402.0, 6237.0},
    {404.5, 6230.5}, {403.0, 6228.0}, {404.5, 6225.5}, {404.5, 6223.5}, {402.5, 6219.5}, {404.5, 6216.5},
    {406.5, 6217.5}, {407.5, 6216.5}, {410.5, 6217.0}, {411.5, 6213.5}, {416.5, 6212.0}, {416.0, 6205.5},
    {414.0, 6202.5}, {419.0, 6202.0}};

Ring in_metres(const Ring& km) {
    Ring out;
    for (const auto& [x, y] : km) out.emplace_back(x * 1000.0, y * 1000.0);
    return out;
}

double signed_area(const Ring& r) {
    double a = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) a += r[i].first * r[i + 1].second - r[i + 1].first * r[i].second;
    return a / 2;
}

Ring closed_ccw(Ring r) {
    r.push_back(r.front());
    if (signed_area(r) < 0) std::reverse(r.begin(), r.end());
    return r;
}

std::vector<MunicipalityShape> build_shapes() {
    Ring kristianstad(k_shared_border);
    kristianstad.insert(kristianstad.end(), k_kristianstad_rest.begin(), k_kristianstad_rest.end());
    Ring hassleholm = {k_shared_border.front()};
    hassleholm.insert(hassleholm.end(), k_hassleholm_rest.begin(), k_hassleholm_rest.end());
    hassleholm.insert(hassleholm.end(), k_shared_border.rbegin(), k_shared_border.rend() - 1);
    return {{"1290", "Kristianstad", closed_ccw(in_metres(kristianstad))},
            {"1293", "Hässleholm", closed_ccw(in_metres(hassleholm))}};
}

// Town centres (rounded to 100 m), the district each seeds, and how much building happens there.
constexpr Town k_towns[] = {
    {"1290", "Kristianstad centrum", "KRISTIANSTAD", 445500, 6209000, 9.0, 700},
    {"1290", "Kristianstad norr", "NÄSBY", 444600, 6211200, 9.0, 900},
    {"1290", "Kristianstad söder", "VILAN", 445900, 6206900, 9.0, 900},
    {"1290", "Kristianstad väster", "GAMLEGÅRDEN", 443000, 6208500, 7.0, 900},
    {"1290", "Hammar", "HAMMAR", 450500, 6209100, 4.0, 700},
    {"1290", "Åhus", "ÅHUS", 456100, 6198200, 11.0, 1200},
    {"1290", "Tollarp", "TOLLARP", 436600, 6199500, 4.0, 700},
    {"1290", "Fjälkinge", "FJÄLKINGE", 454900, 6210900, 2.5, 600},
    {"1290", "Färlöv", "FÄRLÖV", 443100, 6213600, 2.0, 500},
    {"1290", "Önnestad", "ÖNNESTAD", 439200, 6212200, 2.0, 500},
    {"1290", "Degeberga", "DEGEBERGA", 443000, 6187600, 1.5, 500},
    {"1290", "Everöd", "EVERÖD", 444500, 6194600, 1.0, 400},
    {"1290", "Gärds Köpinge", "GÄRDS KÖPINGE", 447100, 6200000, 1.0, 400},
    {"1290", "Arkelstorp", "ARKELSTORP", 456000, 6225100, 0.8, 400},
    {"1290", "Rinkaby", "RINKABY", 454500, 6204900, 0.8, 400},
    {"1290", "Linderöd", "LINDERÖD", 426300, 6198900, 0.5, 400},
    {"1290", "Vånga", "VÅNGA", 461200, 6225200, 0.4, 400},
    {"1290", "Österslöv", "ÖSTERSLÖV", 453100, 6217100, 0.5, 400},
    {"1290", "Yngsjö", "YNGSJÖ", 452600, 6193100, 1.0, 600},
    {"1290", "Bjärlöv", "BJÄRLÖV", 443200, 6218900, 0.3, 400},
    {"1293", "Hässleholm centrum", "HÄSSLEHOLM", 424200, 6224000, 10.0, 700},
    {"1293", "Hässleholm norr", "NORRA MELLBY", 424600, 6226300, 7.0, 900},
    {"1293", "Tormestorp", "TORMESTORP", 422000, 6219600, 4.0, 800},
    {"1293", "Tyringe", "TYRINGE", 413200, 6224700, 5.0, 800},
    {"1293", "Vinslöv", "VINSLÖV", 431800, 6217500, 4.0, 700},
    {"1293", "Bjärnum", "BJÄRNUM", 420500, 6239300, 2.5, 600},
    {"1293", "Sösdala", "SÖSDALA", 417700, 6211200, 2.0, 600},
    {"1293", "Vittsjö", "VITTSJÖ", 417200, 6245200, 1.8, 600},
    {"1293", "Hästveda", "HÄSTVEDA", 434100, 6238600, 1.8, 600},
    {"1293", "Stoby", "STOBY", 427100, 6226600, 0.8, 400},
    {"1293", "Finja", "FINJA", 418800, 6225800, 0.6, 400},
    {"1293", "Ballingslöv", "BALLINGSLÖV", 428400, 6230500, 0.4, 400},
    {"1293", "Emmaljunga", "EMMALJUNGA", 416800, 6250800, 0.3, 400},
    {"1293", "Västra Torup", "VÄSTRA TORUP", 407200, 6222900, 0.3, 400},
    {"1293", "Hörja", "HÖRJA", 412500, 6229700, 0.3, 400},
    {"1293", "Mala", "MALA", 420300, 6233600, 0.3, 400},
};

} // namespace

const std::vector<MunicipalityShape>& municipality_shapes() {
    static const std::vector<MunicipalityShape> k_shapes = build_shapes();
    return k_shapes;
}

std::span<const Town> towns() { return k_towns; }

} // namespace bostad::example
