import Foundation
import GRDB

extension Catalogue {
    /// The monthly progress report for `month`: accepted transfers received that month (Vietnam time) per
    /// transferring unit, the dossiers, documents, pages and content bytes they archived, documents by
    /// provenance, and `rejected` (quarantine reports the caller read, filtered here to the month).
    ///
    /// Dossiers and documents are counted as the catalogue holds them now; a dossier that a transfer of the
    /// month created or extended counts once for that transfer's unit.
    public func monthlyReport(month: ReportMonth, rejected: [RejectedPackage] = [], now: Date = Date()) throws(CatalogueError) -> MonthlyReport {
        try read("monthly report") { db in
            var rows: [String: UnitProgress] = [:]
            func row(_ unit: String) -> UnitProgress { rows[unit] ?? UnitProgress(unit: unit) }

            // Transfers: few per month, so the month test runs in Swift on the parsed timestamp.
            var transferUnit: [String: String] = [:]
            let transfers = try Row.fetchCursor(db, sql: "SELECT id, transferringUnit, receivedAt FROM transfers WHERE status = 'accepted'")
            while let transfer = try transfers.next() {
                let receivedAt: String = transfer["receivedAt"]
                guard month.contains(timestamp: receivedAt) else { continue }
                let unit: String = transfer["transferringUnit"]
                transferUnit[transfer["id"]] = unit
                var progress = row(unit)
                progress.transfers += 1
                rows[unit] = progress
            }

            // The dossiers (one per AIP) those transfers wrote, each counted once per unit.
            let ids = String(decoding: try JSONEncoder().encode(Array(transferUnit.keys)), as: UTF8.self)
            var objectUnits: [String: Set<String>] = [:]
            let versions = try Row.fetchCursor(db, sql: """
                SELECT DISTINCT objectID, transferID FROM aip_versions WHERE transferID IN (SELECT value FROM json_each(?))
                """, arguments: [ids])
            while let version = try versions.next() {
                guard let unit = transferUnit[version["transferID"]] else { continue }
                objectUnits[version["objectID"], default: []].insert(unit)
            }
            let objects = String(decoding: try JSONEncoder().encode(Array(objectUnits.keys)), as: UTF8.self)

            // Documents per dossier and provenance class, with the dossier's own pages as a fallback.
            struct DossierCounts { var byProvenance: [Provenance: (documents: Int, pages: Int)] = [:]; var dossierPages = 0; var dossierLevel: String? }
            var counts: [String: DossierCounts] = [:]
            let dossiers = try Row.fetchCursor(db, sql: """
                SELECT aipObjectID, numberOfPage, confidenceLevel FROM dossiers WHERE aipObjectID IN (SELECT value FROM json_each(?))
                """, arguments: [objects])
            while let dossier = try dossiers.next() {
                counts[dossier["aipObjectID"]] = DossierCounts(dossierPages: dossier["numberOfPage"] ?? 0, dossierLevel: dossier["confidenceLevel"])
            }
            let documents = try Row.fetchCursor(db, sql: """
                SELECT aipObjectID, confidenceLevel, COUNT(*) AS documents, COALESCE(SUM(numberOfPage), 0) AS pages
                FROM documents WHERE aipObjectID IN (SELECT value FROM json_each(?))
                GROUP BY aipObjectID, confidenceLevel
                """, arguments: [objects])
            while let group = try documents.next() {
                let objectID: String = group["aipObjectID"]
                var entry = counts[objectID] ?? DossierCounts()
                let provenance = Provenance(document: group["confidenceLevel"], dossier: entry.dossierLevel)
                let previous = entry.byProvenance[provenance] ?? (0, 0)
                entry.byProvenance[provenance] = (previous.documents + group["documents"], previous.pages + group["pages"])
                counts[objectID] = entry
            }

            // Content bytes: every stored file except the metadata Kho and the producer wrote about it.
            var bytes: [String: Int64] = [:]
            let sizes = try Row.fetchCursor(db, sql: """
                SELECT aipObjectID, SUM(size) AS bytes FROM files
                WHERE aipObjectID IN (SELECT value FROM json_each(?)) AND \(Self.contentFileCondition)
                GROUP BY aipObjectID
                """, arguments: [objects])
            while let size = try sizes.next() { bytes[size["aipObjectID"]] = size["bytes"] }

            for (objectID, units) in objectUnits {
                let entry = counts[objectID]
                for unit in units {
                    var progress = row(unit)
                    guard let entry else { rows[unit] = progress; continue }
                    progress.dossiers += 1
                    progress.bytes += bytes[objectID] ?? 0
                    if entry.byProvenance.isEmpty {
                        progress.pages += entry.dossierPages
                        if Provenance(document: nil, dossier: entry.dossierLevel) == .digitized { progress.digitizedPages += entry.dossierPages }
                    }
                    for (provenance, value) in entry.byProvenance {
                        progress.addDocuments(value.documents, pages: value.pages, provenance: provenance)
                    }
                    rows[unit] = progress
                }
            }

            let monthRejected = rejected.filter { month.contains(timestamp: $0.receivedAt) }
                .sorted { ($0.receivedAt, $0.packageName) < ($1.receivedAt, $1.packageName) }
            for package in monthRejected {
                let unit = package.transferringUnit ?? MonthlyReport.unknownUnit
                var progress = row(unit)
                progress.rejectedPackages += 1
                rows[unit] = progress
            }
            // Vietnamese alphabetical order (Đ after D), the unknown unit last.
            let ordered = rows.values.sorted { a, b in
                let aUnknown = a.unit == MonthlyReport.unknownUnit, bUnknown = b.unit == MonthlyReport.unknownUnit
                if aUnknown != bUnknown { return bUnknown }
                return a.unit.localizedStandardCompare(b.unit) == .orderedAscending
            }
            return MonthlyReport(month: month, generatedAt: VietnamTime.iso(now), units: ordered, rejected: monthRejected)
        }
    }

    /// SQL on `files`: true for content (payload) files. An AIP's metadata is its METS files, `metadata/`
    /// folders (EAD, PREMIS, the submission's METS) and `*.xml` beside a METS; content is under `data/`
    /// of a representation, or any file that belongs to a document.
    static let contentFileCondition = "(docId IS NOT NULL OR path LIKE '%/data/%' OR path LIKE 'data/%')"
}
