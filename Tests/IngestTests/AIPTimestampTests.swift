import Foundation
import Testing
@testable import Ingest

@Suite("AIP times in ISO 8601 with +07:00")
struct AIPTimestampTests {
    @Test("UTC instants are shown in Vietnam time with milliseconds, crossing the day and year boundary")
    func formats() {
        #expect(AIPTimestamp.string(Date(timeIntervalSince1970: 0)) == "1970-01-01T07:00:00.000+07:00")
        // 2025-12-31T20:30:15.250Z is already New Year's Day in Hà Nội.
        #expect(AIPTimestamp.string(Date(timeIntervalSince1970: 1_767_213_015.25)) == "2026-01-01T03:30:15.250+07:00")
        #expect(AIPTimestamp.string(Date(timeIntervalSince1970: 1_781_239_537.690)) == "2026-06-12T11:45:37.690+07:00")
    }
}
