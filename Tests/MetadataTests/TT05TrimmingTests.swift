import Foundation
@testable import Metadata
import Testing

/// The ASCII fast path of TT05 trimming must agree with Foundation everywhere.
@Suite struct TT05TrimmingTests {
    @Test func fastTrimmingEqualsFoundation() {
        let samples = ["", " ", "a", " a", "a ", "\ta\n", "01", "H49.65.2016", "\u{00A0}x", "x\u{00A0}", "\u{2003}Đ\u{2028}",
                       "Đảng bộ", "bộ Đảng", " Đảng ", "a\u{0301}", "\u{0301}a", "\u{85}a", "a\u{85}", "\u{FEFF}a", "a b",
                       "\r\n", "~", "!x!", "x\u{000B}", "\u{000C}x", "\u{1F}x", "x\u{7F}"]
        for sample in samples {
            #expect(sample.trimmingTT05Whitespace == sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(sample.unicodeScalars))")
            let sub = Substring("(" + sample + ")").dropFirst().dropLast()
            #expect(sub.trimmingTT05Whitespace == String(sub).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
