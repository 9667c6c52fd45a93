import DataManagement
import Foundation
import KhoTestSupport
import Testing

@Suite struct AuditChainTests {
    /// A catalogue with `count` events (fixity checks) appended one by one.
    static func chain(_ count: Int) throws -> (TemporaryDirectory, Catalogue) {
        let dir = try TemporaryDirectory()
        let catalogue = try Catalogue(path: dir.url.appendingPathComponent("kho.sqlite").path)
        for n in 1...count {
            try catalogue.record(event: EventEntry(
                identifier: "fixity-\(n)", type: .fixityCheck, dateTime: "2026-06-12T11:\(10 + n % 50):00+07:00",
                outcome: n % 7 == 0 ? .failure : .success, detail: "Kiểm tra tính toàn vẹn lần \(n)",
                linkingObjects: ["urn:uuid:obj-\(n % 3)"], agent: SampleAIPs.software), aipObjectID: "urn:uuid:obj-\(n % 3)")
        }
        return (dir, catalogue)
    }

    /// Plays the attacker: drops the append-only triggers, then runs raw SQL.
    static func tamper(_ catalogue: Catalogue, _ sql: String) throws {
        try catalogue.unsafeExecute(sql: "DROP TRIGGER IF EXISTS audit_log_no_update")
        try catalogue.unsafeExecute(sql: "DROP TRIGGER IF EXISTS audit_log_no_delete")
        try catalogue.unsafeExecute(sql: sql)
    }

