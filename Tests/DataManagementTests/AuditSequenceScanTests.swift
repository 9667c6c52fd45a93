@testable import DataManagement
import Foundation
import KhoTestSupport
import Testing

/// Verifying the chain reads the sequence number sealed in each entry's content with a byte scan instead of a
/// JSON decoder; where the scan answers, it answers what the decoder does, and every entry Kho writes is scanned.
@Suite struct AuditSequenceScanTests {
    private struct Claim: Decodable { var sequence: Int64 }

    static func decoded(_ text: String) -> Int64? { try? JSONDecoder().decode(Claim.self, from: Data(text.utf8)).sequence }

    static let documents = [
        #"{"kind":"premis-event","payload":{"sequence":99,"s":"}{\"sequence\":5"},"sequence":7}"#,
        #"{"sequence":12}"#,
        #" { "a" : [1, {"sequence": 3}, "]"] , "sequence" : -4 } "#,
        #"{"sequence":7,"sequence":8}"#,
        #"{"seq\u0075ence":7}"#,
        #"{"sequence":7.0}"#,
        #"{"sequence":07}"#,
        #"{"sequence":"7"}"#,
        #"{"sequence":7}x"#,
        #"{"sequence":99999999999999999999}"#,
        #"{"kind":"x"}"#,
        #"[1,2]"#,
        #"{"sequence":7"#,
        #"{"a":"\"","sequence":1}"#,
        #"{"a":{"b":[{"c":"]}"}]},"sequence":2}"#,
    ]

    @Test(arguments: documents)
    func scanAgreesWithTheDecoderWhereItAnswers(_ text: String) {
        let scanned = CanonicalJSON.topLevelInteger("sequence", in: text)
        if let scanned { #expect(scanned == Self.decoded(text), "\(text)") }
        // What the chain check uses: the scan, else the decoder.
        #expect(AuditChain.claimedSequence(text) == (scanned ?? Self.decoded(text)))
    }

    @Test func everyEntryKhoWritesIsScanned() throws {
        let (dir, catalogue) = try AuditChainTests.chain(40)
        defer { withExtendedLifetime(dir) {} }
        for sequence in Int64(1)...40 {
            let entry = try #require(try catalogue.auditEntry(sequence: sequence))
            #expect(CanonicalJSON.topLevelInteger("sequence", in: entry.content) == sequence)
        }
    }
}
