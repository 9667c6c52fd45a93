import Foundation
import GRDB
import KhoCore

/// The hash-chained audit log (DESIGN.md invariant 6): every PREMIS event recorded in the catalogue
/// is also appended here, inside the same write transaction, so an auditor can prove that nothing
/// was removed, edited, inserted or reordered. SQLite's single writer serializes appends.
public enum AuditChain {
    /// The canonical content of an entry.
    struct Content<Payload: Codable>: Codable {
        var kind: String
        var sequence: Int64
        var payload: Payload
    }

    /// The payload of a `premis-event` entry.
    struct EventPayload: Codable, Equatable {
        var aipObjectID: String?
        var event: EventEntry
    }

    /// SHA-256 of `previousHash + content` (UTF-8), lower-case hex.
    public static func digest(previousHash: String, content: String) -> String {
        digest(previousHash: previousHash, content: content, with: MultiDigester([.sha256]))
    }

    /// The same with a sha256 digester to reuse (reset here): verifying a long chain hashes one entry after another.
    static func digest(previousHash: String, content: String, with digester: MultiDigester) -> String {
        digester.reset()
        var previousHash = previousHash, content = content
        previousHash.withUTF8 { digester.update(UnsafeRawBufferPointer($0)) }
        content.withUTF8 { digester.update(UnsafeRawBufferPointer($0)) }
        return digester.finalizeFirst().hex
    }

    /// Appends an event unless one with the same identifier is already in the chain (a catalogue
    /// rebuild re-records events without appending them twice).
    static func appendEvent(_ db: Database, _ event: EventEntry, aipObjectID: String?) throws {
        let sealed = try db.cachedStatement(sql: "SELECT 1 FROM audit_log WHERE eventIdentifier = ? LIMIT 1")
        if try Int.fetchOne(sealed, arguments: [event.identifier]) != nil { return }
        try append(db, kind: "premis-event", eventIdentifier: event.identifier,
                   payload: EventPayload(aipObjectID: aipObjectID, event: event))
    }

    /// Appends one entry; call inside the write transaction of what it records.
    static func append(_ db: Database, kind: String, eventIdentifier: String?, payload: some Codable) throws {
        let last = try Row.fetchOne(try db.cachedStatement(sql: "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1"))
        let sequence: Int64 = (last?["sequence"] ?? 0) + 1
        let previousHash: String = last?["hash"] ?? AuditEntry.genesis
        let content = try CanonicalJSON.encode(Content(kind: kind, sequence: sequence, payload: payload))
        try AuditEntry(sequence: sequence, kind: kind, eventIdentifier: eventIdentifier, content: content,
                       previousHash: previousHash,
                       hash: digest(previousHash: previousHash, content: content)).insert(db)
    }

    /// Walks the whole chain from the first entry and returns its length and head digest, or the
    /// first bad entry and why. With an `anchor` from an earlier run, also detects a cut or rewritten tail.
    public static func verify(_ catalogue: Catalogue, anchor: AuditAnchor? = nil) throws(CatalogueError) -> AuditVerification {
        try catalogue.streamingRead("verify audit chain") { db in
            var length: Int64 = 0
            var head = AuditEntry.genesis
            var beforeHead = AuditEntry.genesis
            var failure: AuditFailure?
            let cursor = try AuditEntry.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY sequence")
            let digester = MultiDigester([.sha256])
            var suspect: AuditEntry?
            while let entry = try cursor.next() {
                let expected = length + 1
                if entry.sequence != expected {
                    failure = AuditFailure(
                        sequence: expected, reason: .missing,
                        explanation: "Thiếu mục \(expected) (bị xóa), mục kế tiếp là \(entry.sequence) / entry \(expected) is missing (deleted); the next one is \(entry.sequence)")
                    break
                }
                if entry.previousHash != head {
                    suspect = entry
                    break
                }
                if digest(previousHash: entry.previousHash, content: entry.content, with: digester) != entry.hash {
                    failure = AuditFailure(
                        sequence: entry.sequence, reason: .contentEdited,
                        explanation: "Nội dung mục \(entry.sequence) đã bị sửa / entry \(entry.sequence) content was edited: its hash does not match")
                    break
                }
                if let claimed = claimedSequence(entry.content), claimed != entry.sequence {
                    failure = AuditFailure(
                        sequence: entry.sequence, reason: .reordered,
                        explanation: "Mục ở vị trí \(entry.sequence) ghi số thứ tự \(claimed) / entry at \(entry.sequence) claims sequence \(claimed): reordered or renumbered")
                    break
                }
                beforeHead = head
                head = entry.hash
                length = entry.sequence
            }
            if let entry = suspect {
                failure = try diagnoseLink(db, entry, head: head, beforeHead: beforeHead, length: length)
            }
            if failure == nil, let anchor {
                failure = try checkAnchor(db, anchor, length: length)
            }
            if let failure, failure.reason == .inserted {
                // The entry before the suspect is the inserted one: the sound chain ends before it.
                let row = try Row.fetchOne(db, sql: "SELECT hash FROM audit_log WHERE sequence = ?", arguments: [failure.sequence - 1])
                return AuditVerification(length: failure.sequence - 1, headDigest: row?["hash"] ?? AuditEntry.genesis, failure: failure)
            }
            return AuditVerification(length: length, headDigest: head, failure: failure)
        }
    }

