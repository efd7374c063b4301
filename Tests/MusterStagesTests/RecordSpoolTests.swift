import Foundation
import MusterCore
import Testing

@testable import MusterStages

/// The spool gives back the records it was given, by index in any order, from memory or from
/// its file, decoded on one thread or several.
@Suite struct RecordSpoolTests {
    static func records(_ count: Int) -> [Record] {
        (0..<count).map { index in
            Fixtures.record("row:\(index + 2)", [Field.name: "Peserta \(index)", Field.phone: "0812-0000-\(10_000 + index)"])
        }
    }

    @Test(arguments: [100_000, 0])
    func recordsComeBackByIndexInAnyOrder(memoryLimit: Int) throws {
        let records = Self.records(6000)
        let spool = RecordSpool(memoryLimit: memoryLimit)
        defer { spool.close() }
        for record in records { try spool.append(record) }
        if let path = spool.path {
            // Every participant's personal data: readable by the run's user alone.
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        } else {
            #expect(memoryLimit > 0, "below its limit the spool keeps records in memory")
        }
        // 6,000 indices: three runs of decoding on a machine with the cores for them.
        let order = (0..<6000).map { Int32(($0 * 7919) % 6000) }
        #expect(Set(order).count == 6000)
        #expect(try spool.records(at: order) == order.map { records[Int($0)] })
        #expect(try spool.records(at: []) == [])
    }
}
