import DataManagement
import Foundation
import KhoTestSupport
import Testing

@Suite struct CatalogueTests {
    static func open(_ dir: TemporaryDirectory) throws -> Catalogue {
        try Catalogue(path: dir.url.appendingPathComponent("kho.sqlite").path)
    }

    @Test func migratesFromEmptyAndReopens() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("sub/kho.sqlite").path
        let catalogue = try Catalogue(path: path)
        #expect(try catalogue.appliedMigrations() == ["v1-catalogue", "v1-search", "v1-audit", "v2-fixity", "v3-search-facets"])
        for table in ["fonds", "transfers", "agents", "aip_versions", "dossiers", "documents", "files",
                      "premis_events", "event_objects", "search_entries", "search_fts", "audit_log"] {
            #expect(try catalogue.count(table: table) == 0, "table \(table) should exist and be empty")
        }
        try catalogue.record(transfer: SampleAIPs.transfer)
        try catalogue.record(aip: SampleAIPs.aip())
        // Reopening an existing file applies nothing new and keeps the rows; WAL is on.
        let again = try Catalogue(path: path)
        #expect(try again.appliedMigrations().count == 5)
        #expect(try again.count(table: "documents") == 2)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func recordsAnAIPAndReadsEveryFieldBack() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Self.open(dir)
        let aip = SampleAIPs.aip()
        try catalogue.record(transfer: SampleAIPs.transfer)
        #expect(try catalogue.record(aip: aip) == .recorded)

        let dossier = try #require(try catalogue.dossier(aipObjectID: aip.objectID))
        #expect(dossier.entry == aip.dossier)
        #expect(dossier.fondsCode == "H49.64.33")
        #expect(dossier.recordStatus == "NEW")
        #expect(dossier.languages == ["01", "09"])
        #expect([dossier.startYear, dossier.startMonth, dossier.startDay] == [2001, 3, 5])
        #expect([dossier.endYear, dossier.endMonth, dossier.endDay] == [2001, 12, 28])

        let documents = try catalogue.documents(aipObjectID: aip.objectID)
        #expect(documents.map(\.entry) == aip.documents.map { var d = $0; d.fullText = nil; return d })
        #expect(documents.first?.codeNotation == "NQ/ĐU")
        #expect(documents.first?.autograph == "Bút phê của Bí thư: “Đồng ý, triển khai ngay”")
        #expect(documents.first?.issuedYear == 2001)

        let files = try catalogue.files(aipObjectID: aip.objectID)
        #expect(Set(files.map(\.entry)) == Set(aip.files))

        let versions = try catalogue.versions(objectID: aip.objectID)
        #expect(versions.map(\.version) == [1])
        #expect(versions.first?.transferID == "transfer-2026-001")
        #expect(versions.first?.message == "Nộp lưu từ Đảng ủy xã Tân Lập")

