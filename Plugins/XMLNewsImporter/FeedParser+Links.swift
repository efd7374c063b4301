internal import CLibXML2
internal import MusterCore

/// Relative links and `xml:base`, and internal entities declared in the feed's own DTD.
extension FeedParser {
    /// `value` resolved against the `xml:base` in scope (RFC 3986); unchanged when no
    /// `xml:base` is in scope, since a file read from disk has no URL that a relative link
    /// could be relative to.
    func resolved(_ value: String) -> String {
        guard let base = bases.last?.uri, !value.isEmpty else { return value }
        return URIReference.resolve(value, against: base)
    }

    /// The `xml:base` attribute of `node`, without allocating for the common case of none.
    static func xmlBase(_ node: xmlNodePtr) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name, xmlStrEqual(name, "base") == 1,
                let href = current.pointee.ns?.pointee.href, xmlStrEqual(href, FeedVocabulary.xml) == 1
            {
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                return value.trimmingWhitespace
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Entities declared in the document's internal subset whose value is plain text up to
    /// 4 KiB (`<!ENTITY id "tag:example.com,">`) are expanded into the text being collected.
    /// Nothing external is ever read, and an entity holding markup or other references is
    /// left out, so expansion cannot nest; libxml2's own amplification check still counts
    /// every reference, and each field keeps its byte cap.
    func appendInternalEntity(_ node: xmlNodePtr?) {
        guard item != nil, let node, node.pointee.type == XML_ENTITY_REF_NODE,
            let declaration = node.pointee.children, declaration.pointee.type == XML_ENTITY_DECL
        else { return }
        let entity = UnsafeMutableRawPointer(declaration).assumingMemoryBound(to: xmlEntity.self)
        guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY, entity.pointee.length <= 4_096,
            let content = entity.pointee.content
        else { return }
        let bytes = UnsafeBufferPointer(start: content, count: Int(entity.pointee.length))
        guard !bytes.contains(UInt8(ascii: "&")), !bytes.contains(UInt8(ascii: "<")) else { return }
        appendText(UnsafePointer(content))
    }
}