    /// Names what is wrong when `entry.previousHash` is not the hash of the entry before it.
    static func diagnoseLink(_ db: Database, _ entry: AuditEntry, head: String, beforeHead: String, length: Int64) throws -> AuditFailure {
        if length >= 1, entry.previousHash == beforeHead {
            return AuditFailure(
                sequence: length, reason: .inserted,
                explanation: "Mục \(length) bị chèn vào: mục \(entry.sequence) nối thẳng tới mục trước nó / entry \(length) was inserted: entry \(entry.sequence) links straight past it")
        }
        let target = try Int64.fetchOne(db, sql: "SELECT sequence FROM audit_log WHERE hash = ? ORDER BY sequence LIMIT 1",
                                        arguments: [entry.previousHash])
        if let target, target > entry.sequence {
            return AuditFailure(
                sequence: entry.sequence, reason: .reordered,
                explanation: "Mục \(entry.sequence) nối tới mục sau nó (\(target)): thứ tự bị đảo / entry \(entry.sequence) links to later entry \(target): reordered")
        }
        return AuditFailure(
            sequence: entry.sequence, reason: .brokenLink,
            explanation: "Mục \(entry.sequence) không nối với mục trước: mục trước bị xóa hoặc viết lại / entry \(entry.sequence) does not link to the one before: it was removed or rewritten")
    }

    static func checkAnchor(_ db: Database, _ anchor: AuditAnchor, length: Int64) throws -> AuditFailure? {
        guard anchor.length > 0 else { return nil }
        if length < anchor.length {
            return AuditFailure(
                sequence: length + 1, reason: .anchorMismatch,
                explanation: "Nhật ký ngắn hơn mốc đã lưu (\(length) < \(anchor.length)): phần cuối bị xóa / chain is shorter than the anchor (\(length) < \(anchor.length)): its tail was removed")
        }
        let hash = try String.fetchOne(db, sql: "SELECT hash FROM audit_log WHERE sequence = ?", arguments: [anchor.length])
        if hash != anchor.headDigest {
            return AuditFailure(
                sequence: anchor.length, reason: .anchorMismatch,
                explanation: "Mục \(anchor.length) khác với mốc đã lưu / entry \(anchor.length) differs from the anchor: the chain was rewritten")
        }
        return nil
    }

    /// Compares each PREMIS event in the catalogue with the content its audit entry sealed, and lists
    /// the events that were edited in `premis_events` / `event_objects` after being recorded, or that
    /// never went through the chain. (Events removed for a rebuild are not flagged: the chain keeps them.)
    public static func verifyEvents(_ catalogue: Catalogue) throws(CatalogueError) -> [EventDiscrepancy] {
        try catalogue.streamingRead("verify events against audit log") { db in
            var found: [EventDiscrepancy] = []
            let cursor = try PremisEvent.fetchCursor(db, sql: "SELECT * FROM premis_events ORDER BY identifier")
            while let row = try cursor.next() {
                guard let event = try Catalogue.eventEntries(db, [row]).first else { continue }
                let sealed = try AuditEntry.fetchOne(
                    db, sql: "SELECT * FROM audit_log WHERE eventIdentifier = ? ORDER BY sequence LIMIT 1",
                    arguments: [row.identifier])
                guard let sealed else {
                    found.append(EventDiscrepancy(eventIdentifier: row.identifier, auditSequence: nil, reason: .notInAuditLog))
                    continue
                }
                let payload = try? JSONDecoder().decode(Content<EventPayload>.self, from: Data(sealed.content.utf8)).payload
                if payload != EventPayload(aipObjectID: row.aipObjectID, event: event) {
                    found.append(EventDiscrepancy(eventIdentifier: row.identifier, auditSequence: sealed.sequence, reason: .editedAfterAudit))
                }
            }
            return found
        }
    }

    private struct Claim: Decodable { var sequence: Int64 }

    /// The sequence number written inside the canonical content; nil when it cannot be read.
    static func claimedSequence(_ content: String) -> Int64? {
        CanonicalJSON.topLevelInteger("sequence", in: content) ?? (try? JSONDecoder().decode(Claim.self, from: Data(content.utf8)).sequence)
    }

    /// Writes the chain as JSON Lines, one entry per line (`sequence`, `kind`, `eventIdentifier`,
    /// `content` as a string, `previousHash`, `hash`), so anyone can re-verify it with sha256sum and jq.
    /// Returns the number of entries written.
    @discardableResult
    public static func export(_ catalogue: Catalogue, to url: URL) throws(CatalogueError) -> Int64 {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw .audit(reason: "cannot create \(url.path)")
        }
        defer { try? handle.close() }
        return try catalogue.streamingRead("export audit log") { db in
            var count: Int64 = 0
            var buffer = Data()
            let cursor = try AuditEntry.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY sequence")
            while let entry = try cursor.next() {
                buffer.append(Data(try CanonicalJSON.encode(entry).utf8))
                buffer.append(0x0A)
                count += 1
                if buffer.count > 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
            return count
        }
    }
}

extension Catalogue {
    /// One audit entry by sequence number.
    public func auditEntry(sequence: Int64) throws(CatalogueError) -> AuditEntry? {
        try read("read audit entry") { db in try AuditEntry.fetchOne(db, key: sequence) }
    }
}
