import Foundation

/// A TT05 date: `DD/MM/YYYY`, or in an AIP also `MM/YYYY` or `YYYY` when only the month or year is known.
///
/// A partial date stands for a range of days; `earliestDay` and `latestDay` bound it, so ranges compare
/// correctly (a dossier from `2001` to `05/03/2001` is in order: the year may end later).
public struct TT05Date: Sendable, Hashable, TT05Parsable, CustomStringConvertible {
    /// How much of the date is known.
    public enum Precision: Sendable, Hashable, Comparable {
        /// Only the year (`YYYY`).
        case year
        /// Month and year (`MM/YYYY`).
        case month
        /// Day, month and year (`DD/MM/YYYY`).
        case day
    }

    /// The year (four digits).
    public let year: Int
    /// The month 1–12, nil for a year-only date.
    public let month: Int?
    /// The day of the month, nil unless the precision is `.day`.
    public let day: Int?

    /// A full date; nil when the day does not exist in that month (e.g. 30/02).
    public init?(day: Int, month: Int, year: Int) {
        guard (1...12).contains(month), (1...TT05Date.daysIn(month: month, year: year)).contains(day), (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A month date; nil for a month outside 1–12.
    public init?(month: Int, year: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
        self.day = nil
    }

    /// A year date.
    public init?(year: Int) {
        guard (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = nil
        self.day = nil
    }

    /// Parses `DD/MM/YYYY`, `MM/YYYY` or `YYYY` (one-digit day or month tolerated: `5/1/2001`).
    public init?(tt05Text text: String) {
        let parts = text.trimmingTT05Whitespace.split(separator: "/", omittingEmptySubsequences: false)
        func number(_ part: Substring, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        switch parts.count {
        case 1:
            guard let year = number(parts[0], digits: 4...4) else { return nil }
            self.init(year: year)
        case 2:
            guard let month = number(parts[0], digits: 1...2), let year = number(parts[1], digits: 4...4) else { return nil }
            self.init(month: month, year: year)
        case 3:
            guard let day = number(parts[0], digits: 1...2), let month = number(parts[1], digits: 1...2),
                  let year = number(parts[2], digits: 4...4) else { return nil }
            self.init(day: day, month: month, year: year)
        default:
            return nil
        }
    }

    /// How much is known.
    public var precision: Precision {
        if day != nil { return .day }
        return month == nil ? .year : .month
    }

    /// Canonical text: `05/01/2001`, `01/2001` or `2001`.
    public var tt05Text: String {
        let yyyy = String(format: "%04d", year)
        switch (day, month) {
        case let (day?, month?): return String(format: "%02d/%02d/", day, month) + yyyy
        case let (nil, month?): return String(format: "%02d/", month) + yyyy
        default: return yyyy
        }
    }

    /// Same as `tt05Text`.
    public var description: String { tt05Text }

    /// The first day the date may mean, as (year, month, day).
    public var earliestDay: DayStamp { DayStamp(year: year, month: month ?? 1, day: day ?? 1) }

    /// The last day the date may mean, as (year, month, day).
    public var latestDay: DayStamp {
        let lastMonth = month ?? 12
        return DayStamp(year: year, month: lastMonth, day: day ?? TT05Date.daysIn(month: lastMonth, year: year))
    }

    /// True when `self` (a start) can come no later than `end`: some day of `self` ≤ some day of `end`.
    public func canPrecede(_ end: TT05Date) -> Bool { earliestDay <= end.latestDay }

    /// True when the day ranges of the two dates overlap or `self` lies inside `start…end`.
    public func fallsWithin(start: TT05Date?, end: TT05Date?) -> Bool {
        if let start, latestDay < start.earliestDay { return false }
        if let end, earliestDay > end.latestDay { return false }
        return true
    }

    /// Days in a month of the proleptic Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// A calendar day, ordered chronologically.
    public struct DayStamp: Sendable, Hashable, Comparable {
        /// Year.
        public var year: Int
        /// Month 1–12.
        public var month: Int
        /// Day 1–31.
        public var day: Int

        /// Chronological order.
        public static func < (lhs: DayStamp, rhs: DayStamp) -> Bool {
            (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
        }
    }
}
