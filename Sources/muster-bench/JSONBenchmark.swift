internal import ContentHash
internal import Foundation
import JSONExportImporter
import MusterCore

/// `muster-bench json [--mb N] [--runs N]`: json-export on a generated export document
/// (`{"meta": …, "data": {"items": [...]}}`, default 200 MB) and on an NDJSON file of the
/// same records. Targets (issue 3): ≥ 100 MB/s each, peak memory < 100 MB.
///
/// Each format runs in a child process (`json --only json|ndjson --file PATH`) so one
/// format's peak resident memory (VmHWM) is not the other's. Records are counted and
/// dropped. The document holds one record per line, exactly the NDJSON lines, so the two
/// figures compare the same records in the same number of bytes.
///
/// The last two columns take out the per-record content hash (ContentHash's SHA256 over
/// the NDJSON line, or over the record's compact form in the document), timed here over
/// the same bytes: the part of the cost that is the hash's, not the parser's.
let jsonBenchmark = Benchmark(name: "json", summary: "json-export on a large JSON document and on NDJSON (each in its own process)") { arguments in
    let options = BenchmarkArguments(arguments)
    let runs = max(1, options.integer("--runs") ?? 3)
    if let format = options.string("--only"), let path = options.string("--file") {
        return try JSONImportRun.run(format: format, path: path, runs: runs)
    }
    let megabytes = options.integer("--mb") ?? 200
    let base = NSTemporaryDirectory() + "muster-bench-export-\(megabytes)mb"
    let paths = (json: base + ".json", ndjson: base + ".ndjson")
    if !FileManager.default.fileExists(atPath: paths.json) || !FileManager.default.fileExists(atPath: paths.ndjson) {
        print("writing \(paths.json) and \(paths.ndjson) (\(megabytes) MB each)…")
        try ExportWriter.write(json: paths.json, ndjson: paths.ndjson, bytes: megabytes * 1_000_000)
    }
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    var figures: [String: Double] = [:]
    print("format   file MB   seconds      MB/s    records/s   peak RSS MiB   CPU s  MB/CPU-s")
    for (format, path) in [("json", paths.json), ("ndjson", paths.ndjson)] {
        let output = try runProcess(executable, ["json", "--only", format, "--file", path, "--runs", "\(runs)"])
        guard output.status == 0 else { throw BenchmarkFailure("json --only \(format) failed: \(output.text)") }
        for line in output.text.split(separator: "\n") {
            if line.hasPrefix("json: ") {
                let values = (try? JSONParser.parse(String(line.dropFirst(6)))) ?? .null
                guard case .object(let members) = values else { continue }
                for member in members {
                    if case .number(let text) = member.value, let value = Double(text) { figures["\(format)_\(member.key)"] = value }
                }
            } else {
                print(line)
            }
        }
    }
    let hashing = try ContentHashCost.seconds(ndjson: paths.ndjson, runs: runs)
    print("format   hash s  hash CPU s   MB/s less hash   MB/CPU-s less hash")
    for (format, hash) in [("json", hashing.json), ("ndjson", hashing.ndjson)] {
        guard let size = figures["\(format)_file_mb"], let seconds = figures["\(format)_seconds"], let cpu = figures["\(format)_cpu_seconds"] else { continue }
        let wall = size / max(seconds - hash.wall, 1e-9)
        let perCPU = size / max(cpu - hash.cpu, 1e-9)
        print(String(format: "%-6@  %6.3f  %10.3f   %14.1f   %18.1f", format, hash.wall, hash.cpu, wall, perCPU))
        figures["\(format)_hash_seconds"] = hash.wall
        figures["\(format)_mb_per_s_less_hash"] = wall
        figures["\(format)_mb_per_cpu_s_less_hash"] = perCPU
    }
    return figures
}

/// The time the content hash (ContentHash's SHA256) takes over the bytes json-export
/// hashes for these records: each NDJSON line, and each record's compact form (whitespace
/// between tokens dropped) for the document. Best of `runs`.
enum ContentHashCost {
    typealias Cost = (wall: Double, cpu: Double)

    static func seconds(ndjson path: String, runs: Int) throws -> (json: Cost, ndjson: Cost) {
        let text = try Data(contentsOf: URL(fileURLWithPath: path))
        let lines = text.split(separator: UInt8(ascii: "\n")).map { Array($0) }
        let compact = lines.map(Self.compact)
        var digests = 0
        let ndjson = best(of: runs) { for line in lines { digests &+= SHA256.hex(of: line).utf8.count } }
        let json = best(of: runs) { for record in compact { digests &+= SHA256.hex(of: record).utf8.count } }
        guard digests > 0 else { throw BenchmarkFailure("no records in \(path)") }
        return (json, ndjson)
    }

    private static func best(of runs: Int, _ body: () -> Void) -> Cost {
        var cost = (wall: Double.infinity, cpu: Double.infinity)
        for _ in 0..<runs {
            let clockStart = clock()
            cost.wall = min(cost.wall, measure(body))
            cost.cpu = min(cost.cpu, Double(clock() - clockStart) / Double(CLOCKS_PER_SEC))
        }
        return cost
    }

