import Foundation
import KhoCore
import Testing

/// Event identifiers are UUID version 7: time first, so the catalogue's indexes on them grow at one end.
@Suite struct TimeOrderedUUIDTests {
    @Test func versionVariantAndTimeAreWhereRFC9562PutsThem() throws {
        var generator = SystemRandomNumberGenerator()
        let text = TimeOrderedUUID.make(milliseconds: 0x0191_2345_6789, using: &generator)
        #expect(text.count == 36 && text == text.lowercased())
        let uuid = try #require(UUID(uuidString: text))
        let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
        #expect(bytes[0..<6] == [0x01, 0x91, 0x23, 0x45, 0x67, 0x89])
        #expect(bytes[6] >> 4 == 7)
        #expect(bytes[8] >> 6 == 0b10)
    }

    @Test func laterIdentifiersSortLaterAndNoneRepeat() {
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let identifiers = (0..<2000).map { TimeOrderedUUID.make(at: start.addingTimeInterval(Double($0) / 100)) }
        #expect(Set(identifiers).count == identifiers.count)
        // Ten milliseconds apart: strictly increasing as text.
        #expect(zip(identifiers, identifiers.dropFirst()).allSatisfy { $0 < $1 })
    }
}
