#include "gdal/xml.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <cpl_minixml.h>
#include <cpl_string.h>
#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "gdal/runtime.hpp"

namespace bostad::gdal {

void XmlDeleter::operator()(CPLXMLNode* node) const noexcept { CPLDestroyXMLNode(node); }

std::string_view XmlElement::name() const { return m_node->pszValue ? m_node->pszValue : ""; }

std::string XmlElement::text() const {
    std::string out;
    for (const CPLXMLNode* c = m_node->psChild; c; c = c->psNext) {
        if (c->eType == CXT_Text && c->pszValue) out += c->pszValue;
    }
    return std::string(trim(out));
}

std::optional<std::string> XmlElement::attribute(std::string_view name) const {
    for (const CPLXMLNode* c = m_node->psChild; c; c = c->psNext) {
        if (c->eType == CXT_Attribute && c->pszValue && name == c->pszValue) {
            return c->psChild && c->psChild->pszValue ? std::string(c->psChild->pszValue) : std::string();
        }
    }
    return std::nullopt;
}

std::vector<XmlElement> XmlElement::children() const {
    std::vector<XmlElement> out;
    for (const CPLXMLNode* c = m_node->psChild; c; c = c->psNext) {
        if (c->eType == CXT_Element) out.emplace_back(c);
    }
    return out;
}

std::vector<XmlElement> XmlElement::children(std::string_view name) const {
    std::vector<XmlElement> out;
    for (const CPLXMLNode* c = m_node->psChild; c; c = c->psNext) {
        if (c->eType == CXT_Element && c->pszValue && name == c->pszValue) out.emplace_back(c);
    }
    return out;
}

std::optional<XmlElement> XmlElement::child(std::string_view name) const {
    for (const CPLXMLNode* c = m_node->psChild; c; c = c->psNext) {
        if (c->eType == CXT_Element && c->pszValue && name == c->pszValue) return XmlElement(c);
    }
    return std::nullopt;
}

std::string XmlElement::child_text(std::string_view name) const {
    const auto c = child(name);
    return c ? c->text() : std::string();
}

std::vector<XmlElement> XmlElement::descendants(std::string_view name) const {
    std::vector<XmlElement> out;
    // Iterative depth-first walk: deeply nested hostile input must not exhaust the stack.
    std::vector<const CPLXMLNode*> stack;
    for (const CPLXMLNode* c = m_node->psChild; c; c = c->psNext) stack.push_back(c);
    std::reverse(stack.begin(), stack.end());
    while (!stack.empty()) {
        const CPLXMLNode* n = stack.back();
        stack.pop_back();
        if (n->eType != CXT_Element) continue;
        if (n->pszValue && name == n->pszValue) out.emplace_back(n);
        std::vector<const CPLXMLNode*> kids;
        for (const CPLXMLNode* c = n->psChild; c; c = c->psNext) kids.push_back(c);
        stack.insert(stack.end(), kids.rbegin(), kids.rend());
    }
    return out;
}

XmlDocument::XmlDocument(CPLXMLNode* tree) : m_tree(tree) {
    for (const CPLXMLNode* n = tree; n; n = n->psNext) {
        if (n->eType == CXT_Element && n->pszValue && n->pszValue[0] != '?') {
            m_root = n;
            break;
        }
    }
}

namespace {

/// The encoding named in the XML declaration (lower case), "utf-8" when there is none.
std::string declared_encoding(std::string_view xml) {
    if (!xml.starts_with("<?xml")) return "utf-8";
    const auto end = xml.find("?>");
    const std::string_view decl = xml.substr(0, end);
    const auto at = decl.find("encoding");
    if (at == std::string_view::npos) return "utf-8";
    const auto open = decl.find_first_of("\"'", at);
    if (open == std::string_view::npos) return "utf-8";
    const auto close = decl.find(decl[open], open + 1);
    if (close == std::string_view::npos) return "utf-8";
    return lower_sv(decl.substr(open + 1, close - open - 1));
}

/// The document in UTF-8: Latin-1 (and its Windows superset) declared as such is recoded; anything else
/// must be valid UTF-8, or the file is refused naming the first bad byte (values that are not text
/// cannot be stored or shown).
std::string as_utf8(std::string xml, const std::string& path) {
    const std::string encoding = declared_encoding(xml);
    const bool latin1 = encoding == "iso-8859-1" || encoding == "latin1" || encoding == "latin-1";
    if (latin1 || encoding == "windows-1252" || encoding == "cp1252") {
        std::unique_ptr<char, decltype(&CPLFree)> recoded(
            CPLRecode(xml.c_str(), latin1 ? CPL_ENC_ISO8859_1 : "CP1252", CPL_ENC_UTF8), &CPLFree);
        return recoded ? std::string(recoded.get()) : std::string();
    }
    if (encoding != "utf-8" && encoding != "utf8" && encoding != "us-ascii") {
        throw InputError(fmt::format("{}: the XML is in '{}'; bostad reads UTF-8, ISO-8859-1 and windows-1252", path, encoding));
    }
    if (const auto bad = invalid_utf8_at(xml)) {
        const auto line = 1 + std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
        throw InputError(fmt::format("{}: line {}: byte {} (0x{:02X}) is not UTF-8, which the file declares", path, line,
                                     *bad, static_cast<unsigned char>(xml[*bad])));
    }
    return xml;
}

} // namespace

XmlDocument XmlDocument::parse_file(const std::string& path, std::size_t max_bytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw InputError(fmt::format("{}: cannot be read", path));
    if (size > max_bytes) throw InputError(fmt::format("{}: {} bytes is more than bostad reads from one XML file ({} MB)", path, size, max_bytes >> 20));
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string xml = text.str();
    if (xml.starts_with("\xEF\xBB\xBF")) xml.erase(0, 3);
    xml = as_utf8(std::move(xml), path);
    ErrorCollector errors;
    CPLXMLNode* tree = CPLParseXMLString(xml.c_str());
    if (!tree) throw InputError(fmt::format("{}: not well-formed XML ({})", path, errors.last_or("no reason given")));
    CPLStripXMLNamespace(tree, nullptr, TRUE);
    XmlDocument doc(tree);
    if (!doc.m_root) throw InputError(fmt::format("{}: the XML has no root element", path));
    return doc;
}

XmlElement XmlDocument::root() const { return XmlElement(m_root); }

} // namespace bostad::gdal