    /// The line without whitespace outside strings (the generated records have no escaped quotes before a space).
    private static func compact(_ line: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(line.count)
        var inString = false
        var escaped = false
        for byte in line {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == 0x20 || byte == 0x09 {
                continue
            }
            output.append(byte)
        }
        return output
    }
}

/// One format measured inside its own process.
enum JSONImportRun {
    static func run(format: String, path: String, runs: Int) throws -> [String: Double] {
        let importer = try JSONExportImporter(options: .init(format: format == "ndjson" ? .ndjson : .json))
        let file = SourceFile(path: "bench/export.\(format)", absolutePath: path)
        let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0) / 1_000_000
        var best = Double.infinity
        var cpu = Double.infinity
        var records = 0
        var rejected = 0
        for _ in 0..<runs {
            var count = 0
            var bad = 0
            let clockStart = clock()
            let seconds = try measure {
                try importer.read(file, context: ImportContext(sourceID: "bench", batchSize: 512)) { batch in
                    count += batch.count
                    bad += batch.count { $0.rejection != nil }
                }
            }
            best = min(best, seconds)
            cpu = min(cpu, Double(clock() - clockStart) / Double(CLOCKS_PER_SEC))
            records = count
            rejected = bad
        }
        guard rejected == 0 else { throw BenchmarkFailure("\(rejected) records rejected in \(path)") }
        let peak = peakMemoryMiB()
        print(
            String(
                format: "%-6@  %8.1f  %8.3f  %8.1f  %11.0f   %12.1f   %8.3f  %8.1f", format, size, best, size / best, Double(records) / best, peak, cpu,
                size / cpu))
        return [
            "file_mb": size, "seconds": best, "mb_per_s": size / best, "records_per_s": Double(records) / best, "records": Double(records),
            "peak_rss_mib": peak, "cpu_seconds": cpu, "mb_per_cpu_s": size / cpu,
        ]
    }
}

/// Writes the export document and the NDJSON file from the same records, 1 MiB at a time.
enum ExportWriter {
    static func write(json: String, ndjson: String, bytes target: Int) throws {
        let manager = FileManager.default
        guard manager.createFile(atPath: json, contents: nil), manager.createFile(atPath: ndjson, contents: nil),
            let document = FileHandle(forWritingAtPath: json), let lines = FileHandle(forWritingAtPath: ndjson)
        else { throw BenchmarkFailure("cannot write \(json) or \(ndjson)") }
        defer {
            try? document.close()
            try? lines.close()
        }
        var random = SplitMix64(seed: 20_240_916)
        let head = #"{"meta": {"sumber": "Jakpreneur", "wilayah": "Kota Administrasi Jakarta Selatan", "versi_skema": "2.1"}, "data": {"items": ["# + "\n"
        var documentBuffer = head
        var lineBuffer = ""
        var written = head.utf8.count
        var index = 0
        while written < target {
            index += 1
            let line = record(SyntheticSignup(index, &random), index: index)
            written += line.utf8.count + 2
            documentBuffer += (index == 1 ? "" : ",\n") + line
            lineBuffer += line + "\n"
            if lineBuffer.utf8.count >= 1 << 20 {
                try document.write(contentsOf: Data(documentBuffer.utf8))
                try lines.write(contentsOf: Data(lineBuffer.utf8))
                documentBuffer = ""
                lineBuffer = ""
            }
        }
        try document.write(contentsOf: Data((documentBuffer + "\n]}}\n").utf8))
        try lines.write(contentsOf: Data(lineBuffer.utf8))
    }

    /// One record in the export's shape; every fifth NIK and phone is a JSON number.
    static func record(_ signup: SyntheticSignup, index: Int) -> String {
        let digitsOnly = signup.phone.filter(\.isNumber)
        let nik = signup.nik.isEmpty ? "null" : index % 5 == 0 ? signup.nik : quoted(signup.nik)
        let phone = index % 5 == 1 ? String(digitsOnly.drop { $0 == "0" }) : quoted(signup.phone)
        let email = signup.email.isEmpty ? "null" : quoted(signup.email)
        let date = signup.birthDate
        let birth = String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
        let session = ["WUIB-TBT-01", "FESYEN-PSM-02", "KULINER-KBB-03"][index % 3]
        return #"{"id": "JP-2024-\#(String(format: "%06d", index))", "nama": \#(quoted(signup.name)), "nik": \#(nik), "#
            + #""kontak": {"hp": \#(phone), "email": \#(email)}, "tgl_lahir": "\#(birth)", "jenis_kelamin": "\#(signup.female ? "P" : "L")", "#
            + #""alamat": {"kelurahan": \#(quoted(signup.kelurahan)), "kecamatan": \#(quoted(signup.kecamatan))}, "#
            + #""jenis_usaha": \#(quoted(signup.business)), "catatan": \#(quoted(signup.hopes)), "#
            + #""pelatihan": [{"kode": "\#(session)", "nama": "Pelatihan WUIB \#(signup.kecamatan) Angkatan \#(index % 4 + 1)", "tanggal": "2024-09-0\#(index % 9 + 1)"}]}"#
    }

    static func quoted(_ text: String) -> String {
        "\""
            + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
