import Foundation

/// ISO 8601 times as TT05 writes them: milliseconds and the Vietnam offset, `2026-06-12T11:45:37.690+07:00`.
enum AIPTimestamp {
    /// Vietnam's offset (Asia/Ho_Chi_Minh has no daylight saving time).
    static let offsetSeconds = 7 * 3600

    /// Formats `date` in UTC+07:00.
    static func string(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offsetSeconds) ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let millis = min(999, Int((Double(c.nanosecond ?? 0) / 1_000_000).rounded(.down)))
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)).\(pad(millis, 3))+07:00"
    }
}
