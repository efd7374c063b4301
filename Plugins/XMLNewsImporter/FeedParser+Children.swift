internal import CLibXML2
internal import MusterCore

/// The elements inside an item: mapping them to fields, collecting their text, and keeping
/// unmapped ones in `extras`.
extension FeedParser {
    /// An attribute of the element the reader is on.
    struct Attribute {
        var qualifiedName: String
        var localName: String
        var namespace: String
        var value: String
    }

    func openChild(_ start: ElementStart, attributes: () -> [Attribute]) {
        let index = open.count
        let namespace = start.namespace
        let localName = start.localName
        let qualifiedName = start.qualifiedName
        guard let parent = open.last else {
            open.append(directChild(start, attributes: attributes, index: index))
            return
        }
        var element: OpenElement
        switch parent.role {
        case .atomAuthor:
            if FeedVocabulary.atomNamespaces.contains(namespace.isEmpty ? format?.defaultNamespace ?? "" : namespace), localName == "name" {
                element = OpenElement(role: .field(.author, .plain), localName: localName, target: index)
            } else {
                element = unmapped(path: "author/" + qualifiedName, localName: localName, attributes: attributes, index: index)
            }
        case .extra(let path):
            element = unmapped(path: path + "/" + qualifiedName, localName: localName, attributes: attributes, index: index)
        case .ignored:
            element = OpenElement(role: .ignored, localName: localName, target: nil)
        case .field, .nested:
            element = OpenElement(role: .nested, localName: localName, target: parent.target)
            if let target = parent.target, open[target].collectsMarkup {
                element.serialized = true
                open[target].append("<\(localName)>", cap: maxFieldBytes)
            }
        }
        open.append(element)
    }

    private func directChild(_ start: ElementStart, attributes readAttributes: () -> [Attribute], index: Int) -> OpenElement {
        let namespace = start.namespace
        let localName = start.localName
        switch FeedVocabulary.classify(namespace, localName, format: format) {
        case .atomAuthor:
            return OpenElement(role: .atomAuthor, localName: localName, target: nil)
        case .unmapped:
            return unmapped(path: start.qualifiedName, localName: localName, attributes: readAttributes, index: index)
        case .field(let field):
            let attributes = readAttributes()
            func attribute(_ name: String) -> String? {
                attributes.first { $0.localName == name && $0.namespace.isEmpty }?.value
            }
            switch field {
            case .atomLink:
                let rel = attribute("rel") ?? "alternate"
                guard let href = attribute("href") else {
                    // feedparser reads a link without href from its text.
                    let role: OpenElement.Role = rel == "alternate" ? .field(.atomLink, .plain) : .ignored
                    return OpenElement(role: role, localName: localName, target: rel == "alternate" ? index : nil)
                }
                if rel == "alternate" {
                    item?.store(.atomLink, resolved(href.trimmingWhitespace), markup: .plain)
                } else {
                    item?.addExtra("link@" + rel, href)
                }
                return OpenElement(role: .ignored, localName: localName, target: nil)
            case .category where FeedVocabulary.atomNamespaces.contains(namespace):
                if let term = attribute("term") {
                    item?.store(.category, term.trimmingWhitespace, markup: .plain)
                    return OpenElement(role: .ignored, localName: localName, target: nil)
                }
            case .guid:
                if attribute("isPermaLink")?.trimmingWhitespace.lowercased() == "false" { item?.guidIsPermaLink = false }
            default:
                break
            }
            let markup = FeedVocabulary.markup(for: field, type: attribute("type"), mode: attribute("mode"), namespace: namespace)
            var element = OpenElement(role: .field(field, markup), localName: localName, target: index)
            element.base64 = FeedVocabulary.isBase64(type: attribute("type"), mode: attribute("mode"), namespace: namespace)
            return element
        }
    }

    /// Reads the attributes of an item's own start tag: RSS 1.0 `rdf:about`, CDF `HREF`
    /// and `LASTMOD`.
    func readItemAttributes(_ attributes: [Attribute]) {
        for attribute in attributes {
            switch (format, attribute.namespace, attribute.localName) {
            case (.rdf, FeedVocabulary.rdf, "about"): item?.about = attribute.value.trimmingWhitespace
            case (.cdf, "", "HREF"), (.cdf, "", "href"): item?.store(.rssLink, resolved(attribute.value.trimmingWhitespace), markup: .plain)
            case (.cdf, "", "LASTMOD"), (.cdf, "", "lastmod"): item?.store(.published(rank: 5), attribute.value.trimmingWhitespace, markup: .plain)
            default: break
            }
        }
    }

