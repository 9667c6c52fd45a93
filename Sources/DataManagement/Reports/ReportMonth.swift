import Foundation

/// A calendar month in Vietnam time (UTC+07:00, no daylight saving): the period of a monthly report.
public struct ReportMonth: Sendable, Hashable, Codable, Comparable {
    /// Year, e.g. 2026.
    public var year: Int
    /// Month, 1…12.
    public var month: Int

    /// A month; `nil` unless 1 ≤ month ≤ 12 and the year has four digits.
    public init?(year: Int, month: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` (e.g. `2026-11`); anything else is a `ReportError.invalidMonth`.
    public init(parsing text: String) throws(ReportError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let value = ReportMonth(year: year, month: month)
        else { throw .invalidMonth(text) }
        self = value
    }

    /// The month that holds `date` in Vietnam time.
    public init(containing date: Date) {
        let c = VietnamTime.calendar.dateComponents([.year, .month], from: date)
        year = c.year ?? 1970
        month = c.month ?? 1
    }

    /// `2026-11`.
    public var iso: String { String(format: "%04d-%02d", year, month) }
    /// `11/2026`, as Vietnamese documents write a month.
    public var vietnamese: String { String(format: "%02d/%04d", month, year) }

    /// True when `timestamp` (ISO 8601 with an offset, as Ingest records `receivedAt`) falls in this month, Vietnam time.
    public func contains(timestamp: String) -> Bool {
        guard let date = VietnamTime.parse(timestamp) else {
            // Unparseable: trust the literal date part (Ingest always writes Vietnam time).
            return timestamp.hasPrefix(iso)
        }
        return ReportMonth(containing: date) == self
    }

    public static func < (a: ReportMonth, b: ReportMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }

    /// Encoded as `"2026-11"`, the form `--month` takes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    /// Decodes `"2026-11"`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try ReportMonth(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message.en))
        }
    }
}

/// Vietnam time (Asia/Ho_Chi_Minh, UTC+07:00 all year) and the Vietnamese ways of writing it.
public enum VietnamTime {
    /// A Gregorian calendar at UTC+07:00.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt
        return calendar
    }()

    /// Parses ISO 8601 with or without fractional seconds.
    public static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// `21/11/2026`.
    public static func date(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%02d/%02d/%04d", c.day ?? 1, c.month ?? 1, c.year ?? 1970)
    }

    /// `22:40 21/11/2026`.
    public static func dateTime(_ date: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d ", c.hour ?? 0, c.minute ?? 0) + self.date(date)
    }

    /// `ngày 21 tháng 11 năm 2026`, the form at the foot of an official document.
    public static func longDate(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return "ngày \(c.day ?? 1) tháng \(c.month ?? 1) năm \(c.year ?? 1970)"
    }

    /// A stored ISO 8601 timestamp shown the Vietnamese way (`22:40 21/11/2026`), or as given when unparseable.
    public static func display(_ timestamp: String) -> String {
        parse(timestamp).map(dateTime) ?? timestamp
    }

    /// ISO 8601 with the +07:00 offset, e.g. `2026-11-21T22:40:00+07:00`.
    public static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = calendar.timeZone
        return formatter.string(from: date)
    }
}