        #expect(try catalogue.events(aipObjectID: aip.objectID) == aip.events)
        #expect(try catalogue.transfer(id: SampleAIPs.transfer.id).map { $0.transferringUnit } == "Đảng ủy xã Tân Lập")
        #expect(try catalogue.fonds(code: "H49.64.33")?.name == "Phông Đảng ủy xã Tân Lập")
        #expect(try catalogue.count(table: "audit_log") == 3)
    }

    @Test func partialDatesAreNormalizedAndKeptAsGiven() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Self.open(dir)
        try catalogue.record(transfer: SampleAIPs.transfer)
        var aip = SampleAIPs.aip()
        aip.dossier?.startDate = "03/1999"
        aip.dossier?.endDate = "2002"
        try catalogue.record(aip: aip)
        let dossier = try #require(try catalogue.dossier(aipObjectID: aip.objectID))
        #expect(dossier.startDate == "03/1999" && dossier.startYear == 1999 && dossier.startMonth == 3 && dossier.startDay == nil)
        #expect(dossier.endDate == "2002" && dossier.endYear == 2002 && dossier.endMonth == nil)
        #expect(PartialDate("31/02/x") == nil)
        #expect(PartialDate("2001-05-07") == PartialDate("07/05/2001"))
    }

    @Test func recordingTheSameVersionTwiceChangesNothing() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Self.open(dir)
        try catalogue.record(transfer: SampleAIPs.transfer)
        #expect(try catalogue.record(aip: SampleAIPs.aip()) == .recorded)
        let before = try catalogue.tableSnapshots()
        var changed = SampleAIPs.aip()
        changed.dossier?.title = "Tiêu đề khác"
        #expect(try catalogue.record(aip: SampleAIPs.aip()) == .alreadyRecorded)
        #expect(try catalogue.record(aip: changed) == .alreadyRecorded)
        #expect(try catalogue.tableSnapshots() == before)
    }

    @Test func aNewerVersionReplacesTheDescriptionAndKeepsHistory() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Self.open(dir)
        try catalogue.record(transfer: SampleAIPs.transfer)
        try catalogue.record(aip: SampleAIPs.aip())
        var v2 = SampleAIPs.aip(version: 2, title: "Hồ sơ Đại hội (bổ sung)")
        v2.recordStatus = "SUPPLEMENT"
        v2.documents.removeLast()
        v2.files.removeAll { $0.docId == "H49.64.33.2001.160.2" }
        v2.events = [EventEntry(identifier: "ev-v2", type: .metadataModification, dateTime: "2026-07-01T08:00:00+07:00",
                                outcome: .success, agent: SampleAIPs.archivist)]
        #expect(try catalogue.record(aip: v2) == .recorded)
        let objectID = v2.objectID
        #expect(try catalogue.dossier(aipObjectID: objectID)?.title == "Hồ sơ Đại hội (bổ sung)")
        #expect(try catalogue.dossier(aipObjectID: objectID)?.recordStatus == "SUPPLEMENT")
        #expect(try catalogue.documents(aipObjectID: objectID).count == 1)
        #expect(try catalogue.files(aipObjectID: objectID).count == 2)
        #expect(try catalogue.versions(objectID: objectID).map(\.version) == [1, 2])
        #expect(try catalogue.events(aipObjectID: objectID).count == 4)
        #expect(try catalogue.search(SearchQuery("bao cao tong ket")).isEmpty)
        // Version 1 arriving again (or late) leaves the head's description alone.
        #expect(try catalogue.record(aip: SampleAIPs.aip()) == .alreadyRecorded)
        #expect(try catalogue.dossier(aipObjectID: objectID)?.title == "Hồ sơ Đại hội (bổ sung)")
    }

    @Test func badEntriesAreRefusedAndChangeNothing() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Self.open(dir)
        var duplicate = SampleAIPs.aip()
        duplicate.documents.append(duplicate.documents[0])
        #expect(throws: CatalogueError.self) { try catalogue.record(aip: duplicate) }
        var orphan = SampleAIPs.aip()
        orphan.files.append(FileEntry(path: "x.pdf", size: 1, sha256: "00", docId: "không-có"))
        #expect(throws: CatalogueError.self) { try catalogue.record(aip: orphan) }
        // An unknown transfer id violates a foreign key: the whole transaction is rolled back.
        var unknownTransfer = SampleAIPs.aip()
        unknownTransfer.transferID = "no-such-transfer"
        do {
            try catalogue.record(aip: unknownTransfer)
            Issue.record("expected a foreign-key failure")
        } catch {
            #expect(error.rule == "KHO-CAT-SQL")
            #expect(!error.message.vi.isEmpty && !error.message.en.isEmpty)
        }
        for table in ["dossiers", "documents", "files", "aip_versions", "premis_events", "audit_log", "search_entries"] {
            #expect(try catalogue.count(table: table) == 0, "\(table) must stay empty")
        }
    }

    @Test func snapshotsAreEqualAfterDeleteAndReRecord() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Self.open(dir)
        try catalogue.record(transfer: SampleAIPs.transfer)
        let aips = (1...4).map { n in
            SampleAIPs.aip(objectID: "urn:uuid:00000000-0000-4000-8000-00000000000\(n)",
                           fileCode: "H49.64.33.200\(n).16\(n)")
        }
        for aip in aips { try catalogue.record(aip: aip) }
        let original = try catalogue.tableSnapshots()
        #expect(original["documents"]?.count == 8)
        #expect(original["search_entries"]?.count == 12)
        #expect(original["audit_log"]?.count == 12)

        // Rebuild two AIPs in a different order, as a catalogue rebuild from storage would.
        try catalogue.deleteAIP(objectID: aips[1].objectID)
        try catalogue.deleteAIP(objectID: aips[2].objectID)
        let partial = try catalogue.tableSnapshots()
        #expect(partial["documents"]?.count == 4)
        #expect(partial["premis_events"]?.count == 6)
        #expect(partial != original)
        try catalogue.record(aip: aips[2])
        try catalogue.record(aip: aips[1])
        let rebuilt = try catalogue.tableSnapshots()
        #expect(Set(rebuilt.keys) == Set(original.keys))
        for table in original.keys.sorted() {
            #expect(rebuilt[table] == original[table], "table \(table) differs after rebuild")
        }
        #expect(try AuditChain.verify(catalogue).length == 12)
        #expect(try catalogue.search(SearchQuery("tan lap", fondsCode: "H49.64.33")).count == 8)
    }
}
