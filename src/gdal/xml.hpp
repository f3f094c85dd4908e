#pragma once
// XML documents through GDAL's own parser (cpl_minixml): an owner for the tree and read-only views of its
// elements, with namespace prefixes stripped ("gml:pos" is "pos", "xlink:href" is "href").

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct CPLXMLNode;

namespace bostad::gdal {

class XmlElement {
public:
    explicit XmlElement(const CPLXMLNode* node) : m_node(node) {}

    std::string_view name() const;
    /// The element's own text (its text children, joined), trimmed.
    std::string text() const;
    std::optional<std::string> attribute(std::string_view name) const;
    std::vector<XmlElement> children() const;
    std::vector<XmlElement> children(std::string_view name) const;
    std::optional<XmlElement> child(std::string_view name) const;
    /// The text of the first child called `name`, or "" when there is none.
    std::string child_text(std::string_view name) const;
    /// Every element below this one (depth first) called `name`.
    std::vector<XmlElement> descendants(std::string_view name) const;

private:
    const CPLXMLNode* m_node;
};

struct XmlDeleter {
    void operator()(CPLXMLNode* node) const noexcept;
};

class XmlDocument {
public:
    /// Parses a file of at most `max_bytes`; throws InputError naming the file when it is not XML.
    static XmlDocument parse_file(const std::string& path, std::size_t max_bytes);
    XmlElement root() const;

private:
    explicit XmlDocument(CPLXMLNode* tree);
    std::unique_ptr<CPLXMLNode, XmlDeleter> m_tree;
    const CPLXMLNode* m_root = nullptr;
};

} // namespace bostad::gdal
