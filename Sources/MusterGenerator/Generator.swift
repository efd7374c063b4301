internal import Foundation
public import MusterCore

/// Writes a folder of synthetic sources in every format muster reads, with the ground truth
/// (`truth.csv`: who is behind every record, or why it is invalid) and a ready
/// `pipeline.json`, so dedupe and validation can be scored and the pipeline timed at any size.
///
/// The output depends only on the configuration: the same seed gives the same bytes.
public struct Generator: Sendable {
    /// What to generate.
    public struct Configuration: Sendable {
        /// How many distinct people.
        public var people: Int
        /// Seeds every random choice.
        public var seed: UInt64
        /// The average number of records about one person (at least 1).
        public var recordsPerPerson: Double
        /// The share of participant records made invalid, each with one known defect.
        public var invalidShare: Double

        public init(people: Int, seed: UInt64 = 1, recordsPerPerson: Double = 2.5, invalidShare: Double = 0.03) {
            self.people = people
            self.seed = seed
            self.recordsPerPerson = recordsPerPerson
            self.invalidShare = invalidShare
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// Generates into `directory` (created if needed; files of an earlier run with the same
    /// names are overwritten, others are left alone).
    public func generate(into directory: String) throws(MusterError) -> GenerationSummary {
        let start = DispatchTime.now().uptimeNanoseconds
        var random = SplitMix64(seed: configuration.seed)
        let folder = try OutputFolder(root: directory)
        let mean = max(1, configuration.recordsPerPerson)
        let expected = Double(configuration.people) * mean
        var writers: [ChannelWriter] = []
        for channel in Channel.allCases {
            let capacity = Self.capacity(for: channel, expectedRecords: expected * channel.weight)
            let stream = random.split()
            switch channel {
            case .signupSheet, .excelAttendance, .bomAttendance, .recapSheet:
                writers.append(.sheet(SheetWriter(channel: channel, folder: folder, capacity: capacity, random: stream)))
            case .jsonDocument, .ndjson:
                writers.append(.export(ExportWriter(channel: channel, folder: folder, capacity: capacity, random: stream)))
            case .rssTable, .atomTable:
                writers.append(.feed(FeedWriter(channel: channel, folder: folder, capacity: capacity, random: stream)))
            }
        }
        var population = Population(people: configuration.people, random: random.split())
        var renderer = RecordRenderer(random: random.split())
        var sessions = Sessions(random: random.split())
        let weights = Channel.allCases.map(\.weight)
        // Each channel holds back a window of records and writes a random one of them, so one
        // person's records (and a family's) do not always sit on neighbouring rows.
        var pending = Array(repeating: [RecordDraft](), count: writers.count)
        // Rows of one session's sheets and announcements, per channel, held until the session is full.
        var held = Array(repeating: [Int: [RecordDraft]](), count: writers.count)
        var participantRecords = 0
        var invalid = 0
        while let household = population.nextHousehold() {
            for var person in household {
                person.sessions = sessions.enroll(kecamatan: person.kecamatan)
                try folder.person(person, sessions: person.sessions.map { sessions.all[$0].code })
                let count = 1 + random.poisson(mean - 1)
                for _ in 0..<count {
                    let channel = Channel.allCases[random.weighted(weights)]
                    let defect = random.chance(configuration.invalidShare) ? random.pick(channel.defects) : nil
                    let session = sessions.all[random.pick(person.sessions)]
                    let draft = renderer.draft(person, channel: channel, defect: defect, session: session)
                    participantRecords += 1
                    if defect != nil { invalid += 1 }
                    // A session's sheets and announcements are written when it is full, in
                    // an order of their own; the other channels shuffle through a window.
                    if channel.isPerSession {
                        held[channel.rawValue][session.number, default: []].append(draft)
                        continue
                    }
                    if pending[channel.rawValue].count < Self.shuffleWindow {
                        pending[channel.rawValue].append(draft)
                        continue
                    }
                    let index = random.below(Self.shuffleWindow)
                    try writers[channel.rawValue].write(pending[channel.rawValue][index])
                    pending[channel.rawValue][index] = draft
                }
            }
            let full = sessions.takeClosed().map { sessions.all[$0] }
            try write(full, held: &held, writers)
        }
        try write(sessions.closeAll().map { sessions.all[$0] }, held: &held, writers)
        for (channel, writer) in writers.enumerated() {
            for draft in pending[channel] { try writer.write(draft) }
            try writer.finish()
        }
        try folder.finish()
        try PipelineFile.write(into: directory)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return GenerationSummary(
            directory: directory, people: configuration.people, participantRecords: participantRecords + folder.footers,
            invalidRecords: invalid + folder.footers,
            files: folder.files.map { GenerationSummary.File(path: $0.path, format: $0.channel.format, records: $0.records, bytes: $0.bytes) },
            truthBytes: folder.truthBytes, seconds: seconds
        )
    }

    /// How many records each channel holds back to write in random order.
    static let shuffleWindow = 64

    /// Records per file: a third of the channel's expected records (so even small runs get
    /// several files), at least 20, at most the size one real export, recap or feed might
    /// reach. A session's sign-up and attendance sheets hold that session, however large.
    static func capacity(for channel: Channel, expectedRecords: Double) -> Int {
        let most: Int
        switch channel {
        case .signupSheet, .excelAttendance, .bomAttendance: return Int.max
        case .recapSheet: most = 400
        case .jsonDocument: most = 10_000
        case .ndjson: most = 50_000
        case .rssTable, .atomTable: most = 4_000
        }
        return min(most, max(20, Int((expectedRecords / 3).rounded(.up))))
    }
}

extension Generator {
    /// Writes the rows held for these full sessions, writer by writer, session by session.
    fileprivate func write(_ full: [Session], held: inout [[Int: [RecordDraft]]], _ writers: [ChannelWriter]) throws(MusterError) {
        for (channel, writer) in writers.enumerated() {
            for session in full {
                guard let drafts = held[channel].removeValue(forKey: session.number) else { continue }
                try writer.write(session: session, drafts: drafts)
            }
        }
    }
}

/// The writers, one per channel, without an existential in the per-record loop.
private enum ChannelWriter {
    case sheet(SheetWriter)
    case export(ExportWriter)
    case feed(FeedWriter)

    /// Writes a row no session holds back (recaps and exports).
    func write(_ draft: RecordDraft) throws(MusterError) {
        switch self {
        case .sheet(let writer): try writer.write(draft)
        case .export(let writer): try writer.write(draft)
        case .feed: preconditionFailure("news rows are written a session at a time")
        }
    }

    func finish() throws(MusterError) {
        switch self {
        case .sheet(let writer): try writer.finish()
        case .export(let writer): try writer.finish()
        case .feed(let writer): try writer.finish()
        }
    }

    /// Writes a full session's rows.
    func write(session: Session, drafts: [RecordDraft]) throws(MusterError) {
        switch self {
        case .sheet(let writer): try writer.write(session: session, drafts: drafts)
        case .export: preconditionFailure("exports are not written a session at a time")
        case .feed(let writer): try writer.write(session: session, drafts: drafts)
        }
    }
}
