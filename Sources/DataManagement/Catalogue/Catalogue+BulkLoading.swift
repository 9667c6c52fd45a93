import GRDB

extension Catalogue {
    /// Records many AIP versions in ONE transaction: the same rows, search entries, events and audit
    /// entries as calling `record(aip:)` for each in turn, in order, without a commit (and its WAL sync)
    /// per AIP. For loading large catalogues (benchmarks, migrations); if any entry is invalid or any
    /// insert fails, nothing of the batch is written.
    @discardableResult
    public func record(aips: [AIPEntry]) throws(CatalogueError) -> [RecordOutcome] {
        for aip in aips { try Self.validate(aip) }
        return try write("record \(aips.count) AIPs") { db in
            try aips.map { aip in try Self.insertAIP(db, aip) }
        }
    }
}
