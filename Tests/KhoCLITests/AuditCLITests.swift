import DataManagement
import Foundation
import KhoTestSupport
import Testing

/// `kho audit verify|export` on a real catalogue, tampered with directly in SQLite the way an
/// attacker with file access would: dropping the append-only triggers first.
@Suite struct AuditCLITests {
    struct Output: Decodable {
        struct Verification: Decodable {
            struct Failure: Decodable { var sequence: Int64; var reason: String }
            var length: Int64
            var headDigest: String
            var failure: Failure?
        }
        struct Discrepancy: Decodable { var eventIdentifier: String; var reason: String }
        var intact: Bool
        var verification: Verification
        var eventDiscrepancies: [Discrepancy]
    }

    func verify(_ fixture: SearchCLIFixture) throws -> (ProcessResult, Output) {
        let text = try fixture.kho(["audit", "verify"])
        let json = try fixture.kho(["audit", "verify", "--json"])
        #expect(text.status == json.status)
        return (text, try JSONDecoder().decode(Output.self, from: Data(json.stdout.utf8)))
    }

    func tamper(_ fixture: SearchCLIFixture, _ statements: [String]) throws {
        let catalogue = try Catalogue(path: fixture.cataloguePath)
        try catalogue.unsafeExecute(sql: "DROP TRIGGER IF EXISTS audit_log_no_update")
        try catalogue.unsafeExecute(sql: "DROP TRIGGER IF EXISTS audit_log_no_delete")
        for sql in statements { try catalogue.unsafeExecute(sql: sql) }
    }

    @Test func intactChainPrintsLengthAndHead() throws {
        let fixture = try SearchCLIFixture()
        let expected = try AuditChain.verify(Catalogue(path: fixture.cataloguePath))
        #expect(expected.length == 6)
        let (text, json) = try verify(fixture)
        #expect(text.status == 0, "\(text.stdout)\(text.stderr)")
        #expect(text.stdout.contains("NHẬT KÝ NGUYÊN VẸN / AUDIT CHAIN INTACT"))
        #expect(text.stdout.contains("Độ dài / length: 6"))
        #expect(text.stdout.contains(expected.headDigest))
        #expect(json.intact && json.verification.length == 6 && json.verification.headDigest == expected.headDigest)
        // The anchor from this run matches; a different head does not.
        #expect(try fixture.kho(["audit", "verify", "--anchor-length", "6", "--anchor-head", expected.headDigest]).status == 0)
        let wrong = try fixture.kho(["audit", "verify", "--anchor-length", "6", "--anchor-head", String(repeating: "a", count: 64)])
        #expect(wrong.status == 1 && wrong.stdout.contains("anchor-mismatch"))
        #expect(try fixture.kho(["audit", "verify", "--anchor-length", "6"]).status == 2)
    }

    @Test func editedEntryIsNamed() throws {
        let fixture = try SearchCLIFixture()
        try tamper(fixture, ["UPDATE audit_log SET content = replace(content, 'success', 'failure') WHERE sequence = 2"])
        let (text, json) = try verify(fixture)
        #expect(text.status == 1)
        #expect(text.stdout.contains("first bad entry: 2 (content-edited)"), "\(text.stdout)")
        #expect(!json.intact && json.verification.failure?.sequence == 2 && json.verification.length == 1)
    }

    @Test func deletedEntryIsNamed() throws {
        let fixture = try SearchCLIFixture()
        try tamper(fixture, ["DELETE FROM audit_log WHERE sequence = 3"])
        let (text, json) = try verify(fixture)
        #expect(text.status == 1)
        #expect(text.stdout.contains("first bad entry: 3 (missing)"), "\(text.stdout)")
        #expect(json.verification.failure?.reason == "missing")
    }

    @Test func insertedEntryIsNamed() throws {
        let fixture = try SearchCLIFixture()
        let catalogue = try Catalogue(path: fixture.cataloguePath)
        let two = try #require(try catalogue.auditEntry(sequence: 2))
        // A forged, internally consistent entry 3 linked to entry 2; the real 3… move up by one.
        let content = #"{"kind":"premis-event","payload":{"forged":true},"sequence":3}"#
        let hash = AuditChain.digest(previousHash: two.hash, content: content)
        try tamper(fixture, [
            "UPDATE audit_log SET sequence = sequence + 1000 WHERE sequence >= 3",
            "UPDATE audit_log SET sequence = sequence - 999 WHERE sequence >= 1000",
            "INSERT INTO audit_log (sequence, kind, eventIdentifier, content, previousHash, hash) VALUES (3, 'premis-event', NULL, '\(content)', '\(two.hash)', '\(hash)')",
        ])
        let (text, json) = try verify(fixture)
        #expect(text.status == 1)
        #expect(text.stdout.contains("first bad entry: 3 (inserted)"), "\(text.stdout)")
        #expect(json.verification.length == 2 && json.verification.headDigest == two.hash)
    }

    @Test func reorderedEntriesAreNamed() throws {
        let fixture = try SearchCLIFixture()
        try tamper(fixture, [
            "UPDATE audit_log SET sequence = 100 WHERE sequence = 4",
            "UPDATE audit_log SET sequence = 4 WHERE sequence = 5",
            "UPDATE audit_log SET sequence = 5 WHERE sequence = 100",
        ])
        let (text, json) = try verify(fixture)
        #expect(text.status == 1)
        #expect(text.stdout.contains("first bad entry: 4 (reordered)"), "\(text.stdout)")
        #expect(json.verification.failure?.sequence == 4 && json.verification.length == 3)
    }

    @Test func exportWritesOneVerifiableLinePerEntry() throws {
        let fixture = try SearchCLIFixture()
        let out = fixture.home + "/nhat-ky.jsonl"
        let result = try fixture.kho(["audit", "export", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 6)
        struct Line: Decodable { var sequence: Int64; var content: String; var previousHash: String; var hash: String }
        var previous = String(repeating: "0", count: 64)
        for (index, line) in lines.enumerated() {
            let entry = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
            #expect(entry.sequence == Int64(index + 1))
            #expect(entry.previousHash == previous)
            #expect(AuditChain.digest(previousHash: entry.previousHash, content: entry.content) == entry.hash)
            previous = entry.hash
        }
        let stdout = try fixture.kho(["audit", "export"])
        #expect(stdout.status == 0)
        #expect(stdout.stdout.split(separator: "\n") == lines)
    }

    @Test func anEventEditedAroundTheChainIsNamed() throws {
        let fixture = try SearchCLIFixture()
        let id = "\(SearchCLIFixture.tanLap)-fix"
        // The attacker leaves the chain alone and edits the event row itself.
        try tamper(fixture, ["UPDATE premis_events SET outcome = 'failure' WHERE identifier = '\(id)'"])
        let (text, json) = try verify(fixture)
        #expect(text.status == 1)
        #expect(text.stdout.contains("NHẬT KÝ NGUYÊN VẸN"))
        #expect(text.stdout.contains("\(id) (mục / entry 2): edited-after-audit"), "\(text.stdout)")
        #expect(!json.intact && json.verification.failure == nil)
        #expect(json.eventDiscrepancies.map(\.eventIdentifier) == [id])
    }
}
