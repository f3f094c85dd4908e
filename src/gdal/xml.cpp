#include "gdal/xml.hpp"

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <sstream>

#include <cpl_minixml.h>
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