    @Test func manyAppendsVerify() throws {
        let (dir, catalogue) = try Self.chain(500)
        defer { withExtendedLifetime(dir) {} }
        let result = try AuditChain.verify(catalogue)
        #expect(result.isIntact)
        #expect(result.length == 500)
        #expect(result.headDigest.count == 64 && result.headDigest != String(repeating: "0", count: 64))
        // Recording the same event again appends nothing.
        #expect(try catalogue.record(event: EventEntry(identifier: "fixity-1", type: .fixityCheck,
                                                        dateTime: "x", outcome: .success)) == false)
        #expect(try AuditChain.verify(catalogue).length == 500)
        #expect(try AuditChain.verify(catalogue, anchor: AuditAnchor(length: 500, headDigest: result.headDigest)).isIntact)
    }

    @Test func anAgentAlreadyNamedBySealedEventsNeverChanges() throws {
        let (dir, catalogue) = try Self.chain(3)
        defer { withExtendedLifetime(dir) {} }
        let renamed = AgentEntry(identifier: SampleAIPs.software.identifier, name: "Kho (đổi tên)",
                                 kind: .software, version: SampleAIPs.software.version)
        #expect(throws: CatalogueError.self) {
            try catalogue.record(event: EventEntry(identifier: "fixity-renamed", type: .fixityCheck,
                                                   dateTime: "2026-06-12T12:00:00+07:00", outcome: .success,
                                                   agent: renamed))
        }
        // The refused event left nothing behind, and the events already sealed still verify.
        let result = try AuditChain.verify(catalogue)
        #expect(result.isIntact && result.length == 3)
        #expect(try AuditChain.verifyEvents(catalogue).isEmpty)
        // The same agent, unchanged, is welcome again.
        #expect(try catalogue.record(event: EventEntry(identifier: "fixity-again", type: .fixityCheck,
                                                       dateTime: "2026-06-12T12:01:00+07:00", outcome: .success,
                                                       agent: SampleAIPs.software)))
    }

    @Test func concurrentWritersStillMakeOneChain() throws {
        let dir = try TemporaryDirectory()
        defer { withExtendedLifetime(dir) {} }
        let catalogue = try Catalogue(path: dir.url.appendingPathComponent("kho.sqlite").path)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for n in 0..<25 {
                do {
                    try catalogue.record(event: EventEntry(
                        identifier: "w\(worker)-\(n)", type: .replication, dateTime: "2026-06-12T12:00:00+07:00",
                        outcome: .success, detail: "Sao lưu bản \(n) của luồng \(worker)"))
                } catch {
                    failures.add(String(describing: error))
                }
            }
        }
        #expect(failures.all.isEmpty)
        let result = try AuditChain.verify(catalogue)
        #expect(result.isIntact)
        #expect(result.length == 200)
        #expect(try catalogue.count(table: "premis_events") == 200)
    }

    @Test func emptyChainVerifies() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Catalogue(path: dir.url.appendingPathComponent("kho.sqlite").path)
        let result = try AuditChain.verify(catalogue)
        #expect(result.isIntact && result.length == 0)
        #expect(result.headDigest == AuditEntry.genesis)
    }

    @Test func entriesHashTheirPredecessorAndCanonicalContent() throws {
        let (dir, catalogue) = try Self.chain(3)
        let url = dir.url.appendingPathComponent("audit.jsonl")
        #expect(try AuditChain.export(catalogue, to: url) == 3)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        var previous = AuditEntry.genesis
        for (index, line) in lines.enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let content = try #require(object["content"] as? String)
            #expect(object["sequence"] as? Int == index + 1)
            #expect(object["previousHash"] as? String == previous)
            #expect(object["hash"] as? String == AuditChain.digest(previousHash: previous, content: content))
            // Canonical: sorted keys, no whitespace between tokens, Vietnamese kept as UTF-8.
            #expect(content.hasPrefix("{\"kind\":\"premis-event\",\"payload\":{\"aipObjectID\":"))
            #expect(content.contains("\"sequence\":\(index + 1)}"))
            #expect(content.contains("Kiểm tra tính toàn vẹn lần \(index + 1)"))
            #expect(!content.contains(": ") && !content.contains("\n"))
            previous = try #require(object["hash"] as? String)
        }
        #expect(previous == (try AuditChain.verify(catalogue).headDigest))
        // SHA-256 of "abc" as a known vector for the digest helper.
        #expect(AuditChain.digest(previousHash: "ab", content: "c") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func theLogRefusesPlainUpdatesAndDeletes() throws {
        let (dir, catalogue) = try Self.chain(3)
        defer { withExtendedLifetime(dir) {} }
        #expect(throws: CatalogueError.self) { try catalogue.unsafeExecute(sql: "UPDATE audit_log SET content = 'x' WHERE sequence = 2") }
        #expect(throws: CatalogueError.self) { try catalogue.unsafeExecute(sql: "DELETE FROM audit_log WHERE sequence = 2") }
        #expect(try AuditChain.verify(catalogue).isIntact)
    }

    @Test func anEditedEntryIsNamed() throws {
        let (dir, catalogue) = try Self.chain(20)
        defer { withExtendedLifetime(dir) {} }
        try Self.tamper(catalogue, "UPDATE audit_log SET content = replace(content, 'success', 'failure') WHERE sequence = 8")
        let result = try AuditChain.verify(catalogue)
        #expect(result.failure?.sequence == 8)
        #expect(result.failure?.reason == .contentEdited)
        #expect(result.length == 7)
    }

    @Test func anEditWithARecomputedHashIsCaughtAtTheNextLink() throws {
        let (dir, catalogue) = try Self.chain(20)
        defer { withExtendedLifetime(dir) {} }
        // The attacker edits entry 8 and recomputes its own hash, but cannot fix entry 9's link.
        try Self.tamper(catalogue, "UPDATE audit_log SET content = replace(content, 'lần 8', 'lần 80') WHERE sequence = 8")
        let edited = try #require(try catalogue.auditEntry(sequence: 8))
        try Self.tamper(catalogue, "UPDATE audit_log SET hash = '\(AuditChain.digest(previousHash: edited.previousHash, content: edited.content))' WHERE sequence = 8")
        let result = try AuditChain.verify(catalogue)
        #expect(result.failure?.sequence == 9)
        #expect(result.failure?.reason == .brokenLink)
    }

    @Test func aDeletedEntryLeavesANamedGap() throws {
        let (dir, catalogue) = try Self.chain(20)
        defer { withExtendedLifetime(dir) {} }
        try Self.tamper(catalogue, "DELETE FROM audit_log WHERE sequence = 13")
        let result = try AuditChain.verify(catalogue)
        #expect(result.failure?.sequence == 13)
        #expect(result.failure?.reason == .missing)
        #expect(result.length == 12)
    }

    @Test func aDeletionWithRenumberingIsNamed() throws {
        let (dir, catalogue) = try Self.chain(20)
        defer { withExtendedLifetime(dir) {} }
        try Self.tamper(catalogue, "DELETE FROM audit_log WHERE sequence = 13")
        try Self.tamper(catalogue, "UPDATE audit_log SET sequence = -sequence WHERE sequence > 13")
        try Self.tamper(catalogue, "UPDATE audit_log SET sequence = -sequence - 1 WHERE sequence < 0")
        let result = try AuditChain.verify(catalogue)
        #expect(result.failure?.sequence == 13)
        #expect(result.failure?.reason == .brokenLink)
    }

    @Test func anInsertedEntryIsNamed() throws {
        let (dir, catalogue) = try Self.chain(20)
        defer { withExtendedLifetime(dir) {} }
        // Make room at 6 and forge a well-formed entry that links to entry 5.
        try Self.tamper(catalogue, "UPDATE audit_log SET sequence = -sequence WHERE sequence >= 6")
        try Self.tamper(catalogue, "UPDATE audit_log SET sequence = -sequence + 1 WHERE sequence < 0")
        let five = try #require(try catalogue.auditEntry(sequence: 5))
        let content = #"{"kind":"premis-event","payload":{"event":{"identifier":"forged"}},"sequence":6}"#
        let hash = AuditChain.digest(previousHash: five.hash, content: content)
        try Self.tamper(catalogue, """
            INSERT INTO audit_log (sequence, kind, eventIdentifier, content, previousHash, hash)
            VALUES (6, 'premis-event', 'forged', '\(content)', '\(five.hash)', '\(hash)')
            """)
        let result = try AuditChain.verify(catalogue)
        #expect(result.failure?.sequence == 6)
        #expect(result.failure?.reason == .inserted)
        #expect(result.length == 5)
        #expect(result.headDigest == five.hash)
    }

    @Test func reorderedEntriesAreNamed() throws {
        let (dir, catalogue) = try Self.chain(20)
        defer { withExtendedLifetime(dir) {} }
        // Swap entries 10 and 11 by their sequence numbers.
        try Self.tamper(catalogue, "UPDATE audit_log SET sequence = -1 WHERE sequence = 10")
        try Self.tamper(catalogue, "UPDATE audit_log SET sequence = 10 WHERE sequence = 11")
        try Self.tamper(catalogue, "UPDATE audit_log SET sequence = 11 WHERE sequence = -1")
        let result = try AuditChain.verify(catalogue)
        #expect(result.failure?.sequence == 10)
        #expect(result.failure?.reason == .reordered)
        #expect(result.length == 9)
    }

    @Test func aCutTailIsCaughtByTheAnchor() throws {
        let (dir, catalogue) = try Self.chain(20)
        defer { withExtendedLifetime(dir) {} }
        let anchor = try AuditChain.verify(catalogue)
        try Self.tamper(catalogue, "DELETE FROM audit_log WHERE sequence >= 19")
        #expect(try AuditChain.verify(catalogue).isIntact)
        let result = try AuditChain.verify(catalogue, anchor: AuditAnchor(length: anchor.length, headDigest: anchor.headDigest))
        #expect(result.failure?.sequence == 19)
        #expect(result.failure?.reason == .anchorMismatch)
    }
}

