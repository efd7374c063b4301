internal import CLibXML2

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

    func openChild(namespace: String, localName: String) {
        let index = open.count
        guard let parent = open.last else {
            open.append(directChild(namespace: namespace, localName: localName, index: index))
            return
        }
        var element: OpenElement
        switch parent.role {
        case .atomAuthor:
            if FeedVocabulary.atomNamespaces.contains(namespace), localName == "name" {
                element = OpenElement(role: .field(.author, .plain), localName: localName, target: index)
            } else {
                element = unmapped(path: "author/" + qualifiedName, localName: localName, index: index)
            }
        case .extra(let path):
            element = unmapped(path: path + "/" + qualifiedName, localName: localName, index: index)
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

    private func directChild(namespace: String, localName: String, index: Int) -> OpenElement {
        switch FeedVocabulary.classify(namespace, localName) {
        case .atomAuthor:
            return OpenElement(role: .atomAuthor, localName: localName, target: nil)
        case .unmapped:
            return unmapped(path: qualifiedName, localName: localName, index: index)
        case .field(let field):
            let attributes = attributes()
            func attribute(_ name: String) -> String? {
                attributes.first { $0.localName == name && $0.namespace.isEmpty }?.value
            }
            switch field {
            case .atomLink:
                let rel = attribute("rel") ?? "alternate"
                if let href = attribute("href") {
                    if rel == "alternate" {
                        item?.store(.atomLink, TextCleaning.trimmed(href), markup: .plain)
                    } else {
                        item?.addExtra("link@" + rel, href)
                    }
                }
                return OpenElement(role: .ignored, localName: localName, target: nil)
            case .category where FeedVocabulary.atomNamespaces.contains(namespace):
                if let term = attribute("term") {
                    item?.store(.category, TextCleaning.trimmed(term), markup: .plain)
                    return OpenElement(role: .ignored, localName: localName, target: nil)
                }
            default:
                break
            }
            let markup = FeedVocabulary.markup(for: field, type: attribute("type"), mode: attribute("mode"), namespace: namespace)
            return OpenElement(role: .field(field, markup), localName: localName, target: index)
        }
    }

    /// An unmapped element: its text and attributes go to `extras` under its path.
    private func unmapped(path: String, localName: String, index: Int) -> OpenElement {
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
        case .field(let field, let markup):
            var value = element.value
            if markup == .inlineXML, !field.isBody {
                value = HTMLContent.plainText(of: value)
            }
            if element.truncated { item?.truncatedFields += 1 }
            item?.store(field, value, markup: markup)
        case .extra(let path):
            if element.truncated { item?.truncatedFields += 1 }
            item?.addExtra(path, element.value)
        case .atomAuthor, .ignored:
            break
        }
    }

    func appendText(_ pointer: UnsafePointer<xmlChar>?) {
        guard let pointer, let top = open.last, let target = top.target else { return }
        let bytes = UnsafeBufferPointer(start: pointer, count: Int(xmlStrlen(pointer)))
        if open[target].collectsMarkup {
            open[target].appendEscaped(bytes, cap: maxFieldBytes)
        } else {
            open[target].append(bytes, cap: maxFieldBytes)
        }
    }

    /// The element's attributes (namespace declarations left out), each value capped.
    func attributes() -> [Attribute] {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return [] }
        var result: [Attribute] = []
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
            result.append(
                Attribute(
                    qualifiedName: Self.string(xmlTextReaderConstName(reader)) ?? "",
                    localName: Self.string(xmlTextReaderConstLocalName(reader)) ?? "",
                    namespace: Self.string(xmlTextReaderConstNamespaceUri(reader)) ?? "",
                    value: cappedString(xmlTextReaderConstValue(reader))
                )
            )
        }
        xmlTextReaderMoveToElement(reader)
        return result
    }

    /// The qualified name (`dc:subject`) of the element the reader is on.
    var qualifiedName: String { Self.string(xmlTextReaderConstName(reader)) ?? "" }

    private func cappedString(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let length = Int(xmlStrlen(pointer))
        let bytes = Array(UnsafeBufferPointer(start: pointer, count: min(length, maxFieldBytes)))
        return TextCleaning.decode(bytes, truncated: length > maxFieldBytes)
    }
}
