internal import Foundation
internal import MusterCore
internal import MusterStages

/// `muster-bench normalize [N] [--runs R]`: NormalizeStage alone, one thread, over N (default
/// 1,000,000) generated sign-up records — name, NIK, phone, email, birth date, gender,
/// kelurahan, kecamatan, sector — written the many ways real sheets write them.
/// Deterministic seed. Each of R passes (default 3) uses a fresh stage (cold memos); the
/// best pass is reported, as the importer benchmarks do: on a shared machine one pass
/// moves with what else runs.
let normalizeBenchmark = Benchmark(name: "normalize", summary: "normalize stage throughput on one core (records/s)") { arguments in
    let count = arguments.first.flatMap(Int.init) ?? 1_000_000
    let runs = max(1, BenchmarkArguments(arguments).integer("--runs") ?? 3)
    var generator = SignupGenerator(seed: 0x5EED_2024)
    let batchSize = 512
    var batches: [RecordBatch] = []
    batches.reserveCapacity(count / batchSize + 1)
    var batch: RecordBatch = []
    for index in 0..<count {
        batch.append(generator.record(index))
        if batch.count == batchSize {
            batches.append(batch)
            batch = []
        }
    }
    if !batch.isEmpty { batches.append(batch) }
    let context = StageContext(
        runID: "bench", stageName: "normalize",
        configuration: PipelineConfiguration(file: "pipeline.json", baseDirectory: "/tmp", sources: [], stages: [])
    )
    var issues = 0
    var values = 0
    var seconds = Double.infinity
    var cpuSeconds = Double.infinity
    for _ in 0..<runs {
        let stage = NormalizeStage(options: .init(referenceDate: "2025-06-30"), context: context)
        issues = 0
        values = 0
        let cpuStart = threadCPUSeconds()
        let wall = try measure {
            for batch in batches {
                try stage.process(batch) { out in
                    for record in out {
                        values += record.normalized?.values.count ?? 0
                        issues += record.normalized?.issues.count ?? 0
                    }
                }
            }
        }
        cpuSeconds = min(cpuSeconds, threadCPUSeconds() - cpuStart)
        seconds = min(seconds, wall)
    }
    let rate = Double(count) / seconds
    let cpuRate = Double(count) / cpuSeconds
    print("normalize: \(count) records in \(String(format: "%.3f", seconds)) s wall (best of \(runs)) — \(Int(rate)) records/s on one thread")
    print("  \(String(format: "%.3f", cpuSeconds)) s CPU — \(Int(cpuRate)) records per CPU-second (the one-core figure on a shared machine)")
    print(
        "  canonical values per record \(String(format: "%.2f", Double(values) / Double(count))), issues per record \(String(format: "%.3f", Double(issues) / Double(count)))"
    )
    print("  peak memory \(String(format: "%.0f", peakMemoryMiB())) MiB")
    return ["records": Double(count), "seconds": seconds, "recordsPerSecond": rate, "cpuSeconds": cpuSeconds, "recordsPerCPUSecond": cpuRate]
}

