import Foundation
import Testing

@testable import MusterPipeline

@Suite struct StageLaneTests {
    private final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Int] = []
        func append(_ item: Int) { lock.withLock { items.append(item) } }
        var all: [Int] { lock.withLock { items } }
    }

    private struct Broken: Error, Equatable { let at: Int }

    @Test func workRunsInOrderAndFinishWaitsForAllOfIt() throws {
        let lane = StageLane(name: "test", depth: 2)
        let log = Log()
        for item in 0..<200 { try lane.submit { log.append(item) } }
        try lane.finish { log.append(-1) }
        #expect(log.all == Array(0..<200) + [-1])
    }

    @Test func aFailureStopsLaterWorkAndReachesTheCaller() throws {
        let lane = StageLane(name: "test", depth: 1)
        let log = Log()
        var thrown: (any Error)?
        for item in 0..<50 {
            do {
                try lane.submit {
                    if item == 3 { throw Broken(at: item) }
                    log.append(item)
                }
            } catch {
                thrown = error
                break
            }
        }
        if thrown == nil {
            #expect(throws: Broken(at: 3)) { try lane.finish {} }
        } else {
            #expect(thrown as? Broken == Broken(at: 3))
        }
        lane.settle()
        #expect(log.all == [0, 1, 2])
    }
}
