#include "ingest/read/csv_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "gdal/srs.hpp"

namespace bostad::ingest {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t k_max_bytes = std::size_t{1} << 30; // read whole: larger files are refused (bounded memory)

bool is_utf8_name(const std::string& encoding) {
    const std::string e = lower_sv(encoding);
    return e == "utf-8" || e == "utf8";
}

/// The separator of the header line: the most frequent of , ; tab | outside quotes.
char detect_separator(std::string_view text) {
    std::size_t counts[4] = {0, 0, 0, 0};
    static constexpr char k_seps[] = {',', ';', '\t', '|'};
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (!quoted && (c == '\n' || c == '\r')) break;
        if (quoted) continue;
        for (int i = 0; i < 4; ++i) counts[i] += c == k_seps[i] ? 1 : 0;
    }
    const auto best = std::max_element(std::begin(counts), std::end(counts));
    return *best == 0 ? ',' : k_seps[best - std::begin(counts)];
}

} // namespace

CsvReader::CsvReader(const std::string& path, const SourceOptions& options) : m_path(path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) throw InputError(fmt::format("{}: cannot be read ({})", path, ec.message()));
    if (size > k_max_bytes) throw InputError(fmt::format("{}: {} bytes is more than bostad reads from one CSV file (1 GiB): deliver it as a GeoPackage or in parts", path, size));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("{}: cannot be read", path));
    m_text.resize(static_cast<std::size_t>(size));
    in.read(m_text.data(), static_cast<std::streamsize>(size));
    if (!in && !in.eof()) throw InputError(fmt::format("{}: read error", path));
    if (m_text.starts_with("\xEF\xBB\xBF")) m_pos = 3; // UTF-8 byte order mark
    if (m_text.find('\0') != std::string::npos) {
        throw InputError(fmt::format("{}: holds NUL bytes; it is not a text (CSV) file", path));
    }
    if (options.encoding && !is_utf8_name(*options.encoding)) m_encoding = options.encoding;
    m_sep = options.csv_separator.value_or(detect_separator(std::string_view(m_text).substr(m_pos)));

    std::vector<std::optional<std::string>> header;
    std::vector<std::string> notes;
    if (!read_record(header, notes)) throw InputError(fmt::format("{}: the file is empty (no header line)", path));
    for (auto& h : header) {
        std::string name = h ? std::string(trim(*h)) : std::string();
        if (m_encoding) name = gdal::recode_to_utf8(name, *m_encoding);
        m_names.push_back(name);
    }
    m_types.assign(m_names.size(), ValueType::text);
    // An estimate for the progress bar: lines after the header (a last line without a line break counts too).
    m_count = std::count(m_text.begin() + static_cast<std::ptrdiff_t>(m_pos), m_text.end(), '\n') +
              (m_text.size() > m_pos && m_text.back() != '\n' ? 1 : 0);

    const fs::path prj = fs::path(path).replace_extension(".prj");
    if (fs::exists(prj, ec)) {
        std::ifstream p(prj, std::ios::binary);
        std::ostringstream wkt;
        wkt << p.rdbuf();
        m_crs_wkt = std::string(trim(wkt.str()));
        m_crs_name = gdal::crs_name_of_wkt(m_crs_wkt);
    }
}

bool CsvReader::read_record(std::vector<std::optional<std::string>>& out, std::vector<std::string>& notes) {
    std::size_t field = 0;
    const auto set = [&](std::size_t i, std::string_view v, bool quoted) {
        if (out.size() <= i) out.resize(i + 1);
        if (v.empty() && !quoted) out[i].reset();
        else if (out[i]) out[i]->assign(v);
        else out[i].emplace(v);
    };
    // Skip blank lines between records.
    while (m_pos < m_text.size() && (m_text[m_pos] == '\n' || m_text[m_pos] == '\r')) ++m_pos;
    if (m_pos >= m_text.size()) return false;
    std::string buffer;
    while (true) {
        const std::size_t start = m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == '"') {
            // Quoted value: "" is a quote; separators and line breaks are text.
            buffer.clear();
            ++m_pos;
            bool closed = false;
            while (m_pos < m_text.size()) {
                const std::size_t q = m_text.find('"', m_pos);
                if (q == std::string::npos) {
                    buffer.append(m_text, m_pos, std::string::npos);
                    m_pos = m_text.size();
                    break;
                }
                buffer.append(m_text, m_pos, q - m_pos);
                if (q + 1 < m_text.size() && m_text[q + 1] == '"') {
                    buffer += '"';
                    m_pos = q + 2;
                    continue;
                }
                m_pos = q + 1;
                closed = true;
                break;
            }
            if (!closed) notes.push_back("the file ends inside a quoted value (is it cut short?)");
            // Anything between the closing quote and the separator is kept as text.
            const std::size_t end = m_text.find_first_of(std::string{m_sep, '\n', '\r'}, m_pos);
            const std::size_t stop = end == std::string::npos ? m_text.size() : end;
            buffer.append(m_text, m_pos, stop - m_pos);
            m_pos = stop;
            set(field, buffer, true);
        } else {
            const std::size_t end = m_text.find_first_of(std::string{m_sep, '\n', '\r'}, m_pos);
            const std::size_t stop = end == std::string::npos ? m_text.size() : end;
            set(field, std::string_view(m_text).substr(start, stop - start), false);
            m_pos = stop;
        }
        ++field;
        if (m_pos < m_text.size() && m_text[m_pos] == m_sep) {
            ++m_pos;
            continue;
        }
        if (m_pos < m_text.size() && m_text[m_pos] == '\r') ++m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == '\n') ++m_pos;
        break;
    }
    out.resize(field);
    return true;
}

bool CsvReader::next(SourceRow& row) {
    row.notes.clear();
    if (!read_record(row.values, row.notes)) return false;
    row.number = ++m_number;
    row.fid = -1;
    row.wkb.clear();
    if (row.values.size() != m_names.size()) {
        if (row.values.size() < m_names.size()) {
            row.notes.push_back(fmt::format("the row has {} of the header's {} fields (is it cut short?)", row.values.size(),
                                            m_names.size()));
        } else {
            row.notes.push_back(fmt::format("the row has {} fields, the header {}", row.values.size(), m_names.size()));
        }
        row.values.resize(m_names.size());
    }
    if (m_encoding) {
        for (auto& v : row.values) {
            if (v) *v = gdal::recode_to_utf8(*v, *m_encoding);
        }
    }
    return true;
}

} // namespace bostad::ingest
