import Foundation
import CLibXML2

/// An XML document read back by libxml2 as a flat list of its elements, to check what ActorNet
/// writes (the SVG charts of `SVGLineChart`): that it is well-formed, and which elements,
/// attributes and texts it holds.
///
/// Parsing is libxml2's (`xmlCtxtReadMemory`), offline (`XML_PARSE_NONET`), without loading or
/// validating a DTD and without expanding entities beyond XML's five predefined ones.
public struct XMLOutline: Sendable {
    public struct Element: Sendable, Hashable {
        /// The local name (`path`, `text`; namespaces are not resolved).
        public let name: String
        /// Nesting depth: 0 for the root.
        public let depth: Int
        public let attributes: [String: String]
        /// The text directly inside the element (not inside its children), entities decoded.
        public let text: String
    }

    /// Every element, in document order.
    public let elements: [Element]

    /// The elements called `name`.
    public func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Parses `bytes`, or returns libxml2's first error with its line and column.
    public static func parse(_ bytes: [UInt8], file: String) -> Result<XMLOutline, XMLOutlineError> {
        guard let context = xmlNewParserCtxt() else {
            return .failure(XMLOutlineError(file: file, line: 0, column: 0, message: "cannot create a libxml2 parser"))
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), file, nil, options)
            }
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            let error = xmlCtxtGetLastError(context)
            let message = error?.pointee.message.map { String(cString: $0) } ?? "not well-formed XML"
            return .failure(XMLOutlineError(file: file, line: Int(error?.pointee.line ?? 0), column: Int(error?.pointee.int2 ?? 0),
                                            message: message.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        defer { xmlFreeDoc(document) }
        var elements: [Element] = []
        func visit(_ node: xmlNodePtr, depth: Int) {
            var attributes: [String: String] = [:]
            var attribute = node.pointee.properties
            while let a = attribute {
                attributes[xmlString(a.pointee.name) ?? ""] = text(of: a.pointee.children)
                attribute = a.pointee.next
            }
            elements.append(Element(name: xmlString(node.pointee.name) ?? "", depth: depth, attributes: attributes,
                                    text: text(of: node.pointee.children)))
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE { visit(c, depth: depth + 1) }
                child = c.pointee.next
            }
        }
        if let root = xmlDocGetRootElement(document) { visit(root, depth: 0) }
        return .success(XMLOutline(elements: elements))
    }

    /// The concatenated text and CDATA nodes of a sibling list.
    private static func text(of first: xmlNodePtr?) -> String {
        var out = ""
        var node = first
        while let n = node {
            if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE {
                out += xmlString(n.pointee.content) ?? ""
            }
            node = n.pointee.next
        }
        return out
    }
}

/// Why a document is not well-formed XML, where libxml2 found it.
public struct XMLOutlineError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// A Swift string from a libxml2 string, nil for a null pointer.
private func xmlString(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    pointer.map { String(cString: $0) }
}
