import DataManagement
import Foundation
import KhoTestSupport
import Testing

/// `record(aips:)`, the bulk-loading entry point, writes exactly the rows of `record(aip:)` called in turn.
@Suite struct BulkLoadingTests {
    static func aips() -> [AIPEntry] {
        var aips = (1...4).map { n in
            SampleAIPs.aip(objectID: "urn:uuid:00000000-0000-4000-8000-00000000000\(n)",
                           fileCode: "H49.64.33.200\(n).16\(n)")
        }
        // A second version of the first AIP and a repeat of the second, in the same batch.
        aips.append(SampleAIPs.aip(objectID: aips[0].objectID, version: 2, fileCode: "H49.64.33.2001.161",
                                   title: "Hồ sơ Đại hội (bổ sung)"))
        aips.append(aips[1])
        return aips
    }

    @Test func bulkLoadWritesTheSameRowsAsOneByOne() throws {
        let one = try TemporaryDirectory()
        let bulk = try TemporaryDirectory()
        let oneByOne = try CatalogueTests.open(one)
        let batched = try CatalogueTests.open(bulk)
        try oneByOne.record(transfer: SampleAIPs.transfer)
        try batched.record(transfer: SampleAIPs.transfer)
        let outcomes = try Self.aips().map { aip in try oneByOne.record(aip: aip) }
        #expect(try batched.record(aips: Self.aips()) == outcomes)
        #expect(outcomes.last == .alreadyRecorded)
        let expected = try oneByOne.tableSnapshots()
        let actual = try batched.tableSnapshots()
        #expect(Set(actual.keys) == Set(expected.keys))
        for table in expected.keys.sorted() {
            #expect(actual[table] == expected[table], "table \(table) differs between record(aips:) and record(aip:)")
        }
        #expect(try batched.search(SearchQuery("dai hoi")).count == oneByOne.search(SearchQuery("dai hoi")).count)
    }

    @Test func anInvalidEntryWritesNothingOfTheBatch() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try CatalogueTests.open(dir)
        try catalogue.record(transfer: SampleAIPs.transfer)
        let before = try catalogue.tableSnapshots()
        var aips = Self.aips()
        aips[2].objectID = ""
        #expect(throws: CatalogueError.self) { try catalogue.record(aips: aips) }
        #expect(try catalogue.tableSnapshots() == before)
    }
}