    /// An unmapped element: its text and attributes go to `extras` under its path.
    private func unmapped(path: String, localName: String, attributes: () -> [Attribute], index: Int) -> OpenElement {
        for attribute in attributes() {
            item?.addExtra(path + "@" + attribute.qualifiedName, attribute.value)
        }
        return OpenElement(role: .extra(path), localName: localName, target: index)
    }

    func closeChild() {
        guard let element = open.popLast() else { return }
        switch element.role {
        case .nested:
            if element.serialized, let target = element.target {
                open[target].append("</\(element.localName)>", cap: maxFieldBytes)
            }
        case .field(let field, var markup):
            var value = element.value
            if element.base64, let decoded = Base64.decode(value) {
                // Base64 is how such feeds carry markup: look at what it decodes to.
                value = decoded
                if markup != .html { markup = .textOrHTML }
            }
            switch field {
            case .title: value = Self.titleText(value, markup: markup)
            case .rssLink, .atomLink: value = resolved(value)
            case .body: break
            default: if markup == .inlineXML { value = HTMLContent.plainText(of: value) }
            }
            if element.truncated { item?.truncatedFields += 1 }
            item?.store(field, value, markup: markup)
        case .extra(let path):
            if element.truncated { item?.truncatedFields += 1 }
            // No markup reaches the registry, from unmapped elements either.
            let value = element.value
            let isMarkup = TextCleaning.containsTag(value) || TextCleaning.looksLikeHTML(value)
            item?.addExtra(path, isMarkup ? HTMLContent.plainText(of: value) : value)
        case .atomAuthor, .ignored:
            break
        }
    }

    /// A title as plain text: HTML (declared, or sniffed in an RSS title) is read by the
    /// HTML parser, so tags never reach the registry and entities (`&amp;eacute;`) decode.
    static func titleText(_ value: String, markup: FeedVocabulary.Markup) -> String {
        switch markup {
        case .html, .inlineXML: HTMLContent.plainText(of: value)
        case .textOrHTML where TextCleaning.looksLikeHTML(value): HTMLContent.plainText(of: value)
        case .plain, .textOrHTML: TextCleaning.collapsed(value)
        }
    }

    func appendText(_ pointer: UnsafePointer<xmlChar>?) {
        guard item != nil, let pointer, let top = open.last, let target = top.target else { return }
        let bytes = UnsafeBufferPointer(start: pointer, count: Int(xmlStrlen(pointer)))
        if open[target].collectsMarkup {
            open[target].appendEscaped(bytes, cap: maxFieldBytes)
        } else {
            open[target].append(bytes, cap: maxFieldBytes)
        }
    }

    /// The attributes of the element the reader is on.
    func readerAttributes() -> [Attribute] {
        xmlTextReaderCurrentNode(reader).map(attributes(of:)) ?? []
    }

    /// An element's attributes (namespace declarations are not attributes in the tree), each
    /// value capped. Values are read from the attribute's own text nodes: an entity reference
    /// in a value stays unexpanded, as in element text. (Asking the reader for the value
    /// would expand it, and `&big;` repeated in an attribute could amplify a small file into
    /// gigabytes of copying.) Predefined entities and character references are already text.
    func attributes(of node: xmlNodePtr) -> [Attribute] {
        var result: [Attribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let localName = Self.string(current.pointee.name) ?? ""
            let prefix = current.pointee.ns.flatMap { Self.string($0.pointee.prefix) }
            var value = ""
            var child = current.pointee.children
            while let text = child {
                if text.pointee.type == XML_TEXT_NODE, value.utf8.count < maxFieldBytes {
                    value += cappedString(text.pointee.content.map { UnsafePointer($0) })
                }
                child = text.pointee.next
            }
            if value.utf8.count > maxFieldBytes {
                value = TextCleaning.decode(Array(value.utf8.prefix(maxFieldBytes)), truncated: true)
            }
            result.append(
                Attribute(
                    qualifiedName: prefix.map { $0 + ":" + localName } ?? localName,
                    localName: localName,
                    namespace: current.pointee.ns.flatMap { Self.string($0.pointee.href) } ?? "",
                    value: value
                )
            )
            attribute = current.pointee.next
        }
        return result
    }

    func cappedString(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let length = Int(xmlStrlen(pointer))
        let bytes = Array(UnsafeBufferPointer(start: pointer, count: min(length, maxFieldBytes)))
        return TextCleaning.decode(bytes, truncated: length > maxFieldBytes)
    }
}