@Suite struct EventStoreAuditTests {
    @Test func eventsEditedOrAddedAroundTheChainAreFlagged() throws {
        let dir = try TemporaryDirectory()
        let catalogue = try Catalogue(path: dir.url.appendingPathComponent("kho.sqlite").path)
        try catalogue.record(transfer: SampleAIPs.transfer)
        let aip = SampleAIPs.aip()
        try catalogue.record(aip: aip)
        #expect(try AuditChain.verifyEvents(catalogue).isEmpty)

        // A failed fixity check rewritten as a success, directly in the event table.
        let second = aip.events[1].identifier
        try catalogue.unsafeExecute(sql: "UPDATE premis_events SET outcome = 'failure' WHERE identifier = ?", arguments: [second])
        // A linking object quietly changed on the third event.
        let third = aip.events[2].identifier
        try catalogue.unsafeExecute(sql: "UPDATE event_objects SET objectID = 'khác' WHERE eventIdentifier = ? AND position = 0", arguments: [third])
        // An event slipped in without the API.
        try catalogue.unsafeExecute(sql: """
            INSERT INTO premis_events (identifier, aipObjectID, type, dateTime, outcome) VALUES ('lén', NULL, 'deletion', '2026-07-01', 'success')
            """)
        let found = try AuditChain.verifyEvents(catalogue)
        #expect(found.map(\.eventIdentifier) == [second, third, "lén"].sorted())
        #expect(found.first { $0.eventIdentifier == second }?.reason == .editedAfterAudit)
        #expect(found.first { $0.eventIdentifier == second }?.auditSequence == 2)
        #expect(found.first { $0.eventIdentifier == "lén" }?.reason == .notInAuditLog)
        // The chain itself is untouched, which is exactly why this second check exists.
        #expect(try AuditChain.verify(catalogue).isIntact)
    }
}

/// Errors collected from concurrent workers.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
