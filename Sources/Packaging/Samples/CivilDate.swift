/// A calendar date and time computed by arithmetic only, so samples do not depend on the clock or locale.
struct CivilDate: Sendable, Hashable {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0
    var millisecond = 0

    /// The date `days` days after 1970-01-01 (Howard Hinnant's civil-from-days).
    init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 of a civil date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Seconds since 1970-01-01T00:00:00Z of this local time at `utcOffsetHours`.
    func epochSeconds(utcOffsetHours: Int) -> Int {
        Self.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - utcOffsetHours * 3600
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// `2026-06-12T11:45:37.690+07:00`, the TT05 packages' METS style.
    var iso8601: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))T\(Self.pad(hour, 2)):\(Self.pad(minute, 2)):\(Self.pad(second, 2)).\(Self.pad(millisecond, 3))+07:00"
    }

    /// `DD/MM/YYYY`, the TT05 record style.
    var vietnamese: String { "\(Self.pad(day, 2))/\(Self.pad(month, 2))/\(Self.pad(year, 4))" }

    /// `D:YYYYMMDDHHmmSS+07'00'`, the PDF date style.
    var pdf: String {
        "D:\(Self.pad(year, 4))\(Self.pad(month, 2))\(Self.pad(day, 2))\(Self.pad(hour, 2))\(Self.pad(minute, 2))\(Self.pad(second, 2))+07'00'"
    }
}
