internal import CLibXML2

/// Recovering the items that were complete before a fatal error.
///
/// When the reader fails, nodes it had parsed ahead but not returned are still in its
/// partial tree, and the elements the parser had not closed are known (how libxml2 leaves
/// them is ``LibXML2Internals``' business). So the parse resumes from the reader's last node
/// and replays the rest of the partial tree as the same element events, iteratively;
/// elements still open get no end event, so the item that holds the fault is never delivered.
extension FeedParser {
    func salvage(_ deliver: (FeedItem) throws -> Void) throws -> Fault? {
        guard let abandoned = LibXML2Internals.abandonedParse(of: reader, noted: errors.parserState) else { return nil }
        let open = abandoned.openElements
        var depth: Int
        var node: xmlNodePtr?
        if let current = abandoned.lastReturned {
            depth = lastDepth
            if lastWasOpenStart, let child = current.pointee.children {
                node = child
                depth += 1
            } else if lastWasOpenStart, open.contains(UnsafeMutableRawPointer(current)) {
                return nil
            } else {
                if lastWasOpenStart { try endElement(depth: depth, deliver) }
                node = try following(current, open: open, depth: &depth, deliver)
            }
        } else {
            node = abandoned.document.pointee.children
            depth = 0
        }

        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                let isOpen = open.contains(UnsafeMutableRawPointer(current))
                let hasChildren = current.pointee.children != nil
                let start = ElementStart(
                    depth: depth,
                    namespace: current.pointee.ns.flatMap { Self.string($0.pointee.href) } ?? "",
                    localName: Self.string(current.pointee.name) ?? "",
                    qualifiedName: Self.qualifiedName(of: current),
                    isEmpty: !hasChildren && !isOpen,
                    line: Int(xmlGetLineNo(current))
                )
                if let fault = try startElement(start, attributes: { attributes(of: current) }, deliver) { return fault }
                if hasChildren {
                    node = current.pointee.children
                    depth += 1
                    continue
                }
                if isOpen { return nil }
            } else if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE {
                appendText(current.pointee.content.map { UnsafePointer($0) })
            }
            node = try following(current, open: open, depth: &depth, deliver)
        }
        return nil
    }

    /// The node after `node` in document order, ending the elements it climbs out of;
    /// nil at an element the parser had not closed (nothing after it was parsed).
    private func following(
        _ node: xmlNodePtr,
        open: Set<UnsafeMutableRawPointer>,
        depth: inout Int,
        _ deliver: (FeedItem) throws -> Void
    ) throws -> xmlNodePtr? {
        var current = node
        while true {
            if let next = current.pointee.next { return next }
            guard let parent = current.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE,
                !open.contains(UnsafeMutableRawPointer(parent))
            else { return nil }
            depth -= 1
            try endElement(depth: depth, deliver)
            current = parent
        }
    }

    private static func qualifiedName(of node: xmlNodePtr) -> String {
        let name = string(node.pointee.name) ?? ""
        guard let prefix = node.pointee.ns.flatMap({ string($0.pointee.prefix) }) else { return name }
        return prefix + ":" + name
    }
}
