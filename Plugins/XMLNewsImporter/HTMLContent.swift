internal import CLibXML2

/// The plain text and the tables of an HTML fragment (an item body), read with libxml2's
/// forgiving HTML parser and walked iteratively, so deep or broken markup cannot exhaust
/// the stack.
///
/// Script and style elements are skipped entirely; block elements separate words; every run
/// of whitespace becomes one space. Entities (`&nbsp;`, `&ndash;`) are decoded here, by the
/// HTML parser, never by the XML reader.
struct HTMLContent {
    var text = ""
    var tables: [HTMLTable] = []

    /// Elements whose text runs on into the neighbouring text without a break.
    static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark",
        "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    ]
    /// Elements whose content is never text for a reader.
    static let skippedElements: Set<String> = ["script", "style", "template"]

    /// Parses `html`; tables are collected only when asked for.
    init(html: String, collectTables: Bool) {
        guard LibXML2Environment.ready, !html.isEmpty else { return }
        var html = html
        let document = html.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, "UTF-8", LibXML2Environment.htmlOptions)
            }
        }
        guard let document else { return }
        defer { xmlFreeDoc(document) }
        var walker = HTMLWalker(collectTables: collectTables)
        walker.walk(document.pointee.children)
        text = TextCleaning.collapsed(walker.text)
        tables = walker.tables
    }

    /// The plain text of an HTML fragment.
    static func plainText(of html: String) -> String {
        HTMLContent(html: html, collectTables: false).text
    }
}

/// A `<table>` as rows of cell texts, in document order.
struct HTMLTable {
    struct Row {
        var cells: [String] = []
        /// True when the row holds `<th>` cells.
        var hasHeadingCells = false
    }

    var rows: [Row] = []
}

/// Walks a parsed HTML tree without recursion (child, next-sibling and parent links).
private struct HTMLWalker {
    let collectTables: Bool
    var text = ""
    var tables: [HTMLTable] = []
    /// Tables being read, innermost last, each with its slot in `tables`.
    private var openTables: [(slot: Int, table: HTMLTable, row: HTMLTable.Row?, cell: String?)] = []

    init(collectTables: Bool) {
        self.collectTables = collectTables
    }

    mutating func walk(_ first: xmlNodePtr?) {
        var node = first
        while let current = node {
            var descend = false
            if current.pointee.type == XML_ELEMENT_NODE {
                let name = Self.name(of: current)
                if !HTMLContent.skippedElements.contains(name) {
                    enter(name)
                    descend = current.pointee.children != nil
                    if !descend { leave(name) }
                }
            } else if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE {
                if let content = current.pointee.content { appendText(String(cString: content)) }
            }
            if descend {
                node = current.pointee.children
                continue
            }
            node = nil
            var climbing = current
            while true {
                if let next = climbing.pointee.next {
                    node = next
                    break
                }
                guard let parent = climbing.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { break }
                leave(Self.name(of: parent))
                climbing = parent
            }
        }
        while !openTables.isEmpty { leave("table") }
    }

    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    private mutating func appendText(_ piece: String) {
        text += piece
        if let last = openTables.indices.last, openTables[last].cell != nil { openTables[last].cell? += piece }
    }

    private mutating func enter(_ name: String) {
        if !HTMLContent.inlineElements.contains(name) { appendText(" ") }
        guard collectTables else { return }
        switch name {
        case "table":
            tables.append(HTMLTable())
            openTables.append((tables.count - 1, HTMLTable(), nil, nil))
        case "tr":
            finishRow()
            if let last = openTables.indices.last { openTables[last].row = HTMLTable.Row() }
        case "td", "th":
            guard let last = openTables.indices.last else { return }
            finishCell()
            if openTables[last].row == nil { openTables[last].row = HTMLTable.Row() }
            if name == "th" { openTables[last].row?.hasHeadingCells = true }
            openTables[last].cell = ""
        default:
            break
        }
    }

    private mutating func leave(_ name: String) {
        if !HTMLContent.inlineElements.contains(name) { appendText(" ") }
        guard collectTables else { return }
        switch name {
        case "td", "th": finishCell()
        case "tr": finishRow()
        case "table":
            finishRow()
            if let table = openTables.popLast() { tables[table.slot] = table.table }
        default: break
        }
    }

    private mutating func finishCell() {
        guard let last = openTables.indices.last, let cell = openTables[last].cell else { return }
        openTables[last].row?.cells.append(TextCleaning.collapsed(cell))
        openTables[last].cell = nil
    }

    private mutating func finishRow() {
        finishCell()
        guard let last = openTables.indices.last, let row = openTables[last].row else { return }
        openTables[last].table.rows.append(row)
        openTables[last].row = nil
    }
}
