/// Numbers written the Vietnamese way: `.` groups thousands, `,` marks decimals (1.234.567; 98,5).
public enum VietnameseNumber {
    /// `1234567` → `1.234.567`.
    public static func grouped(_ value: some BinaryInteger) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// A percentage with one decimal: `98,5 %`; `—` when there is nothing to divide by.
    public static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(grouped(tenths / 10)),\(tenths % 10) %"
    }

    /// Bytes in binary units with a Vietnamese decimal comma: `1,5 MiB`; small sizes in bytes.
    public static func bytes(_ value: Int64) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        guard value >= 1024 else { return "\(grouped(value)) B" }
        var size = Double(value)
        var unit = -1
        while size >= 1024, unit < units.count - 1 {
            size /= 1024
            unit += 1
        }
        let tenths = Int((size * 10).rounded())
        return "\(grouped(tenths / 10)),\(tenths % 10) \(units[unit])"
    }
}
