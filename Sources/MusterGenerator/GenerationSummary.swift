/// What ``Generator`` wrote: files, records per format, bytes and time.
public struct GenerationSummary: Sendable {
    /// One generated file.
    public struct File: Sendable {
        /// Relative to the output folder.
        public var path: String
        /// `csv`, `json` or `xml`.
        public var format: String
        /// Records in the file (news items and table rows for feeds).
        public var records: Int
        public var bytes: Int
    }

    public var directory: String
    public var people: Int
    /// Participant records (rows, objects, table rows) and the signature and totals lines among
    /// them, invalid ones included.
    public var participantRecords: Int
    public var invalidRecords: Int
    public var files: [File]
    public var truthBytes: Int
    public var seconds: Double

    /// Every record, news items (programme records) included.
    public var records: Int { files.reduce(0) { $0 + $1.records } }
    public var bytes: Int { files.reduce(0) { $0 + $1.bytes } }

    /// Records and files per format, in a stable order.
    public var byFormat: [(format: String, files: Int, records: Int, bytes: Int)] {
        ["csv", "json", "xml"].map { format in
            let files = self.files.filter { $0.format == format }
            return (format, files.count, files.reduce(0) { $0 + $1.records }, files.reduce(0) { $0 + $1.bytes })
        }
    }

    /// The lines `muster generate` prints.
    public var text: String {
        var lines = [
            "generated \(directory): \(people) people, \(records) records (\(participantRecords) participant, \(invalidRecords) invalid) in \(files.count) files"
        ]
        for entry in byFormat {
            lines.append("  \(entry.format.padding(5))\(entry.files) files, \(entry.records) records, \(megabytes(entry.bytes)) MB")
        }
        lines.append("  truth.csv, people.csv, pipeline.json")
        let rate = seconds > 0 ? Double(records) / seconds : 0
        lines.append("  \(String(format3: seconds)) s, \(Int(rate)) records/s, \(megabytes(Int(Double(bytes) / max(seconds, 1e-9)))) MB/s")
        return lines.joined(separator: "\n")
    }

    private func megabytes(_ bytes: Int) -> String {
        String(format3: Double(bytes) / 1_048_576)
    }
}

extension String {
    /// Left-justified in `width` columns.
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    /// A number with up to three decimals, without Foundation's locale-dependent formatting.
    init(format3 value: Double) {
        let scaled = Int((value * 1000).rounded())
        let whole = scaled / 1000
        let fraction = abs(scaled % 1000)
        let digits = String(fraction)
        self = "\(whole).\(String(repeating: "0", count: 3 - digits.count))\(digits)"
    }
}