/// CPU time this thread has used, in seconds: unlike wall-clock time, it does not count
/// the time other processes on a busy machine take the core away.
private func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Typical sign-up records with the variation normalize exists for (casing, honorifics,
/// degrees, separators, date forms, place abbreviations). A fixed seed keeps the input
/// identical from run to run.
struct SignupGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let given = [
        "Siti", "Dewi", "Sri", "Nur", "Ika", "Wartini", "Neneng", "Ratna", "Eka", "Yuliani", "Budi",
        "Ahmad", "Muhammad", "Moh.", "Eko", "Agus", "Bambang", "Joko", "Dedi", "Rina", "Nur'aini", "Hartini",
    ]
    static let family = [
        "Aminah", "Lestari", "Wahyuni", "Saputra", "Setiawan", "Purnamasari", "Komariah", "Rahayu",
        "Hidayat", "Kurniawan", "Safitri", "Marlina", "Susanti", "Fauziah", "Lubis", "Siregar",
    ]
    static let titles = ["", "", "", "", "Ibu ", "Bpk. ", "Hj. ", "Sdr. "]
    static let degrees = ["", "", "", "", "", ", S.E.", " S.Pd", ", S.Kom."]
    static let places: [(kelurahan: [String], kecamatan: [String], code: String)] = [
        (["Tebet Timur", "tebet timur", "Kel. Tebet Timur"], ["Tebet", "TEBET", "Kec. Tebet"], "317401"),
        (["Manggarai Selatan", "Manggarai Sel."], ["Tebet"], "317401"),
        (["Senayan", "SENAYAN"], ["Kebayoran Baru", "Kby. Baru", "Keb. Baru"], "317407"),
        (["Cipete Utara", "Cipete Utr"], ["Kebayoran Baru"], "317407"),
        (["Pejaten Timur", "Pejaten Tmr"], ["Pasar Minggu", "Ps. Minggu", "Psr Minggu"], "317404"),
        (["Lenteng Agung"], ["Jagakarsa", "jagakarsa"], "317409"),
        (["Pondok Labu", "Pd. Labu"], ["Cilandak"], "317406"),
        (["Setia Budi", "Setiabudi"], ["Setiabudi", "Setia Budi"], "317402"),
    ]
    static let sectors = [
        "Kuliner", "Katering rumahan", "Jahit, permak pakaian", "Hijab & mukena", "Tas anyaman",
        "Laundry kiloan", "kerajinan tangan", "Sablon kaos", "Kue basah", "Toko sembako",
    ]
    static let months = ["Januari", "Feb", "Maret", "April", "Mei", "Juni", "Juli", "Agt", "Sept", "Oktober", "Nov", "Des"]

    mutating func record(_ index: Int) -> Record {
        let female = random.next() % 2 == 0
        let name = random.pick(Self.titles) + random.pick(Self.given) + " " + random.pick(Self.family) + random.pick(Self.degrees)
        let place = random.pick(Self.places)
        let day = random.within(1...28)
        let month = random.within(1...12)
        let year = random.within(1960...2003)
        let yy = year % 100
        let nikDay = female ? day + 40 : day
        let serial = random.within(1...9999)
        let nikDigits = place.code + two(nikDay) + two(month) + two(yy) + four(serial)
        let nik: String
        switch random.next() % 4 {
        case 0: nik = nikDigits
        case 1: nik = nikDigits.chunked(4).joined(separator: " ")
        case 2: nik = nikDigits.chunked(4).joined(separator: ".")
        default: nik = nikDigits
        }
        let subscriber = String(random.within(10_000_000...99_999_999))
        let phone: String
        switch random.next() % 5 {
        case 0: phone = "0812" + subscriber
        case 1: phone = "+62 813 " + subscriber.prefix(4) + " " + subscriber.suffix(4)
        case 2: phone = "0857-" + subscriber.prefix(4) + "-" + subscriber.suffix(4)
        case 3: phone = "62878" + subscriber
        default: phone = "0812." + subscriber.prefix(4) + "." + subscriber.suffix(4) + " / 0813" + subscriber
        }
        let birthDate: String
        switch random.next() % 4 {
        case 0: birthDate = two(day) + "/" + two(month) + "/" + String(year)
        case 1: birthDate = String(year) + "-" + two(month) + "-" + two(day)
        case 2: birthDate = String(day) + " " + Self.months[month - 1] + " " + String(year)
        default: birthDate = String(day) + "-" + String(month) + "-" + two(yy)
        }
        let fields: FieldValues = [
            Field.name: random.next() % 5 == 0 ? name.uppercased() : name,
            Field.nik: nik,
            Field.phone: phone,
            Field.email: random.next() % 3 == 0 ? "-" : "user\(index)@Example.com ",
            Field.birthDate: birthDate,
            Field.gender: female ? random.pick(["P", "Perempuan", "Wanita"]) : random.pick(["L", "Laki-laki", "Pria"]),
            Field.kelurahan: random.pick(place.kelurahan),
            Field.kecamatan: random.pick(place.kecamatan),
            Field.sector: random.pick(Self.sectors),
        ]
        let provenance = Provenance(sourceID: "bench", file: "bench.csv", locator: "row:\(index + 2)", contentHash: "")
        return Record(source: SourceRecord(provenance: provenance, fields: fields))
    }

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private func four(_ value: Int) -> String { String(repeating: "0", count: 4 - String(value).count) + String(value) }
}

extension String {
    fileprivate func chunked(_ size: Int) -> [String] {
        var chunks: [String] = []
        var rest = Substring(self)
        while !rest.isEmpty {
            chunks.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        return chunks
    }
}
