internal import ContentHash
import MusterCore

/// Turning a parsed feed item into records: the programme, its participant-table rows, or
/// a rejection when its guid was already seen.
extension XMLNewsImporter {
    /// Separates the parts of a content hash so that moving text between fields changes it.
    static let hashSeparator = "\u{1F}"
    /// The extras key holding an item's date as the feed wrote it (`published` holds ISO 8601).
    static let publishedRawKey = "publishedRaw"

    func records(for item: FeedItem, file: SourceFile, context: ImportContext) -> [SourceRecord] {
        let (programme, tables) = programme(for: item, locator: "item:\(item.key)", file: file, context: context)
        guard !tables.isEmpty else { return [programme] }
        return [programme] + participants(in: tables, of: item, date: programme.fields[Field.published], file: file, context: context)
    }

    /// The item's programme record, and the tables of its body for the participant rows.
    private func programme(for item: FeedItem, locator: String, file: SourceFile, context: ImportContext) -> (SourceRecord, [HTMLTable]) {
        var fields = FieldValues()
        fields[Field.guid] = item.identifier
        var extras = item.extras
        fields[Field.title] = item.title?.value
        fields[Field.link] = item.link
        if let raw = item.published?.value {
            // The canonical ISO 8601 date; the text as the feed wrote it stays beside it.
            fields[Field.published] = FeedDate.canonical(raw)
            extras[Self.publishedRawKey] = raw
        }
        fields[Field.author] = item.author
        if !item.categories.isEmpty { fields[Field.categories] = item.categories.joined(separator: "; ") }

        var tables: [HTMLTable] = []
        if let body = item.body?.value {
            let text: String
            switch body.markup {
            case .plain, .textOrHTML:
                text = TextCleaning.collapsed(body.raw)
            case .html, .inlineXML:
                let content = HTMLContent(html: body.raw, collectTables: options.participantTables)
                text = content.text
                tables = content.tables
            }
            if !text.isEmpty { fields[Field.text] = text }
        }

        let programme = SourceRecord(
            provenance: context.provenance(file: file, locator: locator, content: Self.hashContent(of: item)),
            kind: .programme,
            fields: fields,
            extras: extras
        )
        return (programme, tables)
    }

    /// One record per data row of the item's participant tables, numbered from 1 across them;
    /// a signature or totals row (``FooterRow``) is rejected with its cells kept as `raw`.
    private func participants(in tables: [HTMLTable], of item: FeedItem, date: String?, file: SourceFile, context: ImportContext) -> [SourceRecord] {
        var records: [SourceRecord] = []
        var rowNumber = 0
        let enrollment = Enrollment(programme: item.key, title: item.title?.value, date: date)
        for table in tables.compactMap(ParticipantTable.init) {
            for (header, fields) in table.ambiguous {
                context.warning(
                    "\(file.path): item \(item.key): table column \"\(header)\" could be \(fields.joined(separator: " or ")); kept as an extra field")
            }
            for cells in table.rows {
                rowNumber += 1
                let provenance = context.provenance(
                    file: file,
                    locator: "item:\(item.key)/row:\(rowNumber)",
                    content: Array(cells.joined(separator: Self.hashSeparator).utf8)
                )
                guard cells.count <= table.columns.count else {
                    let reason = Rejection(
                        message: "the table row has \(cells.count) cells but its header has \(table.columns.count)",
                        position: "item \(item.key), table row \(rowNumber)"
                    )
                    records.append(.rejected(provenance, reason: reason))
                    continue
                }
                let (fields, extras, status) = table.values(of: cells)
                if FooterRow.matches(fields, otherCells: { Array(extras.values) + (status.map { [$0] } ?? []) }) {
                    let reason = Rejection(message: FooterRow.rejectionMessage, position: "item \(item.key), table row \(rowNumber)")
                    records.append(.rejected(provenance, reason: reason, raw: cells.joined(separator: " | ")))
                    continue
                }
                var rowEnrollment = enrollment
                rowEnrollment.status = status
                records.append(
                    SourceRecord(provenance: provenance, kind: .participant, fields: fields, extras: extras, enrollments: [rowEnrollment])
                )
            }
        }
        return records
    }

    /// A later item with a guid already seen in this file: kept, with its fields, as a
    /// rejection so it is reported but never imported twice (nor its table rows). Its locator
    /// adds its line to stay unique.
    func repeatedItem(_ item: FeedItem, firstLine: Int, file: SourceFile, context: ImportContext) -> SourceRecord {
        var (record, _) = programme(for: item, locator: "item:\(item.key)/line:\(item.line)", file: file, context: context)
        record.rejection = Rejection(message: "repeated guid; the item at line \(firstLine) has the same guid", position: "line \(item.line)")
        return record
    }

    /// The bytes a programme's content hash covers: title, link, guid, date and raw body.
    static func hashContent(of item: FeedItem) -> [UInt8] {
        let parts = [item.title?.value, item.link, item.identifier, item.published?.value, item.body?.value.raw]
        return Array(parts.map { $0 ?? "" }.joined(separator: hashSeparator).utf8)
    }
}
