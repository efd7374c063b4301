internal import Dispatch
internal import MusterCore

/// Works out everything the registry writer needs that does not need the database, on a
/// serial queue of its own, one batch ahead of the batch being written: each record's row
/// (JSON columns, identifiers), records grouped into their clusters, and the golden record a
/// new participant would get from its cluster.
///
/// The writer's thread is the critical path of a large run; this queue runs on the core the
/// other stages leave. It also frees what the writer is done with, for the same reason.
final class ExportPlanner: @unchecked Sendable {
    // @unchecked: `open` is touched only by work on `queue`, which is serial.
    private let queue = DispatchQueue(label: "muster.export.plan")
    /// The accepted records of the cluster still growing: the next batch may hold more of it.
    private var open: [SourceRecordRow] = []

    /// Plans `batch`; the units are ready when ``PlannedUnits/units()`` returns.
    func plan(_ batch: RecordBatch) -> PlannedUnits {
        let planned = PlannedUnits()
        queue.async {
            var units: [ExportUnit] = []
            units.reserveCapacity(batch.count)
            for record in batch {
                let row = SourceRecordRow(record)
                if record.isQuarantined || record.source.kind == .programme {
                    units.append(.single(row))
                    continue
                }
                if let current = self.open.first, Self.cluster(of: current.record) != Self.cluster(of: record) {
                    units.append(self.closeCluster())
                }
                self.open.append(row)
            }
            planned.deliver(units)
        }
        return planned
    }

    /// The last cluster, once every batch is planned.
    func planRest() -> PlannedUnits {
        let planned = PlannedUnits()
        queue.async { planned.deliver(self.open.isEmpty ? [] : [self.closeCluster()]) }
        return planned
    }

    /// Lets go of values on the planner's queue, so that freeing them costs the writer nothing.
    func release(_ values: any Sendable) {
        queue.async { withExtendedLifetime(values) {} }
    }

    private func closeCluster() -> ExportUnit {
        defer { open.removeAll(keepingCapacity: true) }
        // In record-key order, as the registry orders a participant's stored records when it
        // works the golden record out again: ties then go the same way on every run.
        let byKey = open.map(\.record).sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        let golden = Participant.goldenValues(of: byKey)
        return .cluster(ClusterRows(cluster: Self.cluster(of: open[0].record), members: open, golden: GoldenRow(golden)))
    }

    /// Dedupe's cluster id; a record without one stands alone.
    static func cluster(of record: Record) -> String { record.match?.cluster ?? record.key }
}

/// What the registry writer writes as one step.
enum ExportUnit: Sendable {
    /// A quarantined record, or a programme (a news item).
    case single(SourceRecordRow)
    /// One cluster's accepted records: one participant.
    case cluster(ClusterRows)
}

/// One cluster's accepted records, in input order, with their golden record.
struct ClusterRows: Sendable {
    let cluster: String
    let members: [SourceRecordRow]
    /// The golden record of these members alone (ties to the first by record key): what a
    /// new participant gets, and what one whose records are exactly these keeps.
    let golden: GoldenRow
}

/// Golden values with the registry's JSON column for them.
struct GoldenRow: Sendable {
    let values: FieldValues
    let json: String

    init(_ values: FieldValues) {
        self.values = values
        var writer = JSONWriter(capacity: 256)
        writer.object(values)
        json = writer.text
    }
}

/// A batch's units, planned on the planner's queue; `units` waits until they are ready.
final class PlannedUnits: @unchecked Sendable {
    // @unchecked: `planned` is written once on the planner's queue before `ready` is
    // signalled, and read only after waiting for it.
    private var planned: [ExportUnit] = []
    private let ready = DispatchSemaphore(value: 0)

    fileprivate func deliver(_ units: [ExportUnit]) {
        planned = units
        ready.signal()
    }

    /// The units, once; waits for their planning.
    func units() -> [ExportUnit] {
        ready.wait()
        defer { planned = [] }
        return planned
    }
}
