internal import CLibXML2

/// Recovering the items that were complete before a fatal error.
///
/// libxml2's reader parses 512-byte chunks ahead of the node it returns, and when a chunk
/// holds a fatal error it fails at once, without returning the nodes parsed before the error
/// in that chunk. Those nodes are still in the reader's partial tree (nothing ahead of the
/// current node has been freed), and the error handler noted which elements the parser had
/// not closed. So the parse resumes from the reader's last node and replays the rest of the
/// partial tree as the same element events, iteratively; elements still open get no end
/// event, so the item that holds the fault is never delivered.
extension FeedParser {
    func salvage(_ deliver: (FeedItem) throws -> Void) throws -> Fault? {
        guard let document = errors.document ?? xmlTextReaderCurrentNode(reader)?.pointee.doc else { return nil }
        let open = Self.openElements(in: document, noted: errors.openElements)
        var depth: Int
        var node: xmlNodePtr?
        if let current = xmlTextReaderCurrentNode(reader) {
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
        } else if errors.document != nil {
            node = document.pointee.children
            depth = 0
        } else {
            return nil
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

    /// The elements the parser had not closed: the ones the error handler noted, when they
    /// include the root element; otherwise (an error inside an entity's own parse context)
    /// the chain of last element children from the root, which holds every open element
    /// and at worst also one just closed.
    private static func openElements(in document: xmlDocPtr, noted: Set<UnsafeMutableRawPointer>?) -> Set<UnsafeMutableRawPointer> {
        guard let root = xmlDocGetRootElement(document) else { return [] }
        if let noted, noted.contains(UnsafeMutableRawPointer(root)) { return noted }
        var chain: Set<UnsafeMutableRawPointer> = []
        var element: xmlNodePtr? = root
        while let current = element {
            chain.insert(UnsafeMutableRawPointer(current))
            element = current.pointee.last.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? $0 : nil }
        }
        return chain
    }

    private static func qualifiedName(of node: xmlNodePtr) -> String {
        let name = string(node.pointee.name) ?? ""
        guard let prefix = node.pointee.ns.flatMap({ string($0.pointee.prefix) }) else { return name }
        return prefix + ":" + name
    }
}
