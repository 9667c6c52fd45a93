import Foundation

/// A TT05 date as archivists write it: `DD/MM/YYYY`, `MM/YYYY` or `YYYY` (ISO `YYYY-MM-DD` also read),
/// split into sortable parts. Text that is not a date gives nil; the original is always kept beside it.
public struct PartialDate: Sendable, Hashable, Codable {
    /// Năm.
    public var year: Int
    /// Tháng, when given.
    public var month: Int?
    /// Ngày, when given.
    public var day: Int?

    /// Parses the forms above; nil when the text is not one of them or out of range.
    public init?(_ text: String?) {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        let parts: [Substring]
        if iso.count == 3, iso[0].count == 4 {
            parts = [iso[2], iso[1], iso[0]]
        } else {
            parts = text.split(separator: "/", omittingEmptySubsequences: false)
        }
        let numbers = parts.map { Int($0) }
        guard !numbers.contains(nil), let y = numbers.last ?? nil, (1000...9999).contains(y) else { return nil }
        year = y
        switch numbers.count {
        case 1:
            month = nil; day = nil
        case 2:
            guard let m = numbers[0], (1...12).contains(m) else { return nil }
            month = m; day = nil
        case 3:
            guard let d = numbers[0], let m = numbers[1], (1...12).contains(m), (1...31).contains(d) else { return nil }
            month = m; day = d
        default:
            return nil
        }
    }
}
